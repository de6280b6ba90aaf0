"""The cards of ``core:dashboard`` ("Mój panel"), filled by registrations from each app's ``hooks.py``.

A registration names the permission rule (no object) that decides who gets its cards and a function that builds
them for that user: a list of ``{"title", "text", "url"}`` (empty when there is nothing to show). The order is
explicit and spans the apps: the engagement first (10–30, what team members and advisors came for), then the
recruitment (40–50), the organisers (60), the organiser's editions (70), the catalogue (80), the Django admin
(90), the account (100)::

    @dashboard_card("catalog.versions", rule="catalog.manage", order=80)
    def catalogue_card(user):
        return [{"title": _("Katalog modelu"), "text": …, "url": reverse("catalog:version_list")}]
"""

from collections.abc import Callable
from dataclasses import dataclass

from .permissions import can
from .registry import Registry

CardBuilder = Callable[[object], list[dict]]


@dataclass(frozen=True)
class DashboardCards:
    rule: str
    build: CardBuilder


CARDS: Registry[DashboardCards] = Registry("dashboard card")


def dashboard_card(key: str, *, rule: str, order: int) -> Callable[[CardBuilder], CardBuilder]:
    def register(fn: CardBuilder) -> CardBuilder:
        CARDS.register(key, DashboardCards(rule=rule, build=fn), order=order)
        return fn

    return register


def cards_for(user) -> list[dict]:
    """What the signed-in person can do next: every registration whose rule lets them see it, in order."""
    cards: list[dict] = []
    for entry in CARDS:
        if can(user, entry.rule):
            cards += entry.build(user)
    return cards
