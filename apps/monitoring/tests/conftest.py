import datetime

import pytest

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.events.factories import EventFactory, RegistrationFactory
from apps.events.models import CheckIn
from apps.monitoring.factories import MonitoringSettingsFactory
from apps.monitoring.models import MonitoringAccess


@pytest.fixture
def eu_edition(db):
    return MonitoringSettingsFactory().edition


@pytest.fixture
def officer(eu_edition):
    """Organiser staff with the monitoring permission."""
    user = MembershipFactory(organisation=eu_edition.organiser, role=Membership.Role.STAFF).user
    MonitoringAccess.objects.create(organisation=eu_edition.organiser, user=user)
    return user


@pytest.fixture
def plain_staff(eu_edition):
    """The same organiser's staff without the monitoring permission."""
    return MembershipFactory(organisation=eu_edition.organiser, role=Membership.Role.STAFF).user


@pytest.fixture
def event(eu_edition):
    return EventFactory(planned_event__edition=eu_edition)


def add_participant(edition, event=None, *, days=(), jst=None, **member):
    """A team member of a (new) JST in ``edition``, present at ``event`` on ``days``."""
    engagement = EngagementFactory(edition=edition, local_government=jst) if jst else EngagementFactory(edition=edition)
    person = TeamMemberFactory(engagement=engagement, user=UserFactory(), **member)
    if event is not None and days:
        registration = RegistrationFactory(
            event=event, user=person.user, team_member=person, engagement=engagement, workshop_group=""
        )
        for day in days:
            CheckIn.objects.create(registration=registration, day=day)
    return person


def first_day(event) -> datetime.date:
    return event.planned_event.starts_on
