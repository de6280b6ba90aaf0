"""Submission and review of the HDR."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import form_page, show_error
from apps.core.permissions import require

from .. import selectors, services
from ..forms import RequestChangesForm
from ..models import DevelopmentPlan
from .common import _detail_context, _plan_url


@login_required
@require_POST
def submit(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.submit", plan)
    try:
        version = services.submit_plan(plan=plan, by=request.user)
    except ValidationError as error:
        plan.refresh_from_db()
        if plan.status != DevelopmentPlan.Status.DRAFT:
            show_error(request, error)
            return redirect(_plan_url(plan))
        contents = selectors.plan_contents(plan)
        problems = services.submission_problems(plan=plan, **contents)
        context = _detail_context(request, engagement, plan, problems=problems, forms={"submitted": True})
        return render(request, "plans/detail.html", context)
    messages.success(
        request,
        _("HDR (wersja %(number)s) przekazano doradcom. Dostali wiadomość e-mail.") % {"number": version.number},
    )
    return redirect(_plan_url(plan))


@login_required
@require_POST
def approve(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.review", plan)
    try:
        version = services.approve_plan(plan=plan, by=request.user)
    except ValidationError as error:
        show_error(request, error)
    else:
        if version.status == version.Status.APPROVED:
            messages.success(
                request,
                _("HDR zatwierdzony przez obu doradców. Wersja %(number)s jest zamrożona.")
                % {"number": version.number},
            )
        else:
            messages.success(request, _("Zatwierdzono HDR. Czeka jeszcze na akceptację drugiego doradcy."))
    return redirect(_plan_url(plan, anchor="decyzja"))


@login_required
def request_changes(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.review", plan)
    if plan.status != DevelopmentPlan.Status.IN_REVIEW:
        messages.error(request, _("HDR nie czeka teraz na decyzję doradców."))
        return redirect(_plan_url(plan))
    return form_page(
        request,
        RequestChangesForm(request.POST or None),
        save=lambda form: services.request_changes(plan=plan, by=request.user, reason=form.cleaned_data["reason"]),
        success=_("Przekazano zespołowi prośbę o poprawki."),
        done=_plan_url(plan),
        template="plans/request_changes.html",
        context={"engagement": engagement, "plan": plan},
    )


@login_required
@require_POST
def new_version(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.submit", plan)
    try:
        services.start_new_version(plan=plan, by=request.user)
    except ValidationError as error:
        show_error(request, error)
    else:
        messages.success(
            request,
            _("Rozpoczęto nową wersję roboczą. Zatwierdzona wersja obowiązuje, dopóki doradcy nie zatwierdzą nowej."),
        )
    return redirect(_plan_url(plan))
