"""Submission and review by both advisors; frozen versions."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.mail import send_templated_email
from apps.engagements.models import AdvisorAssignment, Engagement, Stage
from apps.engagements.services import advance_stage_after
from apps.engagements.timeline import record_on_timeline

from .. import selectors
from ..indicators import value_error
from ..models import DevelopmentPlan, PlanApproval, PlannedAction, PlanVersion
from ..snapshot import build_snapshot
from .common import _advisor_emails, _label, _lock, _team_emails, check_editable


@dataclass(frozen=True)
class Problem:
    """Something missing before the HDR can be submitted; ``anchor`` is the section of the page it concerns."""

    anchor: str
    message: str


def _missing_action_fields(action: PlannedAction) -> list[str]:
    names = ("title", "responsible", "expected_result", "indicator_name", "indicator_target", "monitoring_method")
    if all((getattr(action, name) or "").strip() for name in names):
        return []  # the usual case: no labels to translate (the HDR page checks every action on every view)
    required = {
        "title": _("działanie"),
        "responsible": _("osoba lub jednostka odpowiedzialna"),
        "expected_result": _("oczekiwany rezultat"),
        "indicator_name": _("wskaźnik"),
        "indicator_target": _("wartość docelowa"),
        "monitoring_method": _("sposób monitorowania"),
    }
    return [label for name, label in required.items() if not (getattr(action, name) or "").strip()]


def submission_problems(*, plan: DevelopmentPlan, priorities, actions, risks) -> list[Problem]:
    """Why the plan cannot be submitted yet (empty when it can). Works on loaded rows: no queries."""
    problems: list[Problem] = []
    if not priorities:
        problems.append(Problem("priorytety", _("W diagnozie potrzeb nie wybrano jeszcze priorytetów rozwojowych.")))
    selected = {p.pk for p in priorities}
    for priority in priorities:
        anchor = f"priorytet-{priority.pk}"
        if not (priority.goal or "").strip():
            problems.append(
                Problem(
                    anchor,
                    _("Priorytet „%(title)s” nie ma celu. Uzupełnij go w diagnozie potrzeb.")
                    % {"title": priority.title},
                )
            )
        if not any(a.priority_id == priority.pk for a in actions):
            problems.append(
                Problem(
                    anchor,
                    _("Dodaj co najmniej jedno działanie do priorytetu „%(title)s”.") % {"title": priority.title},
                )
            )
    for action in actions:
        anchor = f"dzialanie-{action.pk}"
        if action.priority_id not in selected:
            problems.append(
                Problem(
                    anchor,
                    _("Działanie „%(title)s” służy priorytetowi, który nie jest już wybrany. Wskaż inny priorytet.")
                    % {"title": action.title},
                )
            )
        if action.start_month < plan.period_start or action.end_month > plan.period_end:
            problems.append(
                Problem(anchor, _("Działanie „%(title)s” wykracza poza okres HDR.") % {"title": action.title})
            )
        missing = _missing_action_fields(action)
        if missing:
            problems.append(
                Problem(
                    anchor,
                    _("Działanie „%(title)s”: uzupełnij pola: %(fields)s.")
                    % {"title": action.title, "fields": ", ".join(missing)},
                )
            )
        for field_name in ("indicator_baseline", "indicator_target"):
            error = value_error(action.indicator_unit, getattr(action, field_name))
            if error:
                problems.append(Problem(anchor, f"„{action.title}”: {error}"))
    if not (plan.directions or "").strip():
        problems.append(Problem("kierunki", _("Opisz kierunki wdrożenia.")))
    if not risks:
        problems.append(Problem("ryzyka", _("Dodaj co najmniej jedno ryzyko i sposób reagowania na nie.")))
    return problems


def _current_review(plan: DevelopmentPlan) -> PlanVersion:
    version = plan.versions.filter(status=PlanVersion.Status.IN_REVIEW).order_by("-number").first()
    if plan.status != DevelopmentPlan.Status.IN_REVIEW or version is None:
        raise ValidationError(_("HDR nie czeka teraz na decyzję doradców."))
    return version


@transaction.atomic
def submit_plan(*, plan: DevelopmentPlan, by) -> PlanVersion:
    """Freeze the plan as the next version and hand it to both advisors."""
    stored = _lock(plan)
    if stored.status != DevelopmentPlan.Status.DRAFT:
        check_editable(plan=stored)
    contents = selectors.plan_contents(stored)
    problems = submission_problems(plan=stored, **contents)
    if problems:
        raise ValidationError([p.message for p in problems])
    number = (stored.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    loaded = selectors.plan_with_header(stored.pk)
    version = PlanVersion.objects.create(
        plan=stored, number=number, snapshot=build_snapshot(loaded, **contents), submitted_by=by
    )
    stored.status = DevelopmentPlan.Status.IN_REVIEW
    stored.save(update_fields=["status", "updated_at"])
    engagement = stored.engagement
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="plan.submitted",
        kind="plan",
        target=stored,
        changes={"version": number},
        params={"number": number},
    )
    recipients = _advisor_emails(engagement)
    if recipients:
        send_templated_email(
            to=recipients,
            template="plans/email/submitted",
            context={"plan": stored, "engagement": engagement, "version": version, "by": _label(by)},
        )
    return version


@transaction.atomic
def request_changes(*, plan: DevelopmentPlan, by, reason: str) -> PlanVersion:
    stored = _lock(plan)
    version = _current_review(stored)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Napisz, co zespół ma poprawić.")})
    if len(reason) > 5000:
        raise ValidationError({"reason": _("Uzasadnienie może mieć najwyżej 5000 znaków.")})
    if not stored.engagement.advisor_assignments.filter(user=by).exists():
        raise ValidationError(_("Zmiany w HDR może zlecić tylko doradca tej JST."))
    version.status = PlanVersion.Status.CHANGES_REQUESTED
    version.change_reason = reason
    version.decided_at = timezone.now()
    version.decided_by = by
    version.save(update_fields=["status", "change_reason", "decided_at", "decided_by"])
    stored.status = DevelopmentPlan.Status.DRAFT
    stored.save(update_fields=["status", "updated_at"])
    record_on_timeline(
        action="plan.changes_requested",
        target=stored,
        changes={"version": version.number, "reason": reason},
        params={"number": version.number},
        engagement=stored.engagement,
        actor=by,
        kind="plan",
    )
    recipients = _team_emails(stored.engagement)
    if recipients:
        send_templated_email(
            to=recipients,
            template="plans/email/changes_requested",
            context={"plan": stored, "engagement": stored.engagement, "version": version, "by": _label(by)},
        )
    return version


def approvals_needed(*, engagement: Engagement) -> dict[str, int | None]:
    """Both advisor roles, each with the user now assigned to it (None where the organiser has not assigned one)."""
    assigned = {a.role: a.user_id for a in engagement.advisor_assignments.all()}
    return {role: assigned.get(role) for role in AdvisorAssignment.Role.values}


@transaction.atomic
def approve_plan(*, plan: DevelopmentPlan, by) -> PlanVersion:
    """One advisor's approval; the version is approved (and frozen for good) once both advisors approved it."""
    stored = _lock(plan)
    version = _current_review(stored)
    engagement = stored.engagement
    assignment = engagement.advisor_assignments.filter(user=by).first()
    if assignment is None:
        raise ValidationError(_("HDR zatwierdzają doradcy tej JST."))
    if version.approvals.filter(advisor=by).exists():
        raise ValidationError(_("Ta wersja HDR ma już Twoją akceptację. Czeka na drugiego doradcę."))
    PlanApproval.objects.create(version=version, advisor=by, role=assignment.role)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="plan.approved_by_advisor",
        kind="plan",
        target=stored,
        changes={"version": version.number, "role": assignment.role},
        params={"role": assignment.role, "number": version.number},
    )
    needed = approvals_needed(engagement=engagement)
    approved_by = {(a.role, a.advisor_id) for a in version.approvals.all()}
    if all(user_id is not None and (role, user_id) in approved_by for role, user_id in needed.items()):
        _finalise_approval(stored, version, by)
    return version


