"""Every write on the needs diagnosis (diagnoza potrzeb) and the guided prioritisation.

Several people write the diagnosis at once, so text is saved with optimistic locking (``save_versioned``): a
save that started from an older version is refused with ``StaleEdit`` carrying what the other person saved, and
the page shows it next to the user's own input. Rows (context figures, school views, candidate priorities) are
added independently, so adding one never conflicts with someone else's work.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError
from django.utils.translation import gettext as _

from apps.accounts.models import User
from apps.audit.services import diff, snapshot
from apps.core.locking import StaleEdit, save_versioned

from .models import ContextFigure, DevelopmentPriority, Engagement, NeedsAssessment, SchoolPerspective, Stage
from .services import MAX_PRIORITIES, lock_engagement
from .timeline import record_on_timeline

# The diagnosis is written from the start (context data does not depend on the area) until the HDR is being
# prepared; priorities are fixed when the engagement moves on to the HDR, because the HDR is built on them.
DIAGNOSIS_EDITABLE_STAGES = (Stage.AREA, Stage.DIAGNOSIS, Stage.PLAN)
PRIORITIES_EDITABLE_STAGES = (Stage.AREA, Stage.DIAGNOSIS)

FINDINGS_FIELDS = ["context_notes", "data_sources", "strengths", "problems", "needs", "post_pandemic_needs"]
PERSPECTIVE_FIELDS = ["school_name", "strengths", "challenges", "needs"]
PRIORITY_FIELDS = ["title", "description", "importance", "feasibility"]
FIGURE_FIELDS = ["topic", "label", "value", "unit", "year", "source"]


def _label(user: User) -> str:
    return user.full_name or user.email


def check_diagnosis_editable(*, engagement: Engagement) -> None:
    if engagement.stage not in DIAGNOSIS_EDITABLE_STAGES:
        raise ValidationError(_("Diagnoza jest zamknięta: JST jest już na etapie wdrażania HDR."))


def check_priorities_editable(*, engagement: Engagement) -> None:
    if engagement.stage not in PRIORITIES_EDITABLE_STAGES:
        raise ValidationError(_("Priorytety są już ustalone: na ich podstawie powstaje HDR."))


def ensure_assessment(*, engagement: Engagement) -> NeedsAssessment:
    """The engagement's diagnosis, created empty the first time anyone opens it."""
    assessment, _created = NeedsAssessment.objects.get_or_create(engagement=engagement)
    return assessment


@transaction.atomic
def save_findings(*, assessment: NeedsAssessment, expected_version: int, values: dict, by: User) -> NeedsAssessment:
    """Save the diagnosis text; ``StaleEdit`` if someone saved since ``expected_version``."""
    check_diagnosis_editable(engagement=assessment.engagement)
    stored = NeedsAssessment.objects.get(pk=assessment.pk)
    before = snapshot(stored, FINDINGS_FIELDS)
    after = {name: values.get(name, before[name]) for name in FINDINGS_FIELDS}
    changes = diff(before, after)
    if not changes and stored.version == expected_version:
        return stored
    for name in FINDINGS_FIELDS:
        setattr(stored, name, after[name])
    stored.updated_by = by
    stored.updated_by_label = _label(by)
    save_versioned(
        stored, expected_version=expected_version, fields=[*FINDINGS_FIELDS, "updated_by", "updated_by_label"]
    )
    record_on_timeline(
        engagement=assessment.engagement,
        actor=by,
        action="diagnosis.saved",
        kind="diagnosis",
        changes=changes,
        about=NeedsAssessment,
        params={"sections": list(changes)},
    )
    return stored


@dataclass(frozen=True)
class FigureData:
    topic: str
    label: str
    value: Decimal
    unit: str
    year: int
    source: str


