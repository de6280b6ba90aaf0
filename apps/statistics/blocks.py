"""The edition's figures, one block each (see ``registry.py``). Every block runs one or two aggregate queries
whatever the size of the edition; keys are stable codes (a stage, a JST kind, a voivodeship's TERYT code) or names."""

from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from apps.advising.models import TimeEntry
from apps.engagements.dashboards import areas_table
from apps.engagements.models import Engagement, Stage, TeamMember
from apps.events.models import CheckIn, Registration
from apps.plans.models import PlannedAction
from apps.territory.kinds import JstKind

from .registry import block, headline


def _active(edition):
    return Engagement.objects.filter(edition=edition, withdrawn_at__isnull=True)


def _counts(queryset, field: str) -> dict:
    return dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))


@block(
    "stages",
    order=10,
    title=_("JST według etapu cyklu"),
    heading=_("Etap"),
    columns=(_("JST"),),
    labels=lambda: dict(Stage.choices),
)
def stages(edition):
    counts = _counts(_active(edition), "stage")
    return [[value, counts.get(value, 0)] for value in Stage.values]


@block(
    "kinds",
    order=20,
    title=_("JST według rodzaju"),
    heading=_("Rodzaj JST"),
    columns=(_("JST"),),
    labels=lambda: dict(JstKind.choices),
)
def kinds(edition):
    counts = _counts(_active(edition), "local_government__kind")
    return [[value, counts[value]] for value in JstKind.values if counts.get(value)]


def voivodeship_names() -> dict:
    from apps.territory.models import Voivodeship

    return {code: name.lower() for code, name in Voivodeship.objects.values_list("code", "name")}


@block(
    "voivodeships",
    order=30,
    title=_("JST według województwa"),
    heading=_("Województwo"),
    columns=(_("JST"),),
    labels=voivodeship_names,
)
def voivodeships(edition):
    counts = _counts(_active(edition), "local_government__voivodeship__code")
    return [[code, n] for code, n in sorted(counts.items())]


@block(
    "areas",
    order=40,
    title=_("Obszary wybrane przez JST"),
    heading=_("Obszar"),
    columns=(_("JST"),),
    description=_("JST z dwoma obszarami liczy się w każdym z nich."),
)
def areas(edition):
    table = areas_table(edition)
    return [[row.area.name, row.count] for row in table.rows if row.count]


@block(
    "attendance_events",
    order=50,
    title=_("Frekwencja na wydarzeniach"),
    heading=_("Wydarzenie"),
    columns=(_("zgłoszeni"), _("obecni")),
)
def attendance_events(edition):
    registrations = Registration.objects.filter(event__planned_event__edition=edition).exclude(
        status=Registration.Status.CANCELLED
    )
    rows = (
        registrations.order_by()
        .values("event__planned_event__title", "event__planned_event__starts_on", "event_id")
        .annotate(
            registered=Count("pk", filter=Q(status=Registration.Status.REGISTERED), distinct=True),
            present=Count("pk", filter=Q(check_ins__isnull=False), distinct=True),
        )
        .order_by("event__planned_event__starts_on", "event_id")
    )
    return [[r["event__planned_event__title"], r["registered"], r["present"]] for r in rows]


@block(
    "attendance_jsts",
    order=60,
    title=_("Frekwencja według JST"),
    heading=_("JST"),
    columns=(_("zgłoszenia"), _("obecni")),
    national=False,
    chart=False,
)
def attendance_jsts(edition):
    rows = (
        Registration.objects.filter(event__planned_event__edition=edition, engagement__isnull=False)
        .exclude(status=Registration.Status.CANCELLED)
        .order_by()
        .values("engagement__local_government__display_name")
        .annotate(
            registered=Count("pk", distinct=True),
            present=Count("pk", filter=Q(check_ins__isnull=False), distinct=True),
        )
        .order_by("engagement__local_government__display_name")
    )
    return [[r["engagement__local_government__display_name"], r["registered"], r["present"]] for r in rows]


ON_SITE = TimeEntry.Kind.VISIT
REMOTE = TimeEntry.Kind.SESSION


def _hours(edition, group: str) -> list[list]:
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    rows = (
        TimeEntry.objects.filter(engagement__edition=edition)
        .order_by()
        .values(group, "kind")
        .annotate(total=Sum("hours"))
    )
    for r in rows:
        column = 0 if r["kind"] == ON_SITE else 1 if r["kind"] == REMOTE else 2
        sums[r[group] or ""][column] += float(r["total"])
    return [[name, *[round(v, 2) for v in values]] for name, values in sorted(sums.items())]


HOUR_COLUMNS = (_("w siedzibie JST (h)"), _("zdalnie (h)"), _("przygotowanie i dojazd (h)"))


@block(
    "hours_jsts",
    order=70,
    title=_("Godziny doradztwa według JST"),
    heading=_("JST"),
    columns=HOUR_COLUMNS,
    national=False,
    chart=False,
)
def hours_jsts(edition):
    return _hours(edition, "engagement__local_government__display_name")


@block(
    "hours_advisors",
    order=80,
    title=_("Godziny doradztwa według doradcy"),
    heading=_("Doradca"),
    columns=HOUR_COLUMNS,
    national=False,
)
def hours_advisors(edition):
    return _hours(edition, "advisor__full_name")


@block(
    "actions",
    order=90,
    title=_("Działania HDR według stanu"),
    heading=_("Stan działania"),
    columns=(_("działania"),),
    labels=lambda: dict(PlannedAction.Status.choices),
)
def actions(edition):
    counts = _counts(
        PlannedAction.objects.filter(plan__engagement__edition=edition, plan__engagement__withdrawn_at__isnull=True),
        "status",
    )
    return [[value, counts[value]] for value in PlannedAction.Status.values if counts.get(value)]


# One number per edition, side by side per organiser and edition in the national view.


@headline("jsts", order=10, label=_("JST"))
def jst_count(edition):
    return _active(edition).count()


@headline("participants", order=20, label=_("uczestnicy (członkowie zespołów)"))
def participant_count(edition):
    return TeamMember.objects.filter(
        engagement__edition=edition, engagement__withdrawn_at__isnull=True, left_at__isnull=True
    ).count()


@headline("registrations", order=30, label=_("zgłoszenia na wydarzenia"))
def registration_count(edition):
    return (
        Registration.objects.filter(event__planned_event__edition=edition)
        .exclude(status=Registration.Status.CANCELLED)
        .count()
    )


@headline("present", order=40, label=_("obecności (osobodni)"))
def presence_count(edition):
    return CheckIn.objects.filter(registration__event__planned_event__edition=edition).count()


@headline("hours", order=50, label=_("godziny doradztwa"))
def hour_total(edition):
    total = TimeEntry.objects.filter(engagement__edition=edition).aggregate(total=Sum("hours"))["total"]
    return round(float(total or 0), 2)


@headline("actions", order=60, label=_("działania HDR"))
def action_count(edition):
    return PlannedAction.objects.filter(plan__engagement__edition=edition).count()
