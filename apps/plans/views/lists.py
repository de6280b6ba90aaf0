"""Lists of HDRs across engagements."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy

from .. import selectors
from ..models import DevelopmentPlan

PAGE_SIZE = 50


def _page(request, plans):
    return Paginator(plans, PAGE_SIZE).get_page(request.GET.get("strona"))


@login_required
def plan_list(request):
    filters = {
        "stan": request.GET.get("stan", ""),
        "edycja": request.GET.get("edycja", ""),
        "q": request.GET.get("q", "").strip()[:100],
        "po_terminie": "1" if request.GET.get("po_terminie") else "",
        "sort": request.GET.get("sort", "") if request.GET.get("sort", "") in selectors.PLAN_SORTS else "",
    }
    plans = selectors.plan_list(
        request.user,
        status=filters["stan"],
        edition_slug=filters["edycja"],
        query=filters["q"],
        overdue_only=bool(filters["po_terminie"]),
        sort=filters["sort"] or "jst",
    )
    return render(
        request,
        "plans/plan_list.html",
        {
            "page": _page(request, plans),
            "query": urlencode({k: v for k, v in filters.items() if v}),
            "filters": filters,
            "status": filters["stan"],
            "statuses": DevelopmentPlan.Status.choices,
            "editions": selectors.editions_with_plans(request.user),
            "sorts": PLAN_SORT_LABELS,
            "waiting_only": False,
        },
    )


PLAN_SORT_LABELS = [
    ("", gettext_lazy("JST (A–Z)")),
    ("-jst", gettext_lazy("JST (Z–A)")),
    ("stan", gettext_lazy("stan")),
    ("edycja", gettext_lazy("edycja")),
    ("-dzialania", gettext_lazy("najwięcej działań")),
    ("po-terminie", gettext_lazy("najwięcej działań po terminie")),
]


@login_required
def review_list(request):
    return render(
        request,
        "plans/plan_list.html",
        {"page": _page(request, selectors.plans_waiting_for(request.user)), "query": "", "waiting_only": True},
    )
