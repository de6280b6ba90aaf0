"""Every write on an HDR: the working plan and its actions and risks (optimistic locking), submission, review by
both advisors, frozen versions, comments, monitoring and reminders. Each write is one transaction with an audit
entry; steps of the review also go on the engagement's timeline and e-mail the people who act next."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import diff, record, snapshot
from apps.core.locking import save_versioned
from apps.core.mail import send_templated_email
from apps.engagements.models import STAGE_ORDER, AdvisorAssignment, Engagement, Stage
from apps.engagements.services import advance_stage
from apps.engagements.timeline import add_timeline, record_on_timeline

from . import selectors
from .evidence import validate_evidence_file
from .indicators import normalise, value_error
from .models import (
    ActionReminder,
    ActionUpdate,
    DevelopmentPlan,
    Evidence,
    IndicatorMeasurement,
    PlanApproval,
    PlanComment,
    PlannedAction,
    PlanRisk,
    PlanVersion,
    ProgressReport,
)
from .months import first_of_month, format_month, last_day_of_month
from .progress import CLOSED, roll_up, today
from .snapshot import build_snapshot

HEADER_FIELDS = ["period_start", "period_end", "directions"]
ACTION_FIELDS = [
    "priority",
    "title",
    "description",
    "responsible",
    "responsible_member",
    "partners",
    "start_month",
    "end_month",
    "resources",
    "cost",
    "funding_source",
    "solution",
    "solution_text",
    "expected_result",
    "indicator_name",
    "indicator_unit",
    "indicator_baseline",
    "indicator_target",
    "monitoring_method",
]
RISK_FIELDS = ["risk", "mitigation"]


def _label(user) -> str:
    return user.full_name or user.email if user is not None else _("system")


def _lock(plan: DevelopmentPlan) -> DevelopmentPlan:
    """The stored plan, row-locked for the rest of the transaction (PostgreSQL; SQLite serialises writes)."""
    return DevelopmentPlan.objects.select_for_update().select_related("engagement").get(pk=plan.pk)


def check_editable(*, plan: DevelopmentPlan) -> None:
    if plan.status == DevelopmentPlan.Status.IN_REVIEW:
        raise ValidationError(
            _("HDR czeka na decyzję doradców i nie można go teraz zmieniać. Poczekaj na ich decyzję.")
        )
    if plan.status == DevelopmentPlan.Status.APPROVED:
        raise ValidationError(
            _("Ta wersja HDR jest zatwierdzona i zamrożona. Aby wprowadzić zmiany, rozpocznij nową wersję.")
        )


def _team_emails(engagement: Engagement) -> list[str]:
    return [m.email for m in engagement.team_members.filter(left_at__isnull=True) if m.email]


def _advisor_emails(engagement: Engagement) -> list[str]:
    return [a.user.email for a in engagement.advisor_assignments.select_related("user")]


# The working plan.


def default_period(*, edition) -> tuple[date, date]:
    """The HDR covers the edition's period by default (whole months)."""
    return first_of_month(edition.period_start), first_of_month(edition.period_end)


@transaction.atomic
def create_plan(*, engagement: Engagement, by) -> DevelopmentPlan:
    engagement = Engagement.objects.select_for_update().select_related("edition").get(pk=engagement.pk)
    existing = DevelopmentPlan.objects.filter(engagement=engagement).first()
    if existing is not None:
        return existing
    if engagement.stage_index < STAGE_ORDER.index(Stage.PLAN):
        raise ValidationError(
            _("HDR powstaje po diagnozie potrzeb: najpierw zakończcie etap „%(stage)s”.")
            % {"stage": Stage(engagement.stage).label}
        )
    start, end = default_period(edition=engagement.edition)
    plan = DevelopmentPlan.objects.create(
        engagement=engagement, period_start=start, period_end=end, created_by=by, updated_by=by
    )
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="plan.created",
        kind="plan",
        target=plan,
        changes={"period": [format_month(start), format_month(end)]},
    )
    return plan


