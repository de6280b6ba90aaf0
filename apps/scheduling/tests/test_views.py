"""The runs page: each job with its schedule and last run, the last runs with their outcome, in the reader's
language; linked from the dashboard of whoever may see it."""

from datetime import timedelta

import pytest
from django.urls import reverse

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.core.testing import assert_constant_queries
from apps.scheduling import services
from apps.scheduling.models import JobRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(db):
    return MembershipFactory(role=Membership.Role.STAFF).user


def test_the_page_shows_the_jobs_and_their_last_runs(signed_in, staff, clock):
    services.tick()  # the real jobs: nothing to publish, no reminder due
    clock.advance(days=1)
    JobRun.objects.create(
        job="plans.send_action_reminders",
        slot=clock.at,
        claimed_at=clock.at,
        status=JobRun.Status.FAILED,
        attempts=2,
        error="RuntimeError: serwer poczty nie odpowiada",
    )
    page = signed_in(staff).get(reverse("scheduling:runs")).content.decode()
    assert "Publikacja wyników naborów w dniu ogłoszenia" in page
    assert "codziennie o 06:00" in page and "codziennie o 08:00" in page
    assert "Brak naborów, których wyniki czekają na publikację." in page
    assert "Wysłano przypomnień o terminach działań HDR: 0." in page
    assert "RuntimeError: serwer poczty nie odpowiada" in page and "próba 2" in page


def test_the_page_speaks_english_to_an_english_reader(signed_in, staff, clock):
    services.tick()
    client = signed_in(staff)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("scheduling:runs")).content.decode()
    assert "Publishing recruitment results on the results date" in page
    assert "daily at 06:00" in page
    assert "No calls with results waiting to be published." in page


def test_the_dashboard_links_to_the_page_for_those_who_may_see_it(signed_in, staff):
    assert reverse("scheduling:runs") in signed_in(staff).get(reverse("core:dashboard")).content.decode()
    team_member = UserFactory()
    assert reverse("scheduling:runs") not in signed_in(team_member).get(reverse("core:dashboard")).content.decode()


def test_the_page_answers_in_constant_queries_whatever_the_number_of_runs(signed_in, staff, clock):
    client = signed_in(staff)

    def build(n):
        for _ in range(n):
            clock.advance(days=1)
            services.tick()

    assert_constant_queries(build=build, request=lambda: client.get(reverse("scheduling:runs")), many=10)
    assert JobRun.objects.filter(slot__lt=clock.at - timedelta(days=5)).exists()
