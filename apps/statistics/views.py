"""Thin views: the edition's dashboard, the national view, the refresh button and the public open data."""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import run_action
from apps.core.permissions import require
from apps.core.text import ascii_slug
from apps.documents.exports import build_csv, export_response

from . import selectors, services
from .opendata import DATASETS, FORMATS


@login_required
def edition_dashboard(request, slug: str):
    edition = selectors.statistics_edition(request.user, slug)
    return render(
        request,
        "statistics/edition.html",
        {"edition": edition, "dashboard": selectors.edition_dashboard(edition, request.user)},
    )


@login_required
def edition_block_csv(request, slug: str, key: str):
    """One figure of the edition as a whole table (the page lists the first rows of a long one)."""
    edition = selectors.statistics_edition(request.user, slug)
    found = selectors.edition_block(edition, key)
    if found is None:
        raise Http404
    headers = [str(found.block.heading), *(str(c) for c in found.block.columns)]
    data = build_csv(headers, ([label, *values] for label, values in found.rows))
    return export_response(data=data, filename=f"{ascii_slug(edition.slug)}-{key}.csv", kind="csv")


@login_required
def national(request):
    require(request.user, "statistics.national")
    return render(request, "statistics/national.html", {"view": selectors.national_view(request.user)})


@login_required
@require_POST
def refresh(request):
    require(request.user, "statistics.national")
    editions = selectors.editions_visible_to(request.user)
    return run_action(
        request,
        lambda: services.refresh_figures(editions=editions, by=request.user),
        success=_("Przeliczono statystyki."),
        done=reverse("statistics:national"),
    )


def open_data(request):
    return render(request, "statistics/open_data.html", {"datasets": DATASETS, "formats": FORMATS})


def open_data_file(request, dataset: str, fmt: str):
    if dataset not in DATASETS or fmt not in FORMATS:
        raise Http404
    rows = selectors.open_data(dataset)
    if fmt == "json":
        fields = [{"name": name, "description": str(text)} for name, text in DATASETS[dataset]["fields"]]
        body = json.dumps(
            {"dataset": dataset, "count": len(rows), "fields": fields, "rows": rows}, ensure_ascii=False, indent=1
        )
        return HttpResponse(body, content_type="application/json; charset=utf-8")
    headers = [name for name, _text in DATASETS[dataset]["fields"]]
    data = build_csv(headers, ([row[h] for h in headers] for row in rows))
    return export_response(data=data, filename=f"{dataset}.csv", kind="csv")
