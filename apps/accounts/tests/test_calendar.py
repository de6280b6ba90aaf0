"""The private calendar feed: an address with a secret, its entries from the registered sources, revocable."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from apps.accounts import services
from apps.accounts.factories import UserFactory
from apps.core.calendar import CALENDAR_SOURCES, CalendarItem, to_ics

pytestmark = pytest.mark.django_db


@pytest.fixture
def a_source():
    def visits(user):
        return [
            CalendarItem(
                uid=f"test-{user.pk}@doradztwo",
                summary="Wizyta w JST Alfa",
                starts=datetime.date(2026, 3, 2),
                ends=datetime.date(2026, 3, 3),
                location="ul. Rynek 1, Alfa",
                url="/karta/1/",
                sequence=2,
            )
        ]

    CALENDAR_SOURCES.register("test.visits", visits, order=1)
    yield
    CALENDAR_SOURCES.unregister("test.visits")


def test_the_feed_lists_the_persons_entries_as_all_day_events(client, a_source):
    user = UserFactory()
    feed = services.create_calendar_feed(user=user)
    response = client.get(reverse("accounts:calendar_feed", args=[feed.token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["summary"]) == "Wizyta w JST Alfa"
    assert event["dtstart"].dt == datetime.date(2026, 3, 2)
    # DTEND of an all-day entry is exclusive: the visit's last day is 3 March.
    assert event["dtend"].dt == datetime.date(2026, 3, 4)
    assert str(event["url"]).endswith("/karta/1/") and str(event["url"]).startswith("http")
    assert int(event["sequence"]) == 2
    feed.refresh_from_db()
    assert feed.last_used_at is not None


def test_a_new_address_revokes_the_old_one_and_revoking_switches_it_off(client):
    user = UserFactory()
    old = services.create_calendar_feed(user=user)
    new = services.create_calendar_feed(user=user)
    assert client.get(reverse("accounts:calendar_feed", args=[old.token])).status_code == 404
    assert client.get(reverse("accounts:calendar_feed", args=[new.token])).status_code == 200
    services.revoke_calendar_feed(user=user)
    assert client.get(reverse("accounts:calendar_feed", args=[new.token])).status_code == 404


def test_an_inactive_persons_feed_answers_404(client):
    user = UserFactory()
    feed = services.create_calendar_feed(user=user)
    user.is_active = False
    user.save()
    assert client.get(reverse("accounts:calendar_feed", args=[feed.token])).status_code == 404


def test_the_account_page_creates_shows_and_revokes_the_address(client, a_source):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("accounts:calendar"))
    assert "Utwórz adres kalendarza" in page.content.decode()
    assert "Wizyta w JST Alfa" in page.content.decode()
    client.post(reverse("accounts:calendar"), {"action": "create"})
    token = user.calendar_feed.token
    assert token in client.get(reverse("accounts:calendar")).content.decode()
    client.post(reverse("accounts:calendar"), {"action": "revoke"})
    user.refresh_from_db()
    assert not hasattr(user, "calendar_feed")


def test_an_invitation_ics_carries_the_method_and_a_cancelled_entry_its_status():
    item = CalendarItem(
        uid="x@doradztwo",
        summary="Wizyta",
        starts=datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC),
        ends=datetime.datetime(2026, 3, 2, 15, tzinfo=datetime.UTC),
        cancelled=True,
    )
    calendar = Calendar.from_ical(to_ics([item], method="CANCEL"))
    assert str(calendar["method"]) == "CANCEL"
    [event] = calendar.walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert event["dtend"].dt - event["dtstart"].dt == datetime.timedelta(hours=6)
