"""Posting, quoting, editing within the limit, deleting, notifications and the daily digest."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.engagements.factories import TeamMemberFactory
from apps.messaging import selectors, services
from apps.messaging.factories import MessageFactory, thread_with_people
from apps.messaging.models import Attachment, Delivery, Message, NotificationPreference

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\n"


def pdf(name="plan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_a_message_reaches_the_others_by_email_at_once(engagement, leader, advisors, mailoutbox):
    message = services.post_message(engagement=engagement, by=leader, body="Prosimy o termin spotkania.")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert sorted(mail.to) == sorted(a.email for a in advisors)
    assert leader.email not in mail.to
    assert "Prosimy o termin spotkania." in mail.body
    assert f"/karty-jst/{engagement.pk}/wiadomosci/#wiadomosc-{message.pk}" in mail.body
    assert Delivery.objects.filter(message=message, sent_at__isnull=False).count() == 2


def test_the_audit_entry_names_the_message_without_its_content(engagement, leader):
    services.post_message(engagement=engagement, by=leader, body="Poufna treść o budżecie")
    entry = AuditEntry.objects.get(action="messaging.message_posted")
    assert entry.engagement_id == engagement.pk
    assert "Poufna" not in entry.target_repr and "Poufna" not in str(entry.changes)


def test_a_person_who_chose_the_digest_gets_no_email_per_message(engagement, leader, advisors, mailoutbox):
    services.set_notification_mode(user=advisors[0], mode=NotificationPreference.Mode.DIGEST)
    services.post_message(engagement=engagement, by=leader, body="Pierwsza")
    services.post_message(engagement=engagement, by=leader, body="Druga")
    assert [m.to for m in mailoutbox] == [[advisors[1].email], [advisors[1].email]]
    mailoutbox.clear()
    assert services.send_digests() == 1
    (digest,) = mailoutbox
    assert digest.to == [advisors[0].email]
    assert "Pierwsza" in digest.body and "Druga" in digest.body
    assert "2 nowe wiadomości" in digest.subject


def test_the_digest_never_sends_the_same_messages_twice(engagement, leader, advisors, mailoutbox):
    services.set_notification_mode(user=advisors[0], mode=NotificationPreference.Mode.DIGEST)
    services.post_message(engagement=engagement, by=leader, body="Raz")
    mailoutbox.clear()
    assert services.send_digests() == 1
    assert services.send_digests() == 0  # the job run again for the same slot
    assert len(mailoutbox) == 1
    services.post_message(engagement=engagement, by=leader, body="Dwa")
    mailoutbox.clear()
    assert services.send_digests() == 1
    assert "Dwa" in mailoutbox[0].body and "Raz" not in mailoutbox[0].body


def test_the_digest_job_of_the_scheduler_is_idempotent(engagement, leader, advisors, mailoutbox):
    from apps.messaging.hooks import send_digests_job

    services.set_notification_mode(user=advisors[0], mode=NotificationPreference.Mode.DIGEST)
    services.post_message(engagement=engagement, by=leader, body="Raz")
    mailoutbox.clear()
    slot = timezone.now() + timedelta(minutes=1)
    assert send_digests_job(slot=slot) == {"sent": 1}
    assert send_digests_job(slot=slot) == {"sent": 0}
    assert len(mailoutbox) == 1


def test_the_digest_leaves_out_messages_read_or_deleted_meanwhile(engagement, leader, advisors, mailoutbox):
    reader = advisors[0]
    services.set_notification_mode(user=reader, mode=NotificationPreference.Mode.DIGEST)
    read = services.post_message(engagement=engagement, by=leader, body="Przeczytana")
    services.mark_read(engagement=engagement, user=reader, up_to=read.pk)
    deleted = services.post_message(engagement=engagement, by=leader, body="Usunięta")
    services.delete_message(message=deleted, by=leader)
    mailoutbox.clear()
    assert services.send_digests() == 0
    assert not mailoutbox
    assert not Delivery.objects.filter(recipient=reader, sent_at__isnull=True).exists()


def test_the_digest_skips_threads_the_person_has_left(engagement, leader, advisors, mailoutbox):
    member = TeamMemberFactory(engagement=engagement)
    services.set_notification_mode(user=member.user, mode=NotificationPreference.Mode.DIGEST)
    services.post_message(engagement=engagement, by=leader, body="Po odejściu")
    member.left_at = timezone.now()
    member.save()
    mailoutbox.clear()
    assert services.send_digests() == 0 and not mailoutbox


def test_a_message_needs_text_or_a_file(engagement, leader):
    with pytest.raises(ValidationError) as error:
        services.post_message(engagement=engagement, by=leader, body="  ")
    assert "body" in error.value.message_dict
    message = services.post_message(engagement=engagement, by=leader, body="", attachments=[pdf()])
    assert message.attachments.get().original_name == "plan.pdf"


@pytest.mark.parametrize(
    "upload, words",
    [
        (SimpleUploadedFile("skrypt.pdf", b"#!/bin/sh\necho", content_type="application/pdf"), "nie można dołączyć"),
        (SimpleUploadedFile("pusty.pdf", b"", content_type="application/pdf"), "jest pusty"),
    ],
)
def test_an_attachment_of_the_wrong_type_is_refused_and_nothing_is_stored(engagement, leader, upload, words):
    with pytest.raises(ValidationError) as error:
        services.post_message(engagement=engagement, by=leader, body="Plik", attachments=[upload])
    assert words in " ".join(error.value.message_dict["attachments"])
    assert not Message.objects.exists() and not Attachment.objects.exists()


def test_an_attachment_over_the_limit_is_refused(engagement, leader, settings):
    settings.MESSAGING_ATTACHMENT_MAX_BYTES = 10
    with pytest.raises(ValidationError) as error:
        services.post_message(engagement=engagement, by=leader, body="Plik", attachments=[pdf()])
    assert "za duży" in " ".join(error.value.message_dict["attachments"])


def test_too_many_attachments_are_refused(engagement, leader, settings):
    settings.MESSAGING_ATTACHMENTS_PER_MESSAGE = 1
    with pytest.raises(ValidationError):
        services.post_message(engagement=engagement, by=leader, body="Pliki", attachments=[pdf(), pdf("b.pdf")])


def test_a_reply_quotes_a_message_of_the_same_thread_only(engagement, leader, advisors):
    first = services.post_message(engagement=engagement, by=leader, body="Pytanie")
    reply = services.post_message(engagement=engagement, by=advisors[0], body="Odpowiedź", quoted=first)
    assert reply.quoted == first
    other, other_leader, _advisors = thread_with_people()
    elsewhere = MessageFactory(engagement=other, author=other_leader)
    with pytest.raises(ValidationError):
        services.post_message(engagement=engagement, by=leader, body="x", quoted=elsewhere)


def test_a_message_can_be_edited_for_15_minutes_by_its_author_only(engagement, leader, advisors):
    message = services.post_message(engagement=engagement, by=leader, body="Literówka")
    edited = services.edit_message(message=message, by=leader, body="Bez literówki")
    assert edited.body == "Bez literówki" and edited.edited_at and edited.search_text == "bez literowki"
    with pytest.raises(ValidationError):
        services.edit_message(message=message, by=advisors[0], body="Cudza zmiana")
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=15, seconds=1))
    with pytest.raises(ValidationError) as error:
        services.edit_message(message=message, by=leader, body="Za późno")
    assert "minęło 15 minut" in error.value.messages[0]
    message.refresh_from_db()
    assert message.body == "Bez literówki"


def test_deleting_removes_the_text_and_the_files(engagement, leader, django_capture_on_commit_callbacks):
    message = services.post_message(engagement=engagement, by=leader, body="Do usunięcia", attachments=[pdf()])
    stored = message.attachments.get().file
    storage, name = stored.storage, stored.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_message(message=message, by=leader)
    message.refresh_from_db()
    assert message.is_deleted and message.body == "" and message.search_text == ""
    assert not message.attachments.exists()
    assert not storage.exists(name)


def test_unread_counts_follow_the_read_marker_and_ignore_own_and_deleted(engagement, leader, advisors):
    advisor = advisors[0]
    first = services.post_message(engagement=engagement, by=leader, body="1")
    services.post_message(engagement=engagement, by=leader, body="2")
    gone = services.post_message(engagement=engagement, by=leader, body="3")
    services.post_message(engagement=engagement, by=advisor, body="moja")
    services.delete_message(message=gone, by=leader)
    # Posting moved the advisor's marker past everything before their own message.
    assert selectors.unread_counts(advisor, [engagement.pk]) == {}
    assert selectors.unread_counts(advisors[1], [engagement.pk]) == {engagement.pk: 3}
    services.mark_read(engagement=engagement, user=advisors[1], up_to=first.pk)
    assert selectors.unread_counts(advisors[1], [engagement.pk]) == {engagement.pk: 2}
    services.mark_read(engagement=engagement, user=advisors[1], up_to=1)  # a marker never moves back
    assert selectors.unread_counts(advisors[1], [engagement.pk]) == {engagement.pk: 2}


def test_former_team_members_are_not_told(engagement, leader, advisors, mailoutbox):
    former = TeamMemberFactory(engagement=engagement, left_at=timezone.now())
    services.post_message(engagement=engagement, by=leader, body="Hej")
    assert former.email not in mailoutbox[0].to


def test_search_ignores_case_and_polish_diacritics(engagement, leader):
    services.post_message(engagement=engagement, by=leader, body="Spotkanie w Bolesławcu o ŻŁOBKACH")
    services.post_message(engagement=engagement, by=leader, body="Inny temat")
    page = selectors.thread_page(engagement, query="boleslawcu zlobkach")
    assert [m.body for m in page.messages] == ["Spotkanie w Bolesławcu o ŻŁOBKACH"]


def test_the_thread_page_holds_the_latest_fifty_and_links_to_older(engagement, leader):
    MessageFactory.create_batch(selectors.PAGE_SIZE + 3, engagement=engagement, author=leader)
    newest = selectors.thread_page(engagement)
    assert len(newest.messages) == selectors.PAGE_SIZE and newest.older
    assert newest.messages[0].pk < newest.messages[-1].pk  # oldest first on the page
    older = selectors.thread_page(engagement, before=newest.older)
    assert len(older.messages) == 3 and older.older is None
    assert max(m.pk for m in older.messages) < min(m.pk for m in newest.messages)


@pytest.mark.django_db(transaction=True)
def test_two_people_posting_at_the_same_moment_both_land(people):
    import threading

    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers need PostgreSQL (CI runs it); SQLite serialises the whole database.")
    engagement, leader, advisors = people
    barrier = threading.Barrier(2)
    errors = []

    def write(user):
        try:
            barrier.wait()
            services.post_message(engagement=engagement, by=user, body=f"Od {user.pk}")
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(user,)) for user in (leader, advisors[0])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Message.objects.filter(engagement=engagement).count() == 2
