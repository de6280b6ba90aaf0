"""How the editions services' actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "edition.created": _("Utworzono edycję"),
        "edition.updated": _("Zmieniono ustawienia edycji"),
        "edition.published": _("Opublikowano edycję"),
        "edition.copied": _("Utworzono edycję jako kopię"),
        "edition.event_created": _("Dodano wydarzenie do harmonogramu"),
        "edition.event_updated": _("Zmieniono wydarzenie"),
        "edition.event_deleted": _("Usunięto wydarzenie"),
    }
)