def _check_period(plan: DevelopmentPlan, start: date, end: date) -> None:
    edition = plan.engagement.edition
    lowest, highest = default_period(edition=edition)
    errors = {}
    if end < start:
        errors["period_end"] = _("Koniec okresu HDR nie może być wcześniej niż jego początek.")
    if start < lowest or start > highest:
        errors["period_start"] = _("Okres HDR mieści się w okresie realizacji edycji (%(start)s–%(end)s).") % {
            "start": format_month(lowest),
            "end": format_month(highest),
        }
    if end > highest or end < lowest:
        errors["period_end"] = _("Okres HDR mieści się w okresie realizacji edycji (%(start)s–%(end)s).") % {
            "start": format_month(lowest),
            "end": format_month(highest),
        }
    if errors:
        raise ValidationError(errors)
    outside = [a.title for a in plan.actions.all() if a.start_month < start or a.end_month > end]
    if outside:
        raise ValidationError(
            {
                "period_start": _(
                    "Poza nowym okresem znalazłyby się działania: %(titles)s. Najpierw zmień ich terminy."
                )
                % {"titles": "; ".join(f"„{t}”" for t in outside[:10])}
            }
        )


@transaction.atomic
def update_header(
    *, plan: DevelopmentPlan, expected_version: int, by, period_start: date, period_end: date, directions: str
) -> DevelopmentPlan:
    """Raises StaleEdit when someone saved the header since ``expected_version``."""
    stored = _lock(plan)
    check_editable(plan=stored)
    _check_period(stored, period_start, period_end)
    before = snapshot(stored, HEADER_FIELDS)
    stored.period_start, stored.period_end, stored.directions = period_start, period_end, directions.strip()
    stored.updated_by = by
    save_versioned(stored, expected_version=expected_version, fields=[*HEADER_FIELDS, "updated_by"])
    changes = diff(before, snapshot(stored, HEADER_FIELDS))
    if changes:
        record(actor=by, action="plan.header_updated", target=stored, changes=changes)
    return stored


def _set(obj, fields: list[str], values: dict) -> None:
    unknown = set(values) - set(fields)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for name, value in values.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


def _next_order(queryset) -> int:
    last = queryset.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def create_action(*, plan: DevelopmentPlan, by, **values) -> PlannedAction:
    stored = _lock(plan)
    check_editable(plan=stored)
    action = PlannedAction(plan=stored, created_by=by, updated_by=by)
    _set(action, ACTION_FIELDS, values)
    action.order = _next_order(stored.actions)
    action.full_clean()
    action.save()
    record(
        actor=by,
        action="plan.action_created",
        target=stored,
        changes={"action": action.title, **snapshot(action, ACTION_FIELDS)},
        about=PlannedAction,
    )
    return action


@transaction.atomic
def update_action(*, action: PlannedAction, expected_version: int, by, **values) -> PlannedAction:
    """Raises StaleEdit when someone saved this action since ``expected_version``."""
    stored_plan = _lock(action.plan)
    check_editable(plan=stored_plan)
    stored = PlannedAction.objects.select_related("priority", "solution").get(pk=action.pk)
    before = snapshot(stored, ACTION_FIELDS)
    _set(stored, ACTION_FIELDS, values)
    stored.plan = stored_plan
    stored.updated_by = by
    stored.full_clean()
    save_versioned(stored, expected_version=expected_version, fields=[*ACTION_FIELDS, "updated_by"])
    changes = diff(before, snapshot(stored, ACTION_FIELDS))
    if changes:
        record(
            actor=by,
            action="plan.action_updated",
            target=stored_plan,
            changes={"action": stored.title, **changes},
            about=PlannedAction,
        )
    return stored


@transaction.atomic
def delete_action(*, action: PlannedAction, by) -> None:
    stored_plan = _lock(action.plan)
    check_editable(plan=stored_plan)
    if action.updates.exists() or action.measurements.exists() or action.evidence.exists():
        raise ValidationError(
            _(
                "Działanie ma już zapisany postęp, pomiary lub dowody realizacji. Zamiast je usuwać, "
                "ustaw w monitorowaniu stan „anulowane”."
            )
        )
    record(
        actor=by,
        action="plan.action_deleted",
        target=stored_plan,
        changes={"action": action.title, **snapshot(action, ACTION_FIELDS)},
        about=PlannedAction,
    )
    action.delete()


