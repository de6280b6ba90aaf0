"""Which engagements a user works on as a team member, team leader or assigned advisor (cached per request)."""

from dataclasses import dataclass

from django.db.models import BooleanField, CharField, Value

from .models import AdvisorAssignment, TeamMember


@dataclass(frozen=True)
class EngagementAccess:
    member_of: frozenset[int] = frozenset()
    leader_of: frozenset[int] = frozenset()
    advisor_of: frozenset[int] = frozenset()

    @property
    def any(self) -> bool:
        return bool(self.member_of or self.advisor_of)


_NONE = EngagementAccess()
_CACHE_ATTR = "_engagement_access_cache"


def engagement_access(user) -> EngagementAccess:
    if user is None or not user.is_authenticated:
        return _NONE
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    member, leader, advisor = set(), set(), set()
    # One query for both facts (every signed-in page asks): team places and advisor assignments side by side.
    places = TeamMember.objects.filter(user=user, left_at__isnull=True).values_list(
        "engagement_id", "is_leader", Value("member", output_field=CharField())
    )
    assignments = AdvisorAssignment.objects.filter(user=user).values_list(
        "engagement_id", Value(False, output_field=BooleanField()), Value("advisor", output_field=CharField())
    )
    for engagement_id, is_leader, kind in places.order_by().union(assignments.order_by(), all=True):
        if kind == "advisor":
            advisor.add(engagement_id)
            continue
        member.add(engagement_id)
        if is_leader:
            leader.add(engagement_id)
    access = EngagementAccess(frozenset(member), frozenset(leader), frozenset(advisor))
    setattr(user, _CACHE_ATTR, access)
    return access


def forget_engagement_access(user) -> None:
    if user is not None and hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
