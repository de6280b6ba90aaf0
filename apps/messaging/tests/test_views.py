"""The thread pages as people use them: reading marks messages read, bad input is shown next to its field and
kept, the organiser's staff see only the thread's activity, counts show on the dashboard and the karta JST."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.core.testing import sign_in
from apps.messaging import selectors, services
from apps.messaging.factories import MessageFactory
from apps.messaging.models import Message

pytestmark = pytest.mark.django_db


def thread_url(engagement, **query):
    url = reverse("messaging:thread", kwargs={"pk": engagement.pk})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def client_of(user) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def test_opening_the_thread_shows_new_messages_and_marks_them_read(engagement, leader, advisors):
    services.post_message(engagement=engagement, by=leader, body="Dzień dobry, mamy pytanie.")
    advisor = advisors[0]
    assert selectors.unread_counts(advisor, [engagement.pk]) == {engagement.pk: 1}
    page = client_of(advisor).get(thread_url(engagement)).content.decode()
    assert "Dzień dobry, mamy pytanie." in page and "nowa" in page
    assert selectors.unread_counts(advisor, [engagement.pk]) == {}


def test_posting_from_the_page_with_a_quote(engagement, leader, advisors, mailoutbox):
    first = services.post_message(engagement=engagement, by=leader, body="Kiedy spotkanie?")
    client = client_of(advisors[0])
    page = client.get(thread_url(engagement, cytuj=first.pk)).content.decode()
    assert "Odpowiedź z cytatem" in page and f'name="quoted" value="{first.pk}"' in page
    response = client.post(
        reverse("messaging:post", kwargs={"pk": engagement.pk}), {"body": "W czwartek.", "quoted": first.pk}
    )
    reply = Message.objects.latest("pk")
    assert response.status_code == 302 and response["Location"].endswith(f"#wiadomosc-{reply.pk}")
    assert reply.quoted == first
    page = client.get(thread_url(engagement)).content.decode()
    assert "Kiedy spotkanie?" in page.split("W czwartek.")[0]  # the quote above the reply's text
    assert leader.email in mailoutbox[-1].to


def test_a_bad_attachment_is_shown_next_to_the_field_and_the_text_is_kept(engagement, leader):
    response = client_of(leader).post(
        reverse("messaging:post", kwargs={"pk": engagement.pk}),
        {"body": "Tekst, który zostaje", "attachments": SimpleUploadedFile("x.pdf", b"MZ\x90\x00", "application/pdf")},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "nie można dołączyć" in page and "Tekst, który zostaje" in page
    assert 'aria-describedby="id_attachments' in page or "id_attachments_error" in page
    assert not Message.objects.exists()


def test_an_edit_after_the_limit_is_refused_with_a_clear_message(engagement, leader):
    message = MessageFactory(engagement=engagement, author=leader, body="Stara treść")
    client = client_of(leader)
    url = reverse("messaging:edit", kwargs={"pk": engagement.pk, "message_pk": message.pk})
    assert "Zapisz zmianę" in client.get(url).content.decode()
    Message.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    response = client.post(url, {"body": "Nowa treść"})
    assert response.status_code == 200
    assert "minęło 15 minut" in response.content.decode()
    message.refresh_from_db()
    assert message.body == "Stara treść"


def test_a_deleted_message_reads_removed_for_the_others(engagement, leader, advisors):
    message = services.post_message(engagement=engagement, by=leader, body="Tajemnica")
    client_of(leader).post(reverse("messaging:delete", kwargs={"pk": engagement.pk, "message_pk": message.pk}))
    page = client_of(advisors[0]).get(thread_url(engagement)).content.decode()
    assert "wiadomość usunięta" in page and "Tajemnica" not in page


def test_searching_the_thread_from_the_page(engagement, leader):
    services.post_message(engagement=engagement, by=leader, body="Budżet oświaty na rok 2024")
    services.post_message(engagement=engagement, by=leader, body="Zupełnie co innego")
    page = client_of(leader).get(thread_url(engagement, q="budzet")).content.decode()
    assert "Budżet oświaty" in page and "Zupełnie co innego" not in page


def test_the_organisers_staff_see_that_the_thread_is_active_but_not_what_it_says(engagement, leader):
    services.post_message(engagement=engagement, by=leader, body="Treść tylko dla zespołu i doradców")
    staff = MembershipFactory(organisation=engagement.edition.organiser, role=Membership.Role.STAFF).user
    client = client_of(staff)
    karta = client.get(reverse("engagements:detail", kwargs={"pk": engagement.pk})).content.decode()
    assert "Wiadomości zespołu i doradców" in karta and "W wątku jest 1 wiadomość" in karta
    assert "Treść tylko dla zespołu" not in karta
    assert reverse("messaging:thread", kwargs={"pk": engagement.pk}) not in karta
    assert client.get(thread_url(engagement)).status_code == 404
    history = client.get(reverse("engagements:history", kwargs={"pk": engagement.pk})).content.decode()
    assert "Treść tylko dla zespołu" not in history


def test_unread_counts_on_the_dashboard_and_the_karta(engagement, leader, advisors):
    services.post_message(engagement=engagement, by=leader, body="Jedna")
    services.post_message(engagement=engagement, by=leader, body="Druga")
    client = client_of(advisors[0])
    dashboard = client.get(reverse("core:dashboard")).content.decode()
    assert "2 nieprzeczytane wiadomości" in dashboard
    karta = client.get(reverse("engagements:detail", kwargs={"pk": engagement.pk})).content.decode()
    assert "Wiadomości (2 nowe)" in karta and "2 nieprzeczytane." in karta
    mine = client.get(reverse("engagements:mine")).content.decode()
    assert "2 nieprzeczytane wiadomości." in mine  # the advisor's waiting items


def test_choosing_the_daily_digest(leader):
    client = client_of(leader)
    response = client.post(reverse("messaging:notifications"), {"mode": "digest"})
    assert response.status_code == 302
    assert selectors.notification_mode(leader) == "digest"
    assert "jedno zestawienie dziennie" in client.get(reverse("messaging:notifications")).content.decode()


def test_the_edition_overview_counts_active_threads_for_the_organiser_only(engagement, leader):
    services.post_message(engagement=engagement, by=leader, body="Treść dla doradców")
    staff = MembershipFactory(organisation=engagement.edition.organiser, role=Membership.Role.STAFF).user
    url = reverse("editions:overview", kwargs={"slug": engagement.edition.slug})
    page = client_of(staff).get(url).content.decode()
    assert "Wątek z doradcami ma wiadomości w 1 z 1 JST" in page and "Treść dla doradców" not in page
    assert "Wątek z doradcami" not in client_of(leader).get(url).content.decode()
