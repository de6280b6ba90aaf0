from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from apps.events.models import Registration

from . import RETENTION, SOURCES, RetentionRule, Source, retention_days, rows

FIELDS = [
    "event",
    "full_name",
    "email",
    "status",
    "workshop_group",
    "days",
    "nights",
    "room_choice",
    "meals",
    "diet",
    "diet_note",
    "parking",
    "accessibility_needs",
    "code",
    "created_at",
]


def _registrations(user):
    return Registration.objects.filter(user=user).select_related("event__planned_event")


def _erase(user):
    # Attendance stays on the event's lists (EU-funded events must prove it): who it was and their needs go.
    from ..models import FORMER_PARTICIPANT

    count = _registrations(user).update(
        full_name=FORMER_PARTICIPANT,
        email="",
        diet_note="",
        accessibility_needs="",
        single_reason="",
    )
    return {"registrations_anonymised": count}


def _due(today, held):
    cutoff = today - timedelta(days=retention_days("registrations"))
    return Registration.objects.filter(event__planned_event__ends_on__lt=cutoff).exclude(
        event__planned_event__edition_id__in=held
    )


SOURCES.register(
    "events",
    Source(
        key="events",
        activity=_("Zgłoszenia na wydarzenia i szkolenia"),
        purpose=_("organizacja wydarzeń: rejestracja, noclegi, wyżywienie, listy obecności, zaświadczenia"),
        legal_basis=_("art. 6 ust. 1 lit. e RODO; potrzeby zdrowotne (dieta): art. 9 ust. 2 lit. a"),
        subjects=_("uczestnicy wydarzeń"),
        categories=_("imię i nazwisko, e-mail, dni udziału, noclegi, dieta, potrzeby związane z dostępnością"),
        recipients=_("organizator, hotel i firma cateringowa (listy), instytucja finansująca (listy obecności)"),
        retention=_("okres z ustawień po zakończeniu wydarzenia, chyba że edycję obejmuje blokada"),
        collect=lambda user: [{"title": "Zgłoszenia na wydarzenia", "rows": rows(_registrations(user), FIELDS)}],
        erase=_erase,
        editions=lambda user: _registrations(user).values_list("event__planned_event__edition_id", flat=True),
        organisations=lambda user: _registrations(user).values_list(
            "event__planned_event__edition__organiser_id", flat=True
        ),
    ),
    order=40,
)
RETENTION.register(
    "registrations",
    RetentionRule(key="registrations", label=_("Zgłoszenia na wydarzenia"), due=_due),
    order=20,
)
