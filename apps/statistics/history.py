from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe({"statistics.refreshed": _("Przeliczono statystyki edycji")})
