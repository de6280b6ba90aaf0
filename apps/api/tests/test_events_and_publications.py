"""The API's events (organiser-scoped: events, registrations, attendance; checking in by code through the events
service) and the public knowledge base's published documents (filters, search, withdrawn ones gone)."""

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.api.models import ApiToken
from apps.engagements.factories import EngagementFactory
from apps.events.factories import EventFactory, RegistrationFactory
from apps.events.models import CheckIn
from apps.publications.factories import publication

from .conftest import make_token


def token_client(user, scope=ApiToken.Scope.READ) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(user, scope, name=f'{scope} {user.pk}')}")
    return client


pytestmark = pytest.mark.django_db
WRITE = ApiToken.Scope.WRITE


@pytest.fixture
def setting():
    event = EventFactory()
    organiser = MembershipFactory(organisation=event.planned_event.edition.organiser, role=Membership.Role.STAFF).user
    other = MembershipFactory(role=Membership.Role.STAFF).user
    anna = RegistrationFactory(event=event, full_name="Anna Nowak")
    bartek = RegistrationFactory(event=event, full_name="Bartosz Lis")
    return event, organiser, other, anna, bartek


def test_an_organiser_sees_its_events_registrations_and_attendance_another_organiser_nothing(setting):
    event, organiser, other, anna, bartek = setting
    mine = token_client(organiser)
    listed = mine.get("/api/v1/events/").json()["results"]
    assert [(e["id"], e["registered"], e["present"]) for e in listed] == [(event.pk, 2, 0)]
    people = mine.get("/api/v1/event-registrations/", {"event": event.pk, "q": "nowak"}).json()["results"]
    assert [p["full_name"] for p in people] == ["Anna Nowak"] and people[0]["code"] == anna.code

    theirs = token_client(other)
    assert theirs.get("/api/v1/events/").json()["results"] == []
    assert theirs.get("/api/v1/event-registrations/").json()["results"] == []
    for url in (
        f"/api/v1/events/{event.pk}/",
        f"/api/v1/events/{event.pk}/attendance/",
        f"/api/v1/event-registrations/{anna.pk}/",
    ):
        assert theirs.get(url).status_code == 404, url
    refused = token_client(other, WRITE).post(f"/api/v1/events/{event.pk}/check-in/", {"code": anna.code})
    assert refused.status_code == 404 and not CheckIn.objects.exists()


def test_checking_in_by_code_once_per_day_and_errors_in_polish(setting):
    event, organiser, other, anna, bartek = setting
    client = token_client(organiser, WRITE)
    url = f"/api/v1/events/{event.pk}/check-in/"
    day = event.starts_on.isoformat()
    first = client.post(url, {"code": anna.code, "day": day}, format="json")
    assert first.status_code == 201 and first.json()["new"] is True
    assert first.json()["registration"]["present_on"] == [day]
    again = client.post(url, {"code": anna.code.lower(), "day": day}, format="json")
    assert again.status_code == 200 and again.json()["new"] is False
    assert CheckIn.objects.filter(registration=anna).count() == 1

    elsewhere = RegistrationFactory()
    wrong = client.post(url, {"code": elsewhere.code, "day": day}, format="json")
    assert wrong.status_code == 400 and "innego wydarzenia" in str(wrong.json()["errors"])
    outside = client.post(url, {"code": bartek.code, "day": "2001-01-01"}, format="json")
    assert outside.status_code == 400 and "nie należy do wydarzenia" in str(outside.json()["errors"])
    reader = token_client(organiser)
    read_only = reader.post(url, {"code": bartek.code, "day": day}, format="json")
    assert read_only.status_code == 403
    assert not CheckIn.objects.filter(registration=bartek).exists()

    attendance = reader.get(f"/api/v1/events/{event.pk}/attendance/").json()
    assert attendance["present_per_day"][0] == 1
    assert reader.get(f"/api/v1/events/{event.pk}/").json()["present"] == 1


def test_published_documents_are_public_filtered_and_searched():
    engagement = EngagementFactory()
    found = publication(engagement=engagement, text="Szkoły wiejskie prowadzą wspólne zajęcia.", title="Szkoły")
    other = publication(
        engagement=EngagementFactory(edition=engagement.edition), text="Transport uczniów.", title="Dowóz"
    )
    withdrawn = publication(engagement=EngagementFactory(), text="Szkoły zamknięte.", title="Wycofana")
    withdrawn.withdrawn_at = timezone.now()
    withdrawn.save()
    client = APIClient()
    listed = client.get("/api/v1/publications/").json()
    assert {p["id"] for p in listed["results"]} == {found.pk, other.pk}
    searched = client.get("/api/v1/publications/", {"q": "szkolach"}).json()["results"]
    assert [p["id"] for p in searched] == [found.pk]
    by_title = client.get("/api/v1/publications/", {"q": "szkoła", "ordering": "title"}).json()["results"]
    assert [p["id"] for p in by_title] == [found.pk]
    filtered = client.get("/api/v1/publications/", {"edition": engagement.edition.slug, "ordering": "title"})
    assert [p["title"] for p in filtered.json()["results"]] == ["Dowóz", "Szkoły"]
    detail = client.get(f"/api/v1/publications/{found.pk}/").json()
    assert detail["sections"][0]["text"].startswith("Szkoły wiejskie")
    assert client.get(f"/api/v1/publications/{withdrawn.pk}/").status_code == 404
    assert client.get("/api/v1/publications/", {"document": "nic"}).status_code == 400