def _clean_risk(risk: PlanRisk) -> None:
    risk.full_clean(exclude=["plan"])


@transaction.atomic
def create_risk(*, plan: DevelopmentPlan, by, risk: str, mitigation: str) -> PlanRisk:
    stored = _lock(plan)
    check_editable(plan=stored)
    row = PlanRisk(plan=stored, risk=risk.strip(), mitigation=mitigation.strip(), updated_by=by)
    row.order = _next_order(stored.risks)
    _clean_risk(row)
    row.save()
    record(actor=by, action="plan.risk_created", target=stored, changes=snapshot(row, RISK_FIELDS), about=PlanRisk)
    return row


@transaction.atomic
def update_risk(*, plan_risk: PlanRisk, expected_version: int, by, **values) -> PlanRisk:
    # Not ``risk=``: that is the name of the risk's text, which arrives in ``values``.
    stored_plan = _lock(plan_risk.plan)
    check_editable(plan=stored_plan)
    stored = PlanRisk.objects.get(pk=plan_risk.pk)
    before = snapshot(stored, RISK_FIELDS)
    _set(stored, RISK_FIELDS, values)
    stored.updated_by = by
    _clean_risk(stored)
    save_versioned(stored, expected_version=expected_version, fields=[*RISK_FIELDS, "updated_by"])
    changes = diff(before, snapshot(stored, RISK_FIELDS))
    if changes:
        record(actor=by, action="plan.risk_updated", target=stored_plan, changes=changes, about=PlanRisk)
    return stored


@transaction.atomic
def delete_risk(*, risk: PlanRisk, by) -> None:
    stored_plan = _lock(risk.plan)
    check_editable(plan=stored_plan)
    record(
        actor=by, action="plan.risk_deleted", target=stored_plan, changes=snapshot(risk, RISK_FIELDS), about=PlanRisk
    )
    risk.delete()


# Submission and review.


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
    if engagement.stage == Stage.PLAN:
        try:
            advance_stage(engagement=engagement, to=Stage.DIRECTIONS, by=by)
        except ValidationError as error:
            # The approval stands; the stage waits for whatever an earlier stage still lacks.
            add_timeline(
                engagement=engagement,
                actor=None,
                kind="stage",
                code="engagement.stage_unchanged",
                params={"reasons": error.messages},
            )
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


# Comments.


@transaction.atomic
def add_comment(
    *, plan: DevelopmentPlan, by, text: str, section: str, action: PlannedAction | None = None, parent=None
) -> PlanComment:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Wpisz treść komentarza.")})
    if len(text) > 5000:
        raise ValidationError({"text": _("Komentarz może mieć najwyżej 5000 znaków.")})
    if parent is not None:
        root = parent.parent or parent
        section, action = root.section, root.action
    else:
        root = None
        if action is not None:
            section = PlanComment.Section.ACTION
        elif section not in PlanComment.Section.values or section == PlanComment.Section.ACTION:
            raise ValidationError({"section": _("Wybierz część HDR, której dotyczy komentarz.")})
    review = plan.versions.filter(status=PlanVersion.Status.IN_REVIEW).first()
    comment = PlanComment.objects.create(
        plan=plan,
        version=review,
        section=section,
        action=action,
        action_title=action.title if action else (root.action_title if root else ""),
        parent=root,
        author=by,
        author_label=_label(by),
        text=text,
    )
    if root is not None and root.resolved_at is not None:
        root.resolved_at, root.resolved_by = None, None  # a reply reopens the thread
        root.save(update_fields=["resolved_at", "resolved_by"])
    changes = {"section": section, "action": comment.action_title, "text": text[:500]}
    if root is None:
        # Only a new thread goes on the timeline; replies are in the audit history.
        where = {"action": comment.action_title} if comment.action_title else {"section": section}
        record_on_timeline(
            engagement=plan.engagement,
            actor=by,
            action="plan.comment_added",
            kind="plan_comment",
            target=plan,
            changes=changes,
            about=PlanComment,
            params=where,
        )
    else:
        record(actor=by, action="plan.comment_added", target=plan, changes=changes, about=PlanComment)
    return comment


