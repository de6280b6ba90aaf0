from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from .models import AuditEntry


def history_of(target: models.Model) -> QuerySet[AuditEntry]:
    """The history of one object. Callers check that the user may see the object first."""
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        target_id=str(target.pk),
    ).select_related("actor")


def last_change(target: models.Model, action_prefix: str = "") -> tuple[str, object]:
    """Who last changed ``target`` (by an action starting with ``action_prefix``) and when; for a refused stale
    save of a row that does not store its editor."""
    entries = history_of(target)
    if action_prefix:
        entries = entries.filter(action__startswith=action_prefix)
    entry = entries.first()
    if entry is None:
        return "", None
    return (entry.actor.full_name or entry.actor.email) if entry.actor else entry.actor_label, entry.at
