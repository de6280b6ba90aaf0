"""Reads of editions: the public sees published ones; organiser pages see their own, the coordinator all."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.accounts.models import Organisation
from apps.accounts.roles import roles_of
from apps.catalog.models import CatalogVersion
from apps.catalog.selectors import with_contents
from apps.core.permissions import can

from .models import Edition, Phase, PlannedEvent


def editions_visible_to(user) -> QuerySet[Edition]:
    roles = roles_of(user)
    if roles.is_coordinator:
        return Edition.objects.all()
    return Edition.objects.filter(organiser_id__in=roles.staff_of)


def manage_list_for(user) -> QuerySet[Edition]:
    return (
        editions_visible_to(user)
        .select_related("organiser", "catalogue_version")
        .annotate(event_count=Count("planned_events"))
        .order_by("-period_start", "name")
    )


def edition_for(user, slug: str) -> Edition:
    """An edition for its organiser's pages, with its timetable; 404 for anyone who may not see it."""
    return get_object_or_404(
        editions_visible_to(user).select_related("organiser", "catalogue_version").prefetch_related("planned_events"),
        slug=slug,
    )


def event_of(edition: Edition, pk: int) -> PlannedEvent:
    return get_object_or_404(PlannedEvent.objects.select_related("edition"), edition=edition, pk=pk)


def organisations_for_new_edition(user) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=roles_of(user).staff_of).order_by("name")


@dataclass
class PublicEditions:
    ongoing: list[Edition] = field(default_factory=list)
    upcoming: list[Edition] = field(default_factory=list)
    closed: list[Edition] = field(default_factory=list)


def public_editions() -> PublicEditions:
    """Published editions grouped by where they stand today (one query, grouped in Python by their dates)."""
    groups = PublicEditions()
    editions = Edition.objects.filter(status=Edition.Status.PUBLISHED).select_related("organiser")
    for edition in editions.order_by("period_start", "name"):
        phase = edition.phase()
        if phase == Phase.ONGOING:
            groups.ongoing.append(edition)
        elif phase == Phase.CLOSED:
            groups.closed.append(edition)
        else:
            groups.upcoming.append(edition)
    groups.closed.reverse()  # most recent first
    return groups


def public_edition_for(user, slug: str) -> Edition:
    """A published edition with its catalogue version's contents and timetable.

    A draft answers 404, except to those who may see it on the organiser's side (they get a preview).
    """
    edition = get_object_or_404(
        Edition.objects.select_related("organiser").prefetch_related(
            "planned_events", Prefetch("catalogue_version", queryset=with_contents(CatalogVersion.objects.all()))
        ),
        slug=slug,
    )
    if not edition.is_published and not can(user, "edition.view", edition):
        raise Http404
    return edition


def editions_trained_by(user) -> list[Edition]:
    """Published editions of the organisers where the user is a trainer that have not ended, each with its planned
    events from today on (``upcoming_events``), in two queries."""
    from django.utils import timezone

    today = timezone.localdate()
    upcoming = PlannedEvent.objects.filter(ends_on__gte=today).order_by("starts_on", "pk")
    return list(
        Edition.objects.filter(
            organiser_id__in=roles_of(user).trainer_of, status=Edition.Status.PUBLISHED, period_end__gte=today
        )
        .prefetch_related(Prefetch("planned_events", queryset=upcoming, to_attr="upcoming_events"))
        .order_by("period_start", "name")
    )
