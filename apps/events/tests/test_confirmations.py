"""Every destructive or mass-mailing action asks first: its GET is a confirmation page that says what will happen
and changes nothing; the POST from that page does it (no JavaScript needed)."""

import pytest
from django.core import mail
from django.urls import reverse

from apps.core.testing import sign_in
from apps.events import services
from apps.events.factories import VenueFactory
from apps.events.models import CheckIn, Invitee, Registration, Room, Session, Venue

from .conftest import data
from .test_agenda import block

pytestmark = pytest.mark.django_db


def _asks_then_does(client, url, *, says, unchanged, changed):
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert says in text and 'method="post"' in text and "Wróć bez zmian" in text
    assert unchanged(), f"{url}: the GET changed something"
    done = client.post(url)
    assert done.status_code == 302
    assert changed(), f"{url}: the POST did nothing"


def test_each_destructive_action_asks_first(cast, client):
    sign_in(client, cast.organiser)
    event = cast.event
    session = block(cast, title="Blok do usunięcia")
    anna = services.register(event=event, user=cast.anna, by=cast.anna, privacy_acknowledged=True, **data(event))
    bartek = services.register(event=event, user=cast.bartek, by=cast.bartek, privacy_acknowledged=True, **data(event))
    room = services.set_room(event=event, by=cast.organiser, first=anna, second=bartek)
    entry, _new = services.check_in(event=event, by=cast.organiser, registration=anna, day=event.starts_on)
    invitee = services.invite_person(event=event, by=cast.organiser, user=cast.trainer, role=Invitee.Role.TRAINER)
    url = lambda name, **kw: reverse(f"events:{name}", kwargs={"pk": event.pk, **kw})  # noqa: E731

    agenda = client.get(url("agenda")).content.decode()
    assert url("session_delete", session_pk=session.pk) in agenda
    _asks_then_does(
        client,
        url("session_delete", session_pk=session.pk),
        says="Blok do usunięcia",
        unchanged=lambda: Session.objects.filter(pk=session.pk).exists(),
        changed=lambda: not Session.objects.filter(pk=session.pk).exists(),
    )
    _asks_then_does(
        client,
        url("undo_check_in", entry_pk=entry.pk),
        says="Anna Nowak",
        unchanged=lambda: CheckIn.objects.filter(pk=entry.pk).exists(),
        changed=lambda: not CheckIn.objects.filter(pk=entry.pk).exists(),
    )
    _asks_then_does(
        client,
        url("room_remove", room_pk=room.pk),
        says="Bartosz Lis",
        unchanged=lambda: Room.objects.filter(pk=room.pk).exists(),
        changed=lambda: not Room.objects.filter(pk=room.pk).exists(),
    )
    _asks_then_does(
        client,
        url("invitee_remove", invitee_pk=invitee.pk),
        says="Tomasz Trener",
        unchanged=lambda: Invitee.objects.filter(pk=invitee.pk).exists(),
        changed=lambda: not Invitee.objects.filter(pk=invitee.pk).exists(),
    )
    assert url("registration_cancel", registration_pk=bartek.pk) in client.get(url("registrations")).content.decode()
    _asks_then_does(
        client,
        url("registration_cancel", registration_pk=bartek.pk),
        says="Bartosz Lis",
        unchanged=lambda: Registration.objects.get(pk=bartek.pk).status == Registration.Status.REGISTERED,
        changed=lambda: Registration.objects.get(pk=bartek.pk).status == Registration.Status.CANCELLED,
    )


def test_sending_the_programme_now_asks_and_sends_once_per_person(cast, client):
    sign_in(client, cast.organiser)
    event = cast.event
    block(cast)
    services.register(event=event, user=cast.anna, by=cast.anna, privacy_acknowledged=True, **data(event))
    services.register(event=event, user=cast.dawid, by=cast.dawid, privacy_acknowledged=True, **data(event))
    url = reverse("events:programme_send", kwargs={"pk": event.pk})
    assert url in client.get(reverse("events:manage", kwargs={"pk": event.pk})).content.decode()
    mail.outbox.clear()
    page = client.get(url).content.decode()
    assert "Anna Nowak" in page and "Dawid Kot" in page and not mail.outbox
    client.post(url)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([cast.anna.email, cast.dawid.email])
    client.post(url)  # again: nobody gets it twice
    assert len(mail.outbox) == 2
    event.refresh_from_db()
    assert event.programme_sent_at is not None


def test_a_venue_is_deleted_after_asking_unless_an_event_uses_it(cast, client):
    sign_in(client, cast.organiser)
    spare = VenueFactory(organiser=cast.edition.organiser, name="Sala zapasowa")
    _asks_then_does(
        client,
        reverse("events:venue_delete", kwargs={"pk": spare.pk}),
        says="Sala zapasowa",
        unchanged=lambda: Venue.objects.filter(pk=spare.pk).exists(),
        changed=lambda: not Venue.objects.filter(pk=spare.pk).exists(),
    )
    used = reverse("events:venue_delete", kwargs={"pk": cast.event.venue_id})
    refused = client.post(used, follow=True).content.decode()
    assert "Tego miejsca używają wydarzenia" in refused
    assert Venue.objects.filter(pk=cast.event.venue_id).exists()
