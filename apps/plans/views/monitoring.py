"""Monitoring: progress, indicator values, evidence, reports."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.core.editing import form_page
from apps.core.permissions import can, require
from apps.documents.selectors import documents_for_target
from apps.documents.views import serve_private_file

from .. import selectors, services
from ..forms import ActionProgressForm, EvidenceForm, MeasurementForm, ProgressReportForm
from ..progress import is_overdue, roll_up, today
from .common import _plan_url


def _monitoring_context(request, engagement, plan, report_form=None) -> dict:
    actions = selectors.monitoring_actions(plan)
    priorities = selectors.selected_priorities(engagement)
    on = today()
    for action in actions:
        action.overdue = is_overdue(action, on)
    rollup = roll_up(actions, [p.pk for p in priorities], on)
    known = {p.pk for p in priorities}
    groups = [
        {
            "priority": p,
            "actions": [a for a in actions if a.priority_id == p.pk],
            "progress": rollup.by_priority.get(p.pk),
        }
        for p in priorities
    ]
    others = [a for a in actions if a.priority_id not in known]
    if others:
        groups.append({"priority": None, "actions": others, "progress": None})
    may_monitor = can(request.user, "plan.monitor", plan) and plan.approved_version_id is not None
    return {
        "engagement": engagement,
        "plan": plan,
        "groups": groups,
        "rollup": rollup,
        "reports": selectors.progress_reports(plan),
        "may_monitor": may_monitor,
        "report_form": report_form or (ProgressReportForm(initial={"reported_on": on}) if may_monitor else None),
        "documents": documents_for_target(plan)[:5],
    }


@login_required
def monitoring(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    return render(request, "plans/monitoring.html", _monitoring_context(request, engagement, plan))


@login_required
@require_POST
def report_create(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.monitor", plan)
    return form_page(
        request,
        ProgressReportForm(request.POST),
        save=lambda form: services.add_progress_report(plan=plan, by=request.user, **form.cleaned_data),
        success=_("Zapisano raport z realizacji HDR."),
        done=_plan_url(plan, "plans:monitoring", anchor="raporty"),
        template="plans/monitoring.html",
        context=lambda form: _monitoring_context(request, engagement, plan, report_form=form),
    )


def _action_monitoring_context(request, engagement, plan, action, **forms) -> dict:
    may_monitor = can(request.user, "plan.monitor", plan) and plan.approved_version_id is not None
    context = {
        "engagement": engagement,
        "plan": plan,
        "action": action,
        "overdue": is_overdue(action),
        "may_monitor": may_monitor,
    }
    if may_monitor:
        context |= {
            "progress_form": forms.get("progress_form")
            or ActionProgressForm(initial={"status": action.status, "progress": action.progress}),
            "measurement_form": forms.get("measurement_form") or MeasurementForm(initial={"measured_on": today()}),
            "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        }
    return context


@login_required
def action_monitoring(request, engagement_pk: int, pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    action = selectors.action_with_monitoring(plan, pk)
    return render(
        request, "plans/action_monitoring.html", _action_monitoring_context(request, engagement, plan, action)
    )


def _monitoring_view(form_key: str, form_class, save, success, anchor: str):
    """A view of one of the three monitoring forms of an action (progress, indicator value, evidence)."""

    @login_required
    @require_POST
    def view(request, engagement_pk: int, pk: int):
        engagement, plan = selectors.plan_for(request.user, engagement_pk)
        require(request.user, "plan.monitor", plan)
        action = selectors.action_with_monitoring(plan, pk)
        url = reverse("plans:action_monitoring", kwargs={"engagement_pk": engagement_pk, "pk": pk})
        return form_page(
            request,
            form_class(request.POST, request.FILES),
            save=lambda form: save(action=action, by=request.user, **form.cleaned_data),
            success=success,
            done=f"{url}#{anchor}",
            template="plans/action_monitoring.html",
            context=lambda form: _action_monitoring_context(request, engagement, plan, action, **{form_key: form}),
        )

    return view


action_progress = _monitoring_view(
    "progress_form",
    ActionProgressForm,
    services.record_action_progress,
    gettext_lazy("Zapisano postęp działania."),
    "postep",
)


measurement_create = _monitoring_view(
    "measurement_form",
    MeasurementForm,
    services.add_measurement,
    gettext_lazy("Zapisano wartość wskaźnika."),
    "pomiary",
)


evidence_create = _monitoring_view(
    "evidence_form", EvidenceForm, services.add_evidence, gettext_lazy("Dodano dowód realizacji."), "dowody"
)


@login_required
def evidence_download(request, engagement_pk: int, pk: int, evidence_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    evidence = selectors.evidence_of(plan, pk, evidence_pk)
    return serve_private_file(
        request, evidence.file, evidence.original_name or "dowod", evidence.content_type or "application/octet-stream"
    )
