"""How the register's actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe({"territory.register_imported": _("Zaimportowano rejestr TERYT")})
