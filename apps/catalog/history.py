"""How the catalogue services' actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "catalog.initial_loaded": _("Wczytano wyjściową wersję katalogu"),
        "catalog.draft_created": _("Utworzono wersję roboczą katalogu"),
        "catalog.version_updated": _("Zmieniono opis wersji katalogu"),
        "catalog.version_published": _("Opublikowano wersję katalogu"),
        "catalog.area_created": _("Dodano obszar"),
        "catalog.area_updated": _("Zmieniono obszar"),
        "catalog.area_deleted": _("Usunięto obszar"),
        "catalog.solution_created": _("Dodano rozwiązanie zarządcze"),
        "catalog.solution_updated": _("Zmieniono rozwiązanie zarządcze"),
        "catalog.solution_deleted": _("Usunięto rozwiązanie zarządcze"),
    }
)
