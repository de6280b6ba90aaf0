import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from apps.accounts.factories import MembershipFactory, OrganisationFactory
from apps.accounts.models import Membership
from apps.audit.models import AuditEntry
from apps.core.testing import assert_constant_queries, sign_in
from apps.documents.factories import GeneratedDocumentFactory
from apps.documents.jobs import DocumentBuildError, request_document, run_document_job
from apps.documents.models import DocumentStatus, GeneratedDocument
from apps.documents.pdf import pdf_text

pytestmark = pytest.mark.django_db

SUMMARY = "apps.documents.testing.build_summary_pdf"
OBSERVED_PROGRESS: list[int] = []


def observing_builder(target, progress):
    """Reports progress and records what a status page would read from the database meanwhile."""
    for step in (10, 40, 40, 30, 75):  # repeated and backward values are ignored
        progress(step)
        OBSERVED_PROGRESS.append(GeneratedDocument.objects.get(object_id=str(target.pk)).progress)
    return "raport.csv", b"a;b\r\n", "text/csv; charset=utf-8"


def crashing_builder(target, progress):
    progress(20)
    raise RuntimeError("database on fire")


def refusing_builder(target, progress):
    raise DocumentBuildError("Harmonogram nie ma jeszcze żadnych działań.")


def empty_builder(target, progress):
    return "pusty.pdf", b"", "application/pdf"


# The target is an organiser and its staff may see it: the documents app sits below the apps whose documents it
# builds (the layers contract), so its tests use a target of a layer below it.
@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def member(organisation):
    return _staff(organisation)


VIEW = "organisation.view"


def _staff(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.STAFF).user


def request(organisation, member, builder=SUMMARY, kind="summary"):
    return request_document(
        target=organisation,
        kind=kind,
        title="Podsumowanie",
        builder=builder,
        view_action=VIEW,
        by=member,
    )


def test_a_document_is_built_stored_and_audited(organisation, member):
    document = request(organisation, member)
    assert document.status == DocumentStatus.DONE
    assert document.progress == 100
    assert document.filename == "podsumowanie.pdf"
    assert document.mime_type == "application/pdf"
    assert document.finished_at is not None and document.requested_by == member
    assert document.target == organisation
    with document.file.open("rb") as handle:
        assert f"Podsumowanie: {organisation}" in pdf_text(handle.read())
    actions = list(AuditEntry.objects.filter(target_id=str(document.pk)).values_list("action", flat=True))
    assert sorted(actions) == ["document.generated", "document.requested"]


def test_files_are_stored_privately_outside_static_and_media_urls(organisation, member, settings):
    document = request(organisation, member)
    assert document.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018  (no URL exists for a private file)


def test_progress_is_recorded_and_only_moves_forward(organisation, member):
    OBSERVED_PROGRESS.clear()
    document = request(organisation, member, builder="apps.documents.tests.test_jobs.observing_builder")
    assert OBSERVED_PROGRESS == [10, 40, 40, 40, 75]
    assert document.status == DocumentStatus.DONE and document.progress == 100


def test_a_crash_is_stored_as_a_polish_error_and_logged(organisation, member, caplog):
    document = request(organisation, member, builder="apps.documents.tests.test_jobs.crashing_builder")
    assert document.status == DocumentStatus.FAILED
    assert document.error.startswith("Nie udało się przygotować dokumentu z powodu błędu systemu.")
    assert "database on fire" not in document.error  # the technical detail goes to the log only
    assert "database on fire" in caplog.text
    assert not document.file
    assert AuditEntry.objects.filter(target_id=str(document.pk), action="document.failed").exists()


def test_a_builder_can_refuse_with_its_own_message(organisation, member):
    document = request(organisation, member, builder="apps.documents.tests.test_jobs.refusing_builder")
    assert document.status == DocumentStatus.FAILED
    assert document.error == "Harmonogram nie ma jeszcze żadnych działań."


def test_a_builder_returning_no_data_fails(organisation, member):
    document = request(organisation, member, builder="apps.documents.tests.test_jobs.empty_builder")
    assert document.status == DocumentStatus.FAILED


