"""How the HDR appears on the engagement's pages (registered with ``apps.engagements`` at start-up) and in the
site shell:

* a **stage guard**: the engagement cannot move past the HDR stage until both advisors approved a version;
* **stage panels** for the HDR, directions and implementation stages of the stage tracker, batched: any number of
  engagements in at most two queries per stage;
* **waiting items** for the advisor's dashboard: HDRs waiting for their approval and overdue actions, for any
  number of engagements in two queries;
* the **HDR** entry of the main menu;
* the edition overview's **results** section;
* the daily **reminder job** on the platform's scheduler (``apps.scheduling``).
"""

from datetime import time

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from apps.core.links import per_object_url
from apps.core.navigation import menu_item
from apps.editions.overview import OVERVIEW_SECTIONS, OverviewSection
from apps.engagements.hooks import (
    StageLink,
    StagePanel,
    WaitingItem,
    register_section_link,
    register_stage_guard,
    register_stage_panel,
    register_waiting_items,
)
from apps.engagements.models import Stage
from apps.scheduling.jobs import Daily, local_date, scheduled_job

from .models import DevelopmentPlan, PlanApproval, PlannedAction, PlanVersion
from .months import first_of_month
from .progress import CLOSED, roll_up, today
from .services import send_action_reminders

menu_item("plans:list", gettext_lazy("HDR"), order=80, rule="plan.list", section="/hdr/")


@register_stage_guard(Stage.DIRECTIONS)
def plan_approved(engagement) -> list[str]:
    if DevelopmentPlan.objects.filter(engagement=engagement, approved_version__isnull=False).exists():
        return []
    return [_("HDR nie został jeszcze zatwierdzony przez obu doradców.")]


def _plan_url(name: str = "plans:detail"):
    return per_object_url(name, kwarg="engagement_pk")


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
    return StageLink(_("HDR"), _plan_url()(engagement.pk))


@register_stage_panel(Stage.PLAN)
def plan_panels(engagements, viewers) -> dict[int, StagePanel]:
    plans = {
        plan.engagement_id: plan
        for plan in DevelopmentPlan.objects.filter(engagement__in=[e.pk for e in engagements])
        .select_related("approved_version")
        .defer("approved_version__snapshot")
    }
    url = _plan_url()
    open_label, start_label = _("Otwórz HDR"), _("Przejdź do HDR")
    panels = {}
    for engagement in engagements:
        plan, viewer = plans.get(engagement.pk), viewers[engagement.pk]
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
        label = open_label if plan is not None else start_label
        panels[engagement.pk] = StagePanel(
            status=_status_text(plan), next_step=next_step, links=(StageLink(label, url(engagement.pk)),)
        )
    return panels


@register_stage_panel(Stage.DIRECTIONS)
def directions_panels(engagements, viewers) -> dict[int, StagePanel]:
    url = _plan_url()
    label = _("Kierunki wdrożenia w HDR")
    team_step = _("Wdrażajcie rozwiązania zarządcze i narzędzia wskazane w działaniach HDR.")
    return {
        e.pk: StagePanel(
            next_step=team_step if viewers[e.pk].is_team else "",
            links=(StageLink(label, url(e.pk) + "#kierunki"),),
        )
        for e in engagements
    }


@register_stage_panel(Stage.IMPLEMENTATION)
def implementation_panels(engagements, viewers) -> dict[int, StagePanel]:
    """The progress roll-up of each approved HDR: the plans and then all their actions, two queries in all."""
    plans = dict(
        DevelopmentPlan.objects.filter(
            engagement__in=[e.pk for e in engagements], approved_version__isnull=False
        ).values_list("pk", "engagement_id")
    )
    if not plans:
        return {}
    actions: dict[int, list[PlannedAction]] = {pk: [] for pk in plans}
    # ``plan_id`` among the loaded fields: grouping by it must not fetch each action again (issue 9, item 18).
    for action in PlannedAction.objects.filter(plan_id__in=list(plans)).only(
        "plan_id", "priority_id", "status", "progress", "end_month"
    ):
        actions[action.plan_id].append(action)
    url = _plan_url("plans:monitoring")
    team_step = _("Zapisujcie postęp działań, wartości wskaźników i dowody realizacji.")
    panels = {}
    for plan_id, engagement_id in plans.items():
        rollup = roll_up(actions[plan_id])
        status = (
            _("Postęp realizacji HDR: %(percent)s%%.") % {"percent": rollup.plan}
            if rollup.plan is not None
            else _("Postęp realizacji HDR: brak działań do policzenia.")
        )
        if rollup.overdue:
            status += " " + ngettext(
                "%(count)s działanie po terminie.", "%(count)s działania po terminie.", rollup.overdue
            ) % {"count": rollup.overdue}
        panels[engagement_id] = StagePanel(
            status=status,
            next_step=team_step if viewers[engagement_id].is_team else "",
            links=(StageLink(_("Monitorowanie HDR"), url(engagement_id)),),
        )
    return panels


@register_waiting_items
def plan_items(user, engagements) -> list[WaitingItem]:
    """For an advisor: HDRs waiting for their approval; for everyone: overdue actions (two queries).

    URLs and texts are built once per call, not per item (an advisor may hold hundreds of JSTs): at 980 JSTs this
    halved the dashboard's time.
    """
    # A plain id list: measured faster on PostgreSQL than the dashboard's filtered queryset as a subquery.
    ids = [e.pk for e in engagements]
    items = []
    review_url = _plan_url()
    monitoring_url = _plan_url("plans:monitoring")
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
                url=review_url(engagement_id) + "#decyzja",
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
                url=monitoring_url(engagement_id),
                overdue=True,
                kind="action_overdue",
            )
        )
    return items


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
