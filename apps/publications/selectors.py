"""Reads of summaries, consents and publications. Drafts, reviews and consents are scoped through the
engagement (``engagement_for``: 404 outside the JST's team, advisors, organiser and the coordinator); public
reads see only live publications."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from apps.engagements.selectors import engagement_for
from apps.territory.models import Voivodeship

from . import search
from .models import (
    Consent,
    DocumentKind,
    FinalSummary,
    Publication,
    PublicationArea,
    SummaryAttachment,
    SummaryStructure,
    SummaryVersion,
)


def summary_of(engagement) -> FinalSummary | None:
    summary = (
        FinalSummary.objects.filter(engagement=engagement)
        .select_related("structure", "accepted_version", "updated_by")
        .prefetch_related(
            Prefetch("attachments", queryset=SummaryAttachment.objects.filter(removed_at__isnull=True)), "comments"
        )
        .first()
    )
    if summary is not None:
        summary.engagement = engagement
    return summary


def summary_for(user, engagement_pk: int) -> tuple[object, FinalSummary]:
    engagement = engagement_for(user, engagement_pk)
    summary = summary_of(engagement)
    if summary is None:
        raise Http404
    return engagement, summary


def attachment_of(summary: FinalSummary, pk: int):
    return get_object_or_404(summary.attachments.filter(removed_at__isnull=True), pk=pk)


def version_of(summary: FinalSummary, number: int) -> SummaryVersion:
    return get_object_or_404(summary.versions.prefetch_related("approvals"), number=number)


def versions_of(summary: FinalSummary) -> list[SummaryVersion]:
    return list(summary.versions.select_related("submitted_by", "decided_by").order_by("-number"))


def review_in_progress(summary: FinalSummary) -> SummaryVersion | None:
    if summary.status != FinalSummary.Status.IN_REVIEW:
        return None
    return summary.versions.filter(status=SummaryVersion.Status.IN_REVIEW).prefetch_related("approvals").first()


def last_change_request(summary: FinalSummary) -> SummaryVersion | None:
    return summary.versions.filter(status=SummaryVersion.Status.CHANGES_REQUESTED).order_by("-number").first()


def current_structures() -> list[SummaryStructure]:
    newest = {}
    for structure in SummaryStructure.objects.order_by("form", "-number"):
        newest.setdefault(structure.form, structure)
    return list(newest.values())


def structure_history(form: str) -> list[SummaryStructure]:
    return list(SummaryStructure.objects.filter(form=form).select_related("created_by").order_by("-number"))


def consents_of(engagement) -> list[Consent]:
    return list(Consent.objects.filter(engagement=engagement).select_related("given_by").order_by("-created_at"))


def consent_of(engagement, pk: int) -> Consent:
    return get_object_or_404(Consent.objects.filter(engagement=engagement).select_related("engagement"), pk=pk)


def summaries_in_review(edition):
    """The edition's final summaries submitted and waiting for the advisors (one query)."""
    return (
        FinalSummary.objects.filter(
            engagement__edition=edition,
            engagement__withdrawn_at__isnull=True,
            status=FinalSummary.Status.IN_REVIEW,
        )
        .select_related("engagement__local_government")
        .order_by("engagement__local_government__display_name", "pk")
    )


def edition_consents(edition) -> list[Consent]:
    """The standing consents of an edition with their live publication (one query each)."""
    consents = list(
        Consent.objects.filter(engagement__edition=edition, withdrawn_at__isnull=True)
        .select_related("engagement__local_government")
        .order_by("engagement__local_government__display_name", "document")
    )
    live = {
        (p.engagement_id, p.document): p
        for p in Publication.objects.filter(edition=edition, withdrawn_at__isnull=True).only(
            "pk", "engagement_id", "document", "featured", "published_at", "title"
        )
    }
    for consent in consents:
        consent.publication = live.get((consent.engagement_id, consent.document))
    return consents


def publication_for_staff(user, pk: int) -> Publication:
    from apps.accounts.roles import roles_of

    return get_object_or_404(
        Publication.objects.filter(edition__organiser_id__in=roles_of(user).staff_of).select_related("edition"),
        pk=pk,
    )


# The public knowledge base ----------------------------------------------------------------------------------


def live() -> QuerySet[Publication]:
    return Publication.objects.filter(withdrawn_at__isnull=True)


def _public_list_columns(queryset):
    return queryset.select_related("edition", "voivodeship").defer("sections", "pdf")


def public_publication(pk: int) -> Publication:
    return get_object_or_404(live().select_related("edition", "voivodeship", "engagement"), pk=pk)


