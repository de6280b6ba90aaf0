"""Results and the hand-over to the engagement."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.audit.services import record
from apps.editions.models import PROGRAMME_TZ, Edition

from ..models import Application, Call
from .common import Status, _call_of, hand_over, notify_result


@transaction.atomic
def publish_results(*, edition: Edition, by) -> Call:
    """Publish the results: the public page appears, qualified JSTs get their engagements and teams their
    invitations, and every applicant with a decision is e-mailed its own result. Publishing twice is refused
    and sends nothing."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    call = _call_of(edition)
    if call.results_published:
        raise ValidationError(
            _("Wyniki opublikowano już %(when)s.")
            % {"when": date_format(timezone.localtime(call.results_published_at, PROGRAMME_TZ), "d.m.Y H:i")}
        )
    applications = Application.objects.filter(edition=edition)
    undecided = applications.filter(status=Status.SUBMITTED).count()
    if undecided:
        raise ValidationError(
            _("Nie wszystkie zgłoszenia mają decyzję (bez decyzji: %(count)s). Rozstrzygnij je przed publikacją.")
            % {"count": undecided}
        )
    if not applications.filter(status=Status.QUALIFIED).exists():
        raise ValidationError(_("Nie zakwalifikowano jeszcze żadnej JST."))
    call.results_published_at = timezone.now()
    call.results_published_by = by if getattr(by, "is_authenticated", False) else None
    call.save(update_fields=["results_published_at", "results_published_by", "updated_at"])
    record(actor=by, action="recruitment.results_published", target=edition)
    for application in applications.filter(status=Status.QUALIFIED).select_related("edition", "local_government"):
        hand_over(application=application, by=by)
    for application in applications.filter(
        status__in=[Status.QUALIFIED, Status.RESERVE, Status.REJECTED]
    ).select_related("edition", "local_government", "applicant"):
        notify_result(application=application)
    return call


def publish_due_results(*, today: date | None = None) -> list[Edition]:
    """For the daily job: publish the results of editions whose results date has come and whose every submitted
    application has a decision. Idempotent; an edition with undecided applications waits for its organiser."""
    today = today or timezone.localdate(timezone=PROGRAMME_TZ)
    published = []
    due = Edition.objects.filter(status=Edition.Status.PUBLISHED, results_date__lte=today).exclude(
        call__results_published_at__isnull=False
    )
    for edition in due:
        applications = Application.objects.filter(edition=edition)
        if applications.filter(status=Status.SUBMITTED).exists():
            continue
        if not applications.filter(status=Status.QUALIFIED).exists():
            continue
        publish_results(edition=edition, by=None)
        published.append(edition)
    return published
