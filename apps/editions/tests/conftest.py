from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts.factories import MembershipFactory, OrganisationFactory
from apps.accounts.models import Membership
from apps.catalog.services import ensure_initial_catalog
from apps.territory.kinds import DEFAULT_WORKSHOP_GROUPS, JstKind


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


def day(offset: int):
    return timezone.localdate() + timedelta(days=offset)


def edition_values(**overrides) -> dict:
    """Valid keyword arguments for create_edition, dated from today."""
    values = {
        "name": "Doradztwo dla JST 2022/2023",
        "description": "Edycja testowa.",
        "period_start": day(90),
        "period_end": day(330),
        "capacity": 20,
        "team_size_min": 3,
        "team_size_max": 5,
        "school_directors": "allowed",
        "school_directors_min": 0,
        "school_directors_max": 2,
        "onsite_visits_count": 3,
        "remote_advisory_months": 8,
        "allows_two_areas": False,
        "eligible_jst_kinds": [JstKind.RURAL_GMINA, JstKind.POWIAT],
        "workshop_group_overrides": {},
        "recruitment_opens_on": day(10),
        "recruitment_deadline": day(40),
        "results_date": day(45),
        "contact_name": "Jan Kowalski (dane demonstracyjne)",
        "contact_email": "kontakt@example.org",
        "contact_phone": "22 000 00 00",
    }
    values.update(overrides)
    return values


def form_data(**overrides) -> dict:
    """The same edition as the organiser's form posts it."""
    values = edition_values()
    data = {
        key: (value.isoformat() if hasattr(value, "isoformat") else value)
        for key, value in values.items()
        if key not in {"workshop_group_overrides", "allows_two_areas"}
    }
    data.update({f"group_{kind}": group for kind, group in DEFAULT_WORKSHOP_GROUPS.items()})
    data.update(overrides)
    return data