def test_a_deleted_target_fails_with_a_message(organisation, member):
    document = GeneratedDocumentFactory(view_action=VIEW, target=organisation)
    organisation.delete()
    run_document_job(document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED
    assert document.error == "Obiekt, którego dotyczy dokument, już nie istnieje."


def test_a_second_request_joins_the_queued_job(organisation, member):
    queued = GeneratedDocumentFactory(
        view_action=VIEW, target=organisation, kind="summary"
    )  # queued, its worker not there yet
    again = request(organisation, member)
    assert again.pk == queued.pk
    assert GeneratedDocument.objects.count() == 1
    other_kind = request(organisation, member, kind="plan-xlsx")
    assert other_kind.pk != queued.pk  # another kind of document is another job


def test_a_lazy_title_is_stored_as_text(organisation, member):
    from django.utils.translation import gettext_lazy

    document = request_document(
        target=organisation,
        kind="summary",
        title=gettext_lazy("Podsumowanie"),
        builder=SUMMARY,
        view_action=VIEW,
        by=member,
    )
    assert document.title == "Podsumowanie"
    assert AuditEntry.objects.get(target_id=str(document.pk), action="document.requested").changes["title"] == (
        "Podsumowanie"
    )


def test_a_finished_job_does_not_block_a_new_one(organisation, member):
    first = request(organisation, member)
    second = request(organisation, member)
    assert first.pk != second.pk and second.status == DocumentStatus.DONE


def test_a_lost_job_is_expired_so_a_new_one_can_start(organisation, member, settings):
    lost = GeneratedDocumentFactory(
        view_action=VIEW, target=organisation, kind="summary", status=DocumentStatus.RUNNING
    )
    GeneratedDocument.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(hours=2))
    fresh = request(organisation, member)
    lost.refresh_from_db()
    assert lost.status == DocumentStatus.FAILED and "trwało zbyt długo" in lost.error
    assert fresh.pk != lost.pk and fresh.status == DocumentStatus.DONE


def test_a_job_runs_once(organisation, member):
    document = request(organisation, member)
    assert run_document_job(document.pk) is None  # a repeated delivery of the task does nothing


def test_wrong_builder_or_rule_fails_at_request_time(organisation, member):
    with pytest.raises(ImportError):
        request(organisation, member, builder="apps.documents.testing.no_such_builder")
    with pytest.raises(ValueError):
        request_document(
            target=organisation, kind="x", title="x", builder=SUMMARY, view_action="no.such.rule", by=member
        )


