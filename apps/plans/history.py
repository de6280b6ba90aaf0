"""How the plans services' actions read in the audit history and on the engagement's timeline."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe
from apps.core.content import polish
from apps.engagements.timeline import TimelineText, advisor_role, describe_timeline

describe(
    {
        "plan.created": _("Utworzono HDR"),
        "plan.header_updated": _("Zmieniono nagłówek lub kierunki wdrożenia HDR"),
        "plan.action_created": _("Dodano działanie HDR"),
        "plan.action_updated": _("Zmieniono działanie HDR"),
        "plan.action_deleted": _("Usunięto działanie HDR"),
        "plan.risk_created": _("Dodano ryzyko HDR"),
        "plan.risk_updated": _("Zmieniono ryzyko HDR"),
        "plan.risk_deleted": _("Usunięto ryzyko HDR"),
        "plan.submitted": _("Przekazano HDR do akceptacji"),
        "plan.changes_requested": _("Doradca poprosił o poprawki w HDR"),
        "plan.approved_by_advisor": _("Doradca zatwierdził HDR"),
        "plan.approved": _("HDR zatwierdzony przez obu doradców"),
        "plan.reopened": _("Rozpoczęto nową wersję HDR"),
        "plan.comment_added": _("Dodano komentarz do HDR"),
        "plan.comment_resolved": _("Oznaczono wątek komentarzy jako rozwiązany"),
        "plan.comment_reopened": _("Ponownie otwarto wątek komentarzy"),
        "plan.progress_recorded": _("Zapisano postęp działania"),
        "plan.measurement_added": _("Zapisano pomiar wskaźnika"),
        "plan.evidence_added": _("Dodano dowód realizacji"),
        "plan.progress_report_added": _("Dodano raport z realizacji HDR"),
        "plan.reminder_sent": _("Wysłano przypomnienie o terminie działania"),
        "plan.overdue_notice_sent": _("Wysłano powiadomienie o działaniu po terminie"),
    }
)


def _status(params: dict) -> dict:
    from .models import PlannedAction

    status = params.get("status")
    return {"status": PlannedAction.Status(status).label} if status in PlannedAction.Status.values else {}


def _assessment(params: dict) -> dict:
    from .models import ProgressReport

    value = params.get("assessment")
    return {"assessment": ProgressReport.Assessment(value).label} if value in ProgressReport.Assessment.values else {}


def _where(params: dict) -> dict:
    from .models import PlanComment

    if params.get("action"):
        return {"where": polish(params["action"])}
    section = params.get("section")
    return {"where": PlanComment.Section(section).label if section in PlanComment.Section.values else "—"}


# How the HDR's steps read on the engagement's timeline (codes are the audit action codes).
describe_timeline(
    {
        "plan.created": _("Rozpoczęto pracę nad HDR."),
        "plan.submitted": _("HDR (wersja %(number)s) przekazany doradcom do akceptacji."),
        "plan.changes_requested": _("Doradca poprosił o poprawki w HDR (wersja %(number)s)."),
        "plan.approved_by_advisor": TimelineText(_("%(role)s zatwierdza HDR (wersja %(number)s)."), advisor_role),
        "plan.approved": _("HDR zatwierdzony przez obu doradców (wersja %(number)s)."),
        "plan.reopened": _("Rozpoczęto nową wersję HDR na podstawie zatwierdzonej wersji %(number)s."),
        "plan.comment_added": TimelineText(_("Nowy komentarz do HDR: %(where)s."), _where),
        "plan.progress_recorded": TimelineText(_("Działanie „%(title)s”: %(status)s, postęp %(progress)s%%."), _status),
        "plan.progress_report_added": TimelineText(_("Raport z realizacji HDR: %(assessment)s."), _assessment),
    }
)
