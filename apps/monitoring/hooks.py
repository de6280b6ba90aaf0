"""Where monitoring shows elsewhere: the menu entry for the staff who handle it, and a card on a participant's
dashboard while their monitoring data for an EU-funded edition are not given yet (the link to enter them)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.dashboard import dashboard_card
from apps.core.navigation import menu_item

from .selectors import own_places

menu_item(
    "monitoring:index", gettext_lazy("Monitorowanie UE"), order=95, rule="monitoring.any", section="/monitorowanie/"
)


@dashboard_card("monitoring.own_data", rule="site.signed_in", order=18)
def own_data_cards(user) -> list[dict]:
    missing = [place for place in own_places(user) if not hasattr(place, "monitoring_data")]
    if not missing:
        return []
    return [
        {
            "title": _("Dane do monitorowania projektu UE"),
            "text": _(
                "Edycja, w której uczestniczysz, jest finansowana ze środków Unii Europejskiej. Podaj dane, które "
                "organizator przekazuje do systemu SM EFS."
            ),
            "url": reverse("monitoring:my_data"),
        }
    ]
