"""The organiser's registration and attendance lists through the one list exporter (``documents.list_exports``):
the columns the hotel, the caterer, the attendance records and the organiser's own spreadsheets ask for, each
chosen by the person exporting."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.documents.list_exports import Column, ListExport
from apps.engagements.exports import jst_columns

from . import selectors
from .helpers import d
from .models import CheckIn, Registration


def registration_rows(event):
    return (
        Registration.objects.filter(event=event)
        .select_related("engagement__local_government", "roommate")
        .order_by("full_name", "pk")
    )


def _joined(values) -> str:
    return ", ".join(str(v) for v in values or [])


REGISTRATIONS = ListExport(
    key="events.registrations",
    title=gettext_lazy("Zgłoszenia na wydarzenie"),
    rows=registration_rows,
    view_action="event.desk",
    filename=lambda event: f"zgloszenia-wydarzenie-{event.pk}",
    columns=[
        Column("name", gettext_lazy("Imię i nazwisko"), lambda r: r.full_name),
        Column("email", gettext_lazy("E-mail"), lambda r: r.email),
        Column(
            "jst",
            gettext_lazy("JST"),
            lambda r: r.engagement.local_government.display_name if r.engagement else "",
        ),
        Column("group", gettext_lazy("Grupa warsztatowa"), lambda r: r.get_workshop_group_display()),
        Column("status", gettext_lazy("Stan"), lambda r: r.get_status_display()),
        Column("days", gettext_lazy("Dni udziału"), lambda r: _joined(r.days)),
        Column("nights", gettext_lazy("Noclegi"), lambda r: _joined(r.nights)),
        Column("room", gettext_lazy("Pokój"), lambda r: r.get_room_choice_display()),
        Column("roommate", gettext_lazy("Współlokator"), lambda r: r.roommate.full_name if r.roommate else ""),
        Column("diet", gettext_lazy("Dieta"), lambda r: r.get_diet_display()),
        Column("diet_note", gettext_lazy("Opis diety"), lambda r: r.diet_note, default=False),
        Column("parking", gettext_lazy("Parking"), lambda r: r.parking),
        Column("code", gettext_lazy("Kod uczestnika"), lambda r: r.code, default=False),
    ],
)


# Attendance per person: one column per day of the event (built for the event; keyed by the day's number so the
# choice carries over to the next event), and per JST: registered and present, with the page's search and order.


def attendance_rows(event):
    return (
        selectors.attendance_people(event)
        .select_related("engagement__local_government")
        .prefetch_related(Prefetch("check_ins", queryset=CheckIn.objects.only("registration_id", "day")))
    )


def _present_days(registration) -> set:
    return {entry.day for entry in registration.check_ins.all()}


def _yes_no(value: bool) -> str:
    return _("tak") if value else _("nie")


def attendance_day_columns(event) -> list[Column]:
    return [
        Column(
            f"day{number}",
            _("Obecność %(day)s") % {"day": d(day)},
            lambda r, day=day: _yes_no(day in _present_days(r)),
        )
        for number, day in enumerate(event.days, start=1)
    ]


ATTENDANCE = ListExport(
    key="events.attendance",
    title=gettext_lazy("Obecność wg osób"),
    rows=attendance_rows,
    view_action="event.desk",
    filename=lambda event: f"obecnosc-wydarzenie-{event.pk}",
    columns=[
        Column("name", gettext_lazy("Imię i nazwisko"), lambda r: r.full_name),
        Column("email", gettext_lazy("E-mail"), lambda r: r.email, default=False),
        Column(
            "jst",
            gettext_lazy("JST"),
            lambda r: r.engagement.local_government.display_name if r.engagement else "",
        ),
        Column("group", gettext_lazy("Grupa warsztatowa"), lambda r: r.get_workshop_group_display()),
        Column("present", gettext_lazy("Dni obecności"), lambda r: len(_present_days(r))),
        Column(
            "dates",
            gettext_lazy("Daty obecności"),
            lambda r: ", ".join(d(day) for day in sorted(_present_days(r))),
            default=False,
        ),
    ],
    columns_for=attendance_day_columns,
)


def jst_attendance_rows(event, *, search: str = "", sort: str = "jst"):
    return selectors.jst_attendance_rows(event, search=search, sort=sort).select_related(
        "local_government__voivodeship"
    )


ATTENDANCE_BY_JST = ListExport(
    key="events.attendance_jst",
    title=gettext_lazy("Obecność wg JST"),
    rows=jst_attendance_rows,
    view_action="event.desk",
    filename=lambda event: f"obecnosc-jst-wydarzenie-{event.pk}",
    columns=[
        *jst_columns(details_by_default=False),
        Column("registered", gettext_lazy("Zarejestrowani"), lambda e: e.registered_count),
        Column("present", gettext_lazy("Obecni"), lambda e: e.present_count),
        Column("missed", gettext_lazy("Zespół nieobecny"), lambda e: _yes_no(e.present_count == 0)),
    ],
)
