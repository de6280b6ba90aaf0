"""Answering: one-time tokens, anonymity in the tables, required answers, the scale's range, closing, conditions,
drafts; publishing and reminders."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from apps.events.factories import RegistrationFactory
from apps.surveys import services
from apps.surveys.models import Answer, Draft, Invitation, Response, Survey
from apps.surveys.tokens import hash_token

from .helpers import invited, training_survey, training_values

pytestmark = pytest.mark.django_db


def _all_rows():
    """Every row of every table, as (table, column names, values as text)."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from the introspection)
            columns = [c[0] for c in cursor.description]
            for row in cursor.fetchall():
                yield table, columns, ["" if v is None else str(v) for v in row]


def test_anonymous_response_is_linked_to_no_person_and_no_token_in_any_table():
    survey, q = training_survey()
    tokens = invited(survey, 3)
    response = services.submit_response(token=tokens[1], values=training_values(q, remarks="Więcej przykładów"))
    invitation = Invitation.objects.get(token_hash=hash_token(tokens[1]))
    user = invitation.user
    response_keys = {str(response.pk), response.pk.hex}
    answer_keys = {str(a) for a in Answer.objects.filter(response=response).values_list("pk", flat=True)}
    answer_keys |= {k.replace("-", "") for k in answer_keys}
    person_keys = {user.email, user.full_name}
    for table, _columns, values in _all_rows():
        text = " ".join(values)
        # The token itself is stored nowhere; its hash only on the invitation.
        assert tokens[1] not in text, table
        if invitation.token_hash in text:
            assert table == Invitation._meta.db_table
        mentions_response = any(k in values or any(k in v for v in values) for k in response_keys | answer_keys)
        if mentions_response:
            # Only the response and its answers mention it, and they mention nobody.
            assert table in (Response._meta.db_table, Answer._meta.db_table), table
            assert not any(p in text for p in person_keys), table
            assert invitation.token_hash not in text
    stored = Response.objects.get(pk=response.pk)
    assert stored.respondent_id is None and stored.submitted_at is None
    # The invitation keeps that it was used, nothing about when or which response.
    assert {f.name for f in Invitation._meta.concrete_fields} >= {"used"}
    assert not any(f.get_internal_type() in ("DateTimeField", "DateField") for f in Invitation._meta.concrete_fields)
    assert not any(f.get_internal_type() in ("DateTimeField", "DateField") for f in Answer._meta.concrete_fields)
    assert not Draft.objects.exists()
    invitation.refresh_from_db()
    assert invitation.used


def test_a_second_response_with_the_same_token_is_refused():
    survey, q = training_survey()
    [token] = invited(survey, 1)
    services.submit_response(token=token, values=training_values(q))
    with pytest.raises(ValidationError, match="już wysłana"):
        services.submit_response(token=token, values=training_values(q))
    assert Response.objects.count() == 1


def test_required_answer_missing_and_scale_out_of_range_are_refused_with_clear_messages():
    survey, q = training_survey()
    [token] = invited(survey, 1)
    values = training_values(q)
    del values[q["Jak ogólnie oceniasz szkolenie?"].pk]
    with pytest.raises(ValidationError) as missing:
        services.submit_response(token=token, values=values)
    assert "obowiązkowe" in str(missing.value)
    values = training_values(q, overall=7)
    with pytest.raises(ValidationError) as out_of_range:
        services.submit_response(token=token, values=values)
    assert "od 1 do 5" in str(out_of_range.value)
    assert not Response.objects.exists()


def test_answer_page_shows_errors_next_to_fields_never_a_500(client):
    survey, q = training_survey()
    [token] = invited(survey, 1)
    overall = q["Jak ogólnie oceniasz szkolenie?"]
    page = client.post(reverse("surveys:answer", args=[token]), {f"q{overall.pk}": "9", "wyslij": ""})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Wybierz wartość od 1 do 5." in text
    assert "To pytanie jest obowiązkowe" in text or "obowiązkowe" in text
    assert not Response.objects.exists()


def test_after_closing_the_survey_refuses_answers(client):
    survey, q = training_survey()
    [token] = invited(survey, 1)
    Survey.objects.filter(pk=survey.pk).update(
        opens_on=timezone.localdate() - timedelta(days=10), closes_on=timezone.localdate() - timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="zamknięta"):
        services.submit_response(token=token, values=training_values(q))
    page = client.post(reverse("surveys:answer", args=[token]), {"wyslij": ""})
    assert page.status_code == 200
    assert "zamknięta" in page.content.decode()
    assert not Response.objects.exists()


def test_a_conditional_question_is_required_only_when_shown_and_dropped_when_not():
    survey, q = training_survey()
    why = q["Co przeszkadza w wykorzystaniu wiedzy ze szkolenia?"]
    why.required = True
    why.save()
    a, b = invited(survey, 2)
    with pytest.raises(ValidationError, match="obowiązkowe"):
        services.submit_response(token=a, values=training_values(q, use="nie"))
    services.submit_response(token=a, values=training_values(q, use="nie", why="Brak czasu"))
    # Not shown (the answer is "tak"): not required, and an answer sent anyway is not stored.
    services.submit_response(token=b, values=training_values(q, use="tak", why="Ukryte"))
    assert list(Answer.objects.filter(question=why).values_list("text", flat=True)) == ["Brak czasu"]


def test_save_and_come_back(client):
    survey, q = training_survey()
    [token] = invited(survey, 1)
    overall = q["Jak ogólnie oceniasz szkolenie?"]
    url = reverse("surveys:answer", args=[token])
    saved = client.post(url, {f"q{overall.pk}": "2", "zapisz": ""})
    assert saved.status_code == 302
    assert Draft.objects.count() == 1 and not Response.objects.exists()
    again = client.get(url)
    assert 'value="2" required' in again.content.decode() or 'value="2"' in again.content.decode()
    assert "checked" in again.content.decode()
    services.submit_response(token=token, values=training_values(q))
    assert not Draft.objects.exists()


def test_publish_invites_registered_participants_once_and_reminders_are_sent_once(mailoutbox):
    survey, _q = training_survey(published=False)
    RegistrationFactory.create_batch(2, event=survey.event)
    assert services.publish(survey=survey, by=None) == 2
    assert services.publish(survey=survey, by=None) == 0
    assert len(mailoutbox) == 2
    Survey.objects.filter(pk=survey.pk).update(closes_on=timezone.localdate() + timedelta(days=2))
    assert services.send_reminders() == 2
    assert services.send_reminders() == 0
    assert len(mailoutbox) == 4
    # The reminder's new link works; the first one no longer does.
    first_link = mailoutbox[0].body.split("/ankieta/")[1].split("/")[0]
    assert services.save_draft is not None
    with pytest.raises(ValidationError, match="nieważny"):
        services.save_draft(token=first_link, values={})
