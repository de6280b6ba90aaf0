"""The HDR page, its header, actions and risks."""

import copy
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.editing import form_page, run_action, show_error
from apps.core.permissions import can, require
from apps.engagements.selectors import engagement_for

from .. import selectors, services
from ..forms import ActionForm, PlanHeaderForm, RiskForm
from ..models import PlannedAction
from ..progress import is_overdue, today
from ..snapshot import gantt
from .common import _detail_context, _plan_url


@login_required
def detail(request, engagement_pk: int):
    engagement = engagement_for(request.user, engagement_pk)
    plan = selectors.plan_of(engagement)
    if plan is None:
        return render(
            request,
            "plans/start.html",
            {"engagement": engagement, "may_create": can(request.user, "plan.create", engagement)},
        )
    return render(request, "plans/detail.html", _detail_context(request, engagement, plan))


@login_required
@require_POST
def create(request, engagement_pk: int):
    engagement = engagement_for(request.user, engagement_pk)
    require(request.user, "plan.create", engagement)
    try:
        services.create_plan(engagement=engagement, by=request.user)
    except ValidationError as error:
        show_error(request, error)
    else:
        messages.success(request, _("Rozpoczęto HDR. Dodajcie działania do każdego priorytetu."))
    return redirect(_plan_url(engagement))


def _editable_plan_view(view):
    """An edit page of the plan: 404 for those who may not edit, back to the plan (with why) when it is frozen."""

    @login_required
    @wraps(view)
    def wrapper(request, engagement_pk: int, **kwargs):
        engagement, plan = selectors.plan_for(request.user, engagement_pk)
        require(request.user, "plan.edit", plan)
        if not plan.is_editable:
            try:
                services.check_editable(plan=plan)
            except ValidationError as error:
                show_error(request, error)
            return redirect(_plan_url(plan))
        return view(request, engagement, plan, **kwargs)

    return wrapper


@_editable_plan_view
def header_edit(request, engagement, plan):
    return form_page(
        request,
        PlanHeaderForm(request.POST or None, instance=copy.copy(plan)),
        save=lambda form: services.update_header(
            plan=plan, expected_version=form.started_from(), by=request.user, **form.values()
        ),
        success=_("Zapisano nagłówek HDR."),
        done=_plan_url(plan, anchor="kierunki"),
        template="plans/header_form.html",
        context={"engagement": engagement, "plan": plan},
    )


def _action_form(plan, engagement, instance, data=None):
    return ActionForm(
        data,
        instance=instance,
        plan=plan,
        priorities=selectors.selected_priorities(engagement),
        team=list(engagement.active_team),
    )


def _action_page(request, engagement, plan, action, form, save):
    return form_page(
        request,
        form,
        save=save,
        success=(lambda _saved: _("Zapisano działanie."))
        if action
        else lambda saved: _("Dodano działanie „%(title)s”.") % {"title": saved.title},
        done=lambda saved: _plan_url(plan, anchor=f"dzialanie-{saved.pk}"),
        template="plans/action_form.html",
        context={"engagement": engagement, "plan": plan, "action": action},
    )


@_editable_plan_view
def action_create(request, engagement, plan):
    instance = PlannedAction(plan=plan)
    priority = request.GET.get("priorytet", "")
    if priority.isdigit():
        instance.priority_id = int(priority)
    form = _action_form(plan, engagement, instance, request.POST or None)

    def save(form):
        return services.create_action(plan=plan, by=request.user, **form.values())

    return _action_page(request, engagement, plan, None, form, save)


@_editable_plan_view
def action_edit(request, engagement, plan, pk: int):
    action = selectors.action_of(plan, pk)
    form = _action_form(plan, engagement, copy.copy(action), request.POST or None)

    def save(form):
        return services.update_action(
            action=action, expected_version=form.started_from(), by=request.user, **form.values()
        )

    return _action_page(request, engagement, plan, action, form, save)


@login_required
@require_POST
def action_delete(request, engagement_pk: int, pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.edit", plan)
    action = selectors.action_of(plan, pk)
    return run_action(
        request,
        lambda: services.delete_action(action=action, by=request.user),
        success=_("Usunięto działanie „%(title)s”.") % {"title": action.title},
        done=_plan_url(plan, anchor="dzialania"),
    )


def _risk_page(request, engagement, plan, risk, form, save):
    return form_page(
        request,
        form,
        save=save,
        success=_("Zapisano ryzyko.") if risk else _("Dodano ryzyko."),
        done=_plan_url(plan, anchor="ryzyka"),
        template="plans/risk_form.html",
        context={"engagement": engagement, "plan": plan, "risk": risk},
    )


@_editable_plan_view
def risk_create(request, engagement, plan):

    def save(form):
        return services.create_risk(plan=plan, by=request.user, **form.values())

    return _risk_page(request, engagement, plan, None, RiskForm(request.POST or None), save)


@_editable_plan_view
def risk_edit(request, engagement, plan, pk: int):
    risk = selectors.risk_of(plan, pk)

    def save(form):
        return services.update_risk(
            plan_risk=risk, expected_version=form.started_from(), by=request.user, **form.values()
        )

    return _risk_page(request, engagement, plan, risk, RiskForm(request.POST or None, instance=copy.copy(risk)), save)


@login_required
@require_POST
def risk_delete(request, engagement_pk: int, pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.edit", plan)
    risk = selectors.risk_of(plan, pk)
    return run_action(
        request,
        lambda: services.delete_risk(risk=risk, by=request.user),
        success=_("Usunięto ryzyko."),
        done=_plan_url(plan, anchor="ryzyka"),
    )


@login_required
def timeline(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    actions = selectors.plan_contents(plan)["actions"]
    on = today()
    items = [
        (
            a.title,
            a.start_month,
            a.end_month,
            _("po terminie") if is_overdue(a, on) else "",
            f"dzialanie-{a.pk}",
        )
        for a in actions
    ]
    return render(
        request,
        "plans/timeline.html",
        {"engagement": engagement, "plan": plan, "gantt": gantt(plan.period_start, plan.period_end, items)},
    )