def public_attachment(publication: Publication, pk: int):
    """A file or photo the publication lists (404 for anything else, also of the same summary)."""

    if pk not in {a["id"] for a in publication.attachments}:
        raise Http404
    return get_object_or_404(SummaryAttachment.objects.filter(summary__engagement_id=publication.engagement_id), pk=pk)


@dataclass(frozen=True)
class Filters:
    q: str = ""
    jst_kind: str = ""
    area: str = ""
    voivodeship: str = ""
    edition: str = ""
    form: str = ""
    document: str = ""
    solution: str = ""


def filter_publications(filters: Filters) -> QuerySet[Publication]:
    queryset = live()
    if filters.jst_kind:
        queryset = queryset.filter(jst_kind=filters.jst_kind)
    if filters.voivodeship:
        queryset = queryset.filter(voivodeship__code=filters.voivodeship)
    if filters.edition:
        queryset = queryset.filter(edition__slug=filters.edition)
    if filters.form:
        queryset = queryset.filter(form=filters.form)
    if filters.document:
        queryset = queryset.filter(document=filters.document)
    for kind, name in (("area", filters.area), ("solution", filters.solution)):
        if name:
            queryset = queryset.filter(
                pk__in=PublicationArea.objects.filter(kind=kind, name=name).values("publication")
            )
    return queryset


class RankedPublications:
    """Publications in the order of a list of ids, for the paginator: the count is the list's length and a page
    is one query for its rows (with their index entry for the highlighter)."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, window: slice) -> list[Publication]:
        ids = self.ids[window]
        rows = _public_list_columns(Publication.objects.filter(pk__in=ids).select_related("search_entry")).in_bulk()
        return [rows[pk] for pk in ids if pk in rows]


def search_publications(filters: Filters) -> tuple[QuerySet[Publication] | RankedPublications, search.Query]:
    """The filtered publications, matched against the query and sorted by relevance (newest first without one).

    A page costs two queries whatever the number of documents: the ranked ids (on PostgreSQL the full-text match
    and ``ts_rank``; on SQLite the inverted index) and the page of rows."""
    queryset = filter_publications(filters)
    query = search.parse_query(filters.q)
    if not query:
        return _public_list_columns(queryset.order_by("-featured", "-published_at", "-pk")), query
    if connection.vendor == "postgresql":
        ranked = search.filter_and_rank(queryset, query, vendor=connection.vendor)
        # Only the ids are sorted (sorting the rows with their texts took most of the time at 3,000 documents).
        ids = list(ranked.order_by("-rank", "-published_at", "-pk").values_list("pk", flat=True))
        return RankedPublications(ids), query
    return RankedPublications(search.ranked_ids(queryset, query)), query


def facet_options() -> dict:
    """What the filters offer: only values some live publication has (four queries)."""
    facets = PublicationArea.objects.filter(publication__withdrawn_at__isnull=True)
    return {
        "areas": list(facets.filter(kind="area").values_list("name", flat=True).distinct().order_by("name")),
        "solutions": list(facets.filter(kind="solution").values_list("name", flat=True).distinct().order_by("name")),
        "voivodeships": list(
            Voivodeship.objects.filter(pk__in=live().values("voivodeship")).order_by("name").values_list("code", "name")
        ),
        "editions": list(live().order_by("edition__name").values_list("edition__slug", "edition__name").distinct()),
    }


def similar_to(publication: Publication, limit: int = 5) -> list[Publication]:
    """Live publications of another JST of the same kind sharing an area."""
    return list(
        _public_list_columns(
            live()
            .filter(jst_kind=publication.jst_kind)
            .filter(
                pk__in=PublicationArea.objects.filter(kind="area", name__in=publication.areas).values("publication")
            )
            .exclude(engagement_id=publication.engagement_id)
            .order_by("-featured", "-published_at")
        )[:limit]
    )


def edition_publications(edition) -> list[Publication]:
    return list(_public_list_columns(live().filter(edition=edition)).order_by("jst_name", "document"))


def editions_with_publications() -> list:
    from apps.editions.models import Edition

    counts = dict(live().order_by().values("edition").annotate(n=Count("pk")).values_list("edition", "n"))
    editions = list(Edition.objects.filter(pk__in=counts).select_related("organiser").order_by("-period_start"))
    for edition in editions:
        edition.published = counts[edition.pk]
    return editions


def feed_items(limit: int = 50) -> list[Publication]:
    return list(_public_list_columns(live()).order_by("-published_at", "-pk")[:limit])


def open_data() -> QuerySet[Publication]:
    return _public_list_columns(live()).order_by("published_at", "pk")


def document_labels() -> dict:
    return dict(DocumentKind.choices)
