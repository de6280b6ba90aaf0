import pytest

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.events.models import Invitee
from apps.openspace.factories import OpenSpaceFactory, participant


class Cast:
    """An open space (3 votes each) in an event with three registered participants, an invited trainer (a
    moderator), the organiser's staff and an outsider registered for another event."""

    def __init__(self):
        self.space = OpenSpaceFactory(phase="proposing")
        self.event = self.space.event
        organiser = self.event.planned_event.edition.organiser
        self.organiser = MembershipFactory(organisation=organiser, role=Membership.Role.STAFF).user
        self.trainer = MembershipFactory(
            organisation=organiser, role=Membership.Role.TRAINER, user__full_name="Tomasz Trener"
        ).user
        Invitee.objects.create(event=self.event, user=self.trainer, role=Invitee.Role.TRAINER)
        self.anna = participant(self.space, full_name="Anna Nowak")
        self.bartek = participant(self.space, full_name="Bartosz Lis")
        self.celina = participant(self.space, full_name="Celina Wróbel")
        other = OpenSpaceFactory()
        self.outsider = participant(other, full_name="Olga Obca")


@pytest.fixture
def cast(db):
    return Cast()
