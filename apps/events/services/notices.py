"""What the events app e-mails: invitations, confirmations with the event's ICS and the personal code (QR), the
programme 7 days before (once per person), change notices to the people concerned, the reminder the day before,
offers of a freed place."""

import io
from datetime import timedelta

import segno
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.calendar import CalendarItem, to_ics
from apps.core.mail import ics_attachment, send_templated_email
from apps.territory.kinds import WorkshopGroup

from ..helpers import d
from ..models import Event, Registration, Session


def check_in_address(*, registration: Registration) -> str:
    """What the personal QR holds: the event's check-in page with the person's code (staff scan it with a phone's
    camera or a scanner; anyone else opening it gets 404)."""
    from django.conf import settings

    path = reverse("events:check_in", kwargs={"pk": registration.event_id})
    return f"{settings.SITE_URL}{path}?kod={registration.code}"


def qr_svg(*, registration: Registration, scale: int = 5) -> str:
    buffer = io.BytesIO()
    segno.make(check_in_address(registration=registration), error="m").save(
        buffer, kind="svg", scale=scale, title=registration.code
    )
    return buffer.getvalue().decode()


def calendar_item(*, event: Event) -> CalendarItem:
    venue = event.venue
    location = str(venue) if venue else event.online_url
    return CalendarItem(
        uid=f"event-{event.pk}@doradztwo",
        summary=event.title,
        starts=event.starts_on,
        ends=event.ends_on,
        location=location,
        description=event.description,
        url=reverse("events:detail", kwargs={"pk": event.pk}),
        sequence=event.version,
    )


def _context(registration: Registration, **extra) -> dict:
    event = registration.event
    return {
        "registration": registration,
        "event": event,
        "venue": event.venue,
        "url": reverse("events:detail", kwargs={"pk": event.pk}),
        **extra,
    }


def send_confirmation(*, registration: Registration) -> None:
    """The confirmation (or the waiting-list notice); a registered person gets the ICS and the QR of their code,
    and the programme at once if it already went out to the others."""
    event = registration.event
    if registration.status == Registration.Status.WAITING:
        send_templated_email(to=registration.email, template="events/email/waiting", context=_context(registration))
        return
    attachments = [
        ics_attachment(
            to_ics([calendar_item(event=event)], method="REQUEST"), method="REQUEST", filename="wydarzenie.ics"
        ),
        ["kod-uczestnika.svg", qr_svg(registration=registration), "image/svg+xml"],
    ]
    send_templated_email(
        to=registration.email,
        template="events/email/confirmation",
        context=_context(registration),
        attachments=attachments,
    )
    if event.programme_sent_at:
        send_programme_to(registration=registration)


def send_offer(*, registration: Registration) -> None:
    send_templated_email(to=registration.email, template="events/email/offer", context=_context(registration))


def send_invitations(*, event: Event, people: list[tuple[str, str]], by=None) -> int:
    """``people``: (name, e-mail) of the invited who have not registered."""
    from apps.audit.services import record

    record(actor=by, action="events.invitations_sent", target=event, changes={"count": len(people)})
    has_topics = event.topics.filter(proposed_by__isnull=True).exists()
    for name, email in people:
        send_templated_email(
            to=email,
            template="events/email/invitation",
            context={
                "event": event,
                "venue": event.venue,
                "name": name,
                "url": reverse("events:register", kwargs={"pk": event.pk}),
                "needs_url": reverse("events:needs", kwargs={"pk": event.pk}) if has_topics else "",
            },
        )
    return len(people)


def _programme_context(registration: Registration) -> dict:
    from ..selectors import agenda_days

    event = registration.event
    group = registration.workshop_group
    sessions = [
        s for s in event.sessions.prefetch_related("trainers") if s.is_plenary or not group or s.workshop_group == group
    ]
    return _context(
        registration,
        days=agenda_days(event, sessions),
        group_label=WorkshopGroup(group).label if group else "",
    )


def send_programme_to(*, registration: Registration) -> bool:
    """The programme to one person, once: the conditional update decides, so a job run twice sends nothing twice."""
    claimed = Registration.objects.filter(
        pk=registration.pk, status=Registration.Status.REGISTERED, programme_sent_at__isnull=True
    ).update(programme_sent_at=timezone.now())
    if not claimed:
        return False
    send_templated_email(
        to=registration.email, template="events/email/programme", context=_programme_context(registration)
    )
    return True


def send_programmes(*, today) -> dict:
    """Events starting in 7 days or sooner (not yet started): the programme to each registered person who has
    not had it; the event marked as having sent it (later changes are notified)."""
    sent = 0
    events = Event.objects.filter(
        planned_event__starts_on__gt=today, planned_event__starts_on__lte=today + timedelta(days=7)
    ).select_related("planned_event__edition", "venue")
    for event in events:
        with transaction.atomic():
            Event.objects.filter(pk=event.pk, programme_sent_at__isnull=True).update(programme_sent_at=timezone.now())
            for registration in event.registrations.filter(
                status=Registration.Status.REGISTERED, programme_sent_at__isnull=True
            ):
                registration.event = event
                sent += send_programme_to(registration=registration)
    return {"sent": sent}


def programme_pending(*, event: Event):
    """The registered people who have not had the event's programme yet."""
    return event.registrations.filter(status=Registration.Status.REGISTERED, programme_sent_at__isnull=True)


