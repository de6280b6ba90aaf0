"""Seeding writes through the real services, which queue e-mails (team notices, advisor assignments, area and HDR
reviews). None of them may go out to invented people, so the seed runs with django-tasks' dummy backend, which
keeps queued work in memory and drops it when the seed ends: nothing reaches the database queue or var/mail.
Everything queued during the seed is dropped, not only e-mail; nothing should run on behalf of invented people."""

from contextlib import contextmanager

from django.test.utils import override_settings

DROP_QUEUED_WORK = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@contextmanager
def no_outgoing_mail():
    # override_settings works outside tests too: django-tasks rebuilds its backends on the setting_changed signal.
    with override_settings(TASKS=DROP_QUEUED_WORK):
        yield
