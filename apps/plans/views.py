"""The HDR pages: thin views over the selectors and services. Every URL starts from the engagement the user may
see (404 otherwise); writes check the plan rules (404 for those who may only read)."""

import copy
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from apps.audit.selectors import readable_history_of
from apps.core.editing import form_page, run_action, show_error
from apps.core.forms import add_errors
from apps.core.permissions import can, require
from apps.core.text import ascii_slug
from apps.documents.exports import build_xlsx, export_response
from apps.documents.jobs import request_document
from apps.documents.selectors import documents_for_target
from apps.documents.views import serve_private_file
from apps.engagements.selectors import engagement_for

from . import display, selectors, services
from .forms import (
    CURRENT,
    ActionForm,
    ActionProgressForm,
    CommentForm,
    CompareForm,
    EvidenceForm,
    MeasurementForm,
    PlanHeaderForm,
    ProgressReportForm,
    RequestChangesForm,
    RiskForm,
    SectionCommentForm,
)
from .models import DevelopmentPlan, PlanComment, PlannedAction
from .months import format_month
from .progress import is_overdue, roll_up, today
from .snapshot import build_snapshot, compare, gantt, present
from .xlsx import action_table


def _plan_url(plan_or_engagement, name="plans:detail", anchor="") -> str:
    engagement_pk = getattr(plan_or_engagement, "engagement_id", None) or plan_or_engagement.pk
    return reverse(name, kwargs={"engagement_pk": engagement_pk}) + (f"#{anchor}" if anchor else "")


# The plan page.


def _detail_context(request, engagement, plan: DevelopmentPlan, *, problems=None, forms=None) -> dict:
    user = request.user
    contents = selectors.plan_contents(plan)
    priorities, actions, risks = contents["priorities"], contents["actions"], contents["risks"]
    on = today()
    for action in actions:
        action.overdue = is_overdue(action, on)
    rollup = roll_up(actions, [p.pk for p in priorities], on)
    comments = selectors.comments_of(plan)
    by_section: dict[str, list] = {}
    by_action: dict[int, list] = {}
    for thread in comments:
        if thread.action_id:
            by_action.setdefault(thread.action_id, []).append(thread)
        else:
            by_section.setdefault(thread.section, []).append(thread)
    for action in actions:
        action.threads = by_action.get(action.pk, [])
    orphan_threads = [t for t in comments if t.section == PlanComment.Section.ACTION and not t.action_id]
    groups = [
        {
            "priority": priority,
            "actions": [a for a in actions if a.priority_id == priority.pk],
            "progress": rollup.by_priority.get(priority.pk),
        }
        for priority in priorities
    ]
    selected = {p.pk for p in priorities}
    review = selectors.review_in_progress(plan)
    approvals = list(review.approvals.all()) if review else []
    needed = services.approvals_needed(engagement=engagement)
    may_edit = can(user, "plan.edit", plan)
    may_review = can(user, "plan.review", plan)
    if problems is None and plan.status == DevelopmentPlan.Status.DRAFT:
        problems = services.submission_problems(plan=plan, **contents)
    problems_by_anchor: dict[str, list[str]] = {}
    for problem in problems or []:
        problems_by_anchor.setdefault(problem.anchor, []).append(problem.message)
    # Each message is shown next to the part of the page it is about, and all of them in the summary on top.
    for group in groups:
        group["problems"] = problems_by_anchor.get(f"priorytet-{group['priority'].pk}", [])
    for action in actions:
        action.problems = problems_by_anchor.get(f"dzialanie-{action.pk}", [])
    display.prepare_actions(engagement, actions)
    return {
        "engagement": engagement,
        "plan": plan,
        "labels": display.action_labels(),
        "comment_url": reverse("plans:comment_create", kwargs={"engagement_pk": engagement.pk}),
        "groups": groups,
        "unassigned": [a for a in actions if a.priority_id not in selected],
        "actions": actions,
        "risks": risks,
        "rollup": rollup,
        "section_threads": by_section,
        "orphan_threads": orphan_threads,
        "review": review,
        "approvals": approvals,
        "approved_by_me": any(a.advisor_id == user.pk for a in approvals),
        "missing_advisor": any(user_id is None for user_id in needed.values()),
        "change_request": selectors.last_change_request(plan) if plan.status == DevelopmentPlan.Status.DRAFT else None,
        "problems": problems,
        "section_problems": {key: problems_by_anchor.get(key, []) for key in ("priorytety", "kierunki", "ryzyka")},
        "show_problems": forms is not None and forms.get("submitted"),
        "may_edit": may_edit and plan.is_editable,
        "may_comment": may_edit,
        "may_submit": can(user, "plan.submit", plan) and plan.status == DevelopmentPlan.Status.DRAFT,
        "may_review": may_review and plan.status == DevelopmentPlan.Status.IN_REVIEW,
        "may_reopen": can(user, "plan.submit", plan) and plan.status == DevelopmentPlan.Status.APPROVED,
        "may_monitor": can(user, "plan.monitor", plan),
        "section_form": (forms or {}).get("section_form") or SectionCommentForm(),
        "Section": PlanComment.Section,
        "Status": DevelopmentPlan.Status,
        "period_text": f"{format_month(plan.period_start)}–{format_month(plan.period_end)}",
    }


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


