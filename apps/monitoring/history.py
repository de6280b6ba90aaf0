"""How monitoring's actions read in the audit history (the fields changed, never their values)."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "monitoring.settings_saved": _("Zmieniono ustawienia monitorowania uczestników (projekt UE)"),
        "monitoring.access_granted": _("Nadano uprawnienie do danych monitorowania uczestników"),
        "monitoring.institution_saved": _("Zapisano NIP i REGON instytucji objętej wsparciem"),
        "monitoring.data_saved": _("Zapisano dane uczestnika do monitorowania"),
        "monitoring.pesel_revealed": _("Wyświetlono numer PESEL uczestnika"),
        "monitoring.exported": _("Wyeksportowano dane uczestników do SM EFS"),
        "monitoring.pesel_key_rotated": _("Zaszyfrowano ponownie numery PESEL nowym kluczem"),
    }
)
