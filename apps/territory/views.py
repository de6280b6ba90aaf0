from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from . import selectors
from .forms import FindForm, RegisterFilterForm
from .jst_page import sections_for
from .kinds import JstKind

PAGE_SIZE = 50
MIN_QUERY_LENGTH = 2


def register(request):
    form = RegisterFilterForm(request.GET)
    # Invalid filters are reported next to their field and simply not applied.
    form.is_valid()
    filters = form.cleaned_data
    rows = selectors.register_page(
        query=filters.get("q", ""), kind=filters.get("kind", ""), voivodeship=filters.get("voivodeship")
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "territory/register.html",
        {"form": form, "find_form": FindForm(), "page": page, "as_of": selectors.register_as_of()},
    )


def find(request):
    """The JST picker's form without JavaScript: go to the JST named, or offer the matches."""
    form = FindForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("territory:detail", teryt=form.cleaned_data["jst"].teryt)
    return render(request, "territory/find.html", {"form": form})


def suggestions(request):
    """The picker's suggestions as an HTML fragment of listbox options."""
    query = request.GET.get("q", "")[:100]
    kinds = [kind for kind in request.GET.getlist("kind") if kind in JstKind.values]
    results = []
    if len(query.strip()) >= MIN_QUERY_LENGTH:
        results = selectors.search_local_governments(query, kind=kinds or None)
    return render(request, "territory/suggestions.html", {"results": results})


def detail(request, teryt: str):
    jst = selectors.local_government_detail(teryt)
    return render(
        request,
        "territory/detail.html",
        {"jst": jst, "units_within": selectors.units_within(jst), "sections": sections_for(jst, request.user)},
    )