def send_programme_now(*, event: Event, by) -> int:
    """The organiser sends the programme before the 7-day job (e.g. the agenda is fixed early): to each registered
    person who has not had it, once (the same claim as the job's); the event counts as having sent it."""
    from apps.audit.services import record

    sent = 0
    with transaction.atomic():
        Event.objects.filter(pk=event.pk, programme_sent_at__isnull=True).update(programme_sent_at=timezone.now())
        for registration in programme_pending(event=event):
            registration.event = event
            sent += send_programme_to(registration=registration)
        record(actor=by, action="events.programme_sent", target=event, changes={"sent": sent})
    return sent


def send_reminders(*, today) -> dict:
    sent = 0
    tomorrow = today + timedelta(days=1)
    for event in Event.objects.filter(planned_event__starts_on=tomorrow).select_related("planned_event", "venue"):
        for registration in event.registrations.filter(
            status=Registration.Status.REGISTERED, reminder_sent_at__isnull=True
        ):
            claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if claimed:
                registration.event = event
                send_templated_email(
                    to=registration.email, template="events/email/reminder", context=_context(registration)
                )
                sent += 1
    return {"sent": sent}


# Change notices after the programme went out.


def _told(event: Event, groups: set[str]):
    """Registered people who had the programme, in ``groups`` ("" = a plenary: everybody)."""
    people = event.registrations.filter(status=Registration.Status.REGISTERED, programme_sent_at__isnull=False)
    if "" in groups:
        return people
    return people.filter(workshop_group__in=groups)


def _when(values: dict) -> str:
    start = values["starts_at"]
    end_minute = start.hour * 60 + start.minute + values["duration_minutes"]
    return f"{d(values['day'])} {start:%H:%M}–{end_minute // 60:02d}:{end_minute % 60:02d}"


def _group(value: str) -> str:
    return WorkshopGroup(value).label if value else _("sesja plenarna")


def _session_changes(before: dict, session: Session) -> list[str]:
    after = {
        "day": session.day,
        "starts_at": session.starts_at,
        "duration_minutes": session.duration_minutes,
        "workshop_group": session.workshop_group,
        "title": session.title,
        "room": session.room,
    }
    lines = []
    if any(before[k] != after[k] for k in ("day", "starts_at", "duration_minutes")):
        lines.append(_("Termin: %(old)s → %(new)s") % {"old": _when(before), "new": _when(after)})
    if before["title"] != after["title"]:
        lines.append(_("Tytuł: „%(old)s” → „%(new)s”") % {"old": before["title"], "new": after["title"]})
    if before["room"] != after["room"]:
        lines.append(_("Sala: %(old)s → %(new)s") % {"old": before["room"] or "—", "new": after["room"] or "—"})
    if before["workshop_group"] != after["workshop_group"]:
        lines.append(
            _("Grupa: %(old)s → %(new)s")
            % {"old": _group(before["workshop_group"]), "new": _group(after["workshop_group"])}
        )
    return lines


def _send_change(event: Event, people, subject_title: str, lines: list[str]) -> int:
    count = 0
    for registration in people:
        registration.event = event
        send_templated_email(
            to=registration.email,
            template="events/email/change",
            context=_context(registration, what=subject_title, lines=lines),
        )
        count += 1
    return count


def notify_session_changed(*, session: Session, before: dict | None, created: bool) -> int:
    event = session.event
    if created:
        lines = [_("Nowy punkt programu: %(when)s, %(title)s") % {"when": _when(vars(session)), "title": session.title}]
        return _send_change(event, _told(event, {session.workshop_group}), session.title, lines)
    lines = _session_changes(before, session)
    if not lines:
        return 0
    groups = {before["workshop_group"], session.workshop_group}
    return _send_change(event, _told(event, groups), before["title"], lines)


def notify_session_removed(*, event: Event, before: dict) -> int:
    lines = [_("Odwołano: %(when)s, %(title)s") % {"when": _when(before), "title": before["title"]}]
    return _send_change(event, _told(event, {before["workshop_group"]}), before["title"], lines)


def notify_place_changed(*, event: Event, before_place: dict) -> int:
    if not event.programme_sent_at:
        return 0
    lines = [_("Miejsce: %(place)s") % {"place": event.place_label}]
    if event.online_url:
        lines.append(_("Link do spotkania: %(url)s") % {"url": event.online_url})
    return _send_change(event, _told(event, {""}), event.title, lines)


def notify_venue_changed(*, venue, changes: dict) -> int:
    sent = 0
    for event in venue.events.filter(programme_sent_at__isnull=False, planned_event__ends_on__gte=timezone.localdate()):
        lines = [_("Zmieniły się informacje o miejscu: %(place)s") % {"place": str(venue)}]
        sent += _send_change(event, _told(event, {""}), event.title, lines)
    return sent


def notify_dates_changed(*, event_id: int, before: str) -> int:
    event = Event.objects.select_related("planned_event__edition", "venue").get(pk=event_id)
    lines = [_("Termin wydarzenia: %(old)s → %(new)s") % {"old": before, "new": event.dates_label}]
    return _send_change(event, _told(event, {""}), event.title, lines)


def ask_roommate(*, registration: Registration) -> bool:
    """Someone named a roommate who has not named them: the roommate is asked to confirm by naming them back
    (nobody is put in a room with a person they did not choose)."""
    mate = registration.roommate
    if registration.room_choice != "named" or mate is None or mate.roommate_id == registration.pk:
        return False
    mate.event = registration.event
    send_templated_email(
        to=mate.email,
        template="events/email/roommate",
        context=_context(
            mate,
            asked_by=registration.full_name,
            register_url=reverse("events:register", kwargs={"pk": registration.event_id}),
        ),
    )
    return True
