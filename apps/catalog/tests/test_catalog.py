import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.audit.models import AuditEntry
from apps.catalog import selectors, services
from apps.catalog.factories import AreaFactory, CatalogVersionFactory, ManagementSolutionFactory
from apps.catalog.models import Area, CatalogVersion, CycleStep, ManagementSolution, SummaryForm, SupportForm
from apps.core.testing import assert_constant_queries

pytestmark = pytest.mark.django_db

CONFIRMED_AREAS = [
    "Zarządzanie oświatą na poziomie organu prowadzącego",
    "Organizacja wsparcia uczniów szczególnie uzdolnionych",
    "Planowanie budżetowe",
    "Monitorowanie jakości usług edukacyjnych",
    "Analizowanie potrzeb i planowanie realizacji założonej wizji rozwoju lokalnego systemu oświaty",
    "Rola dyrektora i relacje z organem prowadzącym",
    "Udział rodziców w planowaniu, realizacji i ocenie usług edukacyjnych",
    "System wspomagania szkół – doskonalenie nauczycieli",
    "Gospodarowanie zasobami materialnymi systemu oświaty",
    "Organizacja wsparcia uczniów niepełnosprawnych oraz uczniów z trudnościami w nauce",
]


@pytest.fixture
def coordinator():
    return MembershipFactory(role=Membership.Role.COORDINATOR).user


def test_initial_catalogue_holds_the_confirmed_content_and_loads_once():
    version = services.ensure_initial_catalog()
    assert version.number == 1 and not version.is_draft and version.published_at
    assert list(version.areas.values_list("name", flat=True)) == CONFIRMED_AREAS
    assert all(area.solutions.exists() for area in version.areas.all())
    assert set(version.support_forms.values_list("code", flat=True)) == set(SupportForm.Code.values)
    assert list(version.cycle_steps.values_list("code", flat=True)) == list(CycleStep.Code.values)
    assert list(version.summary_forms.values_list("name", flat=True)) == [
        "Opis dobrej praktyki samorządowej",
        "Studium refleksji",
        "Minireportaż z wywiadem",
    ]
    counts = [m.objects.count() for m in (CatalogVersion, Area, ManagementSolution, SupportForm, CycleStep)]

    again = services.ensure_initial_catalog()
    call_command("load_catalog", stdout=io.StringIO())

    assert again == version
    assert [m.objects.count() for m in (CatalogVersion, Area, ManagementSolution, SupportForm, CycleStep)] == counts


def test_every_seeded_solution_says_where_it_comes_from():
    """Invented examples are marked "Przykład"; the rest name their source (the pilot or the model's programmes)."""
    services.ensure_initial_catalog()
    for solution in ManagementSolution.objects.all():
        assert solution.description.startswith("Przykład:") or any(
            marker in solution.description for marker in ("pilotaż", "programach", "ekspertów modelu")
        ), solution.name


def test_a_draft_copies_the_current_version_and_keeps_area_identity(coordinator):
    published = services.ensure_initial_catalog()
    draft = services.create_draft_version(by=coordinator)

    assert draft.is_draft and draft.number == 2 and draft.based_on == published
    assert list(draft.areas.values_list("name", "key")) == list(published.areas.values_list("name", "key"))
    assert draft.areas.first().pk != published.areas.first().pk
    assert ManagementSolution.objects.filter(area__version=draft).count() == (
        ManagementSolution.objects.filter(area__version=published).count()
    )
    assert SummaryForm.objects.filter(version=draft).count() == 3
    assert AuditEntry.objects.filter(action="catalog.draft_created", target_id=str(draft.pk)).exists()
    with pytest.raises(ValidationError, match="Wersja robocza już istnieje"):
        services.create_draft_version(by=coordinator)


def test_published_versions_refuse_every_change(coordinator):
    version = services.ensure_initial_catalog()
    area = version.areas.first()
    solution = area.solutions.first()
    attempts = [
        lambda: services.update_version(version=version, by=coordinator, label="x", notes=""),
        lambda: services.publish_version(version=version, by=coordinator),
        lambda: services.create_area(version=version, by=coordinator, name="Nowy obszar"),
        lambda: services.update_area(area=area, by=coordinator, name="Zmieniona nazwa"),
        lambda: services.delete_area(area=area, by=coordinator),
        lambda: services.create_solution(area=area, by=coordinator, name="Nowe rozwiązanie"),
        lambda: services.update_solution(solution=solution, by=coordinator, name="Zmienione"),
        lambda: services.delete_solution(solution=solution, by=coordinator),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="Opublikowanej wersji katalogu nie można zmieniać"):
            attempt()
    area.refresh_from_db()
    solution.refresh_from_db()
    assert area.name == CONFIRMED_AREAS[0] and solution.name != "Zmienione"
    assert version.areas.count() == 10


def test_draft_editing_is_recorded_and_publishing_makes_it_current(coordinator):
    services.ensure_initial_catalog()
    draft = services.create_draft_version(by=coordinator)
    area = draft.areas.get(name="Planowanie budżetowe")

    services.update_area(area=area, by=coordinator, name="Planowanie budżetu oświaty")
    new_area = services.create_area(version=draft, by=coordinator, name="Obszar jedenasty", order=11)
    services.create_solution(area=new_area, by=coordinator, name="Narzędzie", kind=ManagementSolution.Kind.TOOL)
    services.publish_version(version=draft, by=coordinator)

    assert selectors.current_version() == draft
    assert draft.areas.count() == 11  # nothing assumes a fixed number of areas
    actions = list(AuditEntry.objects.filter(target_id=str(draft.pk)).values_list("action", flat=True))
    assert {"catalog.area_updated", "catalog.area_created", "catalog.solution_created"} <= set(actions)
    renamed = AuditEntry.objects.get(action="catalog.area_updated")
    assert renamed.changes["name"] == ["Planowanie budżetowe", "Planowanie budżetu oświaty"]


