"""Search over the whole register: diacritics optional, best matches first, one query, well under 50 ms."""

import statistics
import time

import pytest
from django.urls import reverse

from apps.territory.kinds import JstKind
from apps.territory.selectors import resolve_local_government, search_local_governments


def names(results):
    return [jst.display_name for jst in results]


def test_diacritics_and_case_are_optional(register):
    for query in ["boleslawiec", "Bolesławiec", "BOLESŁAWIEC", "  bolesLAWiec "]:
        assert names(search_local_governments(query))[:3] == [
            "Gmina Bolesławiec (gmina wiejska, powiat bolesławiecki)",
            "Gmina Bolesławiec (gmina wiejska, powiat wieruszowski)",
            "Miasto Bolesławiec",
        ], query


def test_names_starting_with_the_query_come_before_other_matches(register):
    results = names(search_local_governments("boleslaw"))
    assert results.index("Powiat bolesławiecki") < results.index("Gmina Warta Bolesławiecka (gmina wiejska)")
    assert results[-1] == "Gmina Warta Bolesławiecka (gmina wiejska)"


def test_every_word_must_match_anywhere(register):
    assert names(search_local_governments("dobra lobeski")) == ["Gmina Dobra (gmina miejsko-wiejska, powiat łobeski)"]
    assert names(search_local_governments("kedzierzyn-kozle")) == ["Miasto Kędzierzyn-Koźle"]
    assert "Powiat kędzierzyńsko-kozielski" in names(search_local_governments("kozielski"))
    assert names(search_local_governments("wroclaw prawach")) == ["Miasto Wrocław (miasto na prawach powiatu)"]


def test_teryt_code_from_its_start(register):
    results = search_local_governments("0201")
    assert results[0].display_name == "Powiat bolesławiecki"
    assert {jst.teryt[:4] for jst in results} == {"0201"}
    assert names(search_local_governments("0264011")) == ["Miasto Wrocław (miasto na prawach powiatu)"]


def test_filters_by_kind_and_voivodeship(register):
    rural = search_local_governments("boleslawiec", kind=JstKind.RURAL_GMINA)
    assert names(rural) == [
        "Gmina Bolesławiec (gmina wiejska, powiat bolesławiecki)",
        "Gmina Bolesławiec (gmina wiejska, powiat wieruszowski)",
        "Gmina Warta Bolesławiecka (gmina wiejska)",
    ]
    assert names(search_local_governments("boleslawiec", kind=JstKind.RURAL_GMINA, voivodeship="10")) == [
        "Gmina Bolesławiec (gmina wiejska, powiat wieruszowski)"
    ]
    both = search_local_governments("boleslawiec", kind=[JstKind.URBAN_GMINA, JstKind.POWIAT])
    assert {jst.kind for jst in both} == {JstKind.URBAN_GMINA, JstKind.POWIAT}


def test_limit_and_nothing_for_an_empty_query(register):
    assert len(search_local_governments("gmina", limit=20)) == 20
    assert search_local_governments("") == []
    assert search_local_governments(" -- ") == []
    assert search_local_governments("zzzz") == []


def test_one_query(register, django_assert_num_queries):
    with django_assert_num_queries(1):
        results = search_local_governments("boleslawiec")
        # Everything a suggestion shows is already loaded.
        [(jst.voivodeship.name, jst.powiat and jst.powiat.name) for jst in results]


def test_typed_text_resolves_to_one_jst_or_offers_the_candidates(register):
    assert resolve_local_government("Miasto Bolesławiec")[0].teryt == "0201011"
    assert resolve_local_government("0201022")[0].teryt == "0201022"
    assert resolve_local_government("gromadka")[0].teryt == "0201032"
    jst, candidates = resolve_local_government("boleslawiec")
    assert jst is None
    assert len(candidates) == 5  # two rural gminy, the town, the powiat, Warta Bolesławiecka
    assert resolve_local_government("zzzz") == (None, [])


QUERIES = ["bol", "boleslawiec", "gmina", "warszawa", "zielona gora", "02", "3218", "dobra lobeski", "ka", "ow"]


def _median_ms(run, repeats=7):
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        for query in QUERIES:
            run(query)
        timings.append((time.perf_counter() - started) * 1000 / len(QUERIES))
    return statistics.median(timings)


@pytest.mark.parametrize("layer", ["selector", "endpoint"])
def test_a_query_over_the_whole_register_answers_well_under_50_ms(register, client, layer):
    url = reverse("territory:suggestions")
    if layer == "selector":
        run = search_local_governments
    else:

        def run(query):
            assert client.get(url, {"q": query}).status_code == 200

    run("warm up")
    median = _median_ms(run)
    print(f"\n{layer}: median {median:.1f} ms per query over the 2,807 JSTs")
    assert median < 50
