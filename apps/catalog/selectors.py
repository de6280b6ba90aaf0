"""Reads of the catalogue. Public pages see published versions; the version editor is for catalogue managers."""

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.core.permissions import can

from .models import Area, CatalogVersion, ManagementSolution


def current_version() -> CatalogVersion | None:
    """The latest published version: what new editions start with and what the public sees."""
    return CatalogVersion.objects.filter(status=CatalogVersion.Status.PUBLISHED).order_by("-number").first()


def with_contents(versions: QuerySet[CatalogVersion]) -> QuerySet[CatalogVersion]:
    """Versions with everything a catalogue page shows, in a fixed number of queries."""
    areas = Area.objects.prefetch_related("solutions")
    return versions.prefetch_related(Prefetch("areas", queryset=areas), "support_forms", "cycle_steps", "summary_forms")


def public_catalogue() -> CatalogVersion | None:
    version = current_version()
    if version is None:
        return None
    return with_contents(CatalogVersion.objects.filter(pk=version.pk)).get()


def versions_for(user) -> QuerySet[CatalogVersion]:
    if not can(user, "catalog.manage"):
        raise Http404
    return CatalogVersion.objects.annotate(
        area_count=Count("areas", distinct=True), edition_count=Count("editions", distinct=True)
    ).order_by("-number")


def version_for(user, number: int) -> CatalogVersion:
    if not can(user, "catalog.manage"):
        raise Http404
    return get_object_or_404(with_contents(CatalogVersion.objects.all()), number=number)


def area_of(version: CatalogVersion, pk: int) -> Area:
    return get_object_or_404(Area.objects.select_related("version"), version=version, pk=pk)


def solution_of(version: CatalogVersion, pk: int) -> ManagementSolution:
    return get_object_or_404(ManagementSolution.objects.select_related("area__version"), area__version=version, pk=pk)
