"""Where each app's personal data is described: one module per app in this package (decision: see the report).

Privacy sits above every app, so it may read all of them; apps below it cannot register into it without a
registry in a low layer, and three of them (events, monitoring, surveys) are being written at the same time.
So each app's personal data is described here, in ``personal_data/<app>.py``, as a ``Source``: what the
register of processing activities says about it (art. 30), what goes into a person's export (the fields, so
nothing of anyone else leaks), the person's own files, how it is erased (anonymised or deleted) and which
editions it ties the person to (legal holds). Retention rules sit beside their source (``RetentionRule``).

Names people typed that the platform copies into ``<fk>_label`` columns next to a foreign key to the user
(``author``/``author_label``) are found by ``label_columns()`` in every installed model, so an app adding such a
pair is anonymised without a line here.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps as django_apps
from django.conf import settings
from django.db import models
from django.db.models.fields.files import FieldFile

from apps.core.registry import Registry


def _nothing(user) -> list:
    return []


def _no_erasure(user) -> dict:
    return {}


@dataclass(frozen=True)
class Source:
    key: str
    # The register of processing activities (art. 30 RODO): what, why, on what basis, about whom, to whom.
    activity: str
    purpose: str
    legal_basis: str
    subjects: str
    categories: str
    recipients: str
    retention: str
    # A person's export: a list of {"title", "rows"} sections; their own files as (name in the ZIP, file).
    collect: Callable[[object], list[dict]] = _nothing
    files: Callable[[object], list[tuple[str, FieldFile]]] = _nothing
    # Erasure of the person's records (anonymised where they must be kept, deleted otherwise): counts per kind.
    erase: Callable[[object], dict] = _no_erasure
    # The editions whose records of the person it holds (a legal hold on one of them blocks erasure).
    editions: Callable[[object], Iterable[int]] = _nothing
    # The organisers that hold the person's data here (who answers the person's requests).
    organisations: Callable[[object], Iterable[int]] = _nothing


@dataclass(frozen=True)
class RetentionRule:
    key: str
    label: str
    # The records past their period on ``today``, leaving out those of the editions in ``held`` (ids).
    due: Callable[[date, set[int]], models.QuerySet]
    # What is done with them (delete or anonymise); returns how many.
    apply: Callable[[models.QuerySet], int] = field(default=lambda qs: qs.delete()[0])
    describe: Callable[[models.Model], str] = str


FORMER_PARTICIPANT = "były uczestnik"  # the same words as privacy.models.FORMER_PARTICIPANT


def needles_of(user) -> list[str]:
    """What identifies the person in copied text: their name and address (before the account is emptied)."""
    return [n for n in {user.full_name.strip(), user.email.strip()} if len(n) >= 3]


def replace_names(value, needles: list[str]):
    """``value`` (text, or JSON of lists and dicts) with every needle replaced by "były uczestnik"."""
    if isinstance(value, str):
        for needle in needles:
            value = value.replace(needle, FORMER_PARTICIPANT)
        return value
    if isinstance(value, list):
        return [replace_names(item, needles) for item in value]
    if isinstance(value, dict):
        return {key: replace_names(item, needles) for key, item in value.items()}
    return value


def scrub(queryset, fields: list[str], needles: list[str]) -> int:
    """Replace the person's name and address inside copies kept in text or JSON (frozen versions, timelines)."""
    count = 0
    for obj in queryset:
        changed = False
        for name in fields:
            before = getattr(obj, name)
            after = replace_names(before, needles)
            if after != before:
                setattr(obj, name, after)
                changed = True
        if changed:
            obj.save(update_fields=fields)
            count += 1
    return count


SOURCES: Registry[Source] = Registry("personal data source")
RETENTION: Registry[RetentionRule] = Registry("retention rule")


def retention_days(kind: str) -> int:
    return settings.PRIVACY_RETENTION_DAYS[kind]


def rows(queryset, fields: list[str]) -> list[dict]:
    """The listed fields of each row, as JSON-ready values (dates ISO, choices with their label)."""
    result = []
    for obj in queryset:
        row = {}
        for name in fields:
            value = getattr(obj, name)
            display = getattr(obj, f"get_{name}_display", None)
            if display is not None:
                value = f"{value} ({display()})"
            elif isinstance(value, (date, datetime)):
                value = value.isoformat()
            elif (
                isinstance(value, models.Model)
                or value is not None
                and not isinstance(value, (str, int, float, bool, list, dict))
            ):
                value = str(value)
            row[name] = value
        result.append(row)
    return result


def label_columns() -> list[tuple[type[models.Model], str, str]]:
    """Every (model, user foreign key, label column) pair in the installed apps: ``author``/``author_label``."""
    user_model = django_apps.get_model(settings.AUTH_USER_MODEL)
    pairs = []
    for model in django_apps.get_models():
        names = {f.name: f for f in model._meta.get_fields() if getattr(f, "concrete", False)}
        for name, fk in names.items():
            if isinstance(fk, models.ForeignKey) and fk.related_model is user_model and f"{name}_label" in names:
                pairs.append((model, name, f"{name}_label"))
    return pairs


# ``programmes`` holds no personal data (the programme library names no one), so it has no module here.
from . import (  # noqa: E402, F401
    accounts,
    advising,
    audit,
    consents,
    engagements,
    events,
    feedback,
    messaging,
    monitoring,
    openspace,
    plans,
    publications,
    recruitment,
    surveys,
)
