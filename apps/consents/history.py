"""How the consents services' actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "clause.published": _("Opublikowano nową wersję klauzuli informacyjnej"),
        "personal_consent.given": _("Udzielono zgody"),
        "personal_consent.withdrawn": _("Wycofano zgodę"),
    }
)
