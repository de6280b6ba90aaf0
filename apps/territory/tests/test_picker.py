"""The JST picker: a form field that works without JavaScript, and the suggestions its script asks for."""

import pytest
from django import forms
from django.urls import reverse

from apps.territory.factories import LocalGovernmentFactory
from apps.territory.forms import LocalGovernmentField
from apps.territory.kinds import JstKind

pytestmark = pytest.mark.django_db


class ChooseForm(forms.Form):
    jst = LocalGovernmentField(label="JST")


class ChooseGminaForm(forms.Form):
    jst = LocalGovernmentField(label="Gmina", kinds=[JstKind.RURAL_GMINA, JstKind.URBAN_RURAL_GMINA])


@pytest.fixture
def boleslawiec():
    return {
        "rural": LocalGovernmentFactory(name="Bolesławiec", kind=JstKind.RURAL_GMINA),
        "urban": LocalGovernmentFactory(name="Bolesławiec", kind=JstKind.URBAN_GMINA),
        "other": LocalGovernmentFactory(name="Gromadka"),
    }


class TestField:
    def test_the_display_name_chosen_from_suggestions(self, boleslawiec):
        form = ChooseForm({"jst": "Miasto Bolesławiec"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["jst"] == boleslawiec["urban"]

    def test_a_teryt_code_or_a_query_with_one_match(self, boleslawiec):
        assert ChooseForm({"jst": boleslawiec["rural"].teryt}).is_valid()
        form = ChooseForm({"jst": " gromadka "})
        assert form.is_valid()
        assert form.cleaned_data["jst"] == boleslawiec["other"]

    def test_an_ambiguous_entry_keeps_the_text_and_offers_the_matches(self, boleslawiec):
        form = ChooseForm({"jst": "boleslawiec"})
        assert not form.is_valid()
        assert "pasuje kilka JST" in form.errors["jst"][0]
        html = str(form["jst"])
        assert 'value="boleslawiec"' in html
        for jst in (boleslawiec["rural"], boleslawiec["urban"]):
            assert f'name="jst_wybor" value="{jst.teryt}"' in html
        assert boleslawiec["other"].teryt not in html

    def test_the_offered_choice_is_taken(self, boleslawiec):
        form = ChooseForm({"jst": "boleslawiec", "jst_wybor": boleslawiec["rural"].teryt})
        assert form.is_valid()
        assert form.cleaned_data["jst"] == boleslawiec["rural"]

    def test_nothing_found_and_nothing_typed(self, boleslawiec):
        form = ChooseForm({"jst": "Atlantyda"})
        assert not form.is_valid()
        assert form.errors["jst"] == [
            "Nie znaleziono JST „Atlantyda”. Wpisz nazwę (np. Bolesławiec) lub kod TERYT i wybierz z podpowiedzi."
        ]
        assert 'name="jst_wybor"' not in str(form["jst"])
        assert ChooseForm({"jst": "  "}).errors["jst"] == ["To pole jest wymagane."]

    def test_inactive_jsts_cannot_be_chosen(self):
        gone = LocalGovernmentFactory(is_active=False)
        assert not ChooseForm({"jst": gone.teryt}).is_valid()

    def test_kinds_restrict_the_choice_and_the_suggestions(self, boleslawiec):
        assert not ChooseGminaForm({"jst": "Miasto Bolesławiec"}).is_valid()
        form = ChooseGminaForm({"jst": "boleslawiec"})
        assert form.is_valid()  # the only rural or urban-rural Bolesławiec
        assert form.cleaned_data["jst"] == boleslawiec["rural"]
        html = str(ChooseGminaForm()["jst"])
        assert 'data-suggestions-url="/rejestr-jst/podpowiedzi/?kind=rural_gmina&amp;kind=urban_rural_gmina"' in html

    def test_an_initial_jst_is_shown_by_its_display_name(self, boleslawiec):
        assert 'value="Miasto Bolesławiec"' in str(ChooseForm(initial={"jst": boleslawiec["urban"]})["jst"])
        assert 'value="Miasto Bolesławiec"' in str(ChooseForm(initial={"jst": boleslawiec["urban"].pk})["jst"])

    def test_renders_a_plain_labelled_input_that_the_script_enhances(self):
        html = str(ChooseForm()["jst"])
        assert 'type="text"' in html and 'id="id_jst"' in html and "data-jst-picker" in html
        # ARIA combobox roles are added by the script: without it this is an ordinary text field.
        assert 'role="combobox"' not in html
        assert "js/jst-picker.js" in html


class TestSuggestions:
    URL = reverse("territory:suggestions")

    def test_a_fragment_of_options(self, client, boleslawiec):
        response = client.get(self.URL, {"q": "bolesl"})
        html = response.content.decode()
        assert response.status_code == 200
        assert html.count('role="option"') == 2
        assert 'data-value="Miasto Bolesławiec"' in html
        assert "<html" not in html

    def test_kind_limits_and_unknown_kinds_are_ignored(self, client, boleslawiec):
        html = client.get(self.URL, {"q": "bolesl", "kind": "urban_gmina"}).content.decode()
        assert html.count('role="option"') == 1
        html = client.get(self.URL, {"q": "bolesl", "kind": "nonsense"}).content.decode()
        assert html.count('role="option"') == 2

    def test_short_queries_get_nothing(self, client, boleslawiec):
        assert 'role="option"' not in client.get(self.URL, {"q": "b"}).content.decode()
        assert 'role="option"' not in client.get(self.URL).content.decode()

    def test_names_are_escaped(self, client):
        LocalGovernmentFactory(name='<img src=x onerror="alert(1)">')
        html = client.get(self.URL, {"q": "img src"}).content.decode()
        assert "<img" not in html
        assert "&lt;img" in html

    def test_one_query_however_many_match(self, client, django_assert_num_queries):
        for _ in range(15):
            LocalGovernmentFactory()
        with django_assert_num_queries(1):
            html = client.get(self.URL, {"q": "testowo"}).content.decode()
        assert html.count('role="option"') == 15


class TestFindPage:
    URL = reverse("territory:find")

    def test_goes_to_the_jst(self, client, boleslawiec):
        response = client.get(self.URL, {"jst": boleslawiec["other"].teryt})
        assert response.status_code == 302
        assert response["Location"] == reverse("territory:detail", args=[boleslawiec["other"].teryt])

    def test_ambiguous_shows_the_choices_then_goes_to_the_chosen(self, client, boleslawiec):
        response = client.get(self.URL, {"jst": "boleslawiec"})
        assert response.status_code == 200
        assert 'name="jst_wybor"' in response.content.decode()
        response = client.get(self.URL, {"jst": "boleslawiec", "jst_wybor": boleslawiec["urban"].teryt})
        assert response["Location"] == reverse("territory:detail", args=[boleslawiec["urban"].teryt])

    def test_without_a_query_shows_the_empty_form(self, client):
        response = client.get(self.URL)
        assert response.status_code == 200
        assert "error-summary" not in response.content.decode()
