"""The responses through the one list exporter: the columns built per survey, the choice remembered per survey,
no person, time or token column in an anonymous survey, a long export in the background with progress."""

import dataclasses
import io

import lxml.html
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.core.testing import assert_constant_queries, sign_in
from apps.documents import list_exports
from apps.documents.list_exports import export_query, last_choice
from apps.documents.models import GeneratedDocument
from apps.documents.testing import exported_table
from apps.surveys import export, services, views

from .helpers import invited, training_survey, training_values

pytestmark = pytest.mark.django_db


def _answer(survey, q, overalls):
    for token, overall in zip(invited(survey, len(overalls)), overalls, strict=True):
        services.submit_response(token=token, values=training_values(q, overall=overall))


def _staff(survey):
    return MembershipFactory(organisation=survey.organiser, role=Membership.Role.STAFF).user


def _url(survey, query=""):
    return reverse("surveys:export", args=[survey.pk]) + ("?" + query if query else "")


def _offered(page) -> list[str]:
    return lxml.html.fromstring(page.content).xpath('//input[@name="kolumny"]/@value')


def test_the_organiser_picks_question_columns_and_the_choice_is_remembered_per_survey(client):
    survey, q = training_survey()
    other, _q = training_survey()
    _answer(survey, q, [5, 3])
    staff = _staff(survey)
    sign_in(client, staff)
    overall = q["Jak ogólnie oceniasz szkolenie?"]
    aspects = q["Oceń poszczególne elementy szkolenia."]
    offered = _offered(client.get(_url(survey)))
    assert offered[:4] == ["number", "jst_kind", "group", "edition"]
    assert f"q{overall.pk}" in offered and f"q{aspects.pk}_0" in offered
    picked = ["number", f"q{overall.pk}", f"q{aspects.pk}_1"]
    header, rows = exported_table(client.get(_url(survey, export_query(export.RESPONSES, "csv", picked))))
    assert header == ["Nr", f"1. {overall.text}", f"2. {aspects.text}: {aspects.items[1]}"]
    # Anonymous responses have no time: their order is random, the numbers run 1, 2.
    assert [r[0] for r in rows] == ["1", "2"] and sorted(r[1:] for r in rows) == [["3", "3"], ["5", "5"]]
    assert last_choice(export.RESPONSES, staff, survey) == picked
    # Another survey of the same organiser keeps its own (default) choice: every column.
    assert last_choice(export.RESPONSES, staff, other) == export.RESPONSES.defaults_for(other)
    # The results page's one-click links export with the remembered choice.
    results = client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert f"kolumny=q{aspects.pk}_1" in results and f"kolumny=q{aspects.pk}_0" not in results


def test_an_anonymous_survey_offers_no_person_time_or_token_column(client):
    anonymous, q = training_survey()
    assert anonymous.anonymous
    _answer(anonymous, q, [4])
    sign_in(client, _staff(anonymous))
    offered = _offered(client.get(_url(anonymous)))
    assert not {"person", "email", "submitted", "token"} & set(offered)
    header, _rows = exported_table(client.get(_url(anonymous, export_query(export.RESPONSES, "csv", target=anonymous))))
    assert not {"Osoba", "E-mail", "Wysłano"} & set(header)
    # Asking for them anyway is refused on the page, and no file is written.
    refused = client.get(_url(anonymous, export_query(export.RESPONSES, "csv", ["number", "person", "submitted"])))
    assert refused["Content-Type"].startswith("text/html") and "person" in refused.content.decode()


def test_a_named_survey_offers_who_and_when(client):
    named, q = training_survey(anonymous=False)
    _answer(named, q, [4])
    sign_in(client, _staff(named))
    assert {"person", "email", "submitted"} <= set(_offered(client.get(_url(named))))
    header, rows = exported_table(client.get(_url(named, export_query(export.RESPONSES, "csv", ["person", "email"]))))
    respondent = named.responses.get().respondent
    assert header == ["Osoba", "E-mail"] and rows == [[respondent.full_name, respondent.email]]


def test_a_long_export_is_prepared_in_the_background_with_progress(client, monkeypatch):
    monkeypatch.setitem(list_exports.SPECS, export.RESPONSES.key, export.RESPONSES)
    small = dataclasses.replace(export.RESPONSES, background_from=2)
    monkeypatch.setattr(views, "RESPONSES", small)
    monkeypatch.setattr(list_exports, "PROGRESS_EVERY", 1)
    survey, q = training_survey()
    _answer(survey, q, [5, 4, 3])
    sign_in(client, _staff(survey))
    response = client.get(_url(survey, export_query(small, "xlsx", target=survey)))
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("documents:status", args=[document.pk])
    download = client.get(reverse("documents:download", args=[document.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert sheet.max_row == 4  # the header and one row per response
    seen = []
    list_exports.build_list_document(survey, seen.append, **document.params)
    assert seen == [33, 66, 100]


def test_export_queries_do_not_grow_with_responses(client):
    survey, q = training_survey()
    sign_in(client, _staff(survey))
    query = export_query(export.RESPONSES, "csv", target=survey)
    assert_constant_queries(
        build=lambda n: _answer(survey, q, [1 + i % 5 for i in range(n)]),
        request=lambda: client.get(_url(survey, query)),
        few=2,
        many=8,
    )
