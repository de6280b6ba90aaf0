"""The agenda: sessions, breaks and meals on the event's days; conflicts refused; copying an agenda."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.audit.services import diff, record, snapshot
from apps.core.locking import save_versioned
from apps.territory.kinds import WorkshopGroup

from ..helpers import d, locked_event, readable_times, set_fields
from ..models import Event, Session, SessionMaterial

SESSION_FIELDS = [
    "kind",
    "day",
    "starts_at",
    "duration_minutes",
    "workshop_group",
    "title",
    "method",
    "topic_family",
    "room",
    "description",
    "scenario",
    "topic",
]
# A change of one of these after the programme went out is told to the people concerned.
NOTIFIED_FIELDS = ["day", "starts_at", "duration_minutes", "workshop_group", "title", "room"]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _group_label(group: str) -> str:
    return WorkshopGroup(group).label if group else _("wszyscy (sesja plenarna)")


def conflicts(*, session: Session, trainers: list) -> dict[str, str]:
    """What makes the session impossible: outside the event's days, a clash in the same group (a plenary clashes
    with every group), a room used twice, a trainer in two places at once (in any event)."""
    event = session.event
    errors: dict[str, str] = {}
    if session.day not in event.days:
        errors["day"] = _("Ten dzień nie należy do wydarzenia (%(dates)s).") % {"dates": event.dates_label}
        return errors
    if session.end_minute > 24 * 60:
        errors["duration_minutes"] = _("Blok musi skończyć się tego samego dnia.")
        return errors
    start, end = session.start_minute, session.end_minute
    same_day = Session.objects.filter(event=event, day=session.day).exclude(pk=session.pk)
    for other in same_day:
        if not _overlaps(start, end, other.start_minute, other.end_minute):
            continue
        if "starts_at" not in errors and (
            session.is_plenary or other.is_plenary or other.workshop_group == session.workshop_group
        ):
            errors["starts_at"] = _("W tym czasie (%(time)s) grupa „%(group)s” ma już „%(title)s”.") % {
                "time": other.time_label,
                "group": _group_label(other.workshop_group or session.workshop_group),
                "title": other.title,
            }
        if "room" not in errors and session.room and other.room.strip().lower() == session.room.strip().lower():
            errors["room"] = _("Sala „%(room)s” jest w tym czasie zajęta: „%(title)s” (%(time)s).") % {
                "room": session.room,
                "title": other.title,
                "time": other.time_label,
            }
    if trainers:
        busy = (
            Session.objects.filter(day=session.day, trainers__in=[t.pk for t in trainers])
            .exclude(pk=session.pk)
            .select_related("event__planned_event")
            .prefetch_related("trainers")
            .distinct()
        )
        for other in busy:
            if _overlaps(start, end, other.start_minute, other.end_minute):
                names = ", ".join(
                    t.full_name or t.email for t in other.trainers.all() if t.pk in {x.pk for x in trainers}
                )
                errors["trainers"] = _("%(names)s prowadzi w tym czasie „%(title)s” (%(event)s, %(time)s).") % {
                    "names": names,
                    "title": other.title,
                    "event": other.event.title,
                    "time": other.time_label,
                }
                break
    return errors


def _trainer_names(trainers) -> str:
    return ", ".join(sorted(t.full_name or t.email for t in trainers))


@transaction.atomic
def save_session(
    *, event: Event, by, session: Session | None = None, trainers=(), expected_version: int | None = None, **values
) -> Session:
    event = locked_event(event)
    created = session is None
    if created:
        stored = Session(event=event)
        before, before_raw = {}, None
        trainers_before = ""
    else:
        stored = Session.objects.select_for_update().get(pk=session.pk, event=event)
        stored.event = event
        before = snapshot(stored, SESSION_FIELDS)
        before_raw = {name: getattr(stored, name) for name in NOTIFIED_FIELDS}
        trainers_before = _trainer_names(stored.trainers.all())
    set_fields(stored, SESSION_FIELDS, values)
    if stored.kind != Session.Kind.SESSION:
        stored.method = stored.topic_family = ""
        trainers = []
    trainers = list(trainers)
    stored.updated_by = by
    stored.full_clean(exclude=["event"])
    errors = conflicts(session=stored, trainers=trainers)
    if errors:
        raise ValidationError(errors)
    if created:
        stored.save()
    else:
        save_versioned(
            stored, expected_version=expected_version or stored.version, fields=[*SESSION_FIELDS, "updated_by"]
        )
    stored.trainers.set(trainers)
    after = snapshot(stored, SESSION_FIELDS)
    changes = after if created else diff(before, after)
    if _trainer_names(trainers) != trainers_before:
        changes["trainers"] = [trainers_before, _trainer_names(trainers)]
    if changes:
        record(
            actor=by,
            action="events.session_created" if created else "events.session_updated",
            target=stored,
            changes=readable_times(changes),
        )
    if event.programme_sent_at:
        from .notices import notify_session_changed

        notify_session_changed(session=stored, before=before_raw, created=created)
    return stored


@transaction.atomic
def delete_session(*, session: Session, by) -> None:
    event = locked_event(session.event)
    before = {name: getattr(session, name) for name in NOTIFIED_FIELDS}
    record(actor=by, action="events.session_deleted", target=event, changes={"session": session.title})
    session.delete()
    if event.programme_sent_at:
        from .notices import notify_session_removed

        notify_session_removed(event=event, before=before)


@transaction.atomic
def copy_agenda(*, event: Event, source: Event, by) -> int:
    """Copy every block of ``source`` onto the same day number of ``event`` (day 1 onto day 1...); blocks on days
    the event does not have are left out. Refused if the event already has an agenda."""
    event = locked_event(event)
    if event.sessions.exists():
        raise ValidationError(_("To wydarzenie ma już program. Usuń jego bloki, zanim skopiujesz inny program."))
    shift = event.starts_on - source.starts_on
    copied = 0
    for block in source.sessions.prefetch_related("trainers"):
        day = block.day + shift
        if day > event.ends_on:
            continue
        trainers = list(block.trainers.all())
        copy = Session(event=event, **{name: getattr(block, name) for name in SESSION_FIELDS if name != "topic"})
        copy.day = day
        copy.updated_by = by
        copy.save()
        copy.trainers.set(trainers)
        copied += 1
    record(
        actor=by,
        action="events.agenda_copied",
        target=event,
        changes={"source": f"{source.title} ({source.dates_label})", "blocks": copied},
    )
    return copied


def next_start(*, event: Event, day, group: str = "") -> str:
    """Where a new block most likely starts: after the day's last block of that group (or at 9:00)."""
    last = None
    for block in Session.objects.filter(event=event, day=day):
        relevant = block.is_plenary or block.workshop_group == group or not group
        if relevant and (last is None or block.end_minute > last):
            last = block.end_minute
    minute = last if last is not None else 9 * 60
    return (datetime(2000, 1, 1) + timedelta(minutes=minute)).strftime("%H:%M")


__all__ = ["conflicts", "copy_agenda", "delete_session", "d", "next_start", "save_session"]


@transaction.atomic
def add_material(*, session: Session, by, name: str, file) -> SessionMaterial:
    """A session's material: a PDF, an image or an office document (the one attachment check,
    ``documents.files``), recognised by its content and kept with its kind."""
    from django.conf import settings

    from apps.documents.files import check_file

    kind = check_file(file, field="file", max_bytes=settings.EVENTS_MATERIAL_MAX_BYTES)
    material = SessionMaterial.objects.create(
        session=session,
        name=name,
        file=file,
        content_type=kind.content_type,
        extension=kind.extension,
        uploaded_by=by,
    )
    record(actor=by, action="events.material_added", target=session, changes={"material": name})
    return material
