"""Results (counts, percentages, means, small anonymous groups hidden), the flat export, the pages that build and
show a survey, the promote seam, the PDF report; query counts that do not grow with responses."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.core.testing import assert_constant_queries, sign_in
from apps.documents.list_exports import export_query
from apps.surveys import services
from apps.surveys.export import RESPONSES, flat_table
from apps.surveys.feedback import promote_answer
from apps.surveys.models import Answer, Question, Survey
from apps.surveys.results import results_of
from apps.surveys.selectors import questions_of

from .helpers import invited, training_survey, training_values

pytestmark = pytest.mark.django_db


def _answer(survey, q, overalls, **kwargs):
    for token, overall in zip(invited(survey, len(overalls), **kwargs), overalls, strict=True):
        services.submit_response(token=token, values=training_values(q, overall=overall, remarks=f"Uwaga {overall}"))


def _staff(survey):
    return MembershipFactory(organisation=survey.organiser, role=Membership.Role.STAFF).user


def test_counts_percentages_and_mean():
    survey, q = training_survey()
    _answer(survey, q, [5, 4, 4])
    results = results_of(survey, questions_of(survey))
    assert results.responses == 3
    overall = next(r for r in results.questions if r.question.text == "Jak ogólnie oceniasz szkolenie?")
    block = overall.blocks[0]
    assert block.mean == 4.33
    assert [b.count for b in block.bars] == [0, 0, 0, 2, 1]
    assert [b.percent for b in block.bars][3:] == [66.7, 33.3]
    topics = next(r for r in results.questions if r.question.kind == Question.Kind.MULTIPLE)
    assert [b.count for b in topics.blocks[0].bars] == [3, 0, 3, 0, 0]
    matrix = next(r for r in results.questions if r.question.kind == Question.Kind.MATRIX)
    assert len(matrix.blocks) == 4 and matrix.blocks[0].mean == 4.33
    remarks = next(r for r in results.questions if r.question.text.startswith("Uwagi"))
    assert sorted(t["text"] for t in remarks.texts) == ["Uwaga 4", "Uwaga 4", "Uwaga 5"]


def test_a_filtered_group_of_fewer_than_three_is_hidden_in_an_anonymous_survey():
    survey, q = training_survey()
    _answer(survey, q, [5, 4, 4], group="rural_gminy")
    _answer(survey, q, [1], jst_kind="powiat", group="powiaty")
    questions = questions_of(survey)
    assert results_of(survey, questions, {"workshop_group": "powiaty"}).hidden
    shown = results_of(survey, questions, {"workshop_group": "rural_gminy"})
    assert not shown.hidden and shown.responses == 3


def test_flat_export_has_one_row_per_response_and_a_column_per_item_and_option(client):
    survey, q = training_survey()
    _answer(survey, q, [5, 3])
    headers, rows = flat_table(survey)
    assert len(rows) == 2
    matrix = q["Oceń poszczególne elementy szkolenia."]
    topics = q["Które tematy warto rozwinąć na kolejnych szkoleniach?"]
    assert sum(1 for h in headers if h.startswith("2. ")) == len(matrix.items)
    assert sum(1 for h in headers if h.startswith("5. ")) == len(topics.options)
    first_topic = headers.index(f"5. {topics.text}: {topics.options[0]}")
    assert [row[first_topic] for row in rows] == [True, True]
    assert [row[first_topic + 1] for row in rows] == [False, False]
    sign_in(client, _staff(survey))
    url = reverse("surveys:export", args=[survey.pk]) + "?"
    xlsx = client.get(url + export_query(RESPONSES, "xlsx", target=survey))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.max_row == 3  # header + two responses
    assert [c.value for c in sheet[1]] == headers  # every column is ticked by default
    csv = client.get(url + export_query(RESPONSES, "csv", target=survey))
    assert csv.content.decode("utf-8-sig").count("\r\n") == 3


def test_results_page_query_count_does_not_grow_with_responses(client):
    survey, q = training_survey()
    sign_in(client, _staff(survey))
    url = reverse("surveys:results", args=[survey.pk])
    assert_constant_queries(
        build=lambda n: _answer(survey, q, [1 + i % 5 for i in range(n)]),
        request=lambda: client.get(url),
        few=3,
        many=12,
    )
    page = client.get(url + "?workshop_group=rural_gminy")
    assert page.status_code == 200
    assert 'role="img"' in page.content.decode()


def test_organiser_builds_a_survey_from_the_template_and_adds_a_conditional_question(client):
    survey, _ = training_survey()
    staff = _staff(survey)
    sign_in(client, staff)
    created = client.post(
        reverse("surveys:create"),
        {
            "template": "meeting",
            "title": "Ocena spotkania otwierającego",
            "scope": "event",
            "event": survey.event.pk,
            "audience": "participants",
            "anonymous": "on",
            "opens_on": survey.opens_on.isoformat(),
            "closes_on": survey.closes_on.isoformat(),
        },
    )
    assert created.status_code == 302, created.content.decode()[:3000]
    new = Survey.objects.get(title="Ocena spotkania otwierającego")
    assert new.questions.count() == 4 and new.anonymous
    overall = new.questions.get(kind="scale")
    url = reverse("surveys:question_add", args=[new.pk])
    refused = client.post(
        url, {"kind": "short_text", "text": "Dlaczego?", "condition_question": overall.pk, "condition_value": "8"}
    )
    assert "od 1 do 5" in refused.content.decode()
    added = client.post(
        url, {"kind": "short_text", "text": "Dlaczego?", "condition_question": overall.pk, "condition_value": "1"}
    )
    assert added.status_code == 302
    assert new.questions.get(text="Dlaczego?").condition_question == overall
    assert client.get(reverse("surveys:detail", args=[new.pk])).status_code == 200


def test_promote_answer_keeps_the_anonymous_respondent_out_and_refuses_twice():
    survey, q = training_survey()
    _answer(survey, q, [4])
    answer = Answer.objects.exclude(text="").get()
    staff = _staff(survey)
    remark = promote_answer(answer=answer, by=staff)
    assert remark["author"] is None and remark["text"] == "Uwaga 4"
    stored = remark["remark"]
    stored.refresh_from_db()
    # the respondent stays anonymous: the remark is the promoting organiser's, who is told when it is implemented
    assert stored.author == staff and stored.text == "Uwaga 4" and stored.source == "survey"
    with pytest.raises(ValidationError):
        promote_answer(answer=answer, by=None)


def test_pdf_report_is_built(client):
    survey, q = training_survey()
    _answer(survey, q, [5, 4, 3])
    sign_in(client, _staff(survey))
    response = client.post(reverse("surveys:report_pdf", args=[survey.pk]))
    assert response.status_code == 302
    from apps.documents.models import GeneratedDocument

    document = GeneratedDocument.objects.get(kind="survey_report_pdf")
    assert document.status == "done", document.error
