"""Organiser pages: who sees which organisers, and query counts that do not grow with the team."""

import pytest
from django.urls import reverse

from apps.accounts import services
from apps.accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Membership
from apps.core.testing import assert_constant_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return OrganisationFactory(name="Ośrodek Rozwoju Edukacji", slug="ore")


def test_staff_sees_only_own_organiser_with_team_counts(signed_in, org):
    staff = MembershipFactory(organisation=org, role=Membership.Role.STAFF).user
    MembershipFactory.create_batch(2, organisation=org, role=Membership.Role.ADVISOR)
    MembershipFactory(organisation=org, role=Membership.Role.TRAINER)
    OrganisationFactory(name="Inny organizator", slug="inny")
    response = signed_in(staff).get(reverse("accounts:organisation_list"))
    assert response.status_code == 200
    organisations = list(response.context["organisations"])
    assert organisations == [org]
    assert (organisations[0].staff_count, organisations[0].advisor_count, organisations[0].trainer_count) == (1, 2, 1)
    assert "Inny organizator" not in response.content.decode()


def test_coordinator_sees_every_organiser(signed_in, org):
    coordinator = MembershipFactory(organisation=org, role=Membership.Role.COORDINATOR).user
    other = OrganisationFactory(name="Inny organizator", slug="inny")
    response = signed_in(coordinator).get(reverse("accounts:organisation_list"))
    assert set(response.context["organisations"]) == {org, other}
    assert (
        signed_in(coordinator).get(reverse("accounts:organisation_detail", kwargs={"slug": "inny"})).status_code == 200
    )


def test_person_without_organiser_role_sees_an_empty_list(signed_in, org):
    response = signed_in(UserFactory()).get(reverse("accounts:organisation_list"))
    assert response.status_code == 200
    assert "Nie należysz do zespołu żadnego organizatora." in response.content.decode()


def test_unknown_organiser_is_404(signed_in, org):
    staff = MembershipFactory(organisation=org, role=Membership.Role.STAFF).user
    response = signed_in(staff).get(reverse("accounts:organisation_detail", kwargs={"slug": "nie-ma"}))
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


def test_organisation_list_queries_do_not_grow(signed_in, org):
    coordinator = MembershipFactory(organisation=org, role=Membership.Role.COORDINATOR).user
    client = signed_in(coordinator)

    def build(n):
        for _ in range(n):
            other = OrganisationFactory()
            MembershipFactory(organisation=other, role=Membership.Role.STAFF)
            MembershipFactory(organisation=other, role=Membership.Role.ADVISOR)

    def request():
        assert client.get(reverse("accounts:organisation_list")).status_code == 200

    assert_constant_queries(build=build, request=request)


def test_organisation_detail_queries_do_not_grow(signed_in, org):
    staff = MembershipFactory(organisation=org, role=Membership.Role.STAFF).user
    client = signed_in(staff)
    url = reverse("accounts:organisation_detail", kwargs={"slug": org.slug})
    counter = iter(range(10_000))

    def build(n):
        for _ in range(n):
            i = next(counter)
            MembershipFactory(organisation=org, role=Membership.Role.ADVISOR)
            services.invite(email=f"zaproszona{i}@example.org", organisation=org, role="trainer", by=staff)

    def request():
        response = client.get(url)
        assert response.status_code == 200

    assert_constant_queries(build=build, request=request)
    page = client.get(url)
    assert len(page.context["organisation"].memberships.all()) == 26
    assert len(page.context["invitations"]) == 25


def test_organisation_history_queries_do_not_grow(signed_in, org):
    staff = MembershipFactory(organisation=org, role=Membership.Role.STAFF).user
    client = signed_in(staff)
    url = reverse("accounts:organisation_history", kwargs={"slug": org.slug})

    def build(n):
        for _ in range(n):
            services.add_membership(user=UserFactory(), organisation=org, role="advisor", by=staff)

    def request():
        assert client.get(url).status_code == 200

    assert_constant_queries(build=build, request=request)
