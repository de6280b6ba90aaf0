"""The API's lists at national scale: 1,000 engagements and 1,000 applications in one edition; the query count of
a page does not grow with the rows (nor with the page size), and a page of 100 is served in well under 150 ms
(printed; ``make bench`` states the figures on the bench machine)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.core.testing import server_ms
from apps.editions.factories import EditionFactory
from apps.engagements.models import AdvisorAssignment, ChosenArea, DevelopmentPriority, Engagement, TeamMember
from apps.plans.models import DevelopmentPlan, PlannedAction
from apps.recruitment.kinds import DeliveryMethod, DocumentKind
from apps.recruitment.models import Application, DocumentReceipt
from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import JstKind, WorkshopGroup
from apps.territory.models import LocalGovernment

from .conftest import token_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    staff = MembershipFactory(role=Membership.Role.STAFF).user
    edition = EditionFactory(organiser=staff.memberships.get().organisation, published=True)
    return staff, edition


def _jsts(n: int, start: int) -> list[LocalGovernment]:
    template = LocalGovernmentFactory()
    return LocalGovernment.objects.bulk_create(
        [
            LocalGovernment(
                kind=JstKind.RURAL_GMINA,
                teryt=f"9{start + i:06d}",
                name=f"Skala {start + i}",
                display_name=f"Gmina Skala {start + i:06d}",
                voivodeship_id=template.voivodeship_id,
                powiat_id=template.powiat_id,
                search_name=f"skala {start + i}",
                search_text=f"gmina skala {start + i}",
                valid_from=template.valid_from,
            )
            for i in range(n)
        ]
    )


def _engagements(edition, n: int, start: int) -> None:
    """``n`` engagements, each with a team of three, an advisor pair, a chosen area and an HDR of two actions."""
    advisors = [UserFactory(), UserFactory()]
    area = edition.catalogue_version.areas.first()
    engagements = Engagement.objects.bulk_create(
        [
            Engagement(edition=edition, local_government=jst, workshop_group=WorkshopGroup.RURAL_GMINY)
            for jst in _jsts(n, start)
        ]
    )
    TeamMember.objects.bulk_create(
        [
            TeamMember(engagement=e, full_name=f"Osoba {k}", email=f"o{e.pk}.{k}@skala.example", is_leader=k == 0)
            for e in engagements
            for k in range(3)
        ]
    )
    AdvisorAssignment.objects.bulk_create(
        [
            AdvisorAssignment(engagement=e, user=advisor, role=role)
            for e in engagements
            for advisor, role in zip(advisors, AdvisorAssignment.Role.values, strict=True)
        ]
    )
    if area is not None:
        ChosenArea.objects.bulk_create([ChosenArea(engagement=e, area=area) for e in engagements])
    plans = DevelopmentPlan.objects.bulk_create(
        [
            DevelopmentPlan(engagement=e, period_start=date(2026, 1, 1), period_end=date(2026, 12, 1))
            for e in engagements
        ]
    )
    priorities = DevelopmentPriority.objects.bulk_create(
        [DevelopmentPriority(engagement=e, title="Priorytet", goal="Cel", is_selected=True) for e in engagements]
    )
    PlannedAction.objects.bulk_create(
        [
            PlannedAction(
                plan=plan,
                priority=priority,
                title=f"Działanie {k}",
                responsible="Wydział edukacji",
                start_month=date(2026, 1, 1),
                end_month=date(2026, 6, 1),
                indicator_name="Liczba szkoleń",
                indicator_unit="number",
                indicator_target="3",
            )
            for plan, priority in zip(plans, priorities, strict=True)
            for k in range(2)
        ]
    )


def _applications(edition, n: int, start: int) -> None:
    applicant = UserFactory()
    applications = Application.objects.bulk_create(
        [
            Application(
                edition=edition,
                local_government=jst,
                applicant=applicant,
                status=Application.Status.SUBMITTED,
                submitted_at=timezone.now(),
            )
            for jst in _jsts(n, start)
        ]
    )
    DocumentReceipt.objects.bulk_create(
        [
            DocumentReceipt(
                application=a, kind=kind, method=DeliveryMethod.PAPER, received_on=edition.recruitment_deadline
            )
            for a in applications
            for kind in (DocumentKind.CARD, DocumentKind.DECLARATION)
        ]
    )


def _queries(client, url) -> int:
    client.get(url)  # warm
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url, build",
    [
        ("/api/v1/engagements/?page_size=100", _engagements),
        ("/api/v1/hdr-actions/?page_size=100", _engagements),
        ("/api/v1/applications/?page_size=100", _applications),
    ],
)
def test_lists_keep_their_query_count_at_national_scale(setting, settings, url, build):
    settings.API_THROTTLE_TOKEN = "100000/min"
    staff, edition = setting
    client = token_client(staff)
    build(edition, 3, 0)
    few = _queries(client, url)
    build(edition, 1000, 10)
    many = _queries(client, url)
    assert few == many, f"{url}: {few} queries with 3 rows, {many} with 1,003"
    assert client.get(url).json()["count"] >= 1003
    print(
        f"\n{url}: {many} queries, median {server_ms(client, url, runs=5, warm=False)[1]:.0f} ms for a page of 100 of 1,003+"
    )


def _registrations(event, n: int, start: int) -> None:
    """``n`` registrations of ``event``, each checked in on its first day."""
    from apps.events.models import CheckIn, Registration

    people = [UserFactory.build(email=f"u{start + i}@skala.example") for i in range(n)]
    from apps.accounts.models import User

    User.objects.bulk_create(people)
    users = User.objects.filter(email__in=[p.email for p in people])
    registrations = Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                user=user,
                full_name=f"Osoba {user.pk}",
                email=user.email,
                days=[d.isoformat() for d in event.days],
                code=f"S{user.pk:08d}",
            )
            for user in users
        ]
    )
    CheckIn.objects.bulk_create([CheckIn(registration=r, day=event.starts_on) for r in registrations])


def test_event_lists_keep_their_query_count_with_1000_registrations(settings):
    from apps.events.factories import EventFactory

    settings.API_THROTTLE_TOKEN = "100000/min"
    event = EventFactory()
    staff = MembershipFactory(organisation=event.planned_event.edition.organiser, role=Membership.Role.STAFF).user
    client = token_client(staff)
    urls = [
        "/api/v1/event-registrations/?page_size=100",
        f"/api/v1/event-registrations/?page_size=100&event={event.pk}&status=registered",
        "/api/v1/events/",
        f"/api/v1/events/{event.pk}/attendance/",
    ]
    _registrations(event, 3, 0)
    few = [_queries(client, url) for url in urls]
    _registrations(event, 1000, 10)
    many = [_queries(client, url) for url in urls]
    assert few == many
    assert client.get(urls[0]).json()["count"] == 1003
    assert client.get(urls[2]).json()["results"][0]["present"] == 1003
    for url, queries in zip(urls, many, strict=True):
        print(
            f"\n{url}: {queries} queries, median {server_ms(client, url, runs=5, warm=False)[1]:.0f} ms at 1,003 registrations"
        )


def test_published_documents_keep_their_query_count():
    from apps.engagements.factories import EngagementFactory
    from apps.publications.factories import publication

    client = APIClient()
    edition = EditionFactory(published=True)
    urls = ["/api/v1/publications/?page_size=100", "/api/v1/publications/?page_size=100&q=szkoła"]

    def build(n):
        for _ in range(n):
            publication(engagement=EngagementFactory(edition=edition), text="Szkoły i przedszkola gminy.")

    build(3)
    few = [_queries(client, url) for url in urls]
    build(40)
    many = [_queries(client, url) for url in urls]
    assert few == many
    assert client.get(urls[1]).json()["count"] == 43
