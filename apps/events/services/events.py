"""Venues and events grown from an edition's planned events, and the extra people invited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.audit.services import diff, record, snapshot
from apps.core.locking import save_versioned
from apps.editions.models import PlannedEvent

from ..helpers import d, set_fields
from ..models import Event, Invitee, Venue

VENUE_FIELDS = [
    "name",
    "address",
    "phone",
    "email",
    "directions_by_car",
    "directions_by_public_transport",
    "parking",
]
EVENT_FIELDS = [
    "venue",
    "online_url",
    "description",
    "capacity",
    "registration_deadline",
    "registration_open",
    "invite_team_members",
    "privacy_notice",
    "certificate_min_days",
    "offer_hours",
]
# What participants are told about when it changes after the programme went out.
NOTIFIED_EVENT_FIELDS = ["venue", "online_url"]


@transaction.atomic
def save_venue(*, organiser, by, venue: Venue | None = None, **values) -> Venue:
    created = venue is None
    venue = venue or Venue(organiser=organiser)
    before = {} if created else snapshot(venue, VENUE_FIELDS)
    set_fields(venue, VENUE_FIELDS, values)
    venue.full_clean()
    venue.save()
    changes = snapshot(venue, VENUE_FIELDS) if created else diff(before, snapshot(venue, VENUE_FIELDS))
    record(
        actor=by, action="events.venue_created" if created else "events.venue_updated", target=venue, changes=changes
    )
    if not created and changes:
        from .notices import notify_venue_changed

        notify_venue_changed(venue=venue, changes=changes)
    return venue


@transaction.atomic
def delete_venue(*, venue: Venue, by) -> None:
    """Deletes a venue no event uses (one in use: a ``ValidationError`` naming the events, nothing deleted)."""
    venue = Venue.objects.select_for_update().get(pk=venue.pk)
    used = list(Event.objects.filter(venue=venue).select_related("planned_event").order_by("planned_event__starts_on"))
    if used:
        raise ValidationError(
            _("Tego miejsca używają wydarzenia: %(events)s. Wybierz w nich inne miejsce, zanim je usuniesz.")
            % {"events": "; ".join(f"{e.title} ({e.dates_label})" for e in used)}
        )
    record(actor=by, action="events.venue_deleted", target=venue.organiser, changes={"venue": venue.name})
    venue.delete()


def _check_event(event: Event) -> None:
    errors = {}
    if not event.venue_id and not event.online_url:
        errors["venue"] = _("Wskaż miejsce wydarzenia albo podaj link do spotkania on-line.")
    if event.venue_id and event.venue.organiser_id != event.planned_event.edition.organiser_id:
        errors["venue"] = _("To miejsce należy do innego organizatora.")
    if event.registration_deadline and event.registration_deadline > event.planned_event.starts_on:
        errors["registration_deadline"] = _(
            "Termin rejestracji musi przypadać najpóźniej w pierwszym dniu wydarzenia (%(day)s)."
        ) % {"day": d(event.planned_event.starts_on)}
    if event.certificate_min_days and event.certificate_min_days > len(event.days):
        errors["certificate_min_days"] = _("Wydarzenie trwa tylko %(n)s dni.") % {"n": len(event.days)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def set_up_event(*, planned_event: PlannedEvent, by, **values) -> Event:
    if Event.objects.filter(planned_event=planned_event).exists():
        raise ValidationError(_("To wydarzenie edycji jest już przygotowane."))
    event = Event(planned_event=planned_event, updated_by=by)
    set_fields(event, EVENT_FIELDS, values)
    event.full_clean(exclude=["planned_event"])
    _check_event(event)
    event.save()
    _sync_place(event)
    record(actor=by, action="events.event_created", target=event, changes=snapshot(event, EVENT_FIELDS))
    return event


def _sync_place(event: Event) -> None:
    """The planned event's place (shown on the edition's timetable) follows the venue."""
    place = str(event.venue) if event.venue_id else _("on-line")
    if event.planned_event.place != place:
        PlannedEvent.objects.filter(pk=event.planned_event_id).update(place=place[:300])
        event.planned_event.place = place


@transaction.atomic
def update_event(*, event: Event, by, expected_version: int, **values) -> Event:
    stored = Event.objects.select_related("planned_event__edition", "venue").get(pk=event.pk)
    before = snapshot(stored, EVENT_FIELDS)
    set_fields(stored, EVENT_FIELDS, values)
    stored.updated_by = by
    stored.full_clean(exclude=["planned_event"])
    _check_event(stored)
    save_versioned(stored, expected_version=expected_version, fields=[*EVENT_FIELDS, "updated_by"])
    _sync_place(stored)
    changes = diff(before, snapshot(stored, EVENT_FIELDS))
    if changes:
        record(actor=by, action="events.event_updated", target=stored, changes=changes)
        if any(name in changes for name in NOTIFIED_EVENT_FIELDS):
            from .notices import notify_place_changed

            notify_place_changed(event=stored, before_place=before)
    return stored


@transaction.atomic
def invite_person(*, event: Event, by, user, role: str) -> Invitee:
    invitee, created = Invitee.objects.get_or_create(event=event, user=user, defaults={"role": role})
    if not created:
        raise ValidationError({"user": _("Ta osoba jest już zaproszona.")})
    record(actor=by, action="events.person_invited", target=event, changes={"person": user.email, "role": role})
    from ..access import forget_event_access

    forget_event_access(user)
    return invitee


@transaction.atomic
def remove_invitee(*, invitee: Invitee, by) -> None:
    record(actor=by, action="events.invitee_removed", target=invitee.event, changes={"person": invitee.user.email})
    invitee.delete()
