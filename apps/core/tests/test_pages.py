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