@transaction.atomic
def set_comment_resolved(*, comment: PlanComment, by, resolved: bool) -> PlanComment:
    root = comment.parent or comment
    root.resolved_at = timezone.now() if resolved else None
    root.resolved_by = by if resolved else None
    root.save(update_fields=["resolved_at", "resolved_by"])
    record(
        actor=by,
        action="plan.comment_resolved" if resolved else "plan.comment_reopened",
        target=root.plan,
        changes={"comment": root.text[:200]},
    )
    return root


# Monitoring.


def _require_monitoring(plan: DevelopmentPlan) -> None:
    if plan.approved_version_id is None:
        raise ValidationError(_("Monitorowanie realizacji zaczyna się po zatwierdzeniu HDR przez obu doradców."))


@transaction.atomic
def record_action_progress(*, action: PlannedAction, by, status: str, progress: int, note: str = "") -> ActionUpdate:
    stored = PlannedAction.objects.select_for_update().select_related("plan__engagement").get(pk=action.pk)
    _require_monitoring(stored.plan)
    if status not in PlannedAction.Status.values:
        raise ValidationError({"status": _("Wybierz stan realizacji.")})
    if progress is None or not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Postęp to liczba od 0 do 100.")})
    if status == PlannedAction.Status.DONE:
        progress = 100  # a done action counts fully in the roll-up
    before = {"status": stored.status, "progress": stored.progress}
    update = ActionUpdate.objects.create(
        action=stored, status=status, progress=progress, note=(note or "").strip(), by=by, by_label=_label(by)
    )
    PlannedAction.objects.filter(pk=stored.pk).update(status=status, progress=progress)
    record_on_timeline(
        engagement=stored.plan.engagement,
        actor=by,
        action="plan.progress_recorded",
        kind="monitoring",
        target=stored.plan,
        changes={"action": stored.title, **diff(before, {"status": status, "progress": progress})},
        about=PlannedAction,
        params={"title": stored.title, "status": status, "progress": progress},
    )
    return update


@transaction.atomic
def add_measurement(
    *, action: PlannedAction, by, measured_on: date, value: str, note: str = ""
) -> IndicatorMeasurement:
    stored = PlannedAction.objects.select_related("plan").get(pk=action.pk)
    _require_monitoring(stored.plan)
    errors = {}
    if not (value or "").strip():
        errors["value"] = _("Wpisz zmierzoną wartość wskaźnika.")
    else:
        problem = value_error(stored.indicator_unit, value)
        if problem:
            errors["value"] = problem
    if measured_on is None:
        errors["measured_on"] = _("Podaj datę pomiaru.")
    elif measured_on > today():
        errors["measured_on"] = _("Data pomiaru nie może być z przyszłości.")
    if errors:
        raise ValidationError(errors)
    measurement = IndicatorMeasurement(
        action=stored,
        measured_on=measured_on,
        value=normalise(stored.indicator_unit, value),
        note=(note or "").strip(),
        recorded_by=by,
        recorded_by_label=_label(by),
    )
    measurement.full_clean(exclude=["action", "recorded_by"])
    measurement.save()
    record(
        actor=by,
        action="plan.measurement_added",
        target=stored.plan,
        changes={
            "action": stored.title,
            "indicator": stored.indicator_name,
            "value": measurement.value,
            "measured_on": measured_on,
        },
    )
    return measurement


@transaction.atomic
def add_evidence(*, action: PlannedAction, by, note: str = "", file=None) -> Evidence:
    stored = PlannedAction.objects.select_related("plan").get(pk=action.pk)
    _require_monitoring(stored.plan)
    note = (note or "").strip()
    if not note and not file:
        raise ValidationError({"note": _("Opisz dowód realizacji albo dołącz plik.")})
    evidence = Evidence(action=stored, note=note, uploaded_by=by, uploaded_by_label=_label(by))
    if file:
        kind = validate_evidence_file(file)
        evidence.original_name = file.name[-255:]
        evidence.content_type = kind.content_type
        evidence.size = file.size
        evidence.file.save(f"{timezone.now():%Y%m%d%H%M%S}{kind.extension}", file, save=False)
    evidence.full_clean(exclude=["action", "uploaded_by", "file"])
    evidence.save()
    record(
        actor=by,
        action="plan.evidence_added",
        target=stored.plan,
        changes={"action": stored.title, "note": note[:200], "file": evidence.original_name},
    )
    return evidence


