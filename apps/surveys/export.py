"""The flat export of a survey's responses through the one list exporter (``documents.list_exports``): one row per
response, one column per item; a matrix has a column per statement, a multiple choice a column per option
(tak/nie). The columns are built per survey (its questions) and the organiser's choice is remembered per survey.
An anonymous survey offers no person, time or token column at all (decision 0023): nothing of it can be picked.
A few queries whatever the size; from ``BACKGROUND_FROM`` responses the file is prepared in the background."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.text import ascii_slug
from apps.documents.list_exports import Column, ListExport
from apps.editions.models import Edition
from apps.territory.kinds import JstKind, WorkshopGroup

from . import selectors
from .models import Answer, Question, Response, Survey

Kind = Question.Kind
BACKGROUND_FROM = 500  # responses: above this many the export is prepared in the background with progress


@dataclass
class FlatRow:
    number: int
    response: Response
    edition: str = ""
    cells: dict = field(default_factory=dict)  # (question pk, item or option index or None) -> value


def _cell(question: Question, answer: dict):
    if question.kind == Kind.MULTIPLE:
        return True
    if question.kind == Kind.SINGLE:
        options = question.options
        return options[answer["choice"]] if answer["choice"] < len(options) else ""
    if question.kind in (Kind.MATRIX, Kind.SCALE):
        return int(answer["number"])
    if question.kind == Kind.NUMBER:
        return answer["number"]
    return answer["text"]


def response_rows(survey: Survey) -> Iterator[FlatRow]:
    """Each response with its answers by question (three queries, run when the file is written)."""
    by_id = {q.pk: q for q in selectors.questions_of(survey)}
    responses = list(Response.objects.filter(survey=survey).select_related("respondent").order_by("submitted_at", "id"))
    edition_ids = {r.edition_id for r in responses if r.edition_id}
    editions = dict(Edition.objects.filter(pk__in=edition_ids).values_list("pk", "name")) if edition_ids else {}
    cells: dict = {}
    fields = ("response_id", "question_id", "item", "choice", "number", "text")
    for a in Answer.objects.filter(response__survey=survey).values(*fields):
        question = by_id.get(a["question_id"])
        if question is None:
            continue
        index = a["choice"] if question.kind == Kind.MULTIPLE else a["item"] if question.kind == Kind.MATRIX else None
        cells.setdefault(a["response_id"], {})[(question.pk, index)] = _cell(question, a)
    for number, response in enumerate(responses, start=1):
        yield FlatRow(number, response, editions.get(response.edition_id, ""), cells.get(response.id, {}))


def _count(survey: Survey) -> int:
    return Response.objects.filter(survey=survey).count()


def _question_column(key: str, label: str, question: Question, index: int | None) -> Column:
    if question.kind == Kind.MULTIPLE:
        return Column(key, label, lambda row: bool(row.cells.get((question.pk, index))))
    return Column(key, label, lambda row: row.cells.get((question.pk, index)))


def question_columns(questions: list[Question]) -> list[Column]:
    cols = []
    for n, question in enumerate(questions, start=1):
        if question.kind in (Kind.MATRIX, Kind.MULTIPLE):
            parts = question.items if question.kind == Kind.MATRIX else question.options
            cols += [
                _question_column(f"q{question.pk}_{i}", f"{n}. {question.text}: {part}", question, i)
                for i, part in enumerate(parts)
            ]
        else:
            cols.append(_question_column(f"q{question.pk}", f"{n}. {question.text}", question, None))
    return cols


def _person(row: FlatRow):
    return row.response.respondent


def survey_columns(survey: Survey) -> list[Column]:
    """The columns after the number: who and when (named surveys only), the filter attributes, the questions."""
    kinds, groups = dict(JstKind.choices), dict(WorkshopGroup.choices)
    named = []
    if not survey.anonymous:
        named = [
            Column("person", _("Osoba"), lambda row: _person(row).full_name if _person(row) else ""),
            Column("email", _("E-mail"), lambda row: _person(row).email if _person(row) else ""),
            Column("submitted", _("Wysłano"), lambda row: row.response.submitted_at),
        ]
    return [
        *named,
        Column("jst_kind", _("Rodzaj JST"), lambda row: str(kinds.get(row.response.jst_kind, ""))),
        Column("group", _("Grupa warsztatowa"), lambda row: str(groups.get(row.response.workshop_group, ""))),
        Column("edition", _("Edycja"), lambda row: row.edition),
        *question_columns(selectors.questions_of(survey)),
    ]


RESPONSES = ListExport(
    key="surveys.responses",
    title=gettext_lazy("Odpowiedzi"),
    rows=response_rows,
    count=_count,
    view_action="survey.results",
    filename=lambda survey: f"ankieta-{ascii_slug(survey.title, fallback='ankieta')}",
    columns=[Column("number", gettext_lazy("Nr"), lambda row: row.number)],
    columns_for=survey_columns,
    remember_per_target=True,
    background_from=BACKGROUND_FROM,
)


def flat_table(survey: Survey) -> tuple[list[str], list[list]]:
    """Every column offered and every response: the whole table (tests, and what a default export holds)."""
    columns = RESPONSES.columns_of(survey)
    return [str(c.label) for c in columns], [[c.value(row) for c in columns] for row in response_rows(survey)]
