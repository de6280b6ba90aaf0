"""Display names tell JSTs apart; the folded form makes diacritics optional in search."""

from collections import Counter

import pytest

from apps.territory.kinds import JstKind
from apps.territory.models import LocalGovernment
from apps.territory.names import NameParts, fold, unique_display_names


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Bolesławiec", "boleslawiec"),
        ("ŁÓDŹ", "lodz"),
        ("Kędzierzyn-Koźle", "kedzierzyn kozle"),
        ("Żółć  gęślą", "zolc gesla"),
        ("Świnoujście", "swinoujscie"),
        ("  Ńąć  ", "nac"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_only_clashing_names_get_a_place():
    names = unique_display_names(
        [
            NameParts(JstKind.URBAN_GMINA, "Bolesławiec", "0201011", "bolesławiecki", "dolnośląskie"),
            NameParts(JstKind.RURAL_GMINA, "Bolesławiec", "0201022", "bolesławiecki", "dolnośląskie"),
            NameParts(JstKind.RURAL_GMINA, "Bolesławiec", "1018012", "wieruszowski", "łódzkie"),
            NameParts(JstKind.RURAL_GMINA, "Gromadka", "0201032", "bolesławiecki", "dolnośląskie"),
            NameParts(JstKind.POWIAT, "średzki", "0218", voivodeship_name="dolnośląskie"),
            NameParts(JstKind.POWIAT, "średzki", "3025", voivodeship_name="wielkopolskie"),
            NameParts(JstKind.CITY_WITH_POWIAT_RIGHTS, "Wrocław", "0264011", "Wrocław", "dolnośląskie"),
            NameParts(JstKind.VOIVODESHIP, "dolnośląskie", "02"),
        ]
    )
    assert names == {
        "0201011": "Miasto Bolesławiec",
        "0201022": "Gmina Bolesławiec (gmina wiejska, powiat bolesławiecki)",
        "1018012": "Gmina Bolesławiec (gmina wiejska, powiat wieruszowski)",
        "0201032": "Gmina Gromadka (gmina wiejska)",
        "0218": "Powiat średzki (województwo dolnośląskie)",
        "3025": "Powiat średzki (województwo wielkopolskie)",
        "0264011": "Miasto Wrocław (miasto na prawach powiatu)",
        "02": "Województwo dolnośląskie",
    }


def test_the_teryt_code_settles_what_places_cannot():
    twins = [NameParts(JstKind.RURAL_GMINA, "Nowa", code, "testowy", "opolskie") for code in ("1601012", "1601022")]
    assert unique_display_names(twins) == {
        "1601012": "Gmina Nowa (gmina wiejska, powiat testowy, województwo opolskie, TERYT 1601012)",
        "1601022": "Gmina Nowa (gmina wiejska, powiat testowy, województwo opolskie, TERYT 1601022)",
    }


def test_a_name_kept_by_an_inactive_unit_is_not_reused():
    parts = NameParts(JstKind.RURAL_GMINA, "Nowa", "1601012", "testowy", "opolskie")
    assert unique_display_names([parts], taken=["Gmina Nowa (gmina wiejska)"]) == {
        "1601012": "Gmina Nowa (gmina wiejska, powiat testowy)"
    }


def test_every_display_name_in_the_2020_register_is_unique(register):
    names = list(LocalGovernment.objects.values_list("display_name", flat=True))
    assert len(names) == 2807
    clashes = [name for name, count in Counter(name.casefold() for name in names).items() if count > 1]
    assert not clashes
    by_teryt = dict(LocalGovernment.objects.values_list("teryt", "display_name"))
    assert by_teryt["0201011"] == "Miasto Bolesławiec"
    assert by_teryt["0201"] == "Powiat bolesławiecki"
    assert by_teryt["0264011"] == "Miasto Wrocław (miasto na prawach powiatu)"
    assert by_teryt["02"] == "Województwo dolnośląskie"
