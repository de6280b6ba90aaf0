"""Every page of the access matrix, opened in the browser by a role that may see it: axe and the reflow checks at
1280 and 320 px (the ``ui`` fixture's checks). The world holds the long values real data has (a JST's full name,
long e-mail addresses, several team members, a year-long HDR), which is what pushes pages sideways.

One test for all pages, so one world is built; it lists every page that fails, not only the first."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from apps.core.testing import sign_in
from apps.engagements.factories import TeamMemberFactory
from tests.access.matrix import MATRIX
from tests.browser.conftest import AxeViolation, ReflowViolation
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Who opens a page: the first of these roles the matrix lets see it (the people who do the most on it first).
PREFERRED_ROLES = [
    "organiser_x",
    "team_member_a",
    "advisor_a",
    "applicant",
    "coordinator",
    "trainer",
    "platform_admin",
    "anonymous",
]
LONG_JST_NAME = "Wielkie Oczy-Przykładowo nad Wisłą"  # "Gmina … (gmina miejsko-wiejska)": 65 characters
LONG_EMAIL = "sekretariat.wydzialu.edukacji.i.spraw.spolecznych@urzad-miasta-i-gminy-przykladowo.example.pl"


def lengthen(world) -> None:
    """The values that made pages scroll sideways at 320 px and clip at 1280 px."""
    jst = world.jst_a
    jst.name = LONG_JST_NAME
    jst.display_name = f"Gmina {LONG_JST_NAME} (gmina miejsko-wiejska)"
    jst.save()
    engagement = world.engagement_a
    for n in range(3):
        TeamMemberFactory(
            engagement=engagement,
            user=None,
            full_name=f"Aleksandra Konstantynopolitańczykowa-Wiśniewska {n}",
            email=f"{n}.{LONG_EMAIL}",
        )
    member = world.member_a2
    member.email = LONG_EMAIL
    member.save()
    user = world.users["applicant"]
    user.full_name = "Bartłomiej Przybyszewski-Grzegorzewski"
    user.email = f"zglaszajacy.{LONG_EMAIL}"
    user.save()
    application = world.application_a
    application.office_email = LONG_EMAIL
    application.contact_email = f"kontakt.{LONG_EMAIL}"
    application.save()
    application.team.update(email=LONG_EMAIL)


def open_as(ui, role: str, world, sessions: dict) -> None:
    ui.page.context.clear_cookies()
    if role == "anonymous":
        return
    if role not in sessions:
        client = Client()
        sign_in(client, world.users[role])
        sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    ui.page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": sessions[role], "url": ui.base_url}])


def test_every_page_is_accessible_and_reflows_at_1280_and_320_px(ui):
    world = build_world()
    lengthen(world)
    sessions: dict[str, str] = {}
    failures, opened = [], 0
    for name in sorted(MATRIX):
        row = MATRIX[name]
        role = next((r for r in PREFERRED_ROLES if row.expected.get(r) == 200), None)
        if role is None:
            continue
        url = row.url(world)
        open_as(ui, role, world, sessions)
        response = ui.page.request.get(ui.base_url + url)
        if not response.headers.get("content-type", "").startswith("text/html") or "<html" not in response.text():
            continue  # downloads (PDF, XLSX, CSV) and htmx fragments are checked by their own tests
        opened += 1
        try:
            ui.visit(url)
            expect(ui.page.locator("h1").first).to_be_visible()
        except (AxeViolation, ReflowViolation) as problem:
            failures.append(f"{name} ({role}): {problem}")
    assert opened > 60, f"only {opened} pages opened: the sweep lost its pages"
    assert not failures, f"{len(failures)} of {opened} page(s) fail:\n\n" + "\n\n".join(failures)


def test_the_edition_matrix_fits_a_desktop_screen_with_names_on_at_most_two_lines(ui):
    """At 1280 px the organiser sees every stage column without scrolling, and a long JST name is not squeezed
    into a column a word wide."""
    world = build_world()
    lengthen(world)
    open_as(ui, "organiser_x", world, {})
    ui.visit(f"/organizator/edycje/{world.edition_x.slug}/karty-jst/")  # the fixture checks the sideways scroll
    name = ui.page.locator(".stage-matrix tbody th a", has_text=LONG_JST_NAME)
    lines = name.evaluate("(a) => a.getClientRects().length")
    assert lines <= 2, f"the JST name wraps over {lines} lines"
