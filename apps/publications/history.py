"""How the publications services' actions read in the audit history and on the engagement's timeline."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe
from apps.engagements.timeline import TimelineText, advisor_role, describe_timeline

describe(
    {
        "summary.structure_saved": _("Zapisano nową wersję formy podsumowania"),
        "summary.started": _("Rozpoczęto podsumowanie"),
        "summary.saved": _("Zmieniono podsumowanie"),
        "summary.attachment_added": _("Dodano plik do podsumowania"),
        "summary.attachment_removed": _("Usunięto plik z podsumowania"),
        "summary.submitted": _("Przekazano podsumowanie doradcom"),
        "summary.comment_added": _("Dodano komentarz do podsumowania"),
        "summary.changes_requested": _("Doradca poprosił o poprawki w podsumowaniu"),
        "summary.accepted_by_advisor": _("Doradca zaakceptował podsumowanie"),
        "summary.accepted": _("Podsumowanie zaakceptowane"),
        "summary.reopened": _("Rozpoczęto nową wersję podsumowania"),
        "consent.recorded": _("Zapisano decyzję JST o publikacji dokumentu"),
        "consent.withdrawn": _("Wycofano zgodę na publikację"),
        "publication.published": _("Opublikowano dokument w bazie wiedzy"),
        "publication.edition_published": _("Opublikowano dokumenty edycji w bazie wiedzy"),
        "publication.featured": _("Wyróżniono publikację"),
        "publication.unfeatured": _("Zdjęto wyróżnienie publikacji"),
        "publication.settings_saved": _("Zmieniono ustawienia publikacji edycji"),
    }
)


def _form(params: dict) -> dict:
    from .models import FormCode

    form = params.get("form")
    return {"form": FormCode(form).label if form in FormCode.values else "—"}


def _consent(params: dict) -> dict:
    from .models import Consent, DocumentKind

    document, choice = params.get("document"), params.get("choice")
    return {
        "document": DocumentKind(document).label if document in DocumentKind.values else "—",
        "choice": Consent.Choice(choice).label if choice in Consent.Choice.values else "—",
    }


describe_timeline(
    {
        "summary.started": TimelineText(_("Rozpoczęto podsumowanie: %(form)s."), _form),
        "summary.submitted": _("Podsumowanie (wersja %(number)s) przekazane doradcom."),
        "summary.comment_added": _("Nowy komentarz do podsumowania."),
        "summary.changes_requested": _("Doradca poprosił o poprawki w podsumowaniu (wersja %(number)s)."),
        "summary.accepted_by_advisor": TimelineText(
            _("%(role)s akceptuje podsumowanie (wersja %(number)s)."), advisor_role
        ),
        "summary.accepted": _("Podsumowanie zaakceptowane (wersja %(number)s)."),
        "summary.reopened": _("Rozpoczęto nową wersję podsumowania na podstawie wersji %(number)s."),
        "consent.recorded": TimelineText(
            _("Decyzja o publikacji: %(document)s (wersja %(version)s): %(choice)s."), _consent
        ),
        "consent.withdrawn": TimelineText(
            _("Wycofano zgodę na publikację: %(document)s (wersja %(version)s)."), _consent
        ),
    }
)
