"""Polish content in the English UI is marked ``lang="pl"`` (WCAG 3.1.2): catalogue texts and the call's texts."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from apps.core.testing import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_polish():
    # A request in English leaves English active in this thread; the tests after these expect Polish.
    yield
    translation.activate(settings.LANGUAGE_CODE)


def get(url, language, user=None) -> str:
    client = Client()
    if user is not None:
        sign_in(client, user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_catalogue_texts_are_marked_polish_in_the_english_ui(edition):
    version = edition.catalogue_version
    form, step, area = version.support_forms.first(), version.cycle_steps.first(), version.areas.first()
    call_page = get(reverse("recruitment:call_detail", kwargs={"slug": edition.slug}), "en")
    assert f'<strong><span lang="pl">{form.name}</span></strong>' in call_page
    assert f'<li><span lang="pl">{step.name}</span></li>' in call_page
    edition_page = get(reverse("editions:public_detail", args=[edition.slug]), "en")
    assert f'<dt><span lang="pl">{form.name}</span></dt>' in edition_page
    assert f'<strong><span lang="pl">{step.name}</span></strong>' in edition_page
    assert f'<li><span lang="pl">{area.name}</span></li>' in edition_page
    # In the Polish UI the page's own language says it.
    assert '<span lang="pl">' not in get(reverse("editions:public_detail", args=[edition.slug]), "pl")


def test_call_settings_in_english_mark_the_polish_placeholders_and_texts(edition, organiser):
    page = get(reverse("recruitment:call_settings", kwargs={"slug": edition.slug}), "en", user=organiser)
    assert '<code lang="pl">{edycja}</code></dt><dd>edition name</dd>' in page
    assert '<code lang="pl">{termin}</code>' in page
    assert "The call documents are in Polish." in page
    for name in ["introduction", "card_text", "declaration_text", "statements_text"]:
        textarea = page.split(f'<textarea name="{name}"', 1)[1].split(">", 1)[0]
        assert 'lang="pl"' in textarea, name
