"""Reads of engagements, scoped: organiser staff see their editions' JSTs, the coordinator sees all, advisors
the JSTs assigned to them, team members their own JST."""

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from apps.accounts.roles import roles_of

from .access import engagement_access
from .hooks import Perspective, Viewer
from .models import (
    AdvisorAssignment,
    ChosenArea,
    ContextFigure,
    DevelopmentPriority,
    Engagement,
    NeedsAssessment,
    SchoolPerspective,
    TeamMember,
    TimelineEntry,
)


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


def with_progress(queryset: QuerySet[Engagement]) -> QuerySet[Engagement]:
    """Card data plus what the stage tracker's own panels read (diagnosis counts, priorities), without N+1."""
    figures = ContextFigure.objects.filter(assessment__engagement=OuterRef("pk")).values("assessment__engagement")
    views = SchoolPerspective.objects.filter(assessment__engagement=OuterRef("pk")).values("assessment__engagement")
    return (
        with_card_data(queryset)
        .select_related("assessment")
        .annotate(
            figure_count=Coalesce(Subquery(figures.annotate(n=Count("pk")).values("n")[:1]), 0),
            school_view_count=Coalesce(Subquery(views.annotate(n=Count("pk")).values("n")[:1]), 0),
        )
        .prefetch_related(Prefetch("priorities", queryset=DevelopmentPriority.objects.order_by("order", "pk")))
    )


def engagement_page_for(user, pk: int) -> Engagement:
    """The engagement page's object: everything its header, team, advisors and stage tracker show."""
    return get_object_or_404(with_progress(engagements_visible_to(user)), pk=pk)


def viewer_for(user, engagement: Engagement) -> Viewer:
    """Whose eyes the engagement is seen through: its team, its advisor, the organiser or the coordinator."""
    access = engagement_access(user)
    if engagement.pk in access.member_of:
        return Viewer(user=user, perspective=Perspective.TEAM, is_leader=engagement.pk in access.leader_of)
    if engagement.pk in access.advisor_of:
        return Viewer(user=user, perspective=Perspective.ADVISOR)
    if engagement.edition.organiser_id in roles_of(user).staff_of:
        return Viewer(user=user, perspective=Perspective.ORGANISER)
    return Viewer(user=user, perspective=Perspective.OBSERVER)


def timeline_of(engagement: Engagement, limit: int = 200) -> list[TimelineEntry]:
    return list(engagement.timeline.select_related("actor")[:limit])


def former_members(engagement: Engagement) -> list[TeamMember]:
    return list(engagement.team_members.filter(left_at__isnull=False).order_by("-left_at"))


def team_member_of(engagement: Engagement, pk: int) -> TeamMember:
    return get_object_or_404(TeamMember.objects.select_related("engagement", "user"), engagement=engagement, pk=pk)


def advisor_options(edition) -> QuerySet:
    """The people the organiser can put into an advisor role in this edition: its advisor memberships."""
    from apps.accounts.models import Membership, User

    return User.objects.filter(
        memberships__organisation_id=edition.organiser_id, memberships__role=Membership.Role.ADVISOR
    ).order_by("full_name", "email")


def areas_to_choose(engagement: Engagement) -> QuerySet:
    return engagement.edition.catalogue_version.areas.order_by("order", "name")


def assessment_page(engagement: Engagement) -> NeedsAssessment | None:
    """The diagnosis with its figures and school views (two more queries, whatever their number)."""
    return (
        NeedsAssessment.objects.filter(engagement=engagement)
        .prefetch_related(
            Prefetch("figures", queryset=ContextFigure.objects.order_by("topic", "label", "-year", "pk")),
            "school_perspectives",
        )
        .first()
    )


def ranked_priorities(engagement: Engagement) -> list[DevelopmentPriority]:
    """Candidates by importance × feasibility, the unrated last, then in the order they were added."""
    priorities = list(engagement.priorities.select_related("created_by").order_by("order", "pk"))
    return sorted(priorities, key=lambda p: (p.score is None, -(p.score or 0), p.order, p.pk))


def figure_of(engagement: Engagement, pk: int) -> ContextFigure:
    return get_object_or_404(
        ContextFigure.objects.select_related("assessment__engagement"), assessment__engagement=engagement, pk=pk
    )


def school_perspective_of(engagement: Engagement, pk: int) -> SchoolPerspective:
    return get_object_or_404(
        SchoolPerspective.objects.select_related("assessment__engagement"), assessment__engagement=engagement, pk=pk
    )


def priority_of(engagement: Engagement, pk: int) -> DevelopmentPriority:
    return get_object_or_404(DevelopmentPriority.objects.select_related("engagement"), engagement=engagement, pk=pk)
