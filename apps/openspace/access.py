"""Who a person is in an open space, computed once per request (two queries at most): a registered participant
of the event, a moderator (an advisor or trainer the event invited, or a trainer of the session) or the
organiser's staff. Anyone else does not see it (404)."""

from dataclasses import dataclass

from apps.accounts.roles import roles_of
from apps.events.models import Invitee, Registration

MODERATOR_ROLES = (Invitee.Role.ADVISOR, Invitee.Role.TRAINER)
_CACHE_ATTR = "_openspace_roles"


@dataclass(frozen=True)
class SpaceRole:
    participant: bool = False
    moderator: bool = False
    organiser: bool = False

    @property
    def any(self) -> bool:
        return self.participant or self.moderator or self.organiser

    @property
    def runs(self) -> bool:
        """Moderates the whole open space: switches phases, merges, forms groups, moves the plenary."""
        return self.moderator or self.organiser


def role_in(user, open_space) -> SpaceRole:
    if user is None or not user.is_authenticated:
        return SpaceRole()
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE_ATTR, cache)
    if open_space.pk in cache:
        return cache[open_space.pk]
    event = open_space.event
    organiser = event.planned_event.edition.organiser_id in roles_of(user).staff_of
    participant = Registration.objects.filter(
        event_id=event.pk, user=user, status=Registration.Status.REGISTERED
    ).exists()
    moderator = False
    if not participant:
        moderator = (
            Invitee.objects.filter(event_id=event.pk, user=user, role__in=MODERATOR_ROLES).exists()
            or open_space.session.trainers.filter(pk=user.pk).exists()
        )
    role = SpaceRole(participant=participant, moderator=moderator, organiser=organiser)
    cache[open_space.pk] = role
    return role


def forget_roles(user) -> None:
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
