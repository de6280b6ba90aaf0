"""How the programme library's actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "programmes.created": _("Dodano program szkoleniowo-doradczy"),
        "programmes.updated": _("Zmieniono program szkoleniowo-doradczy"),
        "programmes.published": _("Opublikowano program szkoleniowo-doradczy"),
        "programmes.withdrawn": _("Wycofano publikację programu"),
        "programmes.scenario_added": _("Dodano scenariusz zajęć"),
        "programmes.scenario_updated": _("Zmieniono scenariusz zajęć"),
        "programmes.scenario_deleted": _("Usunięto scenariusz zajęć"),
        "programmes.product_added": _("Dodano przykład produktu projektu UE"),
        "programmes.product_deleted": _("Usunięto przykład produktu projektu UE"),
    }
)
