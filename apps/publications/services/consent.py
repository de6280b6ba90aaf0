"""Consent to publish: for each document of a JST (the approved HDR version, the diagnosis, the accepted summary)
its authorised person (the team leader) decides; withdrawal takes the document off the public site and out of the
search index at once and tells the organiser."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.mail import send_templated_email
from apps.engagements.models import Engagement, NeedsAssessment
from apps.engagements.timeline import record_on_timeline
from apps.plans.models import DevelopmentPlan

from ..models import Consent, DocumentKind, FinalSummary, Publication, SearchEntry, SearchTerm
from .common import _label, _organiser_emails


def consentable_version(*, engagement: Engagement, document: str) -> int | None:
    """The version of ``document`` a consent now applies to (None while there is nothing to consent to)."""
    if document == DocumentKind.PLAN:
        plan = DevelopmentPlan.objects.filter(engagement=engagement).select_related("approved_version").first()
        return plan.approved_version.number if plan and plan.approved_version_id else None
    if document == DocumentKind.DIAGNOSIS:
        assessment = NeedsAssessment.objects.filter(engagement=engagement).first()
        return assessment.version if assessment and assessment.problems.strip() else None
    if document == DocumentKind.SUMMARY:
        summary = FinalSummary.objects.filter(engagement=engagement).select_related("accepted_version").first()
        return summary.accepted_version.number if summary and summary.accepted_version_id else None
    return None


def _lock_engagement(engagement: Engagement) -> Engagement:
    return Engagement.objects.select_for_update().select_related("edition").get(pk=engagement.pk)


def _withdraw_live(engagement: Engagement, document: str, *, now) -> list[Publication]:
    live = list(Publication.objects.filter(engagement=engagement, document=document, withdrawn_at__isnull=True))
    if live:
        Publication.objects.filter(pk__in=[p.pk for p in live]).update(withdrawn_at=now, updated_at=now)
        SearchEntry.objects.filter(publication__in=live).delete()
        SearchTerm.objects.filter(publication__in=live).delete()
    return live


@transaction.atomic
def record_consent(*, engagement: Engagement, document: str, choice: str, by) -> Consent:
    """The authorised person's decision for the document's current version; it replaces an earlier one."""
    if document not in DocumentKind.values:
        raise ValidationError({"document": _("Wybierz dokument.")})
    if choice not in Consent.Choice.values:
        raise ValidationError({"choice": _("Wybierz, czy i jak opublikować dokument.")})
    engagement = _lock_engagement(engagement)
    if not engagement.team_members.filter(user=by, is_leader=True, left_at__isnull=True).exists():
        raise ValidationError(_("Zgodę w imieniu JST wyraża lider zespołu JST."))
    version = consentable_version(engagement=engagement, document=document)
    if version is None:
        raise ValidationError(
            {"document": _("Ten dokument nie jest jeszcze gotowy: zgoda dotyczy zatwierdzonej wersji.")}
        )
    now = timezone.now()
    previous = Consent.objects.filter(engagement=engagement, document=document, withdrawn_at__isnull=True).first()
    withdrawn = []
    if previous is not None:
        if previous.version == version and previous.choice == choice:
            raise ValidationError({"choice": _("Ta decyzja dla tej wersji dokumentu już obowiązuje.")})
        previous.withdrawn_at, previous.withdrawn_by_label = now, _label(by)
        previous.save(update_fields=["withdrawn_at", "withdrawn_by_label"])
        withdrawn = _withdraw_live(engagement, document, now=now)
    consent = Consent.objects.create(
        engagement=engagement,
        document=document,
        version=version,
        choice=choice,
        given_by=by,
        given_by_label=_label(by),
    )
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="consent.recorded",
        kind="consent",
        target=consent,
        changes={"document": document, "version": version, "choice": choice},
        params={"document": document, "version": version, "choice": choice},
    )
    if withdrawn:
        _tell_organiser(engagement, consent, withdrawn)
    return consent


@transaction.atomic
def withdraw_consent(*, consent: Consent, by) -> Consent:
    engagement = _lock_engagement(consent.engagement)
    stored = Consent.objects.select_for_update().get(pk=consent.pk)
    if stored.withdrawn_at is not None:
        raise ValidationError(_("Ta zgoda została już wycofana."))
    if not engagement.team_members.filter(user=by, is_leader=True, left_at__isnull=True).exists():
        raise ValidationError(_("Zgodę w imieniu JST wycofuje lider zespołu JST."))
    now = timezone.now()
    stored.withdrawn_at, stored.withdrawn_by_label = now, _label(by)
    stored.save(update_fields=["withdrawn_at", "withdrawn_by_label"])
    withdrawn = _withdraw_live(engagement, stored.document, now=now)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="consent.withdrawn",
        kind="consent",
        target=stored,
        changes={"document": stored.document, "version": stored.version, "unpublished": len(withdrawn)},
        params={"document": stored.document, "version": stored.version},
    )
    _tell_organiser(engagement, stored, withdrawn)
    return stored


def _tell_organiser(engagement: Engagement, consent: Consent, withdrawn: list[Publication]) -> None:
    recipients = _organiser_emails(engagement)
    if recipients:
        send_templated_email(
            to=recipients,
            template="publications/email/consent_withdrawn",
            context={"engagement": engagement, "consent": consent, "publications": withdrawn},
        )
