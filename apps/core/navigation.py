"""The main navigation. Each entry says who sees it; later apps add their entries here."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apps.accounts.roles import Roles


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    visible: Callable[[Roles], bool]
    # URL prefixes that mark this entry as the current page.
    section: str = ""


def _everyone(roles: Roles) -> bool:
    return True


def _signed_in(roles: Roles) -> bool:
    return roles.is_authenticated


def _organiser_or_coordinator(roles: Roles) -> bool:
    return roles.is_organiser_staff or roles.is_coordinator


def _works_with_plans(roles: Roles) -> bool:
    # Team members reach their HDR from their karta JST; these roles see HDRs of many JSTs.
    return roles.is_advisor or roles.is_organiser_staff or roles.is_coordinator


def _catalogue_manager(roles: Roles) -> bool:
    return roles.is_coordinator or roles.is_platform_admin


ITEMS: list[NavItem] = [
    NavItem(_("Strona główna"), "core:home", _everyone),
    NavItem(_("Model doradztwa"), "catalog:public", _everyone),
    NavItem(_("Edycje"), "editions:public_list", _everyone, "/edycje/"),
    NavItem(_("Nabory"), "recruitment:call_list", _everyone, "/nabory/"),
    NavItem(_("Rejestr JST"), "territory:register", _everyone, "/rejestr-jst/"),
    NavItem(_("Mój panel"), "core:dashboard", _signed_in, "/panel/"),
    NavItem(_("Karty JST"), "engagements:mine", _signed_in, "/karty-jst/"),
    NavItem(_("HDR"), "plans:list", _works_with_plans, "/hdr/"),
    NavItem(_("Organizatorzy"), "accounts:organisation_list", _organiser_or_coordinator, "/organizatorzy/"),
    NavItem(_("Edycje organizatora"), "editions:manage_list", _organiser_or_coordinator, "/organizator/edycje/"),
    NavItem(_("Katalog modelu"), "catalog:version_list", _catalogue_manager, "/model/wersje/"),
    NavItem(_("Moje konto"), "accounts:profile", _signed_in, "/konto/"),
]


def items_for(roles: Roles, current_path: str) -> list[dict]:
    result = []
    for item in ITEMS:
        if not item.visible(roles):
            continue
        url = reverse(item.url_name)
        current = current_path == url or bool(item.section and current_path.startswith(item.section))
        result.append({"label": item.label, "url": url, "current": current})
    return result
