"""Reads of the programme library. The public sees published programmes of the current catalogue version; the
catalogue's managers see every programme of every version."""

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.catalog.models import CatalogVersion
from apps.catalog.selectors import current_version
from apps.core.permissions import can

from .models import EuProduct, Programme, Scenario


def _with_contents(programmes: QuerySet[Programme]) -> QuerySet[Programme]:
    return programmes.select_related("version").prefetch_related(
        Prefetch("scenarios", queryset=Scenario.objects.order_by("number")),
        Prefetch("eu_products", queryset=EuProduct.objects.order_by("order", "pk")),
    )


def public_programmes() -> list[Programme]:
    version = current_version()
    if version is None:
        return []
    return list(
        Programme.objects.filter(version=version, is_published=True)
        .annotate(scenario_count=Count("scenarios"))
        .order_by("audience", "order", "pk")
    )


def public_programme(key) -> Programme:
    version = current_version()
    if version is None:
        raise Http404
    return get_object_or_404(_with_contents(Programme.objects.filter(version=version, is_published=True)), key=key)


def public_scenario(key, number: int) -> Scenario:
    programme = public_programme(key)
    for scenario in programme.scenarios.all():
        if scenario.number == number:
            return scenario
    raise Http404


def scenario_choices(version: CatalogVersion | None = None) -> QuerySet[Scenario]:
    """The scenarios an event session may point to: those of published programmes in ``version`` (an edition's
    catalogue version; the current published one if None). For the events app's session form."""
    version = version or current_version()
    return (
        Scenario.objects.filter(programme__version=version, programme__is_published=True)
        .select_related("programme")
        .order_by("programme__order", "programme__pk", "number")
    )


def scenario_by_pk(pk: int) -> Scenario:
    """One scenario with its programme, whatever version it belongs to (a session keeps the one it pointed to)."""
    return get_object_or_404(Scenario.objects.select_related("programme__version"), pk=pk)


def version_programmes(user, version: CatalogVersion) -> list[Programme]:
    if not can(user, "catalog.manage"):
        raise Http404
    return list(
        Programme.objects.filter(version=version).annotate(scenario_count=Count("scenarios")).order_by("order", "pk")
    )


def managed_programme(user, version: CatalogVersion, pk: int) -> Programme:
    if not can(user, "catalog.manage"):
        raise Http404
    return get_object_or_404(_with_contents(Programme.objects.filter(version=version)), pk=pk)


def managed_version(user, number: int) -> CatalogVersion:
    if not can(user, "catalog.manage"):
        raise Http404
    return get_object_or_404(CatalogVersion, number=number)
