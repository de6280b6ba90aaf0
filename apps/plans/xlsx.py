"""The HDR's actions as a spreadsheet: one row per action with every field of the plan and the monitoring."""

from django.utils.translation import gettext as _

from .indicators import IndicatorUnit
from .months import format_month


def action_table(plan, actions) -> tuple[list[str], list[list]]:
    headers = [
        _("Lp."),
        _("Priorytet"),
        _("Cel priorytetu"),
        _("Działanie"),
        _("Opis"),
        _("Odpowiedzialni"),
        _("Partnerzy"),
        _("Początek (miesiąc)"),
        _("Koniec (miesiąc)"),
        _("Zasoby"),
        _("Koszt (zł)"),
        _("Źródło finansowania"),
        _("Rozwiązanie zarządcze lub narzędzie"),
        _("Oczekiwany rezultat"),
        _("Wskaźnik"),
        _("Jednostka"),
        _("Wartość bazowa"),
        _("Wartość docelowa"),
        _("Sposób monitorowania"),
        _("Stan realizacji"),
        _("Postęp (%)"),
    ]
    rows = [
        [
            number,
            action.priority.title,
            action.priority.goal,
            action.title,
            action.description,
            action.responsible,
            action.partners,
            format_month(action.start_month),
            format_month(action.end_month),
            action.resources,
            action.cost,
            action.funding_source,
            action.solution_label,
            action.expected_result,
            action.indicator_name,
            str(IndicatorUnit(action.indicator_unit).label),
            action.indicator_baseline,
            action.indicator_target,
            action.monitoring_method,
            str(action.get_status_display()),
            action.progress,
        ]
        for number, action in enumerate(actions, start=1)
    ]
    return headers, rows
