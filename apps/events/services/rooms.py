"""Rooms for two: mutual choices paired, the rest proposed (same JST first, then the same workshop group), never
pairing anyone who did not agree to share with a person the organiser picks; the organiser adjusts by hand."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.audit.services import record

from ..helpers import locked_event
from ..models import Event, Registration, Room, RoomChoice


def _roomed_ids(event: Event) -> set[int]:
    ids = set()
    for first, second in Room.objects.filter(event=event).values_list("first_id", "second_id"):
        ids.update([first, second])
    ids.discard(None)
    return ids


def _best_partner(person: Registration, pool: list[Registration]) -> Registration | None:
    def score(other: Registration) -> tuple:
        same_jst = person.engagement_id is not None and other.engagement_id == person.engagement_id
        same_group = bool(person.workshop_group) and other.workshop_group == person.workshop_group
        shared_nights = len(set(person.nights) & set(other.nights))
        return (same_jst, same_group, shared_nights, -other.pk)

    candidates = [other for other in pool if set(other.nights) & set(person.nights)]
    return max(candidates, key=score) if candidates else None


@transaction.atomic
def pair_rooms(*, event: Event, by) -> dict:
    """Keep the rooms already set; pair mutual choices; give approved singles their room; pair everyone who let
    the organiser choose. Who named someone who did not name them back stays unpaired (to be asked)."""
    event = locked_event(event)
    roomed = _roomed_ids(event)
    people = [
        r
        for r in event.registrations.filter(status=Registration.Status.REGISTERED).order_by("pk")
        if r.nights and r.pk not in roomed
    ]
    by_pk = {r.pk: r for r in people}
    made = {"mutual": 0, "proposed": 0, "single": 0, "unpaired": 0}
    done: set[int] = set()
    for person in people:
        if person.pk in done:
            continue
        if person.room_choice == RoomChoice.SINGLE and person.single_approved:
            Room.objects.create(event=event, first=person, source=Room.Source.SINGLE)
            done.add(person.pk)
            made["single"] += 1
        elif person.room_choice == RoomChoice.NAMED:
            mate = by_pk.get(person.roommate_id)
            if mate and mate.pk not in done and mate.room_choice == RoomChoice.NAMED and mate.roommate_id == person.pk:
                Room.objects.create(event=event, first=person, second=mate, source=Room.Source.MUTUAL)
                done.update([person.pk, mate.pk])
                made["mutual"] += 1
    pool = [p for p in people if p.pk not in done and p.room_choice == RoomChoice.PAIR_ME]
    while pool:
        person = pool.pop(0)
        partner = _best_partner(person, pool)
        if partner is None:
            continue
        pool.remove(partner)
        Room.objects.create(event=event, first=person, second=partner, source=Room.Source.PROPOSED)
        done.update([person.pk, partner.pk])
        made["proposed"] += 1
    made["unpaired"] = len([p for p in people if p.pk not in done])
    record(actor=by, action="events.rooms_paired", target=event, changes=made)
    return made


@transaction.atomic
def set_room(*, event: Event, by, first: Registration, second: Registration | None) -> Room:
    """The organiser puts two people (or one) in a room, taking them out of any room they were in."""
    event = locked_event(event)
    for person in (first, second):
        if person is not None and (person.event_id != event.pk or not person.is_active):
            raise ValidationError({"first": _("Można zakwaterować tylko osoby zarejestrowane na to wydarzenie.")})
    if second is not None and second.pk == first.pk:
        raise ValidationError({"second": _("Wybierz dwie różne osoby.")})
    ids = [first.pk] + ([second.pk] if second else [])
    Room.objects.filter(event=event, first_id__in=ids).delete()
    Room.objects.filter(event=event, second_id__in=ids).delete()
    room = Room.objects.create(
        event=event, first=first, second=second, source=Room.Source.ORGANISER if second else Room.Source.SINGLE
    )
    record(
        actor=by,
        action="events.room_set",
        target=event,
        changes={"people": ", ".join(p.full_name for p in (first, second) if p)},
    )
    return room


@transaction.atomic
def remove_room(*, room: Room, by) -> None:
    record(
        actor=by,
        action="events.room_removed",
        target=room.event,
        changes={"people": ", ".join(p.full_name for p in (room.first, room.second) if p)},
    )
    room.delete()
