"""The application's history page reads as a person reads it, and its entries carry the edition's scope."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from apps.audit.models import AuditEntry
from apps.audit.services import record
from apps.core.testing import sign_in
from apps.recruitment import services
from apps.recruitment.factories import SubmittedApplicationFactory
from apps.recruitment.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def back_to_polish():
    # A request in English leaves English active in this thread; the tests after these expect Polish.
    yield
    translation.activate(settings.LANGUAGE_CODE)


def history_page(application, user, language="pl") -> str:
    client = Client()
    sign_in(client, user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = reverse("recruitment:history", kwargs={"slug": application.edition.slug, "pk": application.pk})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_history_shows_field_labels_and_readable_values(edition, organiser):
    application = SubmittedApplicationFactory(edition=edition)
    services.decide(application=application, status=Application.Status.QUALIFIED, by=organiser, despite_documents=True)
    # A related row recorded by id, a date and a boolean field, as services record them.
    record(
        actor=organiser,
        action="application.updated",
        target=application,
        changes={
            "local_government": application.local_government_id,
            "decided_at": ["2026-05-04T10:30:00+00:00", None],
            "has_late_documents": [False, True],
        },
    )
    html = history_page(application, organiser)
    # Field labels, not field names.
    assert "<strong>Stan</strong>" in html and "<strong>status</strong>" not in html
    assert "Mimo dokumentów niekompletnych lub po terminie</strong>: Tak" in html
    # Choice labels, not codes.
    assert "złożone, czeka na decyzję" in html and "zakwalifikowane" in html
    assert "submitted" not in html and "qualified</" not in html
    # The JST's name, not its id; the date as d.m.Y H:i in Warsaw time; booleans as Tak/Nie.
    assert f"<strong>JST</strong>: {application.local_government}" in html
    assert "04.05.2026 12:30" in html
    assert "<strong>Dokumenty po terminie</strong>: Nie" in html


def test_history_reads_in_english_in_the_english_ui(edition, organiser):
    application = SubmittedApplicationFactory(edition=edition)
    services.decide(application=application, status=Application.Status.QUALIFIED, by=organiser, despite_documents=True)
    html = history_page(application, organiser, language="en")
    assert "qualified" in html and "zakwalifikowane" not in html
    assert ": Yes" in html


def test_entries_of_an_application_carry_its_edition(edition, organiser):
    application = SubmittedApplicationFactory(edition=edition)
    services.decide(application=application, status=Application.Status.REJECTED, by=organiser, reason="Brak miejsc")
    entry = AuditEntry.objects.get(action="application.decided")
    assert (entry.edition_id, entry.engagement_id) == (edition.pk, None)
    assert list(AuditEntry.objects.filter(edition_id=edition.pk).values_list("action", flat=True))[:1] == [
        "application.decided"
    ]
