"""How the engagement services' actions read in the audit history."""

from django.utils.translation import gettext_lazy as _

from apps.audit.actions import describe

describe(
    {
        "engagement.created": _("Utworzono kartę JST"),
        "engagement.advisor_assigned": _("Zmieniono parę doradców"),
        "engagement.advisor_profile_changed": _("Zmieniono rolę lub województwo doradcy (do doboru par)"),
        "engagement.stage_changed": _("Zmieniono etap"),
        "engagement.withdrawn": _("Wycofano JST z doradztwa"),
        "engagement.area_chosen": _("Wybrano obszar"),
        "engagement.area_confirmed": _("Potwierdzono obszar"),
        "team.member_added": _("Dodano osobę do zespołu"),
        "team.member_left": _("Osoba odeszła z zespołu"),
        "team.member_replaced": _("Zastąpiono osobę w zespole"),
        "team.leader_changed": _("Zmieniono lidera zespołu"),
        "team.invitation_resent": _("Ponowiono zaproszenie do zespołu"),
        "diagnosis.saved": _("Zapisano diagnozę potrzeb"),
        "diagnosis.figure_added": _("Dodano dane o lokalnej oświacie"),
        "diagnosis.figure_removed": _("Usunięto dane o lokalnej oświacie"),
        "diagnosis.school_view_added": _("Dodano spojrzenie na szkołę"),
        "diagnosis.school_view_changed": _("Zmieniono spojrzenie na szkołę"),
        "diagnosis.school_view_removed": _("Usunięto spojrzenie na szkołę"),
        "priority.added": _("Dodano kandydata na priorytet"),
        "priority.changed": _("Zmieniono priorytet"),
        "priority.removed": _("Usunięto priorytet"),
        "priority.selected": _("Wybrano priorytety rozwojowe"),
    }
)
