"""The public knowledge base: browse, filter and search, one page per published document, its PDF, an edition's
publication page, the Atom feed and the open data."""

import json

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy

from apps.documents.exports import build_csv, export_response
from apps.documents.uploads import human_size
from apps.documents.views import serve_private_file
from apps.editions.models import Edition
from apps.territory.kinds import JstKind

from .. import search, selectors, sources
from ..forms import SearchForm
from ..models import DocumentKind, EditionPublishing, FormCode

PAGE_SIZE = 20


def _filters(form: SearchForm) -> selectors.Filters:
    data = form.cleaned_data if form.is_valid() else {}
    return selectors.Filters(**{name: (data.get(name) or "") for name in selectors.Filters.__dataclass_fields__})


def index(request):
    options = selectors.facet_options()
    form = SearchForm(request.GET or None, options=options)
    filters = _filters(form)
    queryset, query = selectors.search_publications(filters)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("strona"))
    rows = _decorate(list(page.object_list))
    for publication in rows:
        entry = getattr(publication, "search_entry", None) if query else None
        publication.snippet = search.highlight(entry.plain, entry.lemmas, query) if entry else ""
    params = request.GET.copy()
    params.pop("strona", None)
    return render(
        request,
        "publications/public_index.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query": filters.q,
            "searched": bool(query) or any(v for k, v in filters.__dict__.items() if k != "q"),
            "querystring": params.urlencode(),
            "labels": _labels(),
            "editions": selectors.editions_with_publications() if not request.GET else [],
            "other_sources": sources.sources() if not request.GET else [],
        },
    )


def _labels() -> dict:
    return {"kind": dict(JstKind.choices), "document": dict(DocumentKind.choices), "form": dict(FormCode.choices)}


def _decorate(publications, labels=None):
    """Each publication's labels in the reader's language (its kind, document and form)."""
    labels = labels or _labels()
    for p in publications:
        p.kind_label = labels["kind"].get(p.jst_kind, p.jst_kind)
        p.document_label = labels["document"].get(p.document, p.document)
        p.form_label = labels["form"].get(p.form, "") if p.form else ""
    return publications


def detail(request, pk: int):
    publication = _decorate([selectors.public_publication(pk)])[0]
    return render(
        request,
        "publications/public_detail.html",
        {
            "publication": publication,
            "labels": _labels(),
            "pdf_size": human_size(publication.pdf_size) if publication.pdf_size else "",
            "similar": _decorate(selectors.similar_to(publication)),
            "photos": [a for a in publication.attachments if a["kind"] == "photo"],
            "files": [
                {**a, "size_label": human_size(a["size"])} for a in publication.attachments if a["kind"] == "file"
            ],
        },
    )


def pdf(request, pk: int):
    publication = selectors.public_publication(pk)
    response = serve_private_file(request, publication.pdf, publication.pdf.name.rsplit("/", 1)[-1], "application/pdf")
    response.headers["Cache-Control"] = "no-cache"  # public, but withdrawal must take effect at once
    return response


def attachment(request, pk: int, attachment_pk: int):
    """A published summary's model document (a download) or photo (shown in the page), while it is published."""
    publication = selectors.public_publication(pk)
    stored = selectors.public_attachment(publication, attachment_pk)
    if stored.kind == "photo":
        response = FileResponse(stored.file.open("rb"), content_type=stored.content_type)
    else:
        response = serve_private_file(request, stored.file, stored.original_name, stored.content_type)
    response.headers["Cache-Control"] = "no-cache"  # public, but withdrawal must take effect at once
    return response


def edition_page(request, slug: str):
    edition = get_object_or_404(Edition.objects.select_related("organiser"), slug=slug)
    publications = _decorate(selectors.edition_publications(edition))
    if not publications:
        raise Http404
    settings = EditionPublishing.objects.filter(edition=edition).first()
    grouping = settings.grouping if settings else EditionPublishing.Grouping.JST_KIND
    groups: dict[str, list] = {}
    kinds = dict(JstKind.choices)
    for publication in publications:
        key = kinds.get(publication.jst_kind, "") if grouping == "jst_kind" else publication.voivodeship.name
        groups.setdefault(str(key), []).append(publication)
    return render(
        request,
        "publications/public_edition.html",
        {
            "edition": edition,
            "settings": settings,
            "grouping_label": EditionPublishing.Grouping(grouping).label,
            "groups": sorted(groups.items()),
            "labels": _labels(),
            "count": len(publications),
        },
    )


class LatestFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Baza wiedzy: nowe publikacje")
    subtitle = gettext_lazy("HDR-y, diagnozy i podsumowania JST opublikowane za ich zgodą.")
    link = reverse_lazy("publications:public_index")

    def items(self):
        return selectors.feed_items()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.jst_name} · {', '.join(item.areas)}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


def feed(request):
    return LatestFeed()(request)


OPEN_DATA_FIELDS = [
    "id",
    "title",
    "document",
    "form",
    "jst",
    "jst_kind",
    "voivodeship",
    "edition",
    "areas",
    "solutions",
    "published_at",
    "url",
    "pdf_url",
]


def _open_rows(request):
    kinds = dict(JstKind.choices)
    for p in selectors.open_data():
        yield {
            "id": p.pk,
            "title": p.title,
            "document": p.document,
            "form": p.form,
            "jst": p.jst_name,
            "jst_kind": str(kinds.get(p.jst_kind, p.jst_kind)),
            "voivodeship": p.voivodeship.name,
            "edition": p.edition.name,
            "areas": p.areas,
            "solutions": p.solutions,
            "published_at": p.published_at.isoformat(),
            "url": request.build_absolute_uri(p.get_absolute_url()),
            "pdf_url": request.build_absolute_uri(reverse("publications:public_pdf", kwargs={"pk": p.pk})),
        }


def open_data_json(request):
    rows = list(_open_rows(request))
    body = json.dumps({"count": len(rows), "publications": rows}, ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


def open_data_csv(request):
    rows = (
        ["; ".join(value) if isinstance(value, list) else value for value in row.values()]
        for row in _open_rows(request)
    )
    return export_response(data=build_csv(OPEN_DATA_FIELDS, rows), filename="baza-wiedzy.csv", kind="csv")
