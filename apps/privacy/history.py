"""How the privacy services' actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "privacy.export_downloaded": _("Pobrano kopię własnych danych"),
        "privacy.request_filed": _("Złożono wniosek RODO"),
        "privacy.request_answered": _("Odpowiedziano na wniosek RODO"),
        "privacy.person_erased": _("Usunięto dane osoby (anonimizacja)"),
        "privacy.hold_placed": _("Założono blokadę usuwania danych"),
        "privacy.hold_lifted": _("Zdjęto blokadę usuwania danych"),
        "privacy.retention_applied": _("Usunięto dane po okresie przechowywania"),
    }
)
