"""The desk's exports and the public results read only what they print, translate each label once, and hand long
lists to a background job with a progress page."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from apps.core.testing import sign_in
from apps.documents import list_exports
from apps.documents.list_exports import export_query
from apps.documents.models import DocumentStatus, GeneratedDocument
from apps.recruitment import exports
from apps.recruitment.models import Call
from apps.recruitment.selectors import DeskFilters

from .test_performance import bulk_applications

pytestmark = pytest.mark.django_db


def _export_url(edition, fmt="xlsx"):
    return reverse("recruitment:export", kwargs={"slug": edition.slug}) + "?" + export_query(exports.APPLICATIONS, fmt)


def _translations_during(monkeypatch, fn) -> int:
    calls = {"n": 0}
    real = translation._trans.gettext

    def counting(message):
        calls["n"] += 1
        return real(message)

    monkeypatch.setattr(translation._trans, "gettext", counting)
    fn()
    monkeypatch.setattr(translation._trans, "gettext", real)
    return calls["n"]


def test_export_translates_labels_once_not_per_row(client, edition, organiser, monkeypatch):
    sign_in(client, organiser)
    bulk_applications(edition, 5)
    client.get(_export_url(edition))
    few = _translations_during(monkeypatch, lambda: client.get(_export_url(edition)))
    bulk_applications(edition, 45, start=5)
    many = _translations_during(monkeypatch, lambda: client.get(_export_url(edition)))
    assert many == few, f"{few} translations for 5 rows, {many} for 50"


def test_export_and_results_read_only_the_printed_columns(client, edition, organiser):
    """The application's long texts (motivation, decision's reason is printed; the card's text is not) and the
    edition's settings are never loaded for a list."""
    sign_in(client, organiser)
    bulk_applications(edition, 20)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(_export_url(edition, "csv"))
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert response.status_code == 200 and "Gmina testowa nr 19" in response.content.decode("utf-8-sig")
    assert '"motivation"' not in sql and '"address_street"' not in sql

    Call.objects.create(edition=edition, results_published_at=edition.created_at)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("recruitment:results", kwargs={"slug": edition.slug}))
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert response.status_code == 200 and "Gmina testowa nr 1" in response.content.decode()
    assert '"motivation"' not in sql and '"recruitment_application"."contact_email"' not in sql


def test_a_long_export_is_prepared_in_the_background_with_progress(client, edition, organiser, monkeypatch):
    monkeypatch.setattr(list_exports, "BACKGROUND_ROWS", 10)
    monkeypatch.setattr(list_exports, "PROGRESS_EVERY", 5)
    sign_in(client, organiser)
    bulk_applications(edition, 25)
    # Up to the limit the file comes at once.
    response = client.get(_export_url(edition) + "&status=qualified")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    # Beyond it: a generated document (run at once by the test task backend) and its status page.
    response = client.get(_export_url(edition))
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("documents:status", args=[document.pk])
    assert document.status == DocumentStatus.DONE and document.params["fmt"] == "xlsx"
    assert document.params["params"] == vars(DeskFilters())
    assert client.get(response["Location"]).status_code == 200
    download = client.get(reverse("documents:download", args=[document.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert sheet.max_row == 26 and sheet["A1"].value == "JST"
    # The same filters and format join the job; the builder reports its progress as it goes.
    seen = []
    list_exports.build_list_document(edition, seen.append, **{**document.params, "fmt": "csv"})
    assert seen == [20, 40, 60, 80, 100][: len(seen)] and len(seen) == 5
