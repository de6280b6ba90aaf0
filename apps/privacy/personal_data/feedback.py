from django.utils.translation import gettext_lazy as _

from apps.feedback.models import Remark

from . import SOURCES, Source, needles_of, rows, scrub


def _remarks(user):
    return Remark.objects.filter(author=user)


def _erase(user):
    # The remark stays in the register (the model's change log cites it): its author goes, and their name in it.
    remarks = list(_remarks(user))
    scrubbed = scrub(remarks, ["text", "source_label"], needles_of(user))
    count = _remarks(user).update(author=None)
    return {"remarks_unlinked": count, "remarks_anonymised": scrubbed}


SOURCES.register(
    "feedback",
    Source(
        key="feedback",
        activity=_("Uwagi do modelu doradztwa"),
        purpose=_("rozwój modelu doradztwa i katalogu rozwiązań"),
        legal_basis=_("art. 6 ust. 1 lit. e RODO"),
        subjects=_("osoby zgłaszające uwagi"),
        categories=_("treść uwagi, autor, część modelu, której dotyczy"),
        recipients=_("koordynator krajowy"),
        retention=_("uwaga bezterminowo jako część historii modelu; autor do usunięcia danych"),
        collect=lambda user: [
            {
                "title": "Uwagi do modelu doradztwa",
                "rows": rows(_remarks(user), ["part_label", "text", "source", "status", "decision_note", "created_at"]),
            }
        ],
        erase=_erase,
    ),
    order=85,
)
