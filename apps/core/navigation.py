"""The main navigation, filled by registrations: each app adds its own entries from its ``hooks.py``.

An entry names the permission rule that decides who sees it (checked with ``can(user, rule)``, no object), so
"who may manage the catalogue" is said once, in the catalogue's ``rules.py``, and the menu follows it. The
order is explicit and spans the apps; today's entries use these slots, leaving room between them::

    10 home (core)         20 the model (catalog)   30 editions        40 calls (recruitment)
    50 JST register        60 my dashboard (core)   70 karty JST       80 HDR (plans)
    90 organisers          100 organiser's editions 110 catalogue      120 my account (accounts)
"""

from dataclasses import dataclass

from django.urls import reverse

from .permissions import can
from .registry import Registry


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    # The permission rule (no object) that decides who sees the entry; empty: everyone.
    rule: str = ""
    # URL prefix that marks this entry as the current page (besides its own URL).
    section: str = ""


MENU: Registry[MenuItem] = Registry("menu item")


def menu_item(url_name: str, label, *, order: int, rule: str = "", section: str = "") -> MenuItem:
    """Register a main-menu entry under its URL name."""
    return MENU.register(url_name, MenuItem(label=label, url_name=url_name, rule=rule, section=section), order=order)


def items_for(user, current_path: str) -> list[dict]:
    result = []
    for item in MENU:
        if item.rule and not can(user, item.rule):
            continue
        url = reverse(item.url_name)
        current = current_path == url or bool(item.section and current_path.startswith(item.section))
        result.append({"label": item.label, "url": url, "current": current})
    return result
