"""How the public face's actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "branding.funding_mark_added": _("Dodano znak finansowania"),
        "branding.funding_mark_removed": _("Usunięto znak finansowania"),
        "branding.identity_changed": _("Zmieniono wizerunek organizatora (logo, telefon, strona pomocy)"),
    }
)
