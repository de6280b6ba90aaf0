"""Editions in the site shell: the public list for everyone, the organiser's editions for staff and coordinator."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.dashboard import dashboard_card
from apps.core.navigation import menu_item
from apps.core.permissions import can

menu_item("editions:public_list", gettext_lazy("Edycje"), order=30, section="/edycje/")
menu_item(
    "editions:manage_list",
    gettext_lazy("Edycje organizatora"),
    order=100,
    rule="edition.list",
    section="/organizator/edycje/",
)


@dashboard_card("editions.manage", rule="edition.list", order=70)
def editions_card(user) -> list[dict]:
    return [
        {
            "title": _("Edycje organizatora"),
            "text": _("Twoje edycje modelu: ustawienia, harmonogram, nabór i publikacja.")
            if can(user, "edition.create")
            else _("Edycje wszystkich organizatorów (tylko do odczytu)."),
            "url": reverse("editions:manage_list"),
        }
    ]
