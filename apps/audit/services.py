"""Recording history. Every service that writes calls ``record`` inside its transaction."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """The values of ``fields`` as plain JSON data, for comparing before and after a change."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields whose values differ."""
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }


def _id(value) -> int | None:
    return value.pk if isinstance(value, models.Model) else value


def _scope_of(target: models.Model) -> dict[str, int | None]:
    """``{"edition": id, "engagement": id}`` of a target that declares ``audit_scope`` (an edition, an engagement,
    an application, an HDR...); empty for targets outside any edition (an organiser, a catalogue version)."""
    scope = getattr(target, "audit_scope", None)
    return dict(scope) if scope else {}


def record(
    *,
    actor,
    action: str,
    target: models.Model,
    changes: dict | None = None,
    message: str = "",
    about: type[models.Model] | models.Model | None = None,
    edition=None,
    engagement=None,
) -> AuditEntry:
    """One history entry. ``about`` is the model whose fields ``changes`` names when it is not the target's;
    ``edition``/``engagement`` (objects or ids) override the scope the target declares."""
    actor_user = actor if getattr(actor, "is_authenticated", False) else None
    scope = _scope_of(target)
    if edition is not None:
        scope["edition"] = _id(edition)
    if engagement is not None:
        scope["engagement"] = _id(engagement)
    return AuditEntry.objects.create(
        actor=actor_user,
        actor_label=(f"{actor_user.full_name} <{actor_user.email}>" if actor_user else "system"),
        action=action,
        target_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        changes={k: _plain(v) for k, v in (changes or {}).items()},
        changes_type=ContentType.objects.get_for_model(about, for_concrete_model=False) if about is not None else None,
        message=message,
        edition_id=scope.get("edition"),
        engagement_id=scope.get("engagement"),
    )
