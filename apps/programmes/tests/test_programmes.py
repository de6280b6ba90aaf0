import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.catalog import services as catalog_services
from apps.core.testing import assert_constant_queries
from apps.documents.pdf import pdf_text
from apps.programmes import selectors, services
from apps.programmes.factories import EuProductFactory, ProgrammeFactory, ScenarioFactory, programme_with_scenarios
from apps.programmes.models import Audience, JstLevel, Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return MembershipFactory(role=Membership.Role.COORDINATOR).user


@pytest.fixture
def draft(coordinator):
    catalog_services.ensure_initial_catalog()
    return catalog_services.create_draft_version(by=coordinator)


def _values(**overrides):
    return {
        "audience": Audience.MANAGEMENT,
        "jst_level": JstLevel.POWIATY,
        "title": "Zarządzanie oświatą w powiecie",
        "summary": "Cel.",
        **overrides,
    }


def test_a_programme_with_two_scenarios_cannot_be_published(coordinator, draft):
    programme = services.create_programme(version=draft, by=coordinator, **_values())
    for i in (1, 2):
        services.add_scenario(programme=programme, by=coordinator, title=f"Zajęcia {i}", course="Przebieg.")
    with pytest.raises(ValidationError) as refused:
        services.publish_programme(programme=programme, by=coordinator)
    assert "za mało scenariuszy zajęć (2)" in refused.value.messages[0] and "co najmniej 3" in refused.value.messages[0]
    services.add_scenario(programme=programme, by=coordinator, title="Zajęcia 3", course="Przebieg.")
    assert services.publish_programme(programme=programme, by=coordinator).is_published
    assert [s.number for s in programme.scenarios.all()] == [1, 2, 3]


def test_a_published_programme_keeps_three_scenarios(coordinator, draft):
    programme = programme_with_scenarios(3, version=draft, is_published=True)
    with pytest.raises(ValidationError):
        services.delete_scenario(scenario=programme.scenarios.first(), by=coordinator)


def test_programmes_of_a_published_version_do_not_change(coordinator):
    version = catalog_services.ensure_initial_catalog()
    programme = ProgrammeFactory(version=version)
    with pytest.raises(ValidationError):
        services.update_programme(programme=programme, by=coordinator, title="Nowy")
    with pytest.raises(ValidationError):
        services.add_scenario(programme=programme, by=coordinator, title="X", course="Y")


def test_a_new_draft_copies_the_programmes_with_their_keys(coordinator):
    version = catalog_services.ensure_initial_catalog()
    programme = programme_with_scenarios(3, version=version, is_published=True)
    EuProductFactory(programme=programme)
    draft = catalog_services.create_draft_version(by=coordinator)
    copy = Programme.objects.get(version=draft)
    assert copy.key == programme.key and copy.pk != programme.pk and copy.is_published
    assert copy.scenarios.count() == 3 and copy.eu_products.count() == 1
    assert programme.scenarios.count() == 3  # the published version's rows stay


def test_the_same_audience_and_level_twice_is_refused(coordinator, draft):
    services.create_programme(version=draft, by=coordinator, **_values())
    with pytest.raises(ValidationError):
        services.create_programme(version=draft, by=coordinator, **_values(title="Inny"))


def test_public_pages_show_only_published_programmes_of_the_current_version(client):
    version = catalog_services.ensure_initial_catalog()
    shown = programme_with_scenarios(3, version=version, is_published=True, title="Program widoczny")
    hidden = ProgrammeFactory(version=version, jst_level=JstLevel.POWIATY, title="Program ukryty")
    page = client.get(reverse("programmes:list")).content.decode()
    assert "Program widoczny" in page and "Program ukryty" not in page
    assert client.get(reverse("programmes:detail", kwargs={"key": hidden.key})).status_code == 404
    detail = client.get(reverse("programmes:detail", kwargs={"key": shown.key})).content.decode()
    assert "part=programme%3A" in detail  # the "Uwaga do modelu" link names the programme
    scenario = shown.scenarios.first()
    url = reverse("programmes:scenario", kwargs={"key": shown.key, "number": scenario.number})
    assert scenario.title in client.get(url).content.decode()
    missing = reverse("programmes:scenario", kwargs={"key": shown.key, "number": 99})
    assert client.get(missing).status_code == 404


def test_the_pdf_holds_the_programme_and_its_scenarios(client):
    version = catalog_services.ensure_initial_catalog()
    programme = programme_with_scenarios(3, version=version, is_published=True, title="Program do druku")
    EuProductFactory(programme=programme, title="Raport z projektu PO KL")
    response = client.get(reverse("programmes:pdf", kwargs={"key": programme.key}))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Program do druku" in text and "Raport z projektu PO KL" in text
    assert all(s.title in text for s in programme.scenarios.all())


def test_scenario_choices_are_the_published_programmes_scenarios():
    version = catalog_services.ensure_initial_catalog()
    published = programme_with_scenarios(3, version=version, is_published=True)
    ScenarioFactory(programme=ProgrammeFactory(version=version, jst_level=JstLevel.POWIATY), number=1)
    assert {s.programme_id for s in selectors.scenario_choices(version)} == {published.pk}


def test_the_publish_button_shows_the_refusal(signed_in, coordinator, draft):
    programme = programme_with_scenarios(2, version=draft)
    client = signed_in(coordinator)
    url = reverse("programmes:publish", kwargs={"number": draft.number, "pk": programme.pk})
    page = client.post(url, follow=True).content.decode()
    assert "co najmniej 3" in page
    programme.refresh_from_db()
    assert not programme.is_published


def test_bad_input_on_the_programme_form_is_a_message_not_an_error(signed_in, coordinator, draft):
    client = signed_in(coordinator)
    url = reverse("programmes:create", kwargs={"number": draft.number})
    response = client.post(url, {"audience": "nobody", "title": ""})
    assert response.status_code == 200 and "error" in response.content.decode()


def test_the_list_and_a_programme_cost_the_same_for_more_rows(client):
    version = catalog_services.ensure_initial_catalog()
    combos = iter([(a, level) for a in Audience.values for level in JstLevel.values])

    def build(n):
        for _ in range(n):
            audience, level = next(combos)
            programme_with_scenarios(3, version=version, is_published=True, audience=audience, jst_level=level)

    assert_constant_queries(build=build, request=lambda: client.get(reverse("programmes:list")), few=1, many=6)


def test_a_person_without_the_catalogue_role_does_not_see_the_editor(client, draft):
    client.force_login(UserFactory())
    assert client.get(reverse("programmes:version_list", kwargs={"number": draft.number})).status_code == 404
