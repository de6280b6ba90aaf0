"""The open space's conclusions in the public knowledge base, without logging in (axe and the reflow checks at 1280
and 320 px on every page): from the knowledge base's index to the list of open spaces and one open space's page,
which shows the conclusions of the group that agreed and not those of the group that did not; then in English,
with the typed Polish marked ``lang="pl"``."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from apps.openspace.factories import GroupFactory, OpenSpaceFactory, TopicFactory
from apps.openspace.models import Conclusion

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def space():
    space = OpenSpaceFactory(session__title="Otwarta przestrzeń: oświata", phase="closed", published_at=timezone.now())
    for title, agreed in [("Jak zmienić system finansowania oświaty?", True), ("Dowóz uczniów", False)]:
        group = GroupFactory(topic=TopicFactory(open_space=space, title=title, proposer_name="Paulina Proponująca"))
        Conclusion.objects.create(
            group=group,
            problem=f"Problem: {title}",
            solutions="Wspólne zakupy gmin.",
            recommendations="Zacząć od porozumienia.",
            participants_note="Jan Gość",
            publish_publicly=agreed,
        )
    return space


def test_the_public_conclusions_of_an_open_space(ui, space):
    ui.visit("/baza-wiedzy/")
    ui.get_by_role("link", name="Wnioski z otwartych przestrzeni").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.locator("h1")).to_have_text("Wnioski z otwartych przestrzeni")
    ui.get_by_role("link", name="Otwarta przestrzeń: oświata").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_role("heading", name="Jak zmienić system finansowania oświaty?")).to_be_visible()
    expect(ui.page.get_by_text("Wspólne zakupy gmin.")).to_be_visible()
    content = ui.page.locator("main").inner_text()
    assert "Dowóz uczniów" not in content
    assert "Paulina Proponująca" not in content and "Jan Gość" not in content
    ui.check_accessibility()

    ui.get_by_label("Język").select_option("en")
    ui.get_by_role("button", name="Zmień").click()
    ui.page.wait_for_load_state("load")
    assert ui.page.locator("html").get_attribute("lang") == "en"
    ui.visit(f"/baza-wiedzy/otwarte-przestrzenie/{space.pk}/")
    expect(ui.page.get_by_role("heading", name="Jak zmienić system finansowania oświaty?")).to_have_attribute(
        "lang", "pl"
    )
    expect(ui.page.get_by_text("Only the conclusions of groups that agreed")).to_be_visible()
    ui.visit("/baza-wiedzy/otwarte-przestrzenie/")
    expect(ui.page.locator("h1")).to_have_text("Open space conclusions")