@transaction.atomic
def add_progress_report(*, plan: DevelopmentPlan, by, reported_on: date, assessment: str, narrative: str):
    stored = _lock(plan)
    _require_monitoring(stored)
    errors = {}
    if reported_on is None:
        errors["reported_on"] = _("Podaj datę, na którą opisujesz stan realizacji.")
    elif reported_on > today():
        errors["reported_on"] = _("Data raportu nie może być z przyszłości.")
    if assessment not in ProgressReport.Assessment.values:
        errors["assessment"] = _("Wybierz ocenę realizacji.")
    if not (narrative or "").strip():
        errors["narrative"] = _("Opisz krótko, jak przebiega realizacja.")
    if errors:
        raise ValidationError(errors)
    rollup = roll_up(stored.actions.all())
    report = ProgressReport(
        plan=stored,
        reported_on=reported_on,
        assessment=assessment,
        narrative=narrative.strip(),
        progress_at_report=rollup.plan,
        author=by,
        author_label=_label(by),
    )
    report.full_clean(exclude=["plan", "author"])
    report.save()
    record_on_timeline(
        engagement=stored.engagement,
        actor=by,
        action="plan.progress_report_added",
        kind="monitoring",
        target=stored,
        changes={"assessment": assessment, "reported_on": reported_on, "progress": rollup.plan},
        about=ProgressReport,
        params={"assessment": assessment},
    )
    return report


# Reminders.


def reminder_days() -> int:
    return settings.PLAN_REMINDER_DAYS


def _reminder_recipients(action: PlannedAction) -> list[str]:
    member = action.responsible_member
    if member is not None and member.left_at is None and member.email:
        return [member.email]
    # Nobody named for reminders: the team leader keeps the plan moving.
    return [m.email for m in action.plan.engagement.team_members.all() if m.is_leader and m.left_at is None]


def send_action_reminders(*, on: date | None = None) -> int:
    """Remind the responsible person of each open action of an approved HDR whose end (the last day of its end
    month) falls within the next ``PLAN_REMINDER_DAYS`` days, and tell them once when an open action has passed
    its end. One message of each kind per action and due date, recorded in ``ActionReminder`` under a unique
    constraint, so running this twice (or twice at once) sends it once. Returns the number of messages sent."""
    on = on or today()
    horizon = on + timedelta(days=reminder_days())
    open_actions = (
        PlannedAction.objects.filter(plan__approved_version__isnull=False)
        .exclude(status__in=CLOSED)
        .select_related("plan__engagement__local_government", "responsible_member")
        .prefetch_related("plan__engagement__team_members")
    )
    due_soon = open_actions.filter(end_month__gte=first_of_month(on), end_month__lte=first_of_month(horizon))
    sent = 0
    for action in due_soon:
        due = last_day_of_month(action.end_month)
        if on <= due <= horizon:
            sent += _remind(
                action, due=due, kind=ActionReminder.Kind.BEFORE_DUE, template="plans/email/action_reminder"
            )
    for action in open_actions.filter(end_month__lt=first_of_month(on)):
        due = last_day_of_month(action.end_month)
        sent += _remind(action, due=due, kind=ActionReminder.Kind.OVERDUE, template="plans/email/action_overdue")
    return sent


def _remind(action: PlannedAction, *, due: date, kind: str, template: str) -> int:
    recipients = _reminder_recipients(action)
    if not recipients:
        return 0
    with transaction.atomic():
        _reminder, created = ActionReminder.objects.get_or_create(
            action=action, due_on=due, kind=kind, defaults={"recipients": recipients}
        )
        if not created:
            return 0
        send_templated_email(
            to=recipients,
            template=template,
            context={"action": action, "plan": action.plan, "engagement": action.plan.engagement, "due": due},
        )
        record(
            actor=None,
            action="plan.overdue_notice_sent" if kind == ActionReminder.Kind.OVERDUE else "plan.reminder_sent",
            target=action.plan,
            changes={"action": action.title, "due_on": due, "to": recipients},
        )
    return 1
