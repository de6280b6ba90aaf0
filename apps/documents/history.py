"""How the documents app's actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "document.requested": _("Zlecono przygotowanie dokumentu"),
        "document.generated": _("Przygotowano dokument"),
        "document.failed": _("Nie udało się przygotować dokumentu"),
        "documents.list_exported": _("Wyeksportowano listę"),
    }
)
