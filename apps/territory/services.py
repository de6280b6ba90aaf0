"""Every write to the TERYT register: loading a GUS TERC file.

The file is validated completely before the first write; all writes happen in one transaction, in bulk (a few
queries per table, never one per row), so a bad file changes nothing and the full register loads in seconds.
"""

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import models, transaction
from django.utils import timezone, translation

from apps.audit.services import record

from . import names, teryt
from .kinds import JstKind
from .models import Gmina, LocalGovernment, LocalGovernmentChange, Powiat, RegisterImport, Voivodeship

# The JST fields whose changes are kept in LocalGovernmentChange (search fields are derived from these).
TRACKED_FIELDS = ("teryt", "kind", "name", "display_name", "is_active")
COUNTS = ("created", "updated", "deactivated", "unchanged")
BATCH_SIZE = 500


def place_key(*, code: str) -> str:
    """What identifies a unit across register versions: a gmina whose type changes keeps WOJ+POW+GMI, not RODZ."""
    return code[:6] if len(code) == 7 else code


@dataclass
class SyncResult:
    created: list[models.Model] = field(default_factory=list)
    # Each changed row with {field: (old, new)}; deactivation and reactivation appear as an ``is_active`` change.
    changed: list[tuple[models.Model, dict[str, tuple]]] = field(default_factory=list)
    unchanged: list[models.Model] = field(default_factory=list)


def load_register(*, data: bytes, source: str, by=None) -> RegisterImport:
    """Bring the register in line with a TERC file. Raises ``teryt.TercFileError`` (and writes nothing) if the
    file is malformed or covers only part of the country."""
    register = teryt.parse(data)
    with transaction.atomic():
        _refuse_partial_register(register)
        as_of, now = register.as_of, timezone.now()
        register_import = RegisterImport.objects.create(
            source=source,
            checksum=hashlib.sha256(data).hexdigest(),
            as_of=as_of,
            imported_by=by if getattr(by, "is_authenticated", False) else None,
        )
        _sync(
            Voivodeship,
            Voivodeship.objects.all(),
            {code: {"code": code, "name": unit.name.lower()} for code, unit in register.voivodeships.items()},
            as_of=as_of,
            now=now,
        )
        voivodeship_ids = dict(Voivodeship.objects.values_list("code", "id"))
        _sync(
            Powiat,
            Powiat.objects.all(),
            {
                code: {
                    "code": code,
                    "name": unit.name,
                    "voivodeship_id": voivodeship_ids[code[:2]],
                    "is_city": teryt.is_city_powiat(code),
                }
                for code, unit in register.powiats.items()
            },
            as_of=as_of,
            now=now,
        )
        powiat_ids = dict(Powiat.objects.values_list("code", "id"))
        _sync(
            Gmina,
            Gmina.objects.all(),
            {
                place_key(code=code): {
                    "code": code,
                    "name": unit.name,
                    "rodz": unit.rodz,
                    "powiat_id": powiat_ids[code[:4]],
                }
                for code, unit in register.gminy.items()
            },
            key=lambda gmina: place_key(code=gmina.code),
            as_of=as_of,
            now=now,
        )
        summary = _sync_local_governments(register, register_import, voivodeship_ids, powiat_ids, now=now)
        register_import.summary = summary
        register_import.save(update_fields=["summary"])
        record(
            actor=by,
            action="territory.register_imported",
            target=register_import,
            changes={"source": source, "as_of": as_of, **summary},
        )
    return register_import


def _refuse_partial_register(register: teryt.Register) -> None:
    # GUS also offers TERC for a single voivodeship; loading one would mark the rest of the country inactive.
    missing = Voivodeship.objects.filter(is_active=True).exclude(code__in=register.voivodeships)
    if missing:
        names_missing = ", ".join(f"{voivodeship.code} {voivodeship.name}" for voivodeship in missing)
        raise teryt.TercFileError(
            [
                teryt.Problem(
                    None,
                    f"w pliku brakuje województw obecnych w rejestrze ({names_missing}); to wygląda na wycinek "
                    "rejestru, a nie pełny plik TERC",
                )
            ]
        )


