"""Frozen versions and their comparison."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from .. import selectors
from ..forms import CURRENT, CompareForm
from ..snapshot import build_snapshot, compare, present


@login_required
def versions(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    rows = selectors.versions_of(plan)
    numbers = sorted(v.number for v in rows)
    initial = {"a": str(numbers[-2]) if len(numbers) > 1 else (str(numbers[0]) if numbers else CURRENT), "b": CURRENT}
    return render(
        request,
        "plans/versions.html",
        {
            "engagement": engagement,
            "plan": plan,
            "versions": rows,
            "form": CompareForm(initial=initial, numbers=numbers),
        },
    )


@login_required
def version_detail(request, engagement_pk: int, number: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    version = selectors.version_of(plan, number)
    return render(
        request,
        "plans/version_detail.html",
        {"engagement": engagement, "plan": plan, "version": version, "doc": present(version.snapshot)},
    )


def _current_snapshot(plan) -> dict:
    loaded = selectors.plan_with_header(plan.pk)
    return build_snapshot(loaded, **selectors.plan_contents(loaded))


@login_required
def compare_versions(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    numbers = sorted(plan.versions.values_list("number", flat=True))
    form = CompareForm(request.GET or None, numbers=numbers)
    result = None
    if form.is_valid():
        a, b = form.cleaned_data["a"], form.cleaned_data["b"]
        if a == b:
            form.add_error("b", _("Wybierz dwie różne wersje."))
        else:
            snapshots = {}
            for key in {a, b}:
                if key == CURRENT:
                    snapshots[key] = _current_snapshot(plan)
                else:
                    snapshots[key] = selectors.version_of(plan, int(key)).snapshot
            result = compare(snapshots[a], snapshots[b])
    return render(
        request,
        "plans/compare.html",
        {"engagement": engagement, "plan": plan, "form": form, "diff": result},
    )
