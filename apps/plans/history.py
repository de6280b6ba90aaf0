"""How the plans services' actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

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
