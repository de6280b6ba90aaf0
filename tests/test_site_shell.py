"""The shell every page shares: Polish public pages, one h1, landmarks, footer links, navigation by role."""

import re

import pytest
from django.urls import reverse

from apps.accounts.factories import AdminFactory, MembershipFactory, UserFactory
from apps.accounts.models import Membership

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["core:home", "core:accessibility", "core:privacy", "accounts:login"])
def test_public_page_has_the_accessible_shell(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert '<a class="skip-link" href="#main">Przejdź do treści</a>' in html
    assert '<main id="main"' in html
    assert "<header" in html and "<footer" in html and '<nav class="main-nav"' in html
    assert f'href="{reverse("core:accessibility")}">Deklaracja dostępności</a>' in html
    assert f'href="{reverse("core:privacy")}">' in html


def _nav_labels(response):
    return [str(item["label"]) for item in response.context["nav_items"]]


def test_navigation_depends_on_the_role(client, signed_in):
    # Later apps add their own entries; these are the foundation's.
    anonymous = _nav_labels(client.get("/"))
    assert "Strona główna" in anonymous
    assert not {"Mój panel", "Moje konto", "Organizatorzy"} & set(anonymous)
    applicant = _nav_labels(signed_in(UserFactory()).get("/"))
    assert {"Strona główna", "Mój panel", "Moje konto"} <= set(applicant)
    assert "Organizatorzy" not in applicant
    staff = MembershipFactory(role=Membership.Role.STAFF).user
    assert "Organizatorzy" in _nav_labels(signed_in(staff).get("/"))
    coordinator = MembershipFactory(role=Membership.Role.COORDINATOR).user
    assert "Organizatorzy" in _nav_labels(signed_in(coordinator).get("/"))
    advisor = MembershipFactory(role=Membership.Role.ADVISOR).user
    assert "Organizatorzy" not in _nav_labels(signed_in(advisor).get("/"))


def test_current_page_is_marked_in_navigation(signed_in):
    html = signed_in(UserFactory()).get(reverse("accounts:profile")).content.decode()
    assert f'<a href="{reverse("accounts:profile")}" aria-current="page">Moje konto</a>' in html


def test_dashboard_cards_by_role(signed_in):
    def titles(user):
        return {str(card["title"]) for card in signed_in(user).get(reverse("core:dashboard")).context["cards"]}

    foundation = {"Organizatorzy", "Administracja platformy", "Moje konto"}
    assert titles(UserFactory()) & foundation == {"Moje konto"}
    assert titles(MembershipFactory(role=Membership.Role.STAFF).user) & foundation == {"Organizatorzy", "Moje konto"}
    assert titles(MembershipFactory(role=Membership.Role.COORDINATOR).user) & foundation == {
        "Organizatorzy",
        "Moje konto",
    }
    assert titles(AdminFactory()) & foundation == {"Administracja platformy", "Moje konto"}


def test_profile_shows_roles_and_two_factor_state(signed_in):
    membership = MembershipFactory(role=Membership.Role.ADVISOR, organisation__name="Fundacja Przykładowa")
    html = signed_in(membership.user).get(reverse("accounts:profile")).content.decode()
    assert "doradca: Fundacja Przykładowa" in html
    assert "włączona" in html  # the test sign-in confirmed a device
    html = signed_in(UserFactory()).get(reverse("accounts:profile")).content.decode()
    assert "niewymagana dla Twojej roli" in html


def test_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


MENU_IN_ORDER = [
    "Strona główna",
    "Model doradztwa",
    "Programy szkoleń",  # apps.programmes
    "Edycje",
    "Baza wiedzy",  # apps.publications
    "Otwarte dane",  # apps.statistics
    "Nabory",
    "Rejestr JST",
    "Mój panel",
    "Karty JST",
    "HDR",
    "Moje spotkania",  # apps.advising
    "Wydarzenia",
    "Ankiety",  # apps.surveys
    "Organizatorzy",
    "Edycje organizatora",
    "Statystyki",  # apps.statistics
    "Katalog modelu",
    "Uwagi do modelu",  # apps.feedback: the coordinator's register
    "Formy podsumowania",  # apps.publications
    "Moje uwagi do modelu",  # apps.feedback
    "Moje konto",
]
PUBLIC_ENTRIES = 8


def test_the_menu_keeps_its_entries_and_their_order(client, signed_in):
    """The entries every app registers from its hooks.py come out in the order the menu always had."""
    assert _nav_labels(client.get("/")) == MENU_IN_ORDER[:PUBLIC_ENTRIES]
    everything = AdminFactory()
    for role in (Membership.Role.STAFF, Membership.Role.COORDINATOR, Membership.Role.ADVISOR):
        MembershipFactory(user=everything, role=role)
    assert _nav_labels(signed_in(everything).get("/")) == MENU_IN_ORDER
    # An applicant (no organiser role, no JST card yet) has "Moje zgłoszenia" and no empty "Karty JST" (issue 9,
    # item 14: dead ends).
    applicant = _nav_labels(signed_in(UserFactory()).get("/"))
    assert applicant == [*MENU_IN_ORDER[: PUBLIC_ENTRIES + 1], "Moje zgłoszenia", "Moje konto"]
    trainer = MembershipFactory(role=Membership.Role.TRAINER).user
    # A trainer runs sessions: the events of the organiser's editions (apps.events).
    assert _nav_labels(signed_in(trainer).get("/")) == [
        *MENU_IN_ORDER[: PUBLIC_ENTRIES + 1],
        "Wydarzenia",
        "Moje uwagi do modelu",
        "Moje konto",
    ]


def test_a_team_member_keeps_karty_jst_and_a_trainer_gets_the_timetables_of_the_organisers_editions(signed_in):
    from datetime import timedelta

    from django.utils import timezone

    from apps.editions.factories import EditionFactory, PlannedEventFactory
    from apps.engagements.factories import TeamMemberFactory

    member = TeamMemberFactory().user
    assert "Karty JST" in _nav_labels(signed_in(member).get("/"))
    trainer = MembershipFactory(role=Membership.Role.TRAINER).user
    cards = signed_in(trainer).get(reverse("core:dashboard")).context["cards"]
    assert [str(c["title"]) for c in cards][0] == "Szkolenia i spotkania"  # none yet: says so, links the editions
    edition = EditionFactory(organiser=trainer.memberships.get().organisation, published=True, name="Edycja 2027")
    today = timezone.localdate()
    PlannedEventFactory(
        edition=edition,
        title="Szkolenie warsztatowe I",
        starts_on=today + timedelta(days=40),
        ends_on=today + timedelta(days=41),
        place="Hotel Leśny",
    )
    cards = signed_in(trainer).get(reverse("core:dashboard")).context["cards"]
    card = next(c for c in cards if str(c["title"]).startswith("Szkolenia i spotkania: "))
    assert card["title"] == "Szkolenia i spotkania: Edycja 2027"
    assert "Szkolenie warsztatowe I" in card["text"] and "Hotel Leśny" in card["text"]
    assert card["url"] == reverse("editions:public_detail", kwargs={"slug": edition.slug})


def test_the_home_page_shows_open_calls_and_the_catalogues_cycle(client):
    """One source for the cycle: the published catalogue's steps, not a list written into the page."""
    from datetime import timedelta

    from django.utils import timezone

    from apps.catalog.models import CycleStep
    from apps.catalog.services import ensure_initial_catalog
    from apps.editions.factories import EditionFactory

    version = ensure_initial_catalog()
    steps = list(CycleStep.objects.filter(version=version).values_list("name", flat=True))
    body = client.get("/").content.decode()
    assert all(name in body for name in steps) and "Otwarte nabory" not in body
    today = timezone.localdate()
    edition = EditionFactory(
        catalogue_version=version,
        published=True,
        name="Nabór 2027",
        recruitment_opens_on=today - timedelta(days=1),
        recruitment_deadline=today + timedelta(days=20),
        results_date=today + timedelta(days=25),
        period_start=today + timedelta(days=30),
        period_end=today + timedelta(days=300),
    )
    body = client.get("/").content.decode()
    assert "Otwarte nabory" in body and reverse("recruitment:call_detail", args=[edition.slug]) in body


def test_the_dashboard_keeps_its_cards_and_their_order(signed_in):
    everything = AdminFactory()
    MembershipFactory(user=everything, role=Membership.Role.STAFF)
    cards = signed_in(everything).get(reverse("core:dashboard")).context["cards"]
    assert [str(card["title"]) for card in cards] == [
        "Karty JST w edycjach",
        "Organizatorzy",
        "Edycje organizatora",
        "Wydarzenia i logistyka",  # apps.events' desk
        "Zadania okresowe",  # apps.scheduling's card, from its own hooks.py
        "Katalog modelu",
        "Uwagi do modelu",  # apps.feedback's register
        "Administracja platformy",
        "Moje konto",
    ]
    assert cards[1]["text"] == "Zespół organizatora: pracownicy, doradcy, trenerzy i zaproszenia."


def test_a_new_app_adds_its_menu_entry_and_card_from_its_own_hooks(signed_in):
    """What a new app's hooks.py does (as catalog's does): a rule, a menu entry and a card; nothing in apps/core."""
    from apps.core.dashboard import CARDS, dashboard_card
    from apps.core.navigation import MENU, menu_item
    from apps.core.permissions import RULES, rule

    rule("surveys.answer")(lambda user, roles, obj=None: roles.is_advisor)
    menu_item("core:accessibility", "Ankiety", order=75, rule="surveys.answer")  # any URL name serves the test
    dashboard_card("surveys.open", rule="surveys.answer", order=35)(
        lambda user: [{"title": "Ankiety do wypełnienia", "text": "2", "url": "/"}]
    )
    try:
        advisor = MembershipFactory(role=Membership.Role.ADVISOR).user
        client = signed_in(advisor)
        labels = _nav_labels(client.get("/"))
        assert labels[labels.index("Karty JST") + 1] == "Ankiety"
        titles = [str(c["title"]) for c in client.get(reverse("core:dashboard")).context["cards"]]
        assert "Ankiety do wypełnienia" in titles
        assert "Ankiety" not in _nav_labels(signed_in(UserFactory()).get("/"))
    finally:
        RULES.unregister("surveys.answer")
        MENU.unregister("core:accessibility")
        CARDS.unregister("surveys.open")
