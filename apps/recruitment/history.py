"""How the recruitment's actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe
from apps.audit.selectors import describe_keys

describe(
    {
        "application.created": _("Rozpoczęto zgłoszenie"),
        "application.updated": _("Zmieniono zgłoszenie"),
        "application.team_updated": _("Zmieniono zespół w zgłoszeniu"),
        "application.submitted": _("Złożono zgłoszenie"),
        "application.withdrawn": _("Wycofano zgłoszenie"),
        "application.note_added": _("Dodano notatkę wewnętrzną"),
        "application.decided": _("Podjęto decyzję o zgłoszeniu"),
        "application.qualification_withdrawn": _("Wycofano zakwalifikowaną JST"),
        "application.result_sent": _("Wysłano powiadomienie o wyniku"),
        "application.handed_over": _("Utworzono kartę JST i zaproszono zespół"),
        "application.document_uploaded": _("Przesłano dokument"),
        "application.receipt_recorded": _("Zapisano wpływ dokumentu papierowego"),
        "application.receipt_rejected": _("Odrzucono dostarczony dokument"),
        "recruitment.call_updated": _("Zmieniono ustawienia naboru"),
        "recruitment.attachment_added": _("Dodano załącznik naboru"),
        "recruitment.attachment_removed": _("Usunięto załącznik naboru"),
        "recruitment.results_published": _("Opublikowano wyniki naboru"),
    }
)

describe_keys({"despite_documents": _("mimo dokumentów niekompletnych lub po terminie")})
