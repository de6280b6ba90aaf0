"""Reading history: the entries of one object, and the same entries as a person reads them."""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import AuditEntry

# Keys services record that are not fields of the model they describe (a member's e-mail on the engagement, the
# version of an HDR...). A key without a label anywhere is shown as recorded.
KEY_LABELS = {
    "action": gettext_lazy("działanie"),
    "area": gettext_lazy("obszar"),
    "areas": gettext_lazy("obszary"),
    "document": gettext_lazy("dokument"),
    "email": gettext_lazy("adres e-mail"),
    "event": gettext_lazy("wydarzenie"),
    "from_version": gettext_lazy("na podstawie wersji"),
    "joined": gettext_lazy("dołącza"),
    "leader": gettext_lazy("lider zespołu"),
    "left": gettext_lazy("odchodzi"),
    "member": gettext_lazy("osoba w zespole"),
    "number": gettext_lazy("numer"),
    "period": gettext_lazy("okres"),
    "priority": gettext_lazy("priorytet"),
    "reason": gettext_lazy("powód"),
    "role": gettext_lazy("rola"),
    "solution": gettext_lazy("rozwiązanie"),
    "team": gettext_lazy("zespół"),
    "text": gettext_lazy("treść"),
    "user": gettext_lazy("osoba"),
    "version": gettext_lazy("wersja"),
}
EMPTY = "—"


def describe_keys(labels: dict) -> None:
    """An app names the non-field keys its services record (from its ``history.py``)."""
    for key, label in labels.items():
        if key in KEY_LABELS and KEY_LABELS[key] != label:
            raise RuntimeError(f"History key {key!r} is described twice.")
        KEY_LABELS[key] = label


def history_of(target: models.Model) -> QuerySet[AuditEntry]:
    """The history of one object. Callers check that the user may see the object first."""
    return AuditEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        target_id=str(target.pk),
    ).select_related("actor")


@dataclass
class Change:
    label: str
    new: str
    old: str | None = None  # None: a value recorded as it was, not a change from something

    @property
    def is_change(self) -> bool:
        return self.old is not None


@dataclass
class HistoryRow:
    entry: AuditEntry
    changes: list[Change] = field(default_factory=list)

    def __getattr__(self, name: str):
        # A row reads like its entry (``row.action``, ``row.at``) besides its readable ``changes``.
        if name == "entry":
            raise AttributeError(name)
        return getattr(self.entry, name)


def _field(model: type[models.Model] | None, key: str) -> models.Field | None:
    if model is None:
        return None
    try:
        found = model._meta.get_field(key)
    except Exception:  # FieldDoesNotExist, or a reverse relation name
        return None
    return found if isinstance(found, models.Field) else None


def _bool(value: bool) -> str:
    return _("Tak") if value else _("Nie")


def _date(value: Any) -> str | None:
    if isinstance(value, str):
        parsed_dt = parse_datetime(value) if "T" in value or " " in value else None
        if parsed_dt is not None:
            if timezone.is_aware(parsed_dt):
                parsed_dt = timezone.localtime(parsed_dt)
            return formats.date_format(parsed_dt, "d.m.Y H:i")
        parsed = parse_date(value)
        if parsed is not None:
            return formats.date_format(parsed, "d.m.Y")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "d.m.Y H:i")
    if isinstance(value, date):
        return formats.date_format(value, "d.m.Y")
    return None


def _number(value: Any) -> str:
    try:
        return formats.number_format(Decimal(str(value)), use_l10n=True, force_grouping=True)
    except (InvalidOperation, ValueError):
        return str(value)


class _Reader:
    """Turns recorded values into what a person reads; related rows stored as ids are fetched once per model."""

    def __init__(self, rows: list[tuple[type[models.Model] | None, dict]]):
        wanted: dict[type[models.Model], set] = {}
        for model, changes in rows:
            for key, value in changes.items():
                found = _field(model, key)
                if found is not None and found.is_relation and found.related_model is not None:
                    for v in value if isinstance(value, list) else [value]:
                        if isinstance(v, int) and not isinstance(v, bool):
                            wanted.setdefault(found.related_model, set()).add(v)
        self.names = {
            related: {obj.pk: str(obj) for obj in related._default_manager.filter(pk__in=pks)}
            for related, pks in wanted.items()
        }

    def value(self, found: models.Field | None, value: Any) -> str:
        if value is None or value == "" or value == []:
            return EMPTY
        if isinstance(value, list):
            return "; ".join(self.value(found, v) for v in value)
        if isinstance(value, dict):
            return "; ".join(f"{k}: {self.value(None, v)}" for k, v in value.items())
        if isinstance(value, bool):
            return _bool(value)
        if found is not None:
            if found.choices:
                return str(dict(found.flatchoices).get(value, value))
            if found.is_relation and found.related_model is not None and isinstance(value, int):
                return self.names.get(found.related_model, {}).get(value, str(value))
            if isinstance(found, (models.DateField, models.DateTimeField)):
                return _date(value) or str(value)
            if isinstance(found, (models.DecimalField, models.FloatField, models.IntegerField)):
                return _number(value)
        return (_date(value) if isinstance(value, str) else None) or str(value)

    def changes(self, model: type[models.Model] | None, changes: dict) -> list[Change]:
        out = []
        for key, value in changes.items():
            found = _field(model, key)
            label = str(found.verbose_name) if found is not None else str(KEY_LABELS.get(key, key))
            # ``diff()`` records a change as [old, new]; a list field's value is itself a list of any length.
            is_pair = isinstance(value, list) and len(value) == 2 and not _is_list_field(found, key)
            if is_pair:
                out.append(Change(label=label, old=self.value(found, value[0]), new=self.value(found, value[1])))
            else:
                out.append(Change(label=label, new=self.value(found, value)))
        return out


# Keys recorded as lists of values (not as [old, new]).
LIST_KEYS = {"team", "areas", "period", "signatures", "warnings", "solutions", "tags"}


def _is_list_field(found: models.Field | None, key: str) -> bool:
    if key in LIST_KEYS:
        return True
    return isinstance(found, (models.JSONField, models.ManyToManyField))


def readable(entries) -> list[HistoryRow]:
    """``entries`` with each change as (field label, old, new) in the reader's language: choice labels,
    names of related rows, dates as d.m.Y, Tak/Nie."""
    entries = list(entries)
    rows = []
    for entry in entries:
        content_type = entry.changes_type or entry.target_type
        rows.append((content_type.model_class(), entry.changes or {}))
    reader = _Reader(rows)
    return [
        HistoryRow(entry=entry, changes=reader.changes(model, changes))
        for entry, (model, changes) in zip(entries, rows, strict=True)
    ]


def readable_history_of(target: models.Model, limit: int = 500) -> list[HistoryRow]:
    return readable(history_of(target).select_related("target_type", "changes_type")[:limit])


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
