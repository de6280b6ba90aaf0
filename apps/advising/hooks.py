"""Where advisory work shows elsewhere: the menu, dashboard cards (the team's agreed tasks), the advisor's waiting
items, the stage tracker's count of visits, the karta JST's sub-navigation, the edition overview and each
person's calendar feed."""

from collections import defaultdict
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.calendar import CalendarItem, calendar_source
from apps.core.dashboard import dashboard_card
from apps.core.links import per_object_url
from apps.core.navigation import menu_item
from apps.editions.overview import OVERVIEW_SECTIONS, OverviewSection
from apps.engagements.access import engagement_access
from apps.engagements.hooks import (
    AdvisorLoadColumn,
    StageLink,
    StagePanel,
    WaitingItem,
    register_advisor_load,
    register_section_link,
    register_stage_panel,
    register_waiting_items,
)
from apps.engagements.models import Stage

from .models import AdvisingPlan, AgreedTask, DateOption, RemoteSession, TimeEntry, Visit
from .services import advising_plan

# How long before a visit should be agreed its dates show as waiting for the advisors.
PROPOSE_AHEAD = timedelta(days=45)

menu_item(
    "advising:month", gettext_lazy("Moje spotkania"), order=85, rule="advising.advisor_pages", section="/doradztwo/"
)


def _visits_url():
    return per_object_url("advising:visits", kwarg="engagement_pk")


def _plans_by_edition(edition_ids) -> dict[int, AdvisingPlan]:
    return {p.edition_id: p for p in AdvisingPlan.objects.filter(edition_id__in=list(edition_ids))}


def _planned(engagement, stored: dict[int, AdvisingPlan]) -> int:
    plan = stored.get(engagement.edition_id)
    return plan.visits_per_jst if plan else (engagement.edition.onsite_visits_count or 1)


@register_section_link
def visits_link(engagement) -> StageLink:
    return StageLink(_("Spotkania i doradztwo zdalne"), _visits_url()(engagement.pk))


def visit_panels(engagements, viewers, stage) -> dict[int, StagePanel]:
    """On the engagement's current stage: visits held out of planned and the agreed tasks still to do (three
    queries for any number of engagements)."""
    current = [e for e in engagements if e.stage == stage]
    if not current:
        return {}
    ids = [e.pk for e in current]
    held, open_tasks = defaultdict(int), defaultdict(int)
    for engagement_id in Visit.objects.filter(
        engagement_id__in=ids, state__in=[Visit.State.RECORDED, Visit.State.CONFIRMED]
    ).values_list("engagement_id", flat=True):
        held[engagement_id] += 1
    for engagement_id in AgreedTask.objects.filter(engagement_id__in=ids, done_at__isnull=True).values_list(
        "engagement_id", flat=True
    ):
        open_tasks[engagement_id] += 1
    stored = _plans_by_edition({e.edition_id for e in current})
    url, label = _visits_url(), _("Spotkania i uzgodnione zadania")
    visits_text = _("Spotkania w siedzibie JST: odbyte %(held)s z %(planned)s.")
    tasks_text = _("Uzgodnione zadania do zrobienia: %(count)s.")
    panels = {}
    for e in current:
        status = visits_text % {"held": held[e.pk], "planned": _planned(e, stored)}
        if open_tasks[e.pk]:
            status += " " + tasks_text % {"count": open_tasks[e.pk]}
        panels[e.pk] = StagePanel(status=status, links=(StageLink(label, url(e.pk)),))
    return panels


def _register_visit_panels() -> None:
    """The same panel on every stage of the cycle; it answers only for the stage an engagement is at."""
    for stage in Stage:
        if stage == Stage.COMPLETED:
            continue

        def panel(engagements, viewers, stage=stage):
            return visit_panels(engagements, viewers, stage)

        panel.__qualname__ = f"visit_panel_{stage.value}"
        register_stage_panel(stage, order=200)(panel)


_register_visit_panels()