@transaction.atomic
def add_context_figure(*, assessment: NeedsAssessment, data: FigureData, by: User) -> ContextFigure:
    check_diagnosis_editable(engagement=assessment.engagement)
    figure = ContextFigure(
        assessment=assessment,
        topic=data.topic,
        label=data.label.strip(),
        value=data.value,
        unit=data.unit.strip(),
        year=data.year,
        source=data.source.strip(),
        added_by=by,
        added_by_label=_label(by),
    )
    figure.full_clean()
    figure.save()
    record_on_timeline(
        engagement=assessment.engagement,
        actor=by,
        action="diagnosis.figure_added",
        kind="diagnosis",
        changes=snapshot(figure, FIGURE_FIELDS),
        about=ContextFigure,
        params={"figure": str(figure)},
    )
    return figure


@transaction.atomic
def remove_context_figure(*, figure: ContextFigure, by: User) -> None:
    engagement = figure.assessment.engagement
    check_diagnosis_editable(engagement=engagement)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="diagnosis.figure_removed",
        kind="diagnosis",
        changes=snapshot(figure, FIGURE_FIELDS),
        about=ContextFigure,
        params={"figure": str(figure)},
    )
    figure.delete()


@transaction.atomic
def save_school_perspective(
    *,
    assessment: NeedsAssessment,
    values: dict,
    by: User,
    perspective: SchoolPerspective | None = None,
    expected_version: int | None = None,
) -> SchoolPerspective:
    """Add a school director's view of their school, or save changes to one (optimistic locking)."""
    engagement = assessment.engagement
    check_diagnosis_editable(engagement=engagement)
    if perspective is None:
        perspective = SchoolPerspective(assessment=assessment, author=by, author_label=_label(by))
        for name in PERSPECTIVE_FIELDS:
            setattr(perspective, name, values.get(name, ""))
        perspective.full_clean()
        perspective.save()
        record_on_timeline(
            engagement=engagement,
            actor=by,
            action="diagnosis.school_view_added",
            kind="diagnosis",
            changes=snapshot(perspective, PERSPECTIVE_FIELDS),
            about=SchoolPerspective,
            params={"school": perspective.school_name},
        )
        return perspective
    stored = SchoolPerspective.objects.get(pk=perspective.pk)
    before = snapshot(stored, PERSPECTIVE_FIELDS)
    for name in PERSPECTIVE_FIELDS:
        setattr(stored, name, values.get(name, before[name]))
    changes = diff(before, snapshot(stored, PERSPECTIVE_FIELDS))
    if not changes and stored.version == expected_version:
        return stored
    save_versioned(stored, expected_version=expected_version, fields=PERSPECTIVE_FIELDS)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="diagnosis.school_view_changed",
        kind="diagnosis",
        changes=changes,
        about=SchoolPerspective,
        params={"school": stored.school_name},
    )
    return stored


@transaction.atomic
def remove_school_perspective(*, perspective: SchoolPerspective, by: User) -> None:
    engagement = perspective.assessment.engagement
    check_diagnosis_editable(engagement=engagement)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="diagnosis.school_view_removed",
        kind="diagnosis",
        changes=snapshot(perspective, PERSPECTIVE_FIELDS),
        about=SchoolPerspective,
        params={"school": perspective.school_name},
    )
    perspective.delete()


@transaction.atomic
def add_priority(
    *,
    engagement: Engagement,
    title: str,
    description: str = "",
    importance: int | None = None,
    feasibility: int | None = None,
    by: User,
) -> DevelopmentPriority:
    """A candidate priority of the guided prioritisation (rated later or at once)."""
    check_priorities_editable(engagement=engagement)
    last = engagement.priorities.aggregate(last=Max("order"))["last"] or 0
    priority = DevelopmentPriority(
        engagement=engagement,
        title=title.strip(),
        description=description.strip(),
        importance=importance,
        feasibility=feasibility,
        order=last + 1,
        created_by=by,
        is_selected=False,
        goal="",
    )
    priority.full_clean()
    priority.save()
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="priority.added",
        kind="priorities",
        changes=snapshot(priority, PRIORITY_FIELDS),
        about=DevelopmentPriority,
        params={"title": priority.title},
    )
    return priority


