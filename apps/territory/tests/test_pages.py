"""The public register page, a JST's page, and their query counts."""

import pytest
from django.urls import reverse

from apps.core.testing import assert_constant_queries
from apps.territory.factories import LocalGovernmentFactory, PowiatFactory, VoivodeshipFactory
from apps.territory.kinds import JstKind

pytestmark = pytest.mark.django_db
REGISTER = reverse("territory:register")


def rows(response):
    return list(response.context["page"].object_list)


def test_the_register_lists_jsts_in_teryt_order(client):
    powiat = LocalGovernmentFactory(kind=JstKind.POWIAT)
    gmina = LocalGovernmentFactory(powiat=powiat.powiat, voivodeship=powiat.voivodeship)
    response = client.get(REGISTER)
    assert response.status_code == 200
    assert rows(response) == [powiat, gmina]
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert "Liczba wyników: 2" in html
    assert f'href="{reverse("territory:detail", args=[gmina.teryt])}"' in html
    assert "<td>gmina wiejska</td>" in html


def test_filters_by_voivodeship_kind_and_text(client):
    dolnoslaskie = VoivodeshipFactory(code="02")
    opolskie = VoivodeshipFactory(code="16")
    here = LocalGovernmentFactory(voivodeship=dolnoslaskie, name="Bolesławiec")
    LocalGovernmentFactory(voivodeship=opolskie, name="Bolesławice")
    LocalGovernmentFactory(voivodeship=dolnoslaskie, kind=JstKind.POWIAT)
    assert rows(client.get(REGISTER, {"voivodeship": "02", "kind": JstKind.RURAL_GMINA})) == [here]
    assert rows(client.get(REGISTER, {"q": "boleslawiec"})) == [here]
    assert len(rows(client.get(REGISTER, {"q": "bolesław"}))) == 2


def test_empty_state(client):
    LocalGovernmentFactory()
    response = client.get(REGISTER, {"q": "nie ma takiej"})
    assert "Liczba wyników: 0" in response.content.decode()
    assert "Żadna JST nie spełnia tych warunków" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"voivodeship": "99"},
        {"voivodeship": "<script>"},
        {"kind": "metropolia"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"q": "%_\\'\""},
        {"q": "x" * 500},
    ],
)
def test_bad_filter_input_never_fails(client, params):
    LocalGovernmentFactory()
    response = client.get(REGISTER, params)
    assert response.status_code == 200


def test_an_unknown_voivodeship_is_reported_and_not_applied(client):
    LocalGovernmentFactory()
    response = client.get(REGISTER, {"voivodeship": "99"})
    html = response.content.decode()
    assert "Nie ma takiego województwa; pokazujemy wszystkie." in html
    assert 'class="error-summary"' in html
    assert len(rows(response)) == 1


def test_fifty_per_page_and_pages_beyond_the_last_show_the_last(client):
    powiat = PowiatFactory()
    for _ in range(51):
        LocalGovernmentFactory(powiat=powiat, voivodeship=powiat.voivodeship)
    first = client.get(REGISTER)
    assert len(rows(first)) == 50
    assert "Strona 1 z 2" in first.content.decode()
    assert 'rel="next"' in first.content.decode()
    assert len(rows(client.get(REGISTER, {"page": "2"}))) == 1
    assert client.get(REGISTER, {"page": "99999"}).context["page"].number == 2
    assert client.get(REGISTER, {"page": "abc"}).context["page"].number == 1


def test_pagination_keeps_the_filters(client):
    voivodeship = VoivodeshipFactory(code="02")
    powiat = PowiatFactory(voivodeship=voivodeship)
    for _ in range(51):
        LocalGovernmentFactory(powiat=powiat, voivodeship=voivodeship)
    html = client.get(REGISTER, {"voivodeship": "02"}).content.decode()
    assert "?voivodeship=02&amp;page=2" in html


def test_the_register_page_query_count_does_not_grow(client):
    powiat = PowiatFactory()
    assert_constant_queries(
        build=lambda n: [LocalGovernmentFactory(powiat=powiat, voivodeship=powiat.voivodeship) for _ in range(n)],
        request=lambda: client.get(REGISTER, {"q": "testowo", "voivodeship": powiat.voivodeship.code}),
        many=40,
    )


def test_the_register_page_is_in_the_navigation(client):
    html = client.get(REGISTER).content.decode()
    assert f'<a href="{REGISTER}" aria-current="page">Rejestr JST</a>' in html


class TestDetail:
    def test_shows_the_jst(self, client):
        gmina = LocalGovernmentFactory(name="Gromadka")
        powiat_jst = LocalGovernmentFactory(kind=JstKind.POWIAT, powiat=gmina.powiat, voivodeship=gmina.voivodeship)
        response = client.get(reverse("territory:detail", args=[gmina.teryt]))
        html = response.content.decode()
        assert "<h1>Gmina Gromadka (gmina wiejska)</h1>" in html
        assert gmina.teryt in html
        assert "gminy wiejskie" in html  # the default workshop group
        assert f'href="{reverse("territory:detail", args=[powiat_jst.teryt])}"' in html

    def test_a_powiat_lists_its_gminy_in_constant_queries(self, client):
        powiat_jst = LocalGovernmentFactory(kind=JstKind.POWIAT)
        url = reverse("territory:detail", args=[powiat_jst.teryt])
        assert_constant_queries(
            build=lambda n: [
                LocalGovernmentFactory(powiat=powiat_jst.powiat, voivodeship=powiat_jst.voivodeship) for _ in range(n)
            ],
            request=lambda: client.get(url),
        )
        assert "Gminy w powiecie" in client.get(url).content.decode()

    def test_an_inactive_jst_still_has_its_page(self, client):
        gone = LocalGovernmentFactory(is_active=False)
        response = client.get(reverse("territory:detail", args=[gone.teryt]))
        assert response.status_code == 200
        assert "Tej jednostki nie ma w rejestrze TERYT" in response.content.decode()
        assert gone not in rows(client.get(REGISTER))

    def test_unknown_codes_answer_404(self, client):
        assert client.get(reverse("territory:detail", args=["0299012"])).status_code == 404
        assert client.get("/rejestr-jst/12345/").status_code == 404
        assert client.get("/rejestr-jst/abc/").status_code == 404