def test_area_names_are_unique_within_a_version_whatever_the_case(coordinator):
    services.ensure_initial_catalog()
    draft = services.create_draft_version(by=coordinator)
    with pytest.raises(ValidationError) as error:
        services.create_area(version=draft, by=coordinator, name="planowanie BUDŻETOWE")
    assert "name" in error.value.message_dict


def test_an_empty_draft_cannot_be_published(coordinator):
    draft = services.create_draft_version(by=coordinator)
    with pytest.raises(ValidationError, match="co najmniej jeden obszar"):
        services.publish_version(version=draft, by=coordinator)


# Pages.


def test_public_catalogue_shows_the_current_published_version(client, coordinator):
    response = client.get(reverse("catalog:public"))
    assert "Katalog modelu nie został jeszcze opublikowany." in response.content.decode()

    services.ensure_initial_catalog()
    draft = services.create_draft_version(by=coordinator)
    services.create_area(version=draft, by=coordinator, name="Obszar tylko w szkicu")
    page = client.get(reverse("catalog:public")).content.decode()

    assert "Planowanie budżetowe" in page and "Studium refleksji" in page and "Doradztwo zdalne" in page
    assert "Obszar tylko w szkicu" not in page


def test_coordinator_edits_a_draft_through_the_pages(signed_in, coordinator):
    services.ensure_initial_catalog()
    client = signed_in(coordinator)

    response = client.post(reverse("catalog:version_create"))
    draft = CatalogVersion.objects.get(status=CatalogVersion.Status.DRAFT)
    assert response.status_code == 302
    area = draft.areas.get(name="Planowanie budżetowe")

    url = reverse("catalog:area_edit", kwargs={"number": draft.number, "pk": area.pk})
    empty = client.post(url, {"name": "", "description": "", "order": "1"})
    assert empty.status_code == 200 and "field-error" in empty.content.decode()
    clash = client.post(url, {"name": "Planowanie BUDŻETOWE ", "description": "", "order": "x"})
    assert clash.status_code == 200  # bad number: an error next to the field, never a 500
    duplicate = client.post(url, {"name": CONFIRMED_AREAS[0], "description": "", "order": "3"})
    assert "Obszar o tej nazwie już jest w tej wersji katalogu." in duplicate.content.decode()

    saved = client.post(url, {"name": "Planowanie budżetu", "description": "Nowy opis", "order": "3"})
    assert saved.status_code == 302
    area.refresh_from_db()
    assert area.name == "Planowanie budżetu"

    client.post(
        reverse("catalog:solution_create", kwargs={"number": draft.number, "pk": area.pk}),
        {"name": "Kalkulator kosztów", "kind": "tool", "description": "Przykład: arkusz.", "order": "9"},
    )
    assert area.solutions.filter(name="Kalkulator kosztów", kind="tool").exists()

    client.post(reverse("catalog:version_publish", kwargs={"number": draft.number}))
    draft.refresh_from_db()
    assert not draft.is_draft


def test_edit_pages_of_a_published_version_explain_and_change_nothing(signed_in, coordinator):
    version = services.ensure_initial_catalog()
    area = version.areas.first()
    client = signed_in(coordinator)

    for url in [
        reverse("catalog:area_edit", kwargs={"number": version.number, "pk": area.pk}),
        reverse("catalog:area_create", kwargs={"number": version.number}),
        reverse("catalog:version_edit", kwargs={"number": version.number}),
    ]:
        response = client.post(url, {"name": "Zmiana", "description": "", "order": "1"}, follow=True)
        assert "Opublikowanej wersji katalogu nie można zmieniać" in response.content.decode(), url
    response = client.post(reverse("catalog:area_delete", kwargs={"number": version.number, "pk": area.pk}))
    assert response.status_code == 302
    assert version.areas.count() == 10 and Area.objects.filter(pk=area.pk, name=CONFIRMED_AREAS[0]).exists()


def test_public_catalogue_query_count_does_not_grow_with_areas(client):
    version = CatalogVersionFactory()

    def build(n):
        for _ in range(n):
            ManagementSolutionFactory.create_batch(2, area=AreaFactory(version=version))

    assert_constant_queries(build=build, request=lambda: client.get(reverse("catalog:public")))


def test_version_list_query_count_does_not_grow_with_versions(signed_in, coordinator):
    client = signed_in(coordinator)

    def build(n):
        for _ in range(n):
            AreaFactory(version=CatalogVersionFactory())

    assert_constant_queries(build=build, request=lambda: client.get(reverse("catalog:version_list")))


def test_version_detail_query_count_does_not_grow_with_areas(signed_in, coordinator):
    client = signed_in(coordinator)
    draft = CatalogVersionFactory(draft=True)
    url = reverse("catalog:version_detail", kwargs={"number": draft.number})

    def build(n):
        for _ in range(n):
            ManagementSolutionFactory.create_batch(2, area=AreaFactory(version=draft))

    assert_constant_queries(build=build, request=lambda: client.get(url))
