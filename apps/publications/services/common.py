"""What the parts of the publications services share."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apps.engagements.models import Engagement

from ..models import FinalSummary


def _label(user) -> str:
    return (user.full_name or user.email) if user is not None else _("system")


def _lock_summary(summary: FinalSummary) -> FinalSummary:
    """The stored summary, row-locked for the rest of the transaction (PostgreSQL; SQLite serialises writes)."""
    return FinalSummary.objects.select_for_update().select_related("engagement", "structure").get(pk=summary.pk)


def check_editable(*, summary: FinalSummary) -> None:
    if summary.status == FinalSummary.Status.IN_REVIEW:
        raise ValidationError(_("Podsumowanie czeka na decyzję doradców i nie można go teraz zmieniać."))
    if summary.status == FinalSummary.Status.ACCEPTED:
        raise ValidationError(_("Podsumowanie jest zaakceptowane i zamrożone. Aby je zmienić, rozpocznij nową wersję."))


def _team_emails(engagement: Engagement) -> list[str]:
    return [m.email for m in engagement.team_members.filter(left_at__isnull=True) if m.email]


def _advisor_emails(engagement: Engagement) -> list[str]:
    return [a.user.email for a in engagement.advisor_assignments.select_related("user")]


def _organiser_emails(engagement: Engagement) -> list[str]:
    from apps.accounts.models import Membership

    emails = {engagement.edition.contact_email} if engagement.edition.contact_email else set()
    emails |= set(
        Membership.objects.filter(
            organisation_id=engagement.edition.organiser_id, role=Membership.Role.STAFF
        ).values_list("user__email", flat=True)
    )
    return sorted(e for e in emails if e)
