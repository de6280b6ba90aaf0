"""Polish public holidays (dni ustawowo wolne od pracy, ustawa z 18 stycznia 1951 r.)."""

import datetime
from functools import lru_cache

from dateutil.easter import easter
from django.utils.translation import gettext_lazy as _


@lru_cache(maxsize=64)
def polish_public_holidays(year: int) -> dict[datetime.date, str]:
    """Each statutory day off of ``year`` with its name (Christmas Eve from 2025)."""
    d = datetime.date
    sunday = easter(year)
    days = {
        d(year, 1, 1): _("Nowy Rok"),
        d(year, 1, 6): _("Święto Trzech Króli"),
        sunday: _("Wielkanoc"),
        sunday + datetime.timedelta(days=1): _("Poniedziałek Wielkanocny"),
        d(year, 5, 1): _("Święto Pracy"),
        d(year, 5, 3): _("Święto Konstytucji 3 Maja"),
        sunday + datetime.timedelta(days=49): _("Zielone Świątki"),
        sunday + datetime.timedelta(days=60): _("Boże Ciało"),
        d(year, 8, 15): _("Wniebowzięcie Najświętszej Maryi Panny"),
        d(year, 11, 1): _("Wszystkich Świętych"),
        d(year, 11, 11): _("Narodowe Święto Niepodległości"),
        d(year, 12, 25): _("Boże Narodzenie (pierwszy dzień)"),
        d(year, 12, 26): _("Boże Narodzenie (drugi dzień)"),
    }
    if year >= 2025:
        days[d(year, 12, 24)] = _("Wigilia Bożego Narodzenia")
    return dict(sorted(days.items()))


def holidays_between(start: datetime.date, end: datetime.date) -> list[tuple[datetime.date, str]]:
    found = []
    for year in range(start.year, end.year + 1):
        found += [(day, name) for day, name in polish_public_holidays(year).items() if start <= day <= end]
    return found