def _sync_local_governments(
    register: teryt.Register,
    register_import: RegisterImport,
    voivodeship_ids: dict[str, int],
    powiat_ids: dict[str, int],
    *,
    now: datetime,
) -> dict[str, dict[str, int]]:
    records = teryt.local_governments(register)
    existing = list(LocalGovernment.objects.select_related("voivodeship", "powiat"))
    wanted = {place_key(code=record.teryt) for record in records}
    # Units that leave the register keep the name they had; the others must not take it.
    kept_names = [jst.display_name for jst in existing if place_key(code=jst.teryt) not in wanted]
    voivodeship_names = {code: unit.name.lower() for code, unit in register.voivodeships.items()}
    display_names = names.unique_display_names(
        (
            names.NameParts(
                kind=record.kind,
                name=record.name,
                teryt=record.teryt,
                powiat_name=register.powiats[record.powiat_code].name if record.powiat_code else "",
                voivodeship_name=voivodeship_names[record.voivodeship_code],
            )
            for record in records
        ),
        taken=kept_names,
    )
    with translation.override("pl"):
        kind_labels = {kind.value: str(kind.label) for kind in JstKind}
    desired = {
        place_key(code=record.teryt): {
            "kind": record.kind,
            "teryt": record.teryt,
            "name": record.name,
            "display_name": display_names[record.teryt],
            "voivodeship_id": voivodeship_ids[record.voivodeship_code],
            "powiat_id": powiat_ids[record.powiat_code] if record.powiat_code else None,
            "search_name": names.fold(record.name),
            "search_text": names.search_text(
                display_names[record.teryt], kind_labels[record.kind], voivodeship_names[record.voivodeship_code]
            ),
        }
        for record in records
    }
    result = _sync(
        LocalGovernment, existing, desired, key=lambda jst: place_key(code=jst.teryt), as_of=register.as_of, now=now
    )

    history = [
        LocalGovernmentChange(
            local_government=jst,
            register_import=register_import,
            field=name,
            old_value=str(old),
            new_value=str(new),
        )
        for jst, diff in result.changed
        for name, (old, new) in diff.items()
        if name in TRACKED_FIELDS
    ]
    LocalGovernmentChange.objects.bulk_create(history, batch_size=BATCH_SIZE)

    counts: Counter[tuple[str, str]] = Counter()
    counts.update(("created", jst.kind) for jst in result.created)
    counts.update(("unchanged", jst.kind) for jst in result.unchanged)
    counts.update(("deactivated" if not jst.is_active else "updated", jst.kind) for jst, _diff in result.changed)
    return {kind.value: {what: counts[what, kind.value] for what in COUNTS} for kind in JstKind}


def _sync(
    model: type[models.Model],
    existing: Iterable[models.Model],
    desired: dict[str, dict],
    *,
    key: Callable[[models.Model], str] = lambda unit: unit.code,
    as_of: date,
    now: datetime,
) -> SyncResult:
    """Create, update, reactivate and deactivate rows of one table so that its active rows are ``desired``.

    Updates run before inserts so that a value a row gives up (a code, a display name) is free for a new row.
    """
    existing = {key(obj): obj for obj in existing}
    result = SyncResult()
    updated_fields = {"is_active", "valid_from", "updated_at"}
    for obj_key, values in desired.items():
        obj = existing.get(obj_key)
        if obj is None:
            result.created.append(model(**values, valid_from=as_of))
            continue
        diff = {name: (getattr(obj, name), value) for name, value in values.items() if getattr(obj, name) != value}
        if not obj.is_active:
            diff["is_active"] = (False, True)
        if not diff:
            result.unchanged.append(obj)
            continue
        for name, (_old, new) in diff.items():
            setattr(obj, name, new)
        updated_fields.update(diff)
        obj.valid_from, obj.updated_at = as_of, now
        result.changed.append((obj, diff))
    for obj_key, obj in existing.items():
        if obj_key not in desired and obj.is_active:
            obj.is_active, obj.valid_from, obj.updated_at = False, as_of, now
            result.changed.append((obj, {"is_active": (True, False)}))
    model.objects.bulk_update([obj for obj, _diff in result.changed], sorted(updated_fields), batch_size=BATCH_SIZE)
    model.objects.bulk_create(result.created, batch_size=BATCH_SIZE)
    return result
