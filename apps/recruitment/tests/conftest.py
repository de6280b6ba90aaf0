from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts.factories import MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Membership
from apps.catalog.services import ensure_initial_catalog
from apps.editions.factories import EditionFactory
from apps.territory.factories import LocalGovernmentFactory, VoivodeshipFactory
from apps.territory.kinds import JstKind


def day(offset: int):
    return timezone.localdate() + timedelta(days=offset)


@pytest.fixture
def catalogue(db):
    return ensure_initial_catalog()


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Ośrodek Rozwoju Edukacji", slug="ore")


@pytest.fixture
def organiser(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.STAFF).user


@pytest.fixture
def coordinator(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.COORDINATOR).user


@pytest.fixture
def applicant(db):
    return UserFactory(email="wnioskodawca@gmina.example.org", full_name="Wanda Wnioskodawca")


@pytest.fixture
def edition(catalogue, organisation):
    """A published edition whose call is open today: 3–5 people, directors allowed (at most 1), rural gminy and
    powiaty may apply, 2 places."""
    return EditionFactory(
        organiser=organisation,
        catalogue_version=catalogue,
        name="Doradztwo dla JST 2026/2027",
        slug="doradztwo-2026",
        published=True,
        recruitment_opens_on=day(-10),
        recruitment_deadline=day(10),
        results_date=day(15),
        period_start=day(30),
        period_end=day(300),
        capacity=2,
        team_size_min=3,
        team_size_max=5,
        school_directors="allowed",
        school_directors_max=1,
        eligible_jst_kinds=[JstKind.RURAL_GMINA, JstKind.POWIAT],
        contact_name="Piotr Matuszak",
        contact_email="nabor@ore.example.org",
    )


@pytest.fixture
def jst(db):
    return LocalGovernmentFactory(
        name="Bolesławiec", kind=JstKind.RURAL_GMINA, voivodeship=VoivodeshipFactory(code="02")
    )