def _finalise_approval(plan: DevelopmentPlan, version: PlanVersion, by) -> None:
    version.status = PlanVersion.Status.APPROVED
    version.decided_at = timezone.now()
    version.decided_by = by
    version.save(update_fields=["status", "decided_at", "decided_by"])
    plan.status = DevelopmentPlan.Status.APPROVED
    plan.approved_version = version
    plan.save(update_fields=["status", "approved_version", "updated_at"])
    engagement = plan.engagement
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="plan.approved",
        kind="plan",
        target=plan,
        changes={"version": version.number},
        params={"number": version.number},
    )
    advance_stage_after(engagement=engagement, stage=Stage.PLAN, to=Stage.DIRECTIONS, by=by)
    recipients = _team_emails(engagement)
    if recipients:
        send_templated_email(
            to=recipients,
            template="plans/email/approved",
            context={"plan": plan, "engagement": engagement, "version": version},
        )


@transaction.atomic
def start_new_version(*, plan: DevelopmentPlan, by) -> DevelopmentPlan:
    """Reopen an approved HDR for changes; the approved version stays in force until a newer one is approved."""
    stored = _lock(plan)
    if stored.status != DevelopmentPlan.Status.APPROVED:
        raise ValidationError(_("Nową wersję można rozpocząć dopiero od zatwierdzonego HDR."))
    stored.status = DevelopmentPlan.Status.DRAFT
    stored.save(update_fields=["status", "updated_at"])
    record_on_timeline(
        engagement=stored.engagement,
        actor=by,
        action="plan.reopened",
        kind="plan",
        target=stored,
        changes={"from_version": stored.approved_version.number},
        params={"number": stored.approved_version.number},
    )
    return stored
