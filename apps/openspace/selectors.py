"""Reads of open spaces, scoped to who may see them and prefetched so page costs do not grow with rows."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.accounts.roles import roles_of
from apps.events.models import Event, Invitee, Registration, Session

from .access import MODERATOR_ROLES, role_in
from .models import Conclusion, Follower, Group, Membership, OpenSpace, Topic, Vote


def _spaces():
    return OpenSpace.objects.select_related("session", "event__planned_event__edition__organiser")


def spaces_visible_to(user):
    """Open spaces whose event the person is registered for, invited to as an advisor or trainer, teaches in,
    or runs as the organiser's staff."""
    roles = roles_of(user)
    if not roles.is_authenticated:
        return OpenSpace.objects.none()
    registered = Registration.objects.filter(user=user, status=Registration.Status.REGISTERED).values("event_id")
    invited = Invitee.objects.filter(user=user, role__in=MODERATOR_ROLES).values("event_id")
    return (
        _spaces()
        .filter(
            Q(event_id__in=registered)
            | Q(event_id__in=invited)
            | Q(session__trainers=user)
            | Q(event__planned_event__edition__organiser_id__in=roles.staff_of)
        )
        .distinct()
    )


def space_for(user, pk: int) -> OpenSpace:
    space = get_object_or_404(_spaces(), pk=pk)
    if not role_in(user, space).any:
        raise Http404
    return space


def event_for_organiser(user, pk: int) -> Event:
    roles = roles_of(user)
    queryset = Event.objects.select_related("planned_event__edition__organiser").filter(
        planned_event__edition__organiser_id__in=roles.staff_of
    )
    return get_object_or_404(queryset, pk=pk)


def sessions_for_open_space(event: Event):
    return Session.objects.filter(event=event, kind=Session.Kind.SESSION, open_space__isnull=True)


def spaces_of_event(event: Event):
    return list(_spaces().filter(event=event))


def live_topics(space: OpenSpace):
    """Topics not merged into another, with their vote and follower counts, best first (one query)."""
    return (
        space.topics.filter(merged_into__isnull=True)
        .select_related("proposer_jst")
        .annotate(
            vote_count=Count("votes", distinct=True),
            follower_count=Count("followers", distinct=True),
        )
        .order_by("-vote_count", "created_at", "pk")
    )


def topic_of(space: OpenSpace, pk: int) -> Topic:
    return get_object_or_404(Topic.objects.select_related("open_space"), open_space=space, pk=pk)


def live_topic_of(space: OpenSpace, pk: int) -> Topic:
    return get_object_or_404(
        Topic.objects.select_related("open_space"), open_space=space, pk=pk, merged_into__isnull=True
    )


def my_votes(space: OpenSpace, user) -> set[int]:
    return set(Vote.objects.filter(open_space=space, user=user).values_list("topic_id", flat=True))


def my_follows(space: OpenSpace, user) -> set[int]:
    return set(Follower.objects.filter(topic__open_space=space, user=user).values_list("topic_id", flat=True))


@dataclass
class Counts:
    """The small polled answer: the phase, each topic's count and the viewer's votes (two queries)."""

    phase: str
    votes_per_person: int
    counts: list[tuple[int, str, int]] = field(default_factory=list)  # (topic id, title, votes), best first
    mine: set[int] = field(default_factory=set)

    @property
    def remaining(self) -> int:
        return max(0, self.votes_per_person - len(self.mine))

    @property
    def total(self) -> int:
        return sum(count for _pk, _title, count in self.counts)


def live_counts(space: OpenSpace, user) -> Counts:
    counts = list(
        space.topics.filter(merged_into__isnull=True)
        .annotate(n=Count("votes"))
        .order_by("-n", "created_at", "pk")
        .values_list("pk", "title", "n")
    )
    return Counts(space.phase, space.votes_per_person, counts, my_votes(space, user))


def groups_of(space: OpenSpace):
    """The groups with their topic, moderator, members and conclusion (three queries)."""
    return list(
        space.groups.select_related("topic__proposer_jst", "moderator", "scribe", "conclusion")
        .annotate(member_count=Count("memberships"))
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("user").order_by("user__full_name"))
        )
        .order_by("order", "day", "starts_at", "pk")
    )


def group_of(space: OpenSpace, pk: int) -> Group:
    return get_object_or_404(
        Group.objects.select_related("topic", "moderator", "scribe", "open_space__event__planned_event__edition"),
        open_space=space,
        pk=pk,
    )


def my_groups(space: OpenSpace, user) -> set[int]:
    return set(Membership.objects.filter(group__open_space=space, user=user).values_list("group_id", flat=True))


def conclusion_of(group: Group) -> Conclusion:
    conclusion, _created = Conclusion.objects.get_or_create(group=group)
    return conclusion


def moderator_choices(space: OpenSpace):
    """The event's invited advisors and trainers and the session's trainers."""
    User = get_user_model()
    invited = Invitee.objects.filter(event_id=space.event_id, role__in=MODERATOR_ROLES).values("user_id")
    return (
        User.objects.filter(Q(pk__in=invited) | Q(event_sessions=space.session))
        .distinct()
        .order_by("full_name", "email")
    )


def participant_choices(space: OpenSpace):
    User = get_user_model()
    registered = Registration.objects.filter(event_id=space.event_id, status=Registration.Status.REGISTERED)
    return User.objects.filter(pk__in=registered.values("user_id")).order_by("full_name", "email")


def participants_of(space: OpenSpace):
    return Registration.objects.filter(event_id=space.event_id, status=Registration.Status.REGISTERED)


def registration_of(space: OpenSpace, user) -> Registration | None:
    return (
        Registration.objects.select_related("engagement__local_government")
        .filter(event_id=space.event_id, user=user, status=Registration.Status.REGISTERED)
        .first()
    )


@dataclass
class Slide:
    group: Group
    conclusion: Conclusion | None


def plenary_slides(space: OpenSpace) -> list[Slide]:
    groups = groups_of(space)
    return [Slide(group, getattr(group, "conclusion", None)) for group in groups]


def spaces_for_cards(user) -> list[OpenSpace]:
    return list(spaces_visible_to(user).exclude(phase="closed", published_at__isnull=True)[:4])


def spaces_of_event_for(event: Event, user) -> list[OpenSpace]:
    """The event's open spaces the person may see (at most four queries whatever the event holds): all of them for
    the organiser's staff, a registered participant or an invited advisor or trainer; a session's trainer sees the
    open spaces of their sessions."""
    if user is None or not user.is_authenticated:
        return []
    spaces = list(OpenSpace.objects.select_related("session").filter(event=event))
    if not spaces:
        return []
    if event.planned_event.edition.organiser_id in roles_of(user).staff_of:
        return spaces
    if (
        Registration.objects.filter(event=event, user=user, status=Registration.Status.REGISTERED).exists()
        or Invitee.objects.filter(event=event, user=user, role__in=MODERATOR_ROLES).exists()
    ):
        return spaces
    taught = set(Session.objects.filter(event=event, trainers=user).values_list("pk", flat=True))
    return [space for space in spaces if space.session_id in taught]
