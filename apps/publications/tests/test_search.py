"""The knowledge base's search: Polish lemmas without diacritics at index and query time, relevance, highlighting
escaped, the query count independent of the number of documents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.core.testing import assert_constant_queries
from apps.engagements.factories import EngagementFactory
from apps.publications import search, selectors
from apps.publications.factories import publication
from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import JstKind


def test_inflected_forms_share_a_lemma():
    assert search.lemma("szkoła") == search.lemma("szkoły") == search.lemma("szkołach") == "szkola"


def test_a_word_typed_without_diacritics_finds_its_lemma():
    assert "szkola" in search.query_lemmas("szkolach")
    assert "oswiata" in search.query_lemmas("oswiaty")


def test_index_keeps_one_lemma_per_word():
    indexed = search.index_text("Szkoły w gminie, 12 oddziałów_przedszkolnych!")
    assert len(indexed.lemmas.split()) == len(search.words_of(indexed.plain))
    assert " szkola " in indexed.lemmas


def test_highlight_escapes_everything_and_marks_every_form():
    indexed = search.index_text('Nowe <script>alert("x")</script> szkoły; w szkołach & przedszkolach.')
    html = search.highlight(indexed.plain, indexed.lemmas, search.parse_query("szkolach"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>szkoły</mark>" in html and "<mark>szkołach</mark>" in html
    assert "&amp;" in html


@pytest.mark.django_db
def test_search_matches_inflected_undiacritised_words_and_ranks_by_relevance():
    engagement = EngagementFactory()
    once = publication(engagement=engagement, text="Remont jednej szkoły podstawowej.", title="Raz")
    twice = publication(
        engagement=EngagementFactory(), text="W szkołach gminy i w każdej szkole: szkoła to centrum.", title="Dwa"
    )
    publication(engagement=EngagementFactory(), text="Budżet oświaty i dowozy uczniów.", title="Inne")
    found, _ = selectors.search_publications(selectors.Filters(q="szkolach"))
    assert [p.title for p in found] == ["Dwa", "Raz"]
    assert twice.pk != once.pk
    found, _ = selectors.search_publications(selectors.Filters(q="szkoly budzet"))
    assert list(found) == []  # every word must match


@pytest.mark.django_db
def test_search_combines_with_filters():
    powiat = LocalGovernmentFactory(kind=JstKind.POWIAT)
    publication(engagement=EngagementFactory(local_government=powiat), text="Szkoły zawodowe powiatu.", title="P")
    publication(engagement=EngagementFactory(), text="Szkoły gminy.", title="G")
    found, _ = selectors.search_publications(selectors.Filters(q="szkoła", jst_kind=JstKind.POWIAT))
    assert [p.title for p in found] == ["P"]


@pytest.mark.django_db
def test_search_page_shows_highlighted_escaped_snippets(client):
    publication(engagement=EngagementFactory(), text="Dyrektorzy <b>szkół</b> planują wspólnie.", title="Szkoły")
    response = client.get(reverse("publications:public_index"), {"q": "szkola"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<mark>szkół</mark>" in body
    assert "&lt;b&gt;" in body


@pytest.mark.django_db
def test_search_page_query_count_does_not_grow(client):
    def build(n):
        for i in range(n):
            publication(
                engagement=EngagementFactory(),
                text=f"Szkoły i przedszkola numer {i}; wsparcie uczniów zdolnych.",
                areas=("Zarządzanie oświatą", f"Obszar {i % 3}"),
                solutions=(f"Rozwiązanie {i % 4}",),
            )

    url = reverse("publications:public_index")
    assert_constant_queries(build=build, request=lambda: client.get(url, {"q": "szkolach uczniowie"}), many=30)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) < 15
