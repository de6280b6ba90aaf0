"""The open spaces in the public knowledge base: the conclusions a group agreed to publish.

``apps.publications`` holds one JST's documents (a ``Publication`` needs the engagement and the team's consent), so
a group's conclusions are not stored there: this app serves its own public pages (``public_list``, ``public_detail``)
and registers them on the knowledge base's index through ``apps.publications.sources`` (see hooks.py).

The publication rule: a conclusion is public only when its open space is published (``published_at``) and its group
agreed (``Conclusion.publish_publicly``); an empty conclusion shows nothing. What is public is the topic's title and
the conclusion's problem, solutions and recommendations: never the proposer, the moderator, the scribe, the members
or ``participants_note`` (the group agreed to publish its conclusions, not who took part)."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.shortcuts import get_object_or_404

from .models import Conclusion, OpenSpace


def _agreed(queryset):
    return queryset.filter(publish_publicly=True).exclude(problem="", solutions="", recommendations="")


def public_conclusions(space):
    if not space.is_published:
        return Conclusion.objects.none()
    return (
        _agreed(Conclusion.objects.filter(group__open_space=space))
        .select_related("group__topic")
        .order_by("group__order", "pk")
    )


def public_spaces():
    """Published open spaces with at least one conclusion their group agreed to publish, newest first (one query)."""
    counted = (
        _agreed(Conclusion.objects.filter(group__open_space=OuterRef("pk")))
        .values("group__open_space")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        OpenSpace.objects.filter(published_at__isnull=False)
        .annotate(public_count=Subquery(counted, output_field=IntegerField()))
        .filter(public_count__gt=0)
        .select_related("session", "event__planned_event")
        .order_by("-published_at", "pk")
    )


def public_space(pk: int) -> OpenSpace:
    """A public open space, or 404 (not published, or no group agreed)."""
    return get_object_or_404(public_spaces(), pk=pk)
