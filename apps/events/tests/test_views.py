from datetime import time

from django.urls import reverse

from apps.core.testing import sign_in
from apps.events import services
from apps.events.models import Registration

from .conftest import data
from .test_agenda import block


def _event_form(event, **changes):
    values = {
        "venue": str(event.venue_id),
        "online_url": "",
        "description": event.description,
        "capacity": str(event.capacity),
        "registration_deadline": event.registration_deadline.isoformat(),
        "registration_open": "on",
        "invite_team_members": "on",
        "privacy_notice": event.privacy_notice,
        "certificate_min_days": "0",
        "offer_hours": "48",
        "version": str(event.version),
    }
    values.update(changes)
    return values


def test_a_stale_event_edit_is_refused_and_merged_nothing_lost(cast, client):
    sign_in(client, cast.organiser)
    url = reverse("events:edit", kwargs={"pk": cast.event.pk})
    stale = _event_form(cast.event, description="Opis Oli")
    assert client.post(url, _event_form(cast.event, capacity="50")).status_code == 302
    response = client.post(url, stale)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Opis Oli" in page  # the input is kept
    cast.event.refresh_from_db()
    assert cast.event.capacity == 50 and cast.event.description == ""


def test_a_session_clash_in_the_form_keeps_what_was_typed(cast, client):
    block(cast, workshop_group="rural_gminy", room="Sala 1")
    sign_in(client, cast.organiser)
    url = reverse("events:session_create", kwargs={"pk": cast.event.pk})
    response = client.post(
        url,
        {
            "kind": "session",
            "day": cast.event.starts_on.isoformat(),
            "starts_at": "09:30",
            "duration_minutes": "90",
            "workshop_group": "powiaty",
            "title": "Mój nowy warsztat",
            "room": "Sala 1",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sala „Sala 1” jest w tym czasie zajęta" in page and 'value="Mój nowy warsztat"' in page


def test_registration_pages_for_the_participant_and_the_team_leader(cast, client):
    sign_in(client, cast.anna)
    url = reverse("events:register", kwargs={"pk": cast.event.pk})
    page = client.get(url).content.decode()
    assert "klauzul" in page.lower() and cast.event.privacy_notice in page
    form = data(cast.event)
    form.pop("roommate")
    response = client.post(url, {**form, "parking": "on", "privacy_acknowledged": "on"})
    assert response.status_code == 302
    registration = Registration.objects.get(user=cast.anna)
    assert registration.parking
    detail = client.get(reverse("events:detail", kwargs={"pk": cast.event.pk})).content.decode()
    assert registration.code in detail and "<svg" in detail
    team = client.get(reverse("events:team", kwargs={"pk": cast.event.pk})).content.decode()
    assert "Bartosz Lis" in team and "brak zgłoszenia" in team and "Brakuje zgłoszeń 2 osób." in team
    # Their own agenda shows the plenary sessions.
    services.save_session(
        event=cast.event,
        by=cast.organiser,
        trainers=[],
        kind="session",
        day=cast.event.starts_on,
        starts_at=time(12, 0),
        duration_minutes=90,
        workshop_group="",
        title="Plenarna",
        method="",
        topic_family="",
        room="",
        description="",
    )
    mine = client.get(reverse("events:my_agenda", kwargs={"pk": cast.event.pk})).content.decode()
    assert "Plenarna" in mine
