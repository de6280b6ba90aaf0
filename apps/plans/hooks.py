"""How the HDR appears on the engagement's pages (registered with ``apps.engagements`` at start-up):

* a **stage guard**: the engagement cannot move past the HDR stage until both advisors approved a version;
* **stage panels** for the HDR, directions and implementation stages of the stage tracker;
* **waiting items** for the advisor's dashboard: HDRs waiting for their approval and overdue actions, for any
  number of engagements in two queries;
* the daily **reminder job** on the platform's scheduler (``apps.scheduling``).
"""

from datetime import time

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from apps.editions.overview import OVERVIEW_SECTIONS, OverviewSection
from apps.engagements.hooks import (
    StageLink,
    StagePanel,
    Viewer,
    WaitingItem,
    register_section_link,
    register_stage_panel,
    register_waiting_items,
)
from apps.engagements.models import Stage
from apps.engagements.services import stage_guard
from apps.scheduling.jobs import Daily, local_date, scheduled_job

from .models import DevelopmentPlan, PlanApproval, PlannedAction, PlanVersion
from .months import first_of_month
from .progress import CLOSED, roll_up, today
from .services import send_action_reminders


@stage_guard(Stage.DIRECTIONS)
def plan_approved(engagement) -> list[str]:
    if DevelopmentPlan.objects.filter(engagement=engagement, approved_version__isnull=False).exists():
        return []
    return [_("HDR nie został jeszcze zatwierdzony przez obu doradców.")]


def _plan_url(engagement, name: str = "plans:detail") -> str:
    return reverse(name, kwargs={"engagement_pk": engagement.pk})


def _status_text(plan: DevelopmentPlan | None) -> str:
    if plan is None:
        return _("HDR: jeszcze nie rozpoczęty.")
    if plan.status == DevelopmentPlan.Status.IN_REVIEW:
        return _("HDR: czeka na akceptację obu doradców.")
    if plan.status == DevelopmentPlan.Status.APPROVED:
        return _("HDR: zatwierdzony (wersja %(number)s).") % {"number": plan.approved_version.number}
    if plan.approved_version_id:
        return _("HDR: w pracy nowa wersja; obowiązuje zatwierdzona wersja %(number)s.") % {
            "number": plan.approved_version.number
        }
    return _("HDR: wersja robocza.")


@register_section_link
def plan_link(engagement) -> StageLink:
    return StageLink(_("HDR"), _plan_url(engagement))


@register_stage_panel(Stage.PLAN)
def plan_panel(engagement, viewer: Viewer) -> StagePanel:
    plan = (
        DevelopmentPlan.objects.filter(engagement=engagement)
        .select_related("approved_version")
        .defer("approved_version__snapshot")
        .first()
    )
    next_step = ""
    if plan is None or plan.status == DevelopmentPlan.Status.DRAFT:
        if viewer.is_team:
            next_step = _("Zaplanujcie działania dla każdego priorytetu i przekażcie HDR doradcom.")
        elif viewer.is_advisor:
            next_step = _("Wspieraj zespół w planowaniu działań; komentuj wersję roboczą HDR.")
    elif plan.status == DevelopmentPlan.Status.IN_REVIEW:
        if viewer.is_advisor:
            next_step = _("Przejrzyj HDR: zatwierdź go albo poproś o poprawki.")
        elif viewer.is_team:
            next_step = _("HDR czeka na decyzję doradców.")
    label = _("Otwórz HDR") if plan is not None else _("Przejdź do HDR")
    return StagePanel(status=_status_text(plan), next_step=next_step, links=(StageLink(label, _plan_url(engagement)),))


@register_stage_panel(Stage.DIRECTIONS)
def directions_panel(engagement, viewer: Viewer) -> StagePanel:
    return StagePanel(
        next_step=_("Wdrażajcie rozwiązania zarządcze i narzędzia wskazane w działaniach HDR.")
        if viewer.is_team
        else "",
        links=(StageLink(_("Kierunki wdrożenia w HDR"), _plan_url(engagement) + "#kierunki"),),
    )


@register_stage_panel(Stage.IMPLEMENTATION)
def implementation_panel(engagement, viewer: Viewer) -> StagePanel | None:
    plan = DevelopmentPlan.objects.filter(engagement=engagement, approved_version__isnull=False).first()
    if plan is None:
        return None
    rollup = roll_up(plan.actions.only("priority_id", "status", "progress", "end_month"))
    status = (
        _("Postęp realizacji HDR: %(percent)s%%.") % {"percent": rollup.plan}
        if rollup.plan is not None
        else _("Postęp realizacji HDR: brak działań do policzenia.")
    )
    if rollup.overdue:
        status += " " + ngettext(
            "%(count)s działanie po terminie.", "%(count)s działania po terminie.", rollup.overdue
        ) % {"count": rollup.overdue}
    return StagePanel(
        status=status,
        next_step=_("Zapisujcie postęp działań, wartości wskaźników i dowody realizacji.") if viewer.is_team else "",
        links=(StageLink(_("Monitorowanie HDR"), _plan_url(engagement, "plans:monitoring")),),
    )


