"""E-mail goes out through the task queue so that a slow mail server never slows a page."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def deliver_email(*, to: list[str], subject: str, body: str, attachments: list[list[str]] | None = None) -> None:
    """``attachments``: ``[file name, text content, MIME type]`` each (text, so the queued task stays JSON)."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, from_email=settings.DEFAULT_FROM_EMAIL)
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()


def ics_attachment(ics: bytes, *, method: str = "REQUEST", filename: str = "zaproszenie.ics") -> list[str]:
    """An iCalendar invitation as an e-mail attachment (``calendar.to_ics(..., method=method)``)."""
    return [filename, ics.decode(), f"text/calendar; method={method}; charset=utf-8"]


def send_templated_email(
    *,
    to: str | list[str],
    template: str,
    context: dict,
    language: str | None = None,
    attachments: list[list[str]] | None = None,
):
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` and queue the message."""
    recipients = [to] if isinstance(to, str) else list(to)
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    return deliver_email.enqueue(to=recipients, subject=subject, body=body, attachments=attachments or [])
