"""How the feedback register's actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "feedback.submitted": _("Zgłoszono uwagę do modelu"),
        "feedback.status_changed": _("Zmieniono stan uwagi do modelu"),
        "feedback.merged": _("Połączono uwagę z inną jako duplikat"),
        "feedback.linked": _("Powiązano uwagę z wersją roboczą katalogu"),
        "feedback.unlinked": _("Odłączono uwagę od wersji roboczej katalogu"),
        "feedback.implemented": _("Uwaga wdrożona w opublikowanej wersji katalogu"),
    }
)