@register_waiting_items
def plan_items(user, engagements) -> list[WaitingItem]:
    """For an advisor: HDRs waiting for their approval; for everyone: overdue actions (two queries).

    URLs and texts are built once per call, not per item (an advisor may hold hundreds of JSTs): at 980 JSTs this
    halved the dashboard's time.
    """
    # A plain id list: measured faster on PostgreSQL than the dashboard's filtered queryset as a subquery.
    ids = [e.pk for e in engagements]
    items = []
    review_url = _per_engagement_url("plans:detail") + "#decyzja"
    monitoring_url = _per_engagement_url("plans:monitoring")
    review_text = _("HDR czeka na Twoją akceptację.")
    approved_by_user = PlanApproval.objects.filter(advisor=user, version__status=PlanVersion.Status.IN_REVIEW)
    waiting = (
        DevelopmentPlan.objects.filter(
            engagement_id__in=ids,
            status=DevelopmentPlan.Status.IN_REVIEW,
            engagement__advisor_assignments__user=user,
        )
        .exclude(versions__in=approved_by_user.values("version_id"))
        .values_list("engagement_id", "updated_at")
    )
    for engagement_id, since in waiting:
        items.append(
            WaitingItem(
                engagement_id=engagement_id,
                text=review_text,
                url=review_url.replace(_PK, str(engagement_id)),
                since=since,
                kind="plan_review",
            )
        )
    overdue = (
        PlannedAction.objects.filter(
            plan__engagement_id__in=ids,
            plan__approved_version__isnull=False,
            end_month__lt=first_of_month(today()),
        )
        .exclude(status__in=CLOSED)
        .values("plan__engagement_id")
        .annotate(count=Count("pk"))
        .filter(~Q(count=0))
    )
    texts: dict[int, str] = {}
    for row in overdue:
        engagement_id, count = row["plan__engagement_id"], row["count"]
        if count not in texts:
            texts[count] = ngettext(
                "%(count)s działanie HDR po terminie.", "%(count)s działania HDR po terminie.", count
            ) % {"count": count}
        items.append(
            WaitingItem(
                engagement_id=engagement_id,
                text=texts[count],
                url=monitoring_url.replace(_PK, str(engagement_id)),
                overdue=True,
                kind="action_overdue",
            )
        )
    return items


# A number no engagement has, so the reversed URL can serve as a template for every engagement's URL.
_PK = "987654321987"


def _per_engagement_url(name: str) -> str:
    return reverse(name, kwargs={"engagement_pk": int(_PK)})


# The edition overview's results section (apps/editions/overview.py).


@OVERVIEW_SECTIONS.register("plans.results", order=40)
def results_section(edition, user):
    counts = dict(
        DevelopmentPlan.objects.filter(engagement__edition=edition, engagement__withdrawn_at__isnull=True)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("status", "n")
    )
    engagements = edition.engagements.filter(withdrawn_at__isnull=True).count()
    plans = sum(counts.values())
    return OverviewSection(
        heading=_("Rezultaty"),
        template="plans/_edition_results.html",
        context={
            "plans": plans,
            "engagements": engagements,
            "approved": counts.get(DevelopmentPlan.Status.APPROVED, 0),
            "in_review": counts.get(DevelopmentPlan.Status.IN_REVIEW, 0),
            "draft": counts.get(DevelopmentPlan.Status.DRAFT, 0),
            "without_plan": engagements - plans,
        },
    )


def _describe_reminders(result) -> str:
    count = result.get("sent", 0)
    return ngettext(
        "Wysłano %(count)d przypomnienie o terminie działania HDR.",
        "Wysłano przypomnień o terminach działań HDR: %(count)d.",
        count,
    ) % {"count": count}


@scheduled_job(
    "plans.send_action_reminders",
    schedule=Daily(at=time(8, 0)),
    label=gettext_lazy("Przypomnienia o terminach działań HDR"),
    describe=_describe_reminders,
    order=20,
)
def send_action_reminders_job(*, slot):
    # The same service as ``manage.py send_action_reminders``, for the day of the slot in Europe/Warsaw.
    return {"sent": send_action_reminders(on=local_date(slot))}
