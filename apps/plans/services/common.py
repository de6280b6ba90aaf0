"""What the parts of the HDR services share: the fields each write takes, locking the plan, who did it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apps.engagements.models import Engagement

from ..models import DevelopmentPlan

HEADER_FIELDS = ["period_start", "period_end", "directions"]


ACTION_FIELDS = [
    "priority",
    "title",
    "description",
    "responsible",
    "responsible_member",
    "partners",
    "start_month",
    "end_month",
    "resources",
    "cost",
    "funding_source",
    "solution",
    "solution_text",
    "expected_result",
    "indicator_name",
    "indicator_unit",
    "indicator_baseline",
    "indicator_target",
    "monitoring_method",
]


RISK_FIELDS = ["risk", "mitigation"]


def _label(user) -> str:
    return user.full_name or user.email if user is not None else _("system")


def _lock(plan: DevelopmentPlan) -> DevelopmentPlan:
    """The stored plan, row-locked for the rest of the transaction (PostgreSQL; SQLite serialises writes)."""
    return DevelopmentPlan.objects.select_for_update().select_related("engagement").get(pk=plan.pk)


def check_editable(*, plan: DevelopmentPlan) -> None:
    if plan.status == DevelopmentPlan.Status.IN_REVIEW:
        raise ValidationError(
            _("HDR czeka na decyzję doradców i nie można go teraz zmieniać. Poczekaj na ich decyzję.")
        )
    if plan.status == DevelopmentPlan.Status.APPROVED:
        raise ValidationError(
            _("Ta wersja HDR jest zatwierdzona i zamrożona. Aby wprowadzić zmiany, rozpocznij nową wersję.")
        )


def _team_emails(engagement: Engagement) -> list[str]:
    return [m.email for m in engagement.team_members.filter(left_at__isnull=True) if m.email]


def _advisor_emails(engagement: Engagement) -> list[str]:
    return [a.user.email for a in engagement.advisor_assignments.select_related("user")]
