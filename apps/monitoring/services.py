"""Every write of EU monitoring: an edition's settings, the monitoring permission, the institutions' identifiers,
a participant's data (PESEL encrypted, sex derived from it) and the reveals of a PESEL, each in the audit history.

The history names which fields changed, never their values: the monitoring data (disability, origin, PESEL) are
special categories the edition's other readers of the history may not see.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import record
from apps.consents.models import CollectionPoint
from apps.consents.services import record_acknowledgement
from apps.editions.models import Edition

from . import crypto
from .access import forget_monitoring_access
from .identifiers import clean_nip, clean_pesel, clean_regon, sex_of
from .models import FLAGS, Institution, MonitoringAccess, MonitoringSettings, ParticipantData

SETTINGS_FIELDS = ("eu_funded", "programme", "project_number", "project_title", "information_clause")
DATA_FIELDS = ("no_pesel", "other_identifier", "sex", "age_at_start", "education", "labour_status", *FLAGS)


def settings_of(*, edition) -> MonitoringSettings:
    """The edition's monitoring settings (unsaved defaults: not EU-funded, if none were saved)."""
    try:
        return edition.monitoring_settings
    except MonitoringSettings.DoesNotExist:
        return MonitoringSettings(edition=edition)


def save_settings(*, edition, by, **values) -> MonitoringSettings:
    unknown = set(values) - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"Unknown settings fields: {sorted(unknown)}")
    if values.get("eu_funded") and not values.get("project_number"):
        raise ValidationError({"project_number": _("Podaj numer projektu: edycja jest finansowana ze środków UE.")})
    if values.get("eu_funded") and not (values.get("information_clause") or "").strip():
        raise ValidationError(
            {
                "information_clause": _(
                    "Podaj klauzulę informacyjną: uczestnicy muszą ją otrzymać przed podaniem danych."
                )
            }
        )
    with transaction.atomic():
        current, _created = MonitoringSettings.objects.select_for_update().get_or_create(edition=edition)
        changed = [name for name, value in values.items() if getattr(current, name) != value]
        for name, value in values.items():
            setattr(current, name, value)
        current.updated_by = by
        current.save()
        if changed:
            record(
                actor=by,
                action="monitoring.settings_saved",
                target=current,
                changes={"fields": changed},
                edition=edition,
            )
    return current


def grant_access(*, organisation, user, by) -> MonitoringAccess:
    with transaction.atomic():
        access, created = MonitoringAccess.objects.get_or_create(
            organisation=organisation, user=user, defaults={"granted_by": by}
        )
        if created:
            record(actor=by, action="monitoring.access_granted", target=access, changes={"user": user.email})
    forget_monitoring_access(user)
    return access


def save_institution(*, edition, local_government, nip: str, regon: str, by) -> Institution:
    errors = {}
    try:
        nip = clean_nip(nip)
    except ValidationError as error:
        errors["nip"] = error
    try:
        regon = clean_regon(regon)
    except ValidationError as error:
        errors["regon"] = error
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        institution, _created = Institution.objects.select_for_update().get_or_create(
            edition=edition, local_government=local_government
        )
        changed = [name for name, value in (("nip", nip), ("regon", regon)) if getattr(institution, name) != value]
        institution.nip, institution.regon, institution.updated_by = nip, regon, by
        institution.save()
        if changed:
            record(
                actor=by,
                action="monitoring.institution_saved",
                target=institution,
                changes={"nip": nip, "regon": regon},
                edition=edition,
            )
    return institution