@transaction.atomic
def update_priority(
    *, priority: DevelopmentPriority, expected_version: int, values: dict, by: User
) -> DevelopmentPriority:
    """Reword or rate a candidate priority; ``StaleEdit`` if someone saved it since ``expected_version``."""
    engagement = priority.engagement
    check_priorities_editable(engagement=engagement)
    stored = DevelopmentPriority.objects.get(pk=priority.pk)
    before = snapshot(stored, PRIORITY_FIELDS)
    for name in PRIORITY_FIELDS:
        if name in values:
            setattr(stored, name, values[name].strip() if isinstance(values[name], str) else values[name])
    changes = diff(before, snapshot(stored, PRIORITY_FIELDS))
    if not changes and stored.version == expected_version:
        return stored
    stored.full_clean()
    save_versioned(stored, expected_version=expected_version, fields=PRIORITY_FIELDS)
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="priority.changed",
        kind="priorities",
        changes={"priority": stored.title, **changes},
        about=DevelopmentPriority,
        params={"title": stored.title},
    )
    return stored


@transaction.atomic
def remove_priority(*, priority: DevelopmentPriority, by: User) -> None:
    engagement = priority.engagement
    check_priorities_editable(engagement=engagement)
    title = priority.title
    try:
        with transaction.atomic():
            priority.delete()
    except ProtectedError:
        raise ValidationError(_("Tego priorytetu nie można usunąć: korzysta z niego HDR."))
    record_on_timeline(
        engagement=engagement,
        actor=by,
        action="priority.removed",
        kind="priorities",
        changes={"priority": title},
        about=DevelopmentPriority,
        params={"title": title},
    )


class StaleSelection(StaleEdit):
    """Someone changed candidate priorities while this person was choosing; ``current`` are the changed ones."""


@dataclass(frozen=True)
class PriorityChoice:
    priority_id: int
    selected: bool
    goal: str
    version: int


@transaction.atomic
def select_priorities(*, engagement: Engagement, choices: list[PriorityChoice], by: User) -> list[DevelopmentPriority]:
    """The team picks 1–3 development priorities, each with a goal.

    Stale choices (a priority changed since the page was opened) are refused as a whole with ``StaleSelection``,
    so nobody's goal is overwritten unseen."""
    engagement = lock_engagement(engagement=engagement)
    check_priorities_editable(engagement=engagement)
    priorities = {p.pk: p for p in engagement.priorities.select_for_update()}
    unknown = [c for c in choices if c.priority_id not in priorities]
    if unknown:
        raise ValidationError(_("Jeden z priorytetów został w międzyczasie usunięty. Odśwież stronę."))
    stale = [priorities[c.priority_id] for c in choices if priorities[c.priority_id].version != c.version]
    if stale:
        raise StaleSelection(stale)
    by_id = {c.priority_id: c for c in choices}
    selected = [c for c in choices if c.selected]
    if not selected:
        raise ValidationError(_("Wybierz co najmniej jeden priorytet rozwojowy."))
    if len(selected) > MAX_PRIORITIES:
        raise ValidationError(
            _("Wybierz najwyżej %(max)s priorytety rozwojowe (wybrano: %(n)s).")
            % {"max": MAX_PRIORITIES, "n": len(selected)}
        )
    missing = [priorities[c.priority_id].title for c in selected if not c.goal.strip()]
    if missing:
        raise ValidationError(
            _("Każdy wybrany priorytet musi mieć cel. Brakuje celu dla: %(titles)s.") % {"titles": "; ".join(missing)}
        )
    changes = {}
    for pk, priority in priorities.items():
        choice = by_id.get(pk)
        if choice is None:
            continue
        goal = choice.goal.strip()
        if priority.is_selected == choice.selected and priority.goal == goal:
            continue
        changes[priority.title] = [
            {"selected": priority.is_selected, "goal": priority.goal},
            {"selected": choice.selected, "goal": goal},
        ]
        priority.is_selected = choice.selected
        priority.goal = goal
        priority.version += 1
        priority.save(update_fields=["is_selected", "goal", "version"])
    chosen = [priorities[c.priority_id] for c in selected]
    if changes:
        record_on_timeline(
            engagement=engagement,
            actor=by,
            action="priority.selected",
            kind="priorities",
            changes=changes,
            params={"titles": [p.title for p in chosen]},
        )
    return chosen
