"""Which events a person takes part in, computed once per request: as a team member of a JST in the edition
(an active member of an engagement that has not withdrawn), as an invited advisor, trainer or guest."""

from dataclasses import dataclass

from apps.engagements.access import engagement_access
from apps.engagements.models import Engagement

from .models import Invitee


@dataclass(frozen=True)
class EventAccess:
    team_editions: frozenset[int] = frozenset()  # editions where the person is in a JST's team
    leader_engagements: frozenset[int] = frozenset()
    invited_events: frozenset[int] = frozenset()
    engagement_by_edition: tuple = ()  # ((edition_id, engagement_id), ...)

    def engagement_in(self, edition_id: int) -> int | None:
        return dict(self.engagement_by_edition).get(edition_id)


_NONE = EventAccess()
_CACHE_ATTR = "_event_access_cache"


def event_access(user) -> EventAccess:
    if user is None or not user.is_authenticated:
        return _NONE
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    engagements = engagement_access(user)
    pairs = tuple(
        Engagement.objects.filter(pk__in=engagements.member_of, withdrawn_at__isnull=True).values_list(
            "edition_id", "pk"
        )
    )
    access = EventAccess(
        team_editions=frozenset(edition for edition, _ in pairs),
        leader_engagements=frozenset(engagements.leader_of),
        invited_events=frozenset(Invitee.objects.filter(user=user).values_list("event_id", flat=True)),
        engagement_by_edition=pairs,
    )
    setattr(user, _CACHE_ATTR, access)
    return access


def forget_event_access(user) -> None:
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def is_invited(user, event) -> bool:
    access = event_access(user)
    if event.pk in access.invited_events:
        return True
    return event.invite_team_members and event.planned_event.edition_id in access.team_editions
