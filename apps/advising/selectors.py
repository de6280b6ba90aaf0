"""Reads of advisory work, scoped through the engagements a person may see (404 otherwise)."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Max, Prefetch, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.accounts.roles import roles_of
from apps.engagements.access import engagement_access
from apps.engagements.models import TeamMember
from apps.engagements.selectors import engagements_visible_to

from .models import AgreedTask, DateOption, RecordAttachment, RemoteSession, TimeEntry, TimeSheet, Visit, VisitRecord
from .services import advising_plan


def _today():
    from django.utils import timezone

    return timezone.localdate()


def visit_for(user, pk: int) -> Visit:
    return get_object_or_404(
        Visit.objects.filter(engagement__in=engagements_visible_to(user)).select_related(
            "engagement__edition", "engagement__local_government"
        ),
        pk=pk,
    )


def option_for(user, pk: int) -> DateOption:
    return get_object_or_404(
        DateOption.objects.filter(visit__engagement__in=engagements_visible_to(user)).select_related(
            "visit__engagement__edition"
        ),
        pk=pk,
    )


def task_for(user, pk: int) -> AgreedTask:
    return get_object_or_404(
        AgreedTask.objects.filter(engagement__in=engagements_visible_to(user)).select_related("engagement__edition"),
        pk=pk,
    )


def attachment_for(user, pk: int) -> RecordAttachment:
    return get_object_or_404(
        RecordAttachment.objects.filter(record__visit__engagement__in=engagements_visible_to(user)).select_related(
            "record__visit__engagement__edition"
        ),
        pk=pk,
    )


def own_entry(user, pk: int) -> TimeEntry:
    return get_object_or_404(
        TimeEntry.objects.filter(advisor=user).select_related("engagement__edition", "engagement__local_government"),
        pk=pk,
    )


def sheet_for(user, pk: int) -> TimeSheet:
    roles = roles_of(user)
    sheets = TimeSheet.objects.select_related("advisor", "organiser")
    if not roles.is_coordinator:
        sheets = sheets.filter(Q(advisor=user) | Q(organiser_id__in=roles.staff_of))
    return get_object_or_404(sheets, pk=pk)


def advised_engagements(user) -> QuerySet:
    ids = engagement_access(user).advisor_of
    return (
        engagements_visible_to(user)
        .filter(pk__in=ids, withdrawn_at__isnull=True)
        .select_related("local_government", "edition")
        .order_by("local_government__display_name")
    )


def visits_of(engagement) -> list[Visit]:
    """The engagement's visits as the edition plans them: stored ones, and unsaved placeholders for the rest."""
    plan = advising_plan(edition=engagement.edition)
    stored = {
        v.number: v
        for v in engagement.visits.prefetch_related(
            Prefetch("options", queryset=DateOption.objects.order_by("starts_on", "pk")),
            Prefetch("records", queryset=VisitRecord.objects.filter(is_current=True), to_attr="current_records"),
        )
    }
    on = _today()
    visits = []
    for number in range(1, max(plan.visits_per_jst, max(stored, default=0)) + 1):
        visit = stored.get(number) or Visit(engagement=engagement, number=number)
        visit.agree_by = plan.agree_by(number)
        visit.overdue = not visit.is_agreed and visit.agree_by < on
        visit.current_record = (getattr(visit, "current_records", None) or [None])[0]
        visit.open_options = [o for o in visit.options.all() if o.is_open] if visit.pk else []
        visits.append(visit)
    return visits


def visit_detail(visit: Visit) -> dict:
    records = list(
        visit.records.select_related("written_by", "confirmed_by").prefetch_related(
            "participants", "hdr_actions", "attachments"
        )
    )
    return {
        "options": list(visit.options.order_by("starts_on", "pk")),
        "changes": list(visit.changes.all()),
        "current": next((r for r in records if r.is_current), None),
        "older": [r for r in records if not r.is_current],
        "tasks": list(AgreedTask.objects.filter(record__visit=visit).select_related("plan_action")),
        "hours": list(TimeEntry.objects.filter(record__visit=visit, record__is_current=True).select_related("advisor")),
    }


def open_tasks(engagement_ids) -> dict[int, list[AgreedTask]]:
    found = defaultdict(list)
    for task in AgreedTask.objects.filter(engagement_id__in=list(engagement_ids), done_at__isnull=True):
        found[task.engagement_id].append(task)
    return found


def sessions_of(engagement) -> list[RemoteSession]:
    return list(
        engagement.remote_sessions.prefetch_related(
            Prefetch("hours", queryset=TimeEntry.objects.select_related("advisor")), "tasks"
        )
    )


def team_of(engagement) -> QuerySet:
    return TeamMember.objects.filter(engagement=engagement, left_at__isnull=True)


def hdr_actions_of(engagement):
    from apps.plans.models import PlannedAction

    return PlannedAction.objects.filter(plan__engagement=engagement).order_by("order", "pk")


def month_bounds(month: datetime.date) -> tuple[datetime.date, datetime.date]:
    start = month.replace(day=1)
    return start, (start + datetime.timedelta(days=32)).replace(day=1)


