from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from apps.core.permissions import require

from . import selectors, services


@login_required
def runs(request):
    require(request.user, "scheduling.view_runs")
    context = {"jobs": selectors.job_states(at=services.now()), "runs": selectors.last_runs()}
    return render(request, "scheduling/runs.html", context)
