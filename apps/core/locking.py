"""Optimistic locking for documents several people edit at once (diagnosis, HDR, summary).

A versioned model has ``version = models.PositiveIntegerField(default=1)``. A save names the version the editor
started from; if someone saved in between, the save is refused with ``StaleEdit`` carrying the current row, so
the page can show the other person's change next to the user's own input. Nothing is silently overwritten.
"""

from django.db import models
from django.db.models import F


class StaleEdit(Exception):
    """``current`` is the stored state now: a row, or for a document of several rows (a selection) their list."""

    def __init__(self, current):
        super().__init__(f"{type(current).__name__} {getattr(current, 'pk', '')} was changed by someone else.")
        self.current = current


def save_versioned(obj: models.Model, *, expected_version: int, fields: list[str]) -> models.Model:
    """Write ``fields`` of ``obj`` only if the stored version is still ``expected_version``; bump the version.

    One conditional UPDATE, so it is atomic on SQLite and PostgreSQL alike without row locks.
    """
    values = {name: getattr(obj, name) for name in fields}
    if hasattr(obj, "updated_at") and "updated_at" not in values:
        from django.utils import timezone

        values["updated_at"] = timezone.now()
    updated = type(obj).objects.filter(pk=obj.pk, version=expected_version).update(version=F("version") + 1, **values)
    if not updated:
        raise StaleEdit(type(obj).objects.get(pk=obj.pk))
    obj.refresh_from_db(fields=["version", *values])
    return obj
