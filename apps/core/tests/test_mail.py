"""E-mail goes through the task queue; tests capture it, and a test can never send real mail."""

import smtplib

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks.base import TaskResultStatus

from apps.core.mail import deliver_email, send_templated_email

SMTP = "django.core.mail.backends.smtp.EmailBackend"


def test_templated_email_is_rendered_in_polish_and_captured(mailoutbox):
    result = send_templated_email(
        to="anna@example.org",
        template="accounts/email/invitation",
        context={"invitation": None, "organisation": None, "link": "http://127.0.0.1:8000/x/"},
    )
    assert result.status == TaskResultStatus.SUCCESSFUL
    [message] = mailoutbox
    assert message.to == ["anna@example.org"]
    assert message.subject == "Zaproszenie do platformy Doradztwo dla JST"
    assert message.body.startswith("Dzień dobry,")
    assert "http://127.0.0.1:8000/x/" in message.body
    assert message.from_email == "Doradztwo dla JST <no-reply@doradztwo.example>"


def test_templated_email_stays_polish_when_the_page_is_in_english(mailoutbox):
    from django.utils import translation

    with translation.override("en"):
        send_templated_email(to="anna@example.org", template="accounts/email/invitation", context={"link": "http://x/"})
    assert mailoutbox[0].subject == "Zaproszenie do platformy Doradztwo dla JST"


@override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="smtp.example.org")
def test_sending_real_mail_in_a_test_fails():
    with pytest.raises(AssertionError, match="real e-mail over SMTP"):
        mail.send_mail("Temat", "Treść", "nadawca@example.org", ["anna@example.org"])


@override_settings(EMAIL_BACKEND=SMTP, EMAIL_HOST="smtp.example.org")
def test_sending_real_mail_through_the_queue_fails_the_task(task_failures, mailoutbox):
    result = deliver_email.enqueue(to=["anna@example.org"], subject="Temat", body="Treść")
    assert result.status == TaskResultStatus.FAILED
    assert "AssertionError" in result.errors[0].exception_class_path
    assert task_failures == [result]
    assert mailoutbox == []


def test_smtp_ssl_is_guarded_too():
    with pytest.raises(AssertionError):
        smtplib.SMTP_SSL().connect("smtp.example.org", 465)


def test_an_ics_invitation_travels_as_a_calendar_attachment(mailoutbox):
    from apps.core.mail import ics_attachment

    send_templated_email(
        to="anna@example.org",
        template="accounts/email/invitation",
        context={"link": "http://x/"},
        attachments=[ics_attachment(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")],
    )
    [(name, content, mimetype)] = mailoutbox[0].attachments
    assert name == "zaproszenie.ics"
    assert content.startswith("BEGIN:VCALENDAR")
    assert mimetype.startswith("text/calendar; method=REQUEST")
