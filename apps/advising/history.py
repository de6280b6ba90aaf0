"""How advising's actions read in the audit history and on the engagement's timeline."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe
from apps.engagements.timeline import TimelineText, describe_timeline

describe(
    {
        "advising.plan_saved": _("Zmieniono ustawienia doradztwa edycji"),
        "advising.dates_proposed": _("Doradca zaproponował terminy spotkania"),
        "advising.dates_countered": _("JST zaproponowała inne terminy spotkania"),
        "advising.option_withdrawn": _("Wycofano propozycję terminu spotkania"),
        "advising.visit_agreed": _("Uzgodniono termin spotkania"),
        "advising.visit_rescheduled": _("Zmieniono termin spotkania"),
        "advising.record_written": _("Zapisano sprawozdanie ze spotkania"),
        "advising.record_updated": _("Zmieniono sprawozdanie ze spotkania przed potwierdzeniem"),
        "advising.record_corrected": _("Skorygowano sprawozdanie ze spotkania (nowa wersja)"),
        "advising.record_confirmed": _("Drugi doradca potwierdził sprawozdanie ze spotkania"),
        "advising.session_logged": _("Zapisano sesję doradztwa zdalnego"),
        "advising.task_done": _("Oznaczono uzgodnione zadanie jako wykonane"),
        "advising.task_reopened": _("Oznaczono uzgodnione zadanie jako niewykonane"),
        "advising.task_to_action": _("Uzgodnione zadanie stało się działaniem HDR"),
        "advising.hours_added": _("Dodano godziny doradcy"),
        "advising.hours_deleted": _("Usunięto godziny doradcy"),
        "advising.sheet_submitted": _("Doradca przekazał kartę czasu pracy"),
        "advising.sheet_approved": _("Zatwierdzono kartę czasu pracy"),
        "advising.sheet_returned": _("Zwrócono kartę czasu pracy do poprawy"),
    }
)


def _channel(params: dict) -> dict:
    from .models import RemoteSession

    value = params.get("channel")
    return {"channel": RemoteSession.Channel(value).label} if value in RemoteSession.Channel.values else {}


describe_timeline(
    {
        "advising.dates_proposed": _("Doradcy proponują terminy spotkania %(number)s: %(options)s."),
        "advising.dates_countered": _("JST proponuje inne terminy spotkania %(number)s: %(options)s."),
        "advising.option_withdrawn": _("Wycofano propozycję terminu spotkania %(number)s: %(dates)s."),
        "advising.visit_agreed": _("Uzgodniono termin spotkania %(number)s: %(dates)s."),
        "advising.visit_rescheduled": _("Spotkanie %(number)s przełożone z %(old)s na %(new)s: %(reason)s"),
        "advising.record_written": _("Sprawozdanie ze spotkania %(number)s czeka na potwierdzenie drugiego doradcy."),
        "advising.record_updated": _("Zmieniono sprawozdanie ze spotkania %(number)s."),
        "advising.record_corrected": _("Korekta sprawozdania ze spotkania %(number)s (wersja %(version)s)."),
        "advising.record_confirmed": _("Sprawozdanie ze spotkania %(number)s potwierdzone (wersja %(version)s)."),
        "advising.session_logged": TimelineText(
            _("Sesja doradztwa zdalnego %(date)s (%(channel)s, %(minutes)s min)."), _channel
        ),
    }
)