def save_participant_data(
    *, team_member, by, pesel: str = "", clause_accepted: bool = False, **values
) -> ParticipantData:
    """Save a participant's data. ``pesel`` empty keeps the stored one (lists never send it back); with a PESEL the
    sex is derived from it and the age from it and the support start, so neither is taken from the form."""
    unknown = set(values) - set(DATA_FIELDS)
    if unknown:
        raise TypeError(f"Unknown monitoring fields: {sorted(unknown)}")
    edition = team_member.engagement.edition
    clause = settings_of(edition=edition).information_clause
    with transaction.atomic():
        data = ParticipantData.objects.select_for_update().filter(team_member=team_member).first()
        if data is None:
            data = ParticipantData(team_member=team_member, edition=edition)
        errors: dict[str, str | ValidationError] = {}
        if data.clause_accepted_at is None and not clause_accepted:
            errors["clause_accepted"] = _("Potwierdź klauzulę informacyjną, zanim zapiszesz dane.")
        before = {name: getattr(data, name) for name in DATA_FIELDS}
        pesel_changed = False
        for name, value in values.items():
            setattr(data, name, value)
        if data.no_pesel:
            pesel_changed = bool(data.pesel_encrypted)
            data.pesel_encrypted = data.pesel_hash = ""
            if not data.other_identifier.strip():
                errors["other_identifier"] = _("Podaj inny identyfikator, gdy uczestnik nie ma PESEL.")
        else:
            data.other_identifier = ""
            if pesel:
                try:
                    digits = clean_pesel(pesel)
                except ValidationError as error:
                    errors["pesel"] = error
                else:
                    digest = crypto.lookup_hash(digits)
                    if _pesel_taken(edition, digits, data):
                        errors["pesel"] = _("Ten numer PESEL jest już zapisany u innego uczestnika tej edycji.")
                    elif digest != data.pesel_hash:
                        pesel_changed = True
                        data.pesel_hash = digest
                        data.pesel_encrypted = crypto.encrypt(digits)
            if data.pesel_encrypted:
                data.sex = sex_of(crypto.decrypt(data.pesel_encrypted))
                data.age_at_start = None  # derived from the PESEL at the support start
        if errors:
            raise ValidationError(errors)
        if data.clause_accepted_at is None:
            data.clause_accepted_at = timezone.now()
            data.clause_digest = hashlib.sha256(clause.encode()).hexdigest()
        data.updated_by = by
        try:
            with transaction.atomic():
                data.save()
        except IntegrityError:
            raise ValidationError(
                {"pesel": _("Ten numer PESEL jest już zapisany u innego uczestnika tej edycji.")}
            ) from None
        if by is not None and by.pk == team_member.user_id:  # the organiser's versioned clause (apps.consents)
            record_acknowledgement(user=by, organisation=edition.organiser, point=CollectionPoint.MONITORING)
        changed = [name for name in DATA_FIELDS if getattr(data, name) != before[name]]
        if pesel_changed:
            changed.append("pesel")
        if changed:
            record(
                actor=by,
                action="monitoring.data_saved",
                target=data,
                changes={"fields": changed, "by_participant": by is not None and by.pk == team_member.user_id},
                edition=edition,
            )
    return data


def _pesel_taken(edition, digits: str, data: ParticipantData) -> bool:
    """Another participant of the edition has this PESEL, hashed under the current secret or an old one (during a
    key rotation the database's unique constraint sees only the hashes of one secret)."""
    others = ParticipantData.objects.filter(edition=edition, pesel_hash__in=crypto.lookup_hashes(digits))
    return others.exclude(pk=data.pk).exists() if data.pk else others.exists()


def reveal_pesel(*, data: ParticipantData, by) -> str:
    """The PESEL in clear for one person who asked to see it; the view is recorded in the history."""
    with transaction.atomic():
        record(actor=by, action="monitoring.pesel_revealed", target=data, edition=data.edition_id)
    return crypto.decrypt(data.pesel_encrypted)


def record_export(*, edition, kind: str, rows: int, by) -> None:
    """An SM EFS export holds every PESEL in clear: each one is in the history (who, when, how many rows)."""
    settings = settings_of(edition=edition)
    target = settings if settings.pk else edition
    record(actor=by, action="monitoring.exported", target=target, changes={"kind": kind, "rows": rows}, edition=edition)


@dataclass
class Rotation:
    """What a key rotation did: re-encrypted (and re-hashed), already current, unreadable (under no listed key)."""

    rotated: int = 0
    current: int = 0
    unreadable: int = 0
    by_edition: dict[int, int] = field(default_factory=dict)


def rotate_pesel_key(*, by=None, batch_size: int = 500, progress=lambda done, total: None) -> Rotation:
    """Re-encrypt every stored PESEL under the current secret and recompute its lookup hash, ``batch_size`` rows per
    transaction (the rows locked while they change). Idempotent: a row already encrypted and hashed under the
    current secret is left as it is, so a second run changes nothing. Each edition with rotated rows gets one entry
    in its history with the count (never the numbers)."""
    result = Rotation()
    pks = list(ParticipantData.objects.exclude(pesel_encrypted="").order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), batch_size):
        with transaction.atomic():
            rows = list(
                ParticipantData.objects.select_for_update()
                .filter(pk__in=pks[start : start + batch_size])
                .exclude(pesel_encrypted="")
                .order_by("pk")
            )
            changed = []
            for data in rows:
                digits = crypto.decrypt(data.pesel_encrypted)
                if not digits:
                    result.unreadable += 1
                    continue
                digest = crypto.lookup_hash(digits)
                if crypto.is_current(data.pesel_encrypted) and data.pesel_hash == digest:
                    result.current += 1
                    continue
                data.pesel_encrypted, data.pesel_hash = crypto.encrypt(digits), digest
                changed.append(data)
                result.by_edition[data.edition_id] = result.by_edition.get(data.edition_id, 0) + 1
            ParticipantData.objects.bulk_update(changed, ["pesel_encrypted", "pesel_hash"])
            result.rotated += len(changed)
        progress(min(start + batch_size, len(pks)), len(pks))
    if result.by_edition:
        with transaction.atomic():
            for edition in Edition.objects.filter(pk__in=result.by_edition).order_by("pk"):
                settings = settings_of(edition=edition)
                record(
                    actor=by,
                    action="monitoring.pesel_key_rotated",
                    target=settings if settings.pk else edition,
                    changes={"rows": result.by_edition[edition.pk]},
                    edition=edition,
                )
    return result