class TestViews:
    def test_status_page_shows_progress_and_download(self, client, organisation, member):
        document = request(organisation, member)
        sign_in(client, member)
        response = client.get(reverse("documents:status", args=[document.pk]))
        page = response.content.decode()
        assert response.status_code == 200
        assert '<progress id="document-progress" max="100" value="100">' in page
        assert 'role="status"' in page
        assert reverse("documents:download", args=[document.pk]) in page
        assert "hx-trigger" not in page  # finished: nothing to poll

    def test_a_running_document_polls_and_offers_a_plain_refresh_link(self, client, organisation, member):
        document = GeneratedDocumentFactory(
            view_action=VIEW, target=organisation, status=DocumentStatus.RUNNING, progress=40
        )
        sign_in(client, member)
        url = reverse("documents:status", args=[document.pk])
        page = client.get(url).content.decode()
        assert f'hx-get="{url}" hx-trigger="every 2s"' in page
        assert f'<a href="{url}">Odśwież</a>' in page
        assert 'value="40"' in page
        assert reverse("documents:download", args=[document.pk]) not in page

    def test_the_htmx_fragment_stops_polling_when_finished(self, client, organisation, member):
        document = GeneratedDocumentFactory(
            view_action=VIEW, target=organisation, status=DocumentStatus.RUNNING, progress=40
        )
        sign_in(client, member)
        url = reverse("documents:status", args=[document.pk])
        running = client.get(url, headers={"HX-Request": "true"})
        assert running.status_code == 200 and "<h1>" not in running.content.decode()
        assert "HX-Request" in running["Vary"]
        GeneratedDocument.objects.filter(pk=document.pk).update(status=DocumentStatus.FAILED, error="Błąd testowy.")
        finished = client.get(url, headers={"HX-Request": "true"})
        assert finished.status_code == 286  # htmx's "stop polling"
        assert "Błąd testowy." in finished.content.decode()

    def test_download_is_an_attachment_with_the_right_type(self, client, organisation, member):
        document = request(organisation, member)
        sign_in(client, member)
        response = client.get(reverse("documents:download", args=[document.pk]))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="podsumowanie.pdf"'
        assert "no-store" in response["Cache-Control"]
        assert b"".join(response.streaming_content).startswith(b"%PDF-")  # read to the end: the file is closed

    def test_download_is_404_until_done(self, client, organisation, member):
        sign_in(client, member)
        for status in (DocumentStatus.QUEUED, DocumentStatus.RUNNING, DocumentStatus.FAILED):
            document = GeneratedDocumentFactory(
                view_action=VIEW, target=organisation, kind=f"k-{status}", status=status
            )
            assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404

    def test_people_who_may_not_see_the_target_get_404(self, client, organisation, member):
        document = request(organisation, member)
        outsider = _staff(OrganisationFactory())  # staff of another organiser
        sign_in(client, outsider)
        for name in ("documents:status", "documents:download"):
            assert client.get(reverse(name, args=[document.pk])).status_code == 404
        assert client.post(reverse("documents:regenerate", args=[document.pk])).status_code == 404

    def test_a_person_who_left_the_organiser_loses_access(self, client, organisation, member):
        document = request(organisation, member)
        Membership.objects.filter(user=member, organisation=organisation).delete()
        sign_in(client, member)
        assert client.get(reverse("documents:download", args=[document.pk])).status_code == 404

    def test_regenerate_after_a_failure(self, client, organisation, member):
        failed = GeneratedDocumentFactory(
            view_action=VIEW, target=organisation, status=DocumentStatus.FAILED, error="Błąd."
        )
        sign_in(client, member)
        response = client.post(reverse("documents:regenerate", args=[failed.pk]))
        fresh = GeneratedDocument.objects.exclude(pk=failed.pk).get()
        assert response.status_code == 302 and response["Location"] == reverse("documents:status", args=[fresh.pk])
        assert fresh.status == DocumentStatus.DONE and fresh.requested_by == member

    def test_earlier_versions_list_keeps_a_constant_query_count(self, client, organisation, member):
        latest = GeneratedDocumentFactory(view_action=VIEW, target=organisation, done=True)
        sign_in(client, member)

        def build(n):
            for _ in range(n):
                older = GeneratedDocumentFactory(view_action=VIEW, target=organisation, done=True)
                GeneratedDocument.objects.filter(pk=older.pk).update(
                    created_at=latest.created_at - timedelta(minutes=GeneratedDocument.objects.count())
                )

        url = reverse("documents:status", args=[latest.pk])
        assert_constant_queries(build=build, request=lambda: client.get(url), few=1, many=8)
        page = client.get(url).content.decode()
        assert page.count(">dokument.pdf</a>") == 8


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and concurrent requests need PostgreSQL")
def test_two_simultaneous_requests_make_one_job():
    from django.db import close_old_connections

    organisation = OrganisationFactory()
    member = _staff(organisation)
    barrier = threading.Barrier(4)
    results, errors = [], []

    def worker():
        try:
            barrier.wait()
            results.append(
                request_document(
                    target=organisation,
                    kind="slow",
                    title="Raport",
                    builder="apps.documents.tests.test_jobs.slow_builder",
                    view_action=VIEW,
                    by=member,
                ).pk
            )
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            close_old_connections()

    from django.test import override_settings

    # Queue without running, as in production: the race is between the requests, not the workers.
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        threads = [threading.Thread(target=worker) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert not errors, errors
    assert len(set(results)) == 1
    assert GeneratedDocument.objects.filter(kind="slow").count() == 1


def slow_builder(target, progress):  # pragma: no cover - never run: the race test only queues
    return "raport.csv", b"x", "text/csv"
