"""A small cast for the engagement's pages: edition X of organiser ORE with the published catalogue, JST A with a
team of three (leader, official, school director) and an advisor pair, and the organiser's staff."""

from dataclasses import dataclass

import pytest
from django.test import Client

from apps.accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Membership
from apps.catalog.services import ensure_initial_catalog
from apps.core.testing import sign_in
from apps.editions.factories import EditionFactory
from apps.engagements.factories import AdvisorAssignmentFactory, EngagementFactory, TeamMemberFactory
from apps.engagements.models import AdvisorAssignment, TeamMember
from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import JstKind


@dataclass
class Cast:
    edition: object
    engagement: object
    leader: object
    member: object
    director: object
    advisor: object
    advisor2: object
    organiser: object
    coordinator: object
    outsider: object

    def client(self, user) -> Client:
        client = Client()
        sign_in(client, user)
        return client


@pytest.fixture
def cast(db) -> Cast:
    ore = OrganisationFactory(name="Ośrodek Rozwoju Edukacji", slug="ore")
    edition = EditionFactory(organiser=ore, catalogue_version=ensure_initial_catalog(), name="Edycja X")
    engagement = EngagementFactory(
        edition=edition, local_government=LocalGovernmentFactory(kind=JstKind.RURAL_GMINA, name="Alfa")
    )
    leader = UserFactory(full_name="Lidia Liderka", email="lidia@alfa.example")
    member = UserFactory(full_name="Marek Członek", email="marek@alfa.example")
    director = UserFactory(full_name="Dorota Dyrektorka", email="dorota@alfa.example")
    TeamMemberFactory(engagement=engagement, user=leader, is_leader=True, is_management=True)
    TeamMemberFactory(engagement=engagement, user=member)
    TeamMemberFactory(
        engagement=engagement,
        user=director,
        kind=TeamMember.Kind.SCHOOL_DIRECTOR,
        school_name="Szkoła Podstawowa nr 1 w Alfie",
    )
    advisor = UserFactory(full_name="Adam Doradca", email="adam@ore.example")
    advisor2 = UserFactory(full_name="Beata Doradczyni", email="beata@ore.example")
    AdvisorAssignmentFactory(engagement=engagement, user=advisor, role=AdvisorAssignment.Role.PERSONAL_DEVELOPMENT)
    AdvisorAssignmentFactory(engagement=engagement, user=advisor2, role=AdvisorAssignment.Role.MANAGEMENT)
    return Cast(
        edition=edition,
        engagement=engagement,
        leader=leader,
        member=member,
        director=director,
        advisor=advisor,
        advisor2=advisor2,
        organiser=MembershipFactory(organisation=ore, role=Membership.Role.STAFF, user__full_name="Olga Org").user,
        coordinator=MembershipFactory(organisation=ore, role=Membership.Role.COORDINATOR).user,
        outsider=UserFactory(),
    )
