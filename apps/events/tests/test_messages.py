from datetime import time, timedelta

from django.core import mail
from django.utils import timezone

from apps.core.calendar import items_for
from apps.events import services
from apps.events.hooks import send_programmes_job, send_reminders_job
from apps.events.models import Registration

from .conftest import data
from .test_agenda import block


def register(cast, user, **overrides):
    return services.register(
        event=cast.event, user=user, by=user, privacy_acknowledged=True, **data(cast.event, **overrides)
    )


def _slot(day):
    from datetime import datetime

    from apps.editions.models import PROGRAMME_TZ

    return datetime.combine(day, time(7, 0), tzinfo=PROGRAMME_TZ)


def test_the_programme_goes_out_7_days_before_once_per_person_even_if_the_job_runs_twice(cast):
    block(cast, title="Plenarna")
    block(cast, starts_at=time(11, 0), workshop_group="rural_gminy", title="Budżet gminy", room="1")
    block(cast, starts_at=time(11, 0), workshop_group="powiaty", title="Sieć szkół powiatu", room="2")
    register(cast, cast.anna)
    register(cast, cast.dawid)
    mail.outbox.clear()
    too_early = cast.event.starts_on - timedelta(days=8)
    assert send_programmes_job(slot=_slot(too_early)) == {"sent": 0}
    day = cast.event.starts_on - timedelta(days=7)
    assert send_programmes_job(slot=_slot(day)) == {"sent": 2}
    assert send_programmes_job(slot=_slot(day)) == {"sent": 0}
    assert len(mail.outbox) == 2
    anna = next(m for m in mail.outbox if m.to == [cast.anna.email])
    assert "Budżet gminy" in anna.body and "Plenarna" in anna.body and "Sieć szkół powiatu" not in anna.body
    # A late registrant gets it on registration.
    mail.outbox.clear()
    register(cast, cast.bartek)
    assert [m.subject.split(":")[0] for m in mail.outbox] == ["Potwierdzenie rejestracji", "Program"]


def test_a_moved_session_after_the_programme_tells_only_that_group_what_moved(cast):
    session = block(cast, starts_at=time(11, 0), workshop_group="rural_gminy", title="Budżet gminy", room="1")
    register(cast, cast.anna)
    register(cast, cast.dawid)
    services.send_programmes(today=cast.event.starts_on - timedelta(days=7))
    mail.outbox.clear()
    values = {name: getattr(session, name) for name in services.agenda.SESSION_FIELDS}
    values["starts_at"] = time(13, 0)
    services.save_session(event=cast.event, by=cast.organiser, session=session, trainers=[], **values)
    assert [m.to for m in mail.outbox] == [[cast.anna.email]]
    body = mail.outbox[0].body
    day = cast.event.starts_on.strftime("%d.%m.%Y")
    assert f"Termin: {day} 11:00–12:30 → {day} 13:00–14:30" in body


def test_the_reminder_the_day_before_once(cast):
    register(cast, cast.anna)
    mail.outbox.clear()
    day = cast.event.starts_on - timedelta(days=1)
    assert send_reminders_job(slot=_slot(day)) == {"sent": 1}
    assert send_reminders_job(slot=_slot(day)) == {"sent": 0}
    assert "Jutro" in mail.outbox[0].subject


def test_invitations_go_to_the_invited_who_have_not_registered(cast):
    register(cast, cast.anna)
    from apps.events.selectors import invited_without_registration

    people = invited_without_registration(cast.event)
    assert {email for _n, email in people} == {cast.bartek.email, cast.celina.email, cast.dawid.email}
    mail.outbox.clear()
    assert services.send_invitations(event=cast.event, people=people) == 3
    assert all("Zaproszenie" in m.subject for m in mail.outbox)
    assert f"/wydarzenia/{cast.event.pk}/rejestracja/" in mail.outbox[0].body
    assert "oceń proponowane tematy" not in mail.outbox[0].body
    services.add_topic(event=cast.event, by=cast.organiser, family="soft_skills", title="Komunikacja")
    mail.outbox.clear()
    services.send_invitations(event=cast.event, people=people[:1])
    assert f"/wydarzenia/{cast.event.pk}/potrzeby/" in mail.outbox[0].body


def test_each_persons_calendar_feed_has_their_events(cast):
    register(cast, cast.anna)
    uids = [item.uid for item in items_for(cast.anna)]
    assert f"event-{cast.event.pk}@doradztwo" in uids
    assert f"event-{cast.event.pk}@doradztwo" not in [item.uid for item in items_for(cast.bartek)]
    assert Registration.objects.get(user=cast.anna).programme_sent_at is None
    assert timezone.now()


def test_moving_the_event_days_in_the_editions_timetable_tells_who_had_the_programme(
    cast, django_capture_on_commit_callbacks
):
    from apps.editions import services as edition_services

    register(cast, cast.anna)
    services.send_programmes(today=cast.event.starts_on - timedelta(days=7))
    mail.outbox.clear()
    planned = cast.event.planned_event
    old = planned.dates_label
    with django_capture_on_commit_callbacks(execute=True):
        edition_services.update_event(
            event=planned,
            by=cast.organiser,
            starts_on=planned.starts_on + timedelta(days=1),
            ends_on=planned.ends_on + timedelta(days=1),
        )
    planned.refresh_from_db()
    assert [m.to for m in mail.outbox] == [[cast.anna.email]]
    assert f"Termin wydarzenia: {old} → {planned.dates_label}" in mail.outbox[0].body
