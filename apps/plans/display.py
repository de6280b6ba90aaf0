"""What the HDR page prints for each action, computed once per page in Python instead of per action in the
template: the page of 40 actions spent most of its time on ~20 label translations, three URL reversals, four
filters and three nested includes per action (issue 9, item 21; ``make bench`` measures it beside the Django
admin's list of the same actions)."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import conditional_escape
from django.utils.translation import gettext as _

from .indicators import IndicatorUnit
from .models import PlannedAction


def action_labels() -> dict[str, str]:
    """The fixed texts of an action's block, translated and escaped once per page."""
    return {key: conditional_escape(text) for key, text in _labels().items()}


def _labels() -> dict[str, str]:
    return {
        "term": _("Termin"),
        "responsible": _("Odpowiedzialni"),
        "status": _("Stan"),
        "overdue": _("Po terminie"),
        "details": _("Szczegóły działania"),
        "priority": _("Priorytet"),
        "description": _("Opis"),
        "partners": _("Partnerzy"),
        "resources": _("Zasoby"),
        "cost": _("Koszt"),
        "funding": _("Źródło finansowania"),
        "solution": _("Rozwiązanie zarządcze lub narzędzie"),
        "result": _("Oczekiwany rezultat"),
        "indicator": _("Wskaźnik"),
        "baseline": _("wartość bazowa"),
        "target": _("docelowa"),
        "monitoring_method": _("Sposób monitorowania"),
        "last_change": _("Ostatnia zmiana"),
        "edit": _("Zmień"),
        "monitoring": _("Monitorowanie"),
        "delete": _("Usuń działanie"),
        "comments": _("Komentarze"),
        "comment": _("Skomentuj działanie"),
        "comment_label": _("Komentarz do działania"),
        "add_comment": _("Dodaj komentarz"),
    }


_MARK = 987654321


def _per_action(name: str, engagement_pk: int):
    """``pk -> URL`` of a per-action page from one ``reverse`` (three reversals per action cost more than the
    rest of the action's data)."""
    pattern = reverse(name, kwargs={"engagement_pk": engagement_pk, "pk": _MARK})
    head, tail = pattern.split(str(_MARK))
    return lambda pk: f"{head}{pk}{tail}"


def prepare_actions(engagement, actions: list[PlannedAction]) -> None:
    """Set on each action what its block prints: term, state and unit labels, cost, and its URLs."""
    statuses = {value: str(label) for value, label in PlannedAction.Status.choices}
    units = {value: str(label) for value, label in IndicatorUnit.choices}
    edit_url = _per_action("plans:action_edit", engagement.pk)
    delete_url = _per_action("plans:action_delete", engagement.pk)
    monitoring_url = _per_action("plans:action_monitoring", engagement.pk)
    for action in actions:
        # Printed several times per action: escaped once; numbers as plain text (no per-use localisation).
        action.title_html = conditional_escape(action.title)
        action.key = str(action.pk)
        action.progress_text = str(action.progress)
        action.term_text = f"{action.start_month:%m.%Y}–{action.end_month:%m.%Y}"
        action.status_text = statuses.get(action.status, action.status)
        action.unit_text = units.get(action.indicator_unit, action.indicator_unit)
        action.partners_text = action.partners or "—"
        action.resources_text = action.resources or "—"
        action.funding_text = action.funding_source or "—"
        action.solution_text_shown = action.solution_label or "—"
        action.baseline_text = action.indicator_baseline or "—"
        action.updated_text = (
            f"{action.updated_by.full_name}, {timezone.localtime(action.updated_at):%d.%m.%Y %H:%M}"
            if action.updated_by_id
            else ""
        )
        action.cost_text = (
            f"{formats.number_format(action.cost, decimal_pos=2, force_grouping=True)} zł"
            if action.cost is not None
            else "—"
        )
        action.edit_url = edit_url(action.pk)
        action.delete_url = delete_url(action.pk)
        action.monitoring_url = monitoring_url(action.pk)
