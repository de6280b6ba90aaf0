"""The flat export: one row per response, one column per item; a matrix has a column per statement, a multiple
choice a column per option (tak/nie). Two queries whatever the size; large surveys are built in the background
(``documents.py``)."""

from django.utils.translation import gettext as _

from apps.editions.models import Edition
from apps.territory.kinds import JstKind, WorkshopGroup

from .models import Answer, Question, Response, Survey

Kind = Question.Kind
BACKGROUND_FROM = 500  # responses: from this many the export is prepared in the background with progress


def columns(questions: list[Question]) -> list[tuple[str, Question, int | None]]:
    cols = []
    for n, question in enumerate(questions, start=1):
        if question.kind == Kind.MATRIX:
            cols += [(f"{n}. {question.text}: {item}", question, i) for i, item in enumerate(question.items)]
        elif question.kind == Kind.MULTIPLE:
            cols += [(f"{n}. {question.text}: {option}", question, i) for i, option in enumerate(question.options)]
        else:
            cols.append((f"{n}. {question.text}", question, None))
    return cols


def flat_table(survey: Survey, questions: list[Question], progress=lambda percent: None) -> tuple[list, list]:
    cols = columns(questions)
    named = not survey.anonymous
    headers = [_("Nr"), _("Rodzaj JST"), _("Grupa warsztatowa"), _("Edycja")]
    if named:
        headers[1:1] = [_("Osoba"), _("E-mail"), _("Wysłano")]
    headers += [c[0] for c in cols]
    responses = list(Response.objects.filter(survey=survey).select_related("respondent").order_by("submitted_at", "id"))
    edition_ids = {r.edition_id for r in responses if r.edition_id}
    editions = dict(Edition.objects.filter(pk__in=edition_ids).values_list("pk", "name")) if edition_ids else {}
    by_id = {q.pk: q for q in questions}
    by_response: dict = {}
    fields = ("response_id", "question_id", "item", "choice", "number", "text")
    for a in Answer.objects.filter(response__survey=survey).values(*fields):
        by_response.setdefault(a["response_id"], []).append(a)
    kinds, groups = dict(JstKind.choices), dict(WorkshopGroup.choices)
    rows = []
    step = max(1, len(responses) // 20)
    for number, response in enumerate(responses, start=1):
        cells: dict[tuple, object] = {}
        for a in by_response.get(response.id, []):
            question = by_id.get(a["question_id"])
            if question is None:
                continue
            if question.kind == Kind.MULTIPLE:
                cells[(question.pk, a["choice"])] = True
            elif question.kind == Kind.SINGLE:
                options = question.options
                cells[(question.pk, None)] = options[a["choice"]] if a["choice"] < len(options) else ""
            elif question.kind == Kind.MATRIX:
                cells[(question.pk, a["item"])] = int(a["number"])
            elif question.kind == Kind.SCALE:
                cells[(question.pk, None)] = int(a["number"])
            elif question.kind == Kind.NUMBER:
                cells[(question.pk, None)] = a["number"]
            else:
                cells[(question.pk, None)] = a["text"]
        row = [number, str(kinds.get(response.jst_kind, "")), str(groups.get(response.workshop_group, ""))]
        row.append(editions.get(response.edition_id, ""))
        if named:
            person = response.respondent
            row[1:1] = [person.full_name if person else "", person.email if person else "", response.submitted_at]
        for _label, question, index in cols:
            value = cells.get((question.pk, index))
            if question.kind == Kind.MULTIPLE:
                value = bool(value)
            row.append(value)
        rows.append(row)
        if number % step == 0:
            progress(10 + 80 * number // max(1, len(responses)))
    return headers, rows
