"""How the API's actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "api.token_created": _("Utworzono token API"),
        "api.token_revoked": _("Odwołano token API"),
        "api.token_read": _("Odczyt przez API (token)"),
        "api.token_write": _("Zapis przez API (token)"),
    }
)
