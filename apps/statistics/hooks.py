"""How the statistics appear in the site shell: the national view in the menu (staff, coordinator), the public
open data in the menu, the edition overview's link to its dashboard, and the daily refresh of the snapshots."""

from datetime import time

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.navigation import menu_item
from apps.core.permissions import can
from apps.editions.overview import OVERVIEW_SECTIONS, OverviewSection
from apps.scheduling.jobs import Daily, scheduled_job

from .services import refresh_figures

menu_item("statistics:open_data", gettext_lazy("Otwarte dane"), order=38, section="/otwarte-dane/")
menu_item(
    "statistics:national",
    gettext_lazy("Statystyki"),
    order=105,
    rule="statistics.national",
    section="/organizator/statystyki/",
)


@OVERVIEW_SECTIONS.register("statistics.dashboard", order=5)
def dashboard_section(edition, user):
    if not can(user, "statistics.edition", edition):
        return None
    return OverviewSection(heading=_("Co wymaga uwagi i statystyki"), template="statistics/_edition_section.html")


def _describe(result) -> str:
    return _("Przeliczono edycji: %(n)s.") % {"n": (result or {}).get("editions", 0)}


@scheduled_job(
    "statistics.refresh_figures",
    schedule=Daily(at=time(3, 30)),
    label=gettext_lazy("Przeliczenie statystyk edycji"),
    describe=_describe,
    order=90,
)
def refresh_figures_job(*, slot):
    return {"editions": refresh_figures()}
