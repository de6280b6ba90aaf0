"""Every write about information clauses and consents."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import Organisation, User
from apps.audit.services import record

from .models import OPTIONAL_PURPOSES, ClauseVersion, ConsentRecord, Purpose
from .selectors import published_clause


@transaction.atomic
def publish_clause(*, organisation: Organisation, fields: dict, by: User) -> ClauseVersion:
    """A new version of the organiser's clause, published at once (the records keep pointing at the old one)."""
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    current = published_clause(organisation)
    values = {name: (fields.get(name) or "").strip() for name in ClauseVersion.TEXT_FIELDS}
    if current is not None and all(getattr(current, name) == values[name] for name in values):
        raise ValidationError(_("Treść klauzuli się nie zmieniła: nie utworzono nowej wersji."))
    number = (organisation.clause_versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ClauseVersion.objects.create(organisation=organisation, number=number, created_by=by, **values)
    record(actor=by, action="clause.published", target=organisation, changes={"version": number})
    return version


@transaction.atomic
def record_acknowledgement(*, user: User, organisation: Organisation | None, point: str) -> ConsentRecord | None:
    """The person was shown the organiser's published clause at ``point``: which version, when, where.

    Returns None when the organiser has no clause yet (the platform's privacy page was shown instead)."""
    if organisation is None or not getattr(user, "is_authenticated", False):
        return None
    version = published_clause(organisation)
    if version is None:
        return None
    existing = ConsentRecord.objects.filter(
        user=user, clause_version=version, purpose=Purpose.ACKNOWLEDGEMENT, point=point
    ).first()
    if existing is not None:
        return existing
    return ConsentRecord.objects.create(
        user=user, organisation=organisation, clause_version=version, purpose=Purpose.ACKNOWLEDGEMENT, point=point
    )


@transaction.atomic
def give_consent(*, user: User, organisation: Organisation, purpose: str, point: str) -> ConsentRecord:
    """An optional consent (photos, publication of a name); one active record per purpose and organiser."""
    if purpose not in OPTIONAL_PURPOSES:
        raise ValidationError(_("Tej zgody nie można udzielić osobno."))
    existing = ConsentRecord.objects.filter(
        user=user, organisation=organisation, purpose=purpose, withdrawn_at__isnull=True
    ).first()
    if existing is not None:
        return existing
    consent = ConsentRecord.objects.create(
        user=user,
        organisation=organisation,
        clause_version=published_clause(organisation),
        purpose=purpose,
        point=point,
    )
    record(actor=user, action="personal_consent.given", target=user, changes={"purpose": purpose, "point": point})
    return consent


@transaction.atomic
def withdraw_consent(*, consent: ConsentRecord, by: User) -> None:
    consent = ConsentRecord.objects.select_for_update().get(pk=consent.pk)
    if not consent.is_optional:
        raise ValidationError(_("Zapoznania się z klauzulą nie wycofuje się; możesz złożyć wniosek o usunięcie."))
    if consent.withdrawn_at is not None:
        return
    consent.withdrawn_at = timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    record(actor=by, action="personal_consent.withdrawn", target=consent.user, changes={"purpose": consent.purpose})


def has_consent(*, user: User, organisation: Organisation, purpose: str) -> bool:
    """Whether the person's optional consent is in force (photos, name publication): what other apps ask."""
    return ConsentRecord.objects.filter(
        user=user, organisation=organisation, purpose=purpose, withdrawn_at__isnull=True
    ).exists()
