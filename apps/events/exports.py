"""The organiser's registration list through the one list exporter (``documents.list_exports``): the columns the
hotel, the caterer and the organiser's own spreadsheets ask for, each chosen by the person exporting."""

from django.utils.translation import gettext_lazy

from apps.documents.list_exports import Column, ListExport

from .models import Registration


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
