"""Registration with capacity and a waiting list; changes until the deadline, then only by the organiser;
a cancelled place offered to the first person waiting, with a deadline to accept."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import diff, record, snapshot
from apps.consents.models import CollectionPoint
from apps.consents.services import record_acknowledgement
from apps.core.permissions import can
from apps.engagements.models import Engagement, TeamMember

from ..access import event_access, is_invited
from ..helpers import d, deadline_passed, locked_event, set_fields
from ..models import Diet, Event, Meal, Registration, RoomChoice

DATA_FIELDS = [
    "days",
    "nights",
    "room_choice",
    "roommate",
    "single_reason",
    "meals",
    "diet",
    "diet_note",
    "parking",
    "accessibility_needs",
]


def meal_choices(*, event: Event) -> list[tuple[str, str]]:
    return [(f"{day.isoformat()}:{meal.value}", f"{d(day)}: {meal.label}") for day in event.days for meal in Meal]


def _validate(event: Event, registration: Registration, data: dict) -> None:
    errors: dict[str, str] = {}
    days = [str(x) for x in data.get("days") or []]
    valid_days = {day.isoformat() for day in event.days}
    if not days:
        errors["days"] = _("Wybierz co najmniej jeden dzień udziału.")
    elif bad := [x for x in days if x not in valid_days]:
        errors["days"] = _("Wydarzenie nie trwa w te dni: %(days)s. Trwa %(dates)s.") % {
            "days": ", ".join(bad),
            "dates": event.dates_label,
        }
    nights = [str(x) for x in data.get("nights") or []]
    if bad := [x for x in nights if x not in {n.isoformat() for n in event.nights}]:
        errors["nights"] = _("Nocleg jest możliwy tylko w noce przed dniami wydarzenia, nie: %(nights)s.") % {
            "nights": ", ".join(bad)
        }
    meals = [str(x) for x in data.get("meals") or []]
    if bad := [x for x in meals if x not in dict(meal_choices(event=event))]:
        errors["meals"] = _("Nieznany posiłek: %(meals)s.") % {"meals": ", ".join(bad)}
    if data.get("diet") == Diet.OTHER and not (data.get("diet_note") or "").strip():
        errors["diet_note"] = _("Opisz dietę, skoro wybrano „inna”.")
    room = data.get("room_choice") or ""
    roommate = data.get("roommate")
    if nights and not room:
        errors["room_choice"] = _("Wybierz rodzaj pokoju na noclegi.")
    if room == RoomChoice.NAMED:
        if roommate is None:
            errors["roommate"] = _("Wskaż osobę, z którą chcesz dzielić pokój.")
        elif roommate.event_id != event.pk or roommate.status != Registration.Status.REGISTERED:
            errors["roommate"] = _("Ta osoba nie jest zarejestrowana na to wydarzenie.")
        elif roommate.pk == registration.pk or roommate.user_id == registration.user_id:
            errors["roommate"] = _("Wskaż inną osobę niż siebie.")
        elif (
            roommate.room_choice == RoomChoice.NAMED
            and roommate.roommate_id
            and roommate.roommate_id != registration.pk
        ):
            errors["roommate"] = _("%(name)s wskazał(a) już inną osobę do wspólnego pokoju.") % {
                "name": roommate.full_name
            }
    if room == RoomChoice.SINGLE and not (data.get("single_reason") or "").strip():
        errors["single_reason"] = _("Pokój jednoosobowy wymaga uzasadnienia (zatwierdza je organizator).")
    if errors:
        raise ValidationError(errors)
    data["days"], data["nights"], data["meals"] = sorted(days), sorted(nights), sorted(meals)
    if room != RoomChoice.NAMED:
        data["roommate"] = None
    if room != RoomChoice.SINGLE:
        data["single_reason"] = ""
    if not nights:
        data["room_choice"], data["roommate"], data["single_reason"] = "", None, ""
    if data.get("diet") != Diet.OTHER:
        data["diet_note"] = ""


def _may_change(event: Event, by, registration: Registration | None = None) -> None:
    if can(by, "event.manage", event):
        return
    if not event.registration_open:
        raise ValidationError(_("Rejestracja na to wydarzenie jest zamknięta."))
    if deadline_passed(event):
        raise ValidationError(
            _("Termin rejestracji minął %(day)s. Zmiany wprowadza teraz tylko organizator.")
            % {"day": d(event.registration_deadline)}
        )


def _team_member(event: Event, user) -> tuple[TeamMember | None, Engagement | None]:
    engagement_id = event_access(user).engagement_in(event.planned_event.edition_id)
    if engagement_id is None:
        return None, None
    member = (
        TeamMember.objects.select_related("engagement")
        .filter(engagement_id=engagement_id, user=user, left_at__isnull=True)
        .first()
    )
    return (member, member.engagement) if member else (None, None)


def _places_taken(event: Event) -> int:
    return event.registrations.filter(status__in=[Registration.Status.REGISTERED, Registration.Status.OFFERED]).count()


@transaction.atomic
def register(*, event: Event, user, by, privacy_acknowledged: bool, **data) -> Registration:
    """Register ``user`` (by themselves or by the organiser): a place if one is free, else the waiting list.
    The event row is locked, so two people taking the last place at once end one registered, one waiting."""
    event = locked_event(event)
    if not is_invited(user, event) and not can(by, "event.manage", event):
        raise ValidationError(_("Ta osoba nie jest zaproszona na to wydarzenie."))
    _may_change(event, by)
    existing = Registration.objects.filter(event=event, user=user).first()
    if existing and existing.status != Registration.Status.CANCELLED:
        raise ValidationError(_("Ta osoba jest już zgłoszona na to wydarzenie."))
    if not privacy_acknowledged:
        raise ValidationError({"privacy_acknowledged": _("Potwierdź zapoznanie się z klauzulą informacyjną RODO.")})
    registration = existing or Registration(event=event, user=user)
    member, engagement = _team_member(event, user)
    registration.team_member, registration.engagement = member, engagement
    registration.workshop_group = engagement.workshop_group if engagement else ""
    registration.full_name = (member.full_name if member else "") or user.full_name or user.email
    registration.email = user.email
    _validate(event, registration, data)
    set_fields(registration, DATA_FIELDS, data)
    registration.privacy_acknowledged_at = timezone.now()
    if by == user:  # the organiser's versioned clause the person was shown (apps.consents)
        record_acknowledgement(
            user=user, organisation=event.planned_event.edition.organiser, point=CollectionPoint.EVENT_REGISTRATION
        )
    if _places_taken(event) < event.capacity:
        registration.status = Registration.Status.REGISTERED
        registration.waiting_since = None
    else:
        registration.status = Registration.Status.WAITING
        registration.waiting_since = timezone.now()
    registration.offer_expires_at = None
    registration.programme_sent_at = registration.reminder_sent_at = None
    registration.save()
    record(
        actor=by,
        action="events.registered" if registration.is_active else "events.waitlisted",
        target=registration,
        changes=snapshot(registration, DATA_FIELDS),
    )
    from .notices import ask_roommate, send_confirmation

    send_confirmation(registration=registration)
    ask_roommate(registration=registration)
    return registration


@transaction.atomic
def update_registration(*, registration: Registration, by, **data) -> Registration:
    event = locked_event(registration.event)
    stored = Registration.objects.select_for_update().get(pk=registration.pk)
    stored.event = event
    if stored.status == Registration.Status.CANCELLED:
        raise ValidationError(_("To zgłoszenie jest anulowane; zarejestruj się ponownie."))
    _may_change(event, by, stored)
    before = snapshot(stored, DATA_FIELDS)
    _validate(event, stored, data)
    set_fields(stored, DATA_FIELDS, data)
    if stored.room_choice != RoomChoice.SINGLE:
        stored.single_approved = None
    stored.save()
    changes = diff(before, snapshot(stored, DATA_FIELDS))
    if changes:
        record(actor=by, action="events.registration_updated", target=stored, changes=changes)
        if "roommate" in changes:
            from .notices import ask_roommate

            ask_roommate(registration=stored)
    return stored


def _offer_next(event: Event) -> Registration | None:
    """Offer a free place to the first person waiting (if a place is free)."""
    if _places_taken(event) >= event.capacity:
        return None
    first = (
        event.registrations.select_for_update()
        .filter(status=Registration.Status.WAITING)
        .order_by("waiting_since", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = Registration.Status.OFFERED
    first.offer_expires_at = timezone.now() + timedelta(hours=event.offer_hours)
    first.save(update_fields=["status", "offer_expires_at", "updated_at"])
    record(actor=None, action="events.place_offered", target=first, changes={"until": first.offer_expires_at})
    from .notices import send_offer

    send_offer(registration=first)
    return first


@transaction.atomic
def cancel_registration(*, registration: Registration, by) -> Registration:
    event = locked_event(registration.event)
    stored = Registration.objects.select_for_update().get(pk=registration.pk)
    stored.event = event
    if stored.status == Registration.Status.CANCELLED:
        raise ValidationError(_("To zgłoszenie jest już anulowane."))
    _may_change(event, by, stored)
    stored.status = Registration.Status.CANCELLED
    stored.offer_expires_at = None
    stored.save(update_fields=["status", "offer_expires_at", "updated_at"])
    # Whoever named this person as a roommate now has nobody: the organiser pairs them.
    Registration.objects.filter(event=event, roommate=stored).update(roommate=None, room_choice=RoomChoice.PAIR_ME)
    from ..models import Room

    Room.objects.filter(event=event, first=stored).delete()
    Room.objects.filter(event=event, second=stored).delete()
    record(actor=by, action="events.registration_cancelled", target=stored)
    _offer_next(event)
    return stored


@transaction.atomic
def accept_offer(*, registration: Registration, by) -> Registration:
    event = locked_event(registration.event)
    stored = Registration.objects.select_for_update().get(pk=registration.pk)
    if stored.status != Registration.Status.OFFERED:
        raise ValidationError(_("Nie ma propozycji miejsca do przyjęcia."))
    if stored.offer_expires_at and stored.offer_expires_at < timezone.now():
        raise ValidationError(_("Czas na przyjęcie miejsca minął."))
    stored.status = Registration.Status.REGISTERED
    stored.offer_expires_at = None
    stored.waiting_since = None
    stored.save(update_fields=["status", "offer_expires_at", "waiting_since", "updated_at"])
    record(actor=by, action="events.offer_accepted", target=stored)
    stored.event = event
    from .notices import send_confirmation

    send_confirmation(registration=stored)
    return stored


def expire_offers(*, now=None) -> int:
    """Offers not accepted in time go back to the end of the waiting list; the place goes to the next person."""
    now = now or timezone.now()
    expired = 0
    for registration in Registration.objects.filter(status=Registration.Status.OFFERED, offer_expires_at__lt=now):
        with transaction.atomic():
            event = locked_event(registration.event)
            updated = Registration.objects.filter(
                pk=registration.pk, status=Registration.Status.OFFERED, offer_expires_at__lt=now
            ).update(status=Registration.Status.WAITING, offer_expires_at=None, waiting_since=now)
            if updated:
                expired += 1
                record(actor=None, action="events.offer_expired", target=registration)
                _offer_next(event)
    return expired


@transaction.atomic
def decide_single_room(*, registration: Registration, by, approved: bool) -> Registration:
    if registration.room_choice != RoomChoice.SINGLE:
        raise ValidationError(_("Ta osoba nie prosi o pokój jednoosobowy."))
    registration.single_approved = approved
    registration.save(update_fields=["single_approved", "updated_at"])
    record(
        actor=by,
        action="events.single_room_approved" if approved else "events.single_room_refused",
        target=registration,
    )
    return registration