@register_waiting_items
def visit_items(user, engagements) -> list[WaitingItem]:
    """Dates to propose (the next visit without dates), records to write, records to confirm (three queries)."""
    if hasattr(engagements, "values_list"):
        ids = list(engagements.values_list("pk", flat=True))
    else:
        ids = [getattr(e, "pk", e) for e in engagements]
    from apps.engagements.models import Engagement

    rows = list(Engagement.objects.filter(pk__in=ids).select_related("edition"))
    if not rows:
        return []
    stored = _plans_by_edition({e.edition_id for e in rows})
    visits = defaultdict(dict)
    for visit in Visit.objects.filter(engagement_id__in=ids).prefetch_related("options", "records"):
        visits[visit.engagement_id][visit.number] = visit
    today = timezone.localdate()
    url = _visits_url()
    visit_url = per_object_url("advising:visit")
    propose_text, write_text, confirm_text = (
        _("Zaproponuj terminy spotkania %(number)s."),
        _("Napisz sprawozdanie ze spotkania %(number)s."),
        _("Potwierdź sprawozdanie ze spotkania %(number)s."),
    )
    items = []
    for engagement in rows:
        plan = stored.get(engagement.edition_id)
        if plan is None:
            plan = stored[engagement.edition_id] = advising_plan(edition=engagement.edition)
        mine = visits[engagement.pk]
        for number in range(1, plan.visits_per_jst + 1):
            visit = mine.get(number)
            if visit is None or (
                not visit.is_agreed
                and not any(o.is_open and o.side == DateOption.Side.ADVISORS for o in visit.options.all())
            ):
                due = plan.agree_by(number)
                if due - today > PROPOSE_AHEAD:
                    break  # not yet time to agree this visit
                items.append(
                    WaitingItem(
                        engagement_id=engagement.pk,
                        text=propose_text % {"number": number},
                        url=url(engagement.pk),
                        since=due,
                        overdue=due < today,
                        kind="visit_dates",
                    )
                )
                break
        for visit in mine.values():
            if visit.state == Visit.State.AGREED and visit.ends_on < today:
                items.append(
                    WaitingItem(
                        engagement_id=engagement.pk,
                        text=write_text % {"number": visit.number},
                        url=visit_url(visit.pk),
                        since=visit.ends_on,
                        kind="visit_record",
                    )
                )
            current = next((r for r in visit.records.all() if r.is_current), None)
            if visit.state == Visit.State.RECORDED and current is not None and current.written_by_id != user.pk:
                items.append(
                    WaitingItem(
                        engagement_id=engagement.pk,
                        text=confirm_text % {"number": visit.number},
                        url=visit_url(visit.pk),
                        since=current.created_at,
                        kind="visit_confirm",
                    )
                )
    return items


@dashboard_card("advising.team_tasks", rule="site.signed_in", order=15)
def team_task_cards(user) -> list[dict]:
    """For the team leader: visits whose dates wait for an answer; for the team: the agreed tasks still to do, one
    card per JST that has any."""
    member_of = engagement_access(user).member_of
    if not member_of:
        return []
    names: dict[int, str] = {}
    by_engagement = defaultdict(list)
    for task in AgreedTask.objects.filter(engagement_id__in=list(member_of), done_at__isnull=True).select_related(
        "engagement__local_government"
    ):
        by_engagement[task.engagement_id].append(task)
        names[task.engagement_id] = task.engagement.local_government.display_name
    url = _visits_url()
    cards = []
    leader_of = list(engagement_access(user).leader_of)
    if leader_of:
        waiting = defaultdict(set)
        for option in DateOption.objects.filter(
            visit__engagement_id__in=leader_of,
            side=DateOption.Side.ADVISORS,
            withdrawn_at__isnull=True,
            accepted_at__isnull=True,
            visit__starts_on__isnull=True,
        ).select_related("visit__engagement__local_government"):
            waiting[option.visit.engagement_id].add(option.visit.number)
            names.setdefault(option.visit.engagement_id, option.visit.engagement.local_government.display_name)
        cards += [
            {
                "title": _("Terminy spotkań do wyboru: %(jst)s") % {"jst": names[pk]},
                "text": _("Doradcy proponują terminy spotkań: %(numbers)s. Przyjmij jeden albo zaproponuj inne.")
                % {"numbers": ", ".join(str(n) for n in sorted(numbers))},
                "url": url(pk),
            }
            for pk, numbers in waiting.items()
        ]
    return cards + [
        {
            "title": _("Uzgodnione zadania: %(jst)s") % {"jst": names[pk]},
            "text": "; ".join(f"{t.what}" + (f" ({t.due_on:%d.%m.%Y})" if t.due_on else "") for t in tasks[:5]),
            "url": url(pk),
        }
        for pk, tasks in by_engagement.items()
    ]


