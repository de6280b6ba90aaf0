"""How the open space services' actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "openspace.created": _("Przygotowano otwartą przestrzeń"),
        "openspace.settings_changed": _("Zmieniono liczbę głosów w otwartej przestrzeni"),
        "openspace.phase_changed": _("Zmieniono etap otwartej przestrzeni"),
        "openspace.topic_proposed": _("Zgłoszono temat na targowisko tematów"),
        "openspace.topic_edited": _("Zmieniono brzmienie tematu"),
        "openspace.topics_merged": _("Scalono powtarzające się tematy"),
        "openspace.voted": _("Oddano głos na temat"),
        "openspace.vote_withdrawn": _("Cofnięto głos na temat"),
        "openspace.vote_moved": _("Przeniesiono głos na inny temat"),
        "openspace.groups_formed": _("Utworzono grupy z wybranych tematów"),
        "openspace.group_updated": _("Zmieniono grupę (termin, sala, moderacja)"),
        "openspace.group_joined": _("Uczestnik wybrał grupę"),
        "openspace.group_left": _("Uczestnik wypisał się z grupy"),
        "openspace.conclusion_saved": _("Zapisano wnioski grupy"),
        "openspace.published": _("Opublikowano wnioski otwartej przestrzeni"),
        "openspace.sent_to_feedback": _("Przekazano wnioski do rejestru uwag do modelu"),
    }
)
