"""Monitoring: progress, indicator values, evidence, progress reports."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.audit.services import diff, record
from apps.engagements.timeline import record_on_timeline

from ..evidence import validate_evidence_file
from ..indicators import normalise, value_error
from ..models import ActionUpdate, DevelopmentPlan, Evidence, IndicatorMeasurement, PlannedAction, ProgressReport
from ..progress import roll_up, today
from .common import _label, _lock


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