@dashboard_card("advising.advisor", rule="advising.advisor_pages", order=25)
def advisor_cards(user) -> list[dict]:
    return [
        {
            "title": _("Spotkania i czas pracy"),
            "text": _("Kalendarz spotkań, szybki zapis sesji zdalnej i miesięczna karta czasu pracy."),
            "url": reverse("advising:my_hours"),
        },
        {
            "title": _("Zapisz sesję zdalną"),
            "text": _("Jeden krótki formularz: JST, data, czas, kanał, tematy i Twoje godziny."),
            "url": reverse("advising:session_quick"),
        },
    ]


@OVERVIEW_SECTIONS.register("advising.visits", order=50)
def edition_section(edition, user):
    from apps.core.permissions import can

    if not can(user, "advising.edition", edition):
        return None
    return OverviewSection(
        heading=_("Spotkania i godziny doradców"),
        template="advising/_edition_section.html",
        context={"plan": advising_plan(edition=edition)},
    )


def _visit_items(visits) -> list[CalendarItem]:
    from .services import visit_calendar_item

    return [visit_calendar_item(visit=v, engagement=v.engagement) for v in visits]


@calendar_source("advising.visits", order=10)
def my_visits(user) -> list[CalendarItem]:
    access = engagement_access(user)
    ids = list(access.member_of | access.advisor_of)
    if not ids:
        return []
    visits = Visit.objects.filter(engagement_id__in=ids, starts_on__isnull=False).select_related(
        "engagement__local_government"
    )
    return _visit_items(visits)


@calendar_source("advising.sessions", order=20)
def my_sessions(user) -> list[CalendarItem]:
    ids = list(engagement_access(user).advisor_of)
    if not ids:
        return []
    return [
        CalendarItem(
            uid=s.uid,
            summary=_("Doradztwo zdalne: %(jst)s") % {"jst": s.engagement.local_government.display_name},
            starts=s.held_on,
            ends=s.held_on,
            url=reverse("advising:visits", kwargs={"engagement_pk": s.engagement_id}),
        )
        for s in RemoteSession.objects.filter(engagement_id__in=ids).select_related("engagement__local_government")
    ]


# The pairing page's load table: the visits still ahead of each advisor in the edition and their hours this month.
@register_advisor_load
def visits_ahead(edition, advisor_ids) -> AdvisorLoadColumn:
    from django.db.models import Count

    counts = (
        Visit.objects.filter(
            engagement__edition=edition,
            engagement__advisor_assignments__user_id__in=list(advisor_ids),
            state__in=[Visit.State.PLANNED, Visit.State.DATES_PROPOSED, Visit.State.AGREED],
        )
        .values_list("engagement__advisor_assignments__user_id")
        .annotate(n=Count("pk", distinct=True))
    )
    return AdvisorLoadColumn(label=_("Spotkania do odbycia"), values={user_id: str(n) for user_id, n in counts})


@register_advisor_load
def hours_this_month(edition, advisor_ids) -> AdvisorLoadColumn:
    from django.db.models import Sum

    today = timezone.localdate()
    sums = (
        TimeEntry.objects.filter(
            advisor_id__in=list(advisor_ids),
            engagement__edition__organiser_id=edition.organiser_id,
            on__year=today.year,
            on__month=today.month,
        )
        .values_list("advisor_id")
        .annotate(total=Sum("hours"))
    )
    return AdvisorLoadColumn(
        label=_("Godziny w tym miesiącu (u organizatora)"),
        values={user_id: f"{total.normalize():f}".replace(".", ",") for user_id, total in sums},
    )