# Review.


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


# Comments.


@login_required
@require_POST
def comment_create(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.edit", plan)
    action = parent = None
    if request.POST.get("parent", "").isdigit():
        parent = selectors.comment_of(plan, int(request.POST["parent"]))
        form = CommentForm(request.POST)
    elif request.POST.get("action", "").isdigit():
        action = selectors.action_of(plan, int(request.POST["action"]))
        form = CommentForm(request.POST)
    else:
        form = SectionCommentForm(request.POST)
    if form.is_valid():
        try:
            comment = services.add_comment(
                plan=plan,
                by=request.user,
                text=form.cleaned_data["text"],
                section=form.cleaned_data.get("section", ""),
                action=action,
                parent=parent,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Dodano komentarz."))
            return redirect(_plan_url(plan, anchor=f"komentarz-{(comment.parent or comment).pk}"))
    return render(
        request,
        "plans/comment_form.html",
        {"engagement": engagement, "plan": plan, "form": form, "action": action, "parent": parent},
    )


@login_required
@require_POST
def comment_resolve(request, engagement_pk: int, pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    require(request.user, "plan.edit", plan)
    comment = selectors.comment_of(plan, pk)
    resolved = request.POST.get("resolved", "1") != "0"
    root = services.set_comment_resolved(comment=comment, by=request.user, resolved=resolved)
    messages.success(request, _("Wątek oznaczono jako rozwiązany.") if resolved else _("Wątek otwarto ponownie."))
    return redirect(_plan_url(plan, anchor=f"komentarz-{root.pk}"))


# Versions.


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


# Documents.

PLAN_PDF_BUILDER = "apps.plans.documents.build_plan_pdf"
VERSION_PDF_BUILDER = "apps.plans.documents.build_version_pdf"


@login_required
@require_POST
def pdf(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    version_number = request.POST.get("wersja", "")
    if version_number.isdigit():
        version = selectors.version_of(plan, int(version_number))
        document = request_document(
            target=version,
            kind="plan_version_pdf",
            title=_("HDR %(jst)s, wersja %(number)s (PDF)")
            % {"jst": engagement.local_government.display_name, "number": version.number},
            builder=VERSION_PDF_BUILDER,
            view_action="plan_version.view",
            by=request.user,
        )
    else:
        document = request_document(
            target=plan,
            kind="plan_pdf",
            title=_("HDR %(jst)s (PDF)") % {"jst": engagement.local_government.display_name},
            builder=PLAN_PDF_BUILDER,
            view_action="plan.view",
            by=request.user,
        )
    return redirect("documents:status", pk=document.pk)


@login_required
def xlsx(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    headers, rows = action_table(plan, selectors.plan_contents(plan)["actions"])
    data = build_xlsx(_("Działania HDR"), headers, rows)
    name = ascii_slug(engagement.local_government.display_name, fallback="jst")
    return export_response(data=data, filename=f"hdr-dzialania-{name}", kind="xlsx")


@login_required
def history(request, engagement_pk: int):
    engagement, plan = selectors.plan_for(request.user, engagement_pk)
    return render(
        request,
        "audit/history.html",
        {"object": plan, "entries": readable_history_of(plan), "back_url": _plan_url(plan)},
    )


# Monitoring.


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


# Lists.


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
