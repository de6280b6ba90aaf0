"""Generated documents in a browser: the status page (axe-checked), a real download, and the htmx polling that
shows the download link once a running job finishes."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD
from apps.documents.factories import GeneratedDocumentFactory
from apps.documents.jobs import request_document
from apps.documents.models import DocumentStatus, GeneratedDocument
from apps.documents.pdf import pdf_text
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def engagement():
    return EngagementFactory()


@pytest.fixture
def member(engagement):
    return TeamMemberFactory(engagement=engagement).user


def test_status_page_and_download(ui, engagement, member, tmp_path):
    document = request_document(
        target=engagement,
        kind="summary",
        title="Podsumowanie procesu",
        builder="apps.documents.testing.build_summary_pdf",
        view_action="engagement.view",
        by=member,
    )
    browser_login(ui, member.email, TEST_PASSWORD)
    ui.visit(f"/dokumenty/{document.pk}/")
    expect(ui.page.locator("h1")).to_have_text("Podsumowanie procesu")
    expect(ui.page.get_by_role("status")).to_contain_text("gotowy")
    expect(ui.page.get_by_label("Postęp przygotowania")).to_have_attribute("value", "100")

    with ui.page.expect_download() as download_info:
        ui.get_by_role("link", name="Pobierz plik podsumowanie.pdf").click()
    download = download_info.value
    assert download.suggested_filename == "podsumowanie.pdf"
    saved = tmp_path / "pobrany.pdf"
    download.save_as(saved)
    assert f"Podsumowanie: {engagement}" in pdf_text(saved.read_bytes())


def test_the_page_follows_a_running_job_until_the_file_is_ready(ui, engagement, member):
    document = GeneratedDocumentFactory(
        target=engagement, title="Zestawienie działań", status=DocumentStatus.RUNNING, progress=30
    )
    browser_login(ui, member.email, TEST_PASSWORD)
    ui.visit(f"/dokumenty/{document.pk}/")
    status = ui.page.get_by_role("status")
    expect(status).to_contain_text("w przygotowaniu")
    expect(ui.page.get_by_role("link", name="Odśwież")).to_be_visible()  # the way without JavaScript

    GeneratedDocument.objects.filter(pk=document.pk).update(progress=70)
    expect(ui.page.get_by_label("Postęp przygotowania")).to_have_attribute("value", "70", timeout=6000)

    document.refresh_from_db()
    document.file.save("zestawienie.csv", ContentFile(b"a;b\r\n"), save=False)
    document.filename, document.mime_type = "zestawienie.csv", "text/csv; charset=utf-8"
    document.status, document.progress, document.finished_at = DocumentStatus.DONE, 100, timezone.now()
    document.save()
    expect(ui.page.get_by_role("link", name="Pobierz plik zestawienie.csv")).to_be_visible(timeout=6000)
    expect(status).to_contain_text("gotowy")
    expect(ui.page.get_by_role("link", name="Odśwież")).to_have_count(0)
    expect(ui.page.get_by_role("button", name="Przygotuj ponownie z aktualnych danych")).to_be_visible()
    ui.check_accessibility()  # after htmx swapped the finished state in

    with ui.page.expect_download() as download_info:
        ui.get_by_role("link", name="Pobierz plik zestawienie.csv").click()
    assert download_info.value.suggested_filename == "zestawienie.csv"
