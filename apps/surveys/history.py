"""Labels of the audit actions surveys record (a submitted anonymous response records none)."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "survey.created": _("Utworzono ankietę"),
        "survey.updated": _("Zmieniono ankietę"),
        "survey.question_saved": _("Zapisano pytanie ankiety"),
        "survey.question_deleted": _("Usunięto pytanie ankiety"),
        "survey.question_moved": _("Zmieniono kolejność pytań ankiety"),
        "survey.published": _("Opublikowano ankietę i wysłano zaproszenia"),
        "survey.answered": _("Wysłano odpowiedź na ankietę imienną"),
        "survey.answer_promoted": _("Odpowiedź z ankiety przekazano jako uwagę o modelu"),
    }
)
