"""The organiser's pages and lists cost the same number of queries for 1 and for many registrations (growing every
dimension they iterate: JSTs, people, rooms, check-ins, sessions with trainers and materials)."""

import itertools

from django.urls import reverse

from apps.accounts.factories import UserFactory
from apps.core.testing import assert_constant_queries, sign_in
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.events.factories import RegistrationFactory, SessionFactory
from apps.events.models import CheckIn, Room

counter = itertools.count()


def _grow(cast):
    def build(n):
        for _ in range(n):
            i = next(counter)
            engagement = EngagementFactory(edition=cast.edition)
            pair = []
            for k in range(2):
                user = UserFactory(full_name=f"Osoba {i}-{k}")
                member = TeamMemberFactory(engagement=engagement, user=user, full_name=user.full_name)
                pair.append(
                    RegistrationFactory(
                        event=cast.event,
                        user=user,
                        team_member=member,
                        engagement=engagement,
                        workshop_group=engagement.workshop_group,
                        parking=bool(k),
                        diet="other" if k else "standard",
                        diet_note="bez laktozy" if k else "",
                    )
                )
            Room.objects.create(event=cast.event, first=pair[0], second=pair[1], source=Room.Source.MUTUAL)
            CheckIn.objects.create(registration=pair[0], day=cast.event.starts_on)
            session = SessionFactory(
                event=cast.event, starts_at=f"{8 + i % 10:02d}:00", workshop_group="", title=f"S{i}", duration_minutes=5
            )
            session.trainers.add(cast.trainer)

    return build


def _page(client, url):
    def request():
        response = client.get(url)
        assert response.status_code == 200

    return request


def test_the_organisers_pages_and_lists_cost_the_same_for_1_and_many(cast, client):
    sign_in(client, cast.organiser)
    pk = cast.event.pk
    urls = [
        reverse("events:manage", kwargs={"pk": pk}),
        reverse("events:registrations", kwargs={"pk": pk}),
        reverse("events:rooms", kwargs={"pk": pk}),
        reverse("events:agenda", kwargs={"pk": pk}),
        reverse("events:scans", kwargs={"pk": pk}),
        reverse("events:export", kwargs={"pk": pk, "kind": "posilki", "fmt": "xlsx"}),
        reverse("events:export", kwargs={"pk": pk, "kind": "uczestnicy", "fmt": "csv"}),
        reverse("events:export", kwargs={"pk": pk, "kind": "parking", "fmt": "csv"}),
        reverse("events:export", kwargs={"pk": pk, "kind": "pokoje", "fmt": "csv"}) + f"?noc={cast.event.nights[1]}",
    ]
    build = _grow(cast)
    for url in urls:
        # Each page measured on its own growth: few rows, then more.
        assert_constant_queries(build=lambda n: build(n), request=_page(client, url), few=1, many=4)
