import pytest

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.events.factories import EventFactory
from apps.territory.kinds import WorkshopGroup


class Cast:
    """An event of an edition with two JSTs (rural gmina: three people; powiat: one), the organiser, a trainer."""

    def __init__(self):
        self.event = EventFactory(capacity=10)
        self.edition = self.event.planned_event.edition
        self.organiser = MembershipFactory(organisation=self.edition.organiser, role=Membership.Role.STAFF).user
        self.trainer = MembershipFactory(
            organisation=self.edition.organiser, role=Membership.Role.TRAINER, user__full_name="Tomasz Trener"
        ).user
        self.trainer2 = MembershipFactory(
            organisation=self.edition.organiser, role=Membership.Role.TRAINER, user__full_name="Teresa Trenerka"
        ).user
        self.rural = EngagementFactory(edition=self.edition, workshop_group=WorkshopGroup.RURAL_GMINY)
        self.powiat = EngagementFactory(edition=self.edition, workshop_group=WorkshopGroup.POWIATY)
        self.anna = self._member(self.rural, "Anna Nowak", leader=True)
        self.bartek = self._member(self.rural, "Bartosz Lis")
        self.celina = self._member(self.rural, "Celina Wróbel")
        self.dawid = self._member(self.powiat, "Dawid Kot", leader=True)

    def _member(self, engagement, name, leader=False):
        user = UserFactory(full_name=name)
        TeamMemberFactory(engagement=engagement, user=user, full_name=name, is_leader=leader)
        return user


@pytest.fixture
def cast(db):
    return Cast()


def data(event, **overrides):
    """A complete registration: every day, the night before the second day, a room chosen by the organiser,
    lunch each day."""
    values = {
        "days": [d.isoformat() for d in event.days],
        "nights": [n.isoformat() for n in event.nights[1:]],
        "room_choice": "pair_me",
        "roommate": None,
        "single_reason": "",
        "meals": [f"{d.isoformat()}:lunch" for d in event.days],
        "diet": "standard",
        "diet_note": "",
        "parking": False,
        "accessibility_needs": "",
    }
    values.update(overrides)
    return values
