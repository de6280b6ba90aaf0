"""Names of JSTs: unambiguous display names and the folded form used for search.

Display names are official-style Polish names stored in the database (like the register's own names), not UI
strings, so they do not go through gettext.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .kinds import JstKind

# "ł" is a letter of its own in Unicode, not "l" with a combining mark, so NFKD alone does not fold it.
_SEPARATE_LETTERS = str.maketrans({"ł": "l", "Ł": "L"})
_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase ASCII words: "Kędzierzyn-Koźle" → "kedzierzyn kozle"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SEPARATE_LETTERS))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", stripped.lower()).split())


_PREFIX = {
    JstKind.URBAN_GMINA: "Miasto",
    JstKind.CITY_WITH_POWIAT_RIGHTS: "Miasto",
    JstKind.URBAN_RURAL_GMINA: "Gmina",
    JstKind.RURAL_GMINA: "Gmina",
    JstKind.POWIAT: "Powiat",
    JstKind.VOIVODESHIP: "Województwo",
}
# An urban gmina is simply "Miasto X"; every other gmina-level kind says what it is, so that the urban and
# the rural gmina of the same name (Bolesławiec) never read alike.
_KIND_QUALIFIER = {
    JstKind.CITY_WITH_POWIAT_RIGHTS: "miasto na prawach powiatu",
    JstKind.URBAN_RURAL_GMINA: "gmina miejsko-wiejska",
    JstKind.RURAL_GMINA: "gmina wiejska",
}


@dataclass(frozen=True)
class NameParts:
    kind: str
    name: str
    teryt: str
    powiat_name: str = ""
    voivodeship_name: str = ""


def display_name(parts: NameParts, precision: int = 0) -> str:
    """The display name; ``precision`` adds that many place qualifiers (powiat, voivodeship, TERYT code)."""
    qualifiers = [_KIND_QUALIFIER[parts.kind]] if parts.kind in _KIND_QUALIFIER else []
    places = []
    if parts.kind in (JstKind.URBAN_GMINA, JstKind.URBAN_RURAL_GMINA, JstKind.RURAL_GMINA):
        places.append(f"powiat {parts.powiat_name}")
    if parts.kind != JstKind.VOIVODESHIP:
        places.append(f"województwo {parts.voivodeship_name}")
    places.append(f"TERYT {parts.teryt}")
    qualifiers += places[:precision]
    label = f"{_PREFIX[parts.kind]} {parts.name}"
    return f"{label} ({', '.join(qualifiers)})" if qualifiers else label


def unique_display_names(units: Iterable[NameParts], taken: Iterable[str] = ()) -> dict[str, str]:
    """Display names by TERYT code, unique among ``units`` and ``taken`` names: only names that clash get a
    place qualifier.

    "Gmina Dobra (gmina wiejska)" exists in three powiats, so each becomes "Gmina Dobra (gmina wiejska, powiat
    łobeski)" and so on; the last qualifier is the TERYT code, which is unique, so this always ends.
    """
    units = list(units)
    taken = {name.casefold() for name in taken}
    precision = dict.fromkeys((unit.teryt for unit in units), 0)
    while True:
        by_name = defaultdict(list)
        for unit in units:
            by_name[display_name(unit, precision[unit.teryt]).casefold()].append(unit)
        clashes = [group for name, group in by_name.items() if len(group) > 1 or name in taken]
        if not clashes:
            return {unit.teryt: display_name(unit, precision[unit.teryt]) for unit in units}
        for group in clashes:
            for unit in group:
                precision[unit.teryt] += 1


def search_text(display: str, kind_label: str, voivodeship_name: str) -> str:
    """What a search term may match: the display name, the kind and the voivodeship, folded."""
    return fold(f"{display} {kind_label} {voivodeship_name}")
