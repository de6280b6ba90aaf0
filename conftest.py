import smtplib

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished

from apps.core.testing import sign_in


@pytest.fixture(autouse=True)
def _no_real_mail(monkeypatch):
    """A test that tries to talk to a real mail server fails instead of sending anything."""

    def refuse(*args, **kwargs):
        raise AssertionError("A test tried to send real e-mail over SMTP; use the locmem backend (mailoutbox).")

    monkeypatch.setattr(smtplib.SMTP, "connect", refuse)
    monkeypatch.setattr(smtplib.SMTP_SSL, "connect", refuse)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploads and generated files of a test go to its own temporary folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media" / "private"


@pytest.fixture(autouse=True)
def _tasks_must_not_fail(request):
    """Queued work (e-mail, PDFs, exports) runs at once in tests; if it fails, the test fails.

    The immediate task backend records an exception on the task result instead of raising it, which would hide,
    for example, an attempt to send real e-mail. A test that expects a task to fail asks for ``task_failures``.
    """
    failures = []

    def collect(sender, task_result, **kwargs):
        if task_result.status == TaskResultStatus.FAILED:
            failures.append(task_result)

    task_finished.connect(collect, dispatch_uid="conftest-task-failures", weak=False)
    yield failures
    task_finished.disconnect(dispatch_uid="conftest-task-failures")
    if failures and "task_failures" not in request.fixturenames:
        details = "\n".join(f"{r.task.name}: {r.errors[-1].traceback}" for r in failures if r.errors)
        pytest.fail(f"{len(failures)} queued task(s) failed during the test:\n{details}", pytrace=False)


@pytest.fixture
def task_failures(_tasks_must_not_fail):
    """The tasks that failed during this test, for tests that expect a failure."""
    return _tasks_must_not_fail


@pytest.fixture
def signed_in(client):
    def _sign_in(user, *, verified: bool = True):
        sign_in(client, user, verified=verified)
        return client

    return _sign_in


@pytest.fixture(autouse=True)
def _polish_by_default():
    """Every test starts in the platform's language; a request in English must not leak into the next test."""
    from django.utils import translation

    translation.activate("pl")
    yield
    translation.activate("pl")
