"""Reads of engagements, scoped: organiser staff see their editions' JSTs, the coordinator sees all, advisors
the JSTs assigned to them, team members their own JST."""

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from apps.accounts.roles import roles_of

from .access import engagement_access
from .models import AdvisorAssignment, ChosenArea, Engagement, TeamMember


def engagements_visible_to(user) -> QuerySet[Engagement]:
    roles = roles_of(user)
    if not roles.is_authenticated:
        return Engagement.objects.none()
    if roles.is_coordinator:
        return Engagement.objects.all()
    access = engagement_access(user)
    return Engagement.objects.filter(
        Q(edition__organiser_id__in=roles.staff_of) | Q(pk__in=access.member_of | access.advisor_of)
    )


def with_card_data(queryset: QuerySet[Engagement]) -> QuerySet[Engagement]:
    """Everything an engagement card or a list row shows, in a fixed number of queries."""
    return queryset.select_related(
        "edition", "edition__organiser", "local_government", "local_government__voivodeship"
    ).prefetch_related(
        Prefetch(
            "team_members",
            queryset=TeamMember.objects.filter(left_at__isnull=True).select_related("user"),
            to_attr="active_team",
        ),
        Prefetch("advisor_assignments", queryset=AdvisorAssignment.objects.select_related("user")),
        Prefetch("chosen_areas", queryset=ChosenArea.objects.select_related("area")),
    )


def engagement_for(user, pk: int) -> Engagement:
    """One engagement the user may see, or 404."""
    return get_object_or_404(with_card_data(engagements_visible_to(user)), pk=pk)


def engagements_of_edition(edition) -> QuerySet[Engagement]:
    return with_card_data(edition.engagements.filter(withdrawn_at__isnull=True))