def month_entries(advisor, month: datetime.date, organiser_id: int | None = None) -> list[TimeEntry]:
    start, end = month_bounds(month)
    entries = TimeEntry.objects.filter(advisor=advisor, on__gte=start, on__lt=end)
    if organiser_id is not None:
        entries = entries.filter(engagement__edition__organiser_id=organiser_id)
    return list(
        entries.select_related(
            "engagement__local_government", "engagement__edition__organiser", "record", "session"
        ).order_by("on", "engagement__local_government__display_name", "pk")
    )


def day_totals(entries) -> dict[datetime.date, Decimal]:
    totals: dict[datetime.date, Decimal] = defaultdict(Decimal)
    for entry in entries:
        totals[entry.on] += entry.hours
    return totals


def edition_visit_rows(edition, *, query: str = "", sort: str = "overdue", overdue_only: bool = False) -> list[dict]:
    """Per engagement of the edition: visits planned / proposed / agreed / held / confirmed, overdue first (only the
    JSTs with visits not agreed by their date with ``overdue_only``). Four queries whatever the number of
    engagements."""
    plan = advising_plan(edition=edition)
    engagements = edition.engagements.filter(withdrawn_at__isnull=True).select_related("local_government")
    if query:
        engagements = engagements.filter(local_government__display_name__icontains=query)
    states = Visit.State
    counts = {
        row["engagement_id"]: row
        for row in Visit.objects.filter(engagement__edition=edition)
        .values("engagement_id")
        .annotate(
            proposed=Count("pk", filter=Q(state=states.DATES_PROPOSED)),
            agreed=Count("pk", filter=Q(starts_on__isnull=False)),
            held=Count("pk", filter=Q(state__in=[states.RECORDED, states.CONFIRMED])),
            confirmed=Count("pk", filter=Q(state=states.CONFIRMED)),
            next_on=Max("starts_on"),
        )
    }
    on = _today()
    due_numbers = [n for n in range(1, plan.visits_per_jst + 1) if plan.agree_by(n) < on]
    rows = []
    for engagement in engagements:
        c = counts.get(engagement.pk, {})
        agreed = c.get("agreed", 0)
        rows.append(
            {
                "engagement": engagement,
                "planned": plan.visits_per_jst,
                "proposed": c.get("proposed", 0),
                "agreed": agreed,
                "held": c.get("held", 0),
                "confirmed": c.get("confirmed", 0),
                "overdue": max(0, len(due_numbers) - agreed),
                "last_on": c.get("next_on"),
            }
        )
    keys = {
        "overdue": lambda r: (-r["overdue"], r["engagement"].local_government.display_name),
        "name": lambda r: r["engagement"].local_government.display_name,
        "held": lambda r: (r["held"], r["engagement"].local_government.display_name),
    }
    if overdue_only:
        rows = [r for r in rows if r["overdue"]]
    rows.sort(key=keys.get(sort, keys["overdue"]))
    return rows


def overdue_visit_count(edition) -> int:
    """How many JSTs ``edition_visit_rows(edition, overdue_only=True)`` lists, counted in the database (one query)."""
    plan = advising_plan(edition=edition)
    on = _today()
    due = sum(1 for n in range(1, plan.visits_per_jst + 1) if plan.agree_by(n) < on)
    if not due:
        return 0
    return (
        edition.engagements.filter(withdrawn_at__isnull=True)
        .annotate(agreed=Count("visits", filter=Q(visits__starts_on__isnull=False)))
        .filter(agreed__lt=due)
        .count()
    )


def edition_hours(edition) -> dict:
    """The edition's hours per advisor × month and per JST × form (kind), in two aggregate queries."""
    entries = TimeEntry.objects.filter(engagement__edition=edition)
    by_advisor = list(
        entries.values("advisor_id", "advisor__full_name", "advisor__email", "on__year", "on__month")
        .annotate(total=Sum("hours"))
        .order_by("advisor__full_name", "advisor_id", "on__year", "on__month")
    )
    by_jst = list(
        entries.values("engagement_id", "engagement__local_government__display_name", "kind")
        .annotate(total=Sum("hours"))
        .order_by("engagement__local_government__display_name", "kind")
    )
    labels = dict(TimeEntry.Kind.choices)
    totals: dict[int, Decimal] = defaultdict(Decimal)
    names: dict[int, str] = {}
    for row in by_jst:
        row["kind_label"] = labels.get(row["kind"], row["kind"])
        totals[row["engagement_id"]] += row["total"]
        names[row["engagement_id"]] = row["engagement__local_government__display_name"]
    planned = advising_plan(edition=edition).planned_hours_per_jst
    over = [{"name": names[pk], "total": total} for pk, total in totals.items() if planned and total > planned]
    return {"by_advisor": by_advisor, "by_jst": by_jst, "over_planned": over, "planned_hours": planned}


def sheets_of_edition(edition, *, state: str = "") -> list[TimeSheet]:
    """The time sheets of the edition's advisors at its organiser (only those in ``state`` when given)."""
    advisor_ids = TimeEntry.objects.filter(engagement__edition=edition).values("advisor_id")
    sheets = TimeSheet.objects.filter(organiser_id=edition.organiser_id, advisor_id__in=advisor_ids)
    if state in TimeSheet.State.values:
        sheets = sheets.filter(state=state)
    return list(sheets.select_related("advisor").order_by("state", "-month", "advisor__full_name"))


def require_engagement_of_advisor(user, engagement_pk: int):
    engagement = advised_engagements(user).filter(pk=engagement_pk).first()
    if engagement is None:
        raise Http404
    return engagement
