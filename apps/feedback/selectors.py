"""Reads of the feedback register: the coordinator sees all of it; a participant sees their own remarks."""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.catalog.models import CatalogVersion
from apps.core.permissions import can

from .models import Remark

SORTS = {
    "newest": ["-created_at", "-pk"],
    "oldest": ["created_at", "pk"],
    "part": ["part_kind", "part_label", "-created_at"],
    "status": ["status", "-created_at"],
}


def register_for(user, *, status: str = "", part_kind: str = "", query: str = "", sort: str = "newest") -> QuerySet:
    if not can(user, "feedback.manage"):
        raise Http404
    remarks = Remark.objects.select_related("author", "addressed_in", "implemented_in", "duplicate_of")
    if status:
        remarks = remarks.filter(status=status)
    if part_kind:
        remarks = remarks.filter(part_kind=part_kind)
    if query:
        remarks = remarks.filter(
            Q(text__icontains=query) | Q(part_label__icontains=query) | Q(source_label__icontains=query)
        )
    return remarks.order_by(*SORTS.get(sort, SORTS["newest"]))


def remark_for(user, pk: int) -> Remark:
    if not can(user, "feedback.manage"):
        raise Http404
    return get_object_or_404(
        Remark.objects.select_related("author", "addressed_in", "implemented_in", "duplicate_of", "made_on_version"),
        pk=pk,
    )


def duplicates_of(remark: Remark) -> list[Remark]:
    return list(remark.duplicates.select_related("author"))


def merge_candidates(remark: Remark) -> list[Remark]:
    """Other remarks about the same part that a duplicate could be merged into."""
    return list(
        Remark.objects.filter(part_kind=remark.part_kind, part_key=remark.part_key)
        .exclude(pk=remark.pk)
        .exclude(status=Remark.Status.MERGED)
        .order_by("-created_at")[:50]
    )


def own_remarks(user) -> QuerySet:
    return Remark.objects.filter(author=user).select_related("implemented_in").order_by("-created_at", "-pk")


def open_draft() -> CatalogVersion | None:
    return CatalogVersion.objects.filter(status=CatalogVersion.Status.DRAFT).first()


def change_log(version: CatalogVersion) -> list[Remark]:
    """What changed in a version and why: the remarks it implements (published) or addresses (a draft)."""
    if version.is_draft:
        remarks = Remark.objects.filter(addressed_in=version, status=Remark.Status.ACCEPTED)
    else:
        remarks = Remark.objects.filter(implemented_in=version)
    return list(remarks.order_by("part_kind", "part_label", "pk"))
