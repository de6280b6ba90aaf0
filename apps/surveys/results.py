"""A survey's results: per question the counts, percentages, mean and distribution, the free-text answers and the
comparison between editions. A fixed number of grouped queries whatever the number of responses or questions.

Anonymous surveys show a filtered group (and a compared edition) only from ``MIN_GROUP`` responses, so a filter
cannot single one person out (e.g. the only powiat in a workshop group)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Max, Min
from django.utils import formats
from django.utils.translation import gettext as _

from apps.editions.models import Edition

from .models import SCALE_MAX, SCALE_MIN, Answer, Question, Response, Survey

Kind = Question.Kind
MIN_GROUP = 3
GROUPS = {
    "choice": (Kind.SINGLE, Kind.MULTIPLE),
    "scaled": (Kind.SCALE, Kind.MATRIX),
    "number": (Kind.NUMBER,),
    "text": (Kind.SHORT_TEXT, Kind.LONG_TEXT),
}
TEXTS_SHOWN = 150  # free-text answers on the page (all of them are in the export and the PDF)
BAR_WIDTH = 240  # px of the longest bar in the SVG


@dataclass
class Bar:
    label: str
    count: int
    percent: float
    width: int = 0
    y: int = 0

    @property
    def percent_text(self) -> str:
        return formats.number_format(self.percent, 1)


@dataclass
class Block:
    """A question (or one matrix item) with its distribution."""

    question: Question
    label: str
    answered: int = 0
    bars: list[Bar] = field(default_factory=list)
    mean: float | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    chart_id: str = ""

    @property
    def height(self) -> int:
        return 28 * len(self.bars) + 8


@dataclass
class QuestionResult:
    question: Question
    blocks: list[Block] = field(default_factory=list)
    texts: list[dict] = field(default_factory=list)
    answered: int = 0


@dataclass
class Results:
    survey: Survey
    responses: int
    questions: list[QuestionResult]
    hidden: bool = False  # a group too small to show (anonymous survey)
    texts_total: int = 0
    comparison: list[dict] = field(default_factory=list)
    comparison_editions: list = field(default_factory=list)


def filtered_responses(survey: Survey, filters: dict | None = None):
    responses = Response.objects.filter(survey=survey)
    filters = filters or {}
    if filters.get("jst_kind"):
        responses = responses.filter(jst_kind=filters["jst_kind"])
    if filters.get("workshop_group"):
        responses = responses.filter(workshop_group=filters["workshop_group"])
    if filters.get("edition"):
        responses = responses.filter(edition_id=filters["edition"])
    return responses


def _bars(labels: list[str], counts: dict, base: int) -> list[Bar]:
    top = max(counts.values(), default=0) or 1
    bars = []
    for index, label in enumerate(labels):
        n = counts.get(index, 0)
        bars.append(
            Bar(
                label=label,
                count=n,
                percent=round(100 * n / base, 1) if base else 0.0,
                width=round(BAR_WIDTH * n / top),
                y=4 + 28 * index,
            )
        )
    return bars


def _scale_labels(question: Question) -> list[str]:
    ends = {SCALE_MIN: question.scale_low_label, SCALE_MAX: question.scale_high_label}
    return [f"{v} – {ends[v]}" if ends.get(v) else str(v) for v in range(SCALE_MIN, SCALE_MAX + 1)]


def _mean(counts: dict[int, int]) -> float | None:
    n = sum(counts.values())
    return round(sum((SCALE_MIN + k) * c for k, c in counts.items()) / n, 2) if n else None


def results_of(
    survey: Survey, questions: list[Question], filters: dict | None = None, *, texts_limit: int | None = TEXTS_SHOWN
) -> Results:
    responses = filtered_responses(survey, filters)
    total = responses.count()
    active_filter = any((filters or {}).values())
    if survey.anonymous and active_filter and total < MIN_GROUP:
        return Results(survey=survey, responses=total, questions=[], hidden=True)
    # The questions' ids already confine the answers to the survey: the responses are joined only to filter.
    answers = Answer.objects.filter(question_id__in=[q.pk for q in questions])
    if active_filter:
        answers = answers.filter(response__in=responses)
    ids = {kind: [q.pk for q in questions if q.kind in kinds] for kind, kinds in GROUPS.items()}
    answered = dict(
        answers.values("question_id").annotate(n=Count("response_id", distinct=True)).values_list("question_id", "n")
    )
    choices: dict[int, dict[int, int]] = {}
    scaled: dict[tuple, dict[int, int]] = {}
    grouped = (
        answers.filter(question_id__in=ids["choice"] + ids["scaled"])
        .values_list("question_id", "item", "choice", "number")
        .annotate(n=Count("id"))
        .order_by()
    )
    for question_id, item, choice, number, n in grouped:
        if choice is not None:
            choices.setdefault(question_id, {})[choice] = n
        elif number is not None:
            scaled.setdefault((question_id, item), {})[int(number) - SCALE_MIN] = n
    numbers = (
        {
            row["question_id"]: row
            for row in answers.filter(question_id__in=ids["number"])
            .values("question_id")
            .annotate(n=Count("id"), mean=Avg("number"), low=Min("number"), high=Max("number"))
            .order_by()
        }
        if ids["number"]
        else {}
    )
    text_rows = (
        list(
            answers.filter(question_id__in=ids["text"])
            .exclude(text="")
            .order_by("question_id", "text")
            .values("pk", "question_id", "text", "promoted")[:texts_limit]
        )
        if ids["text"]
        else []
    )
    texts: dict[int, list] = {}
    for row in text_rows:
        texts.setdefault(row["question_id"], []).append(row)

    results = []
    for question in questions:
        result = QuestionResult(question=question, answered=answered.get(question.pk, 0))
        chart = f"chart-{question.pk}"
        if question.is_choice:
            # Multiple choice: percent of the people who answered the question (the bars may add up to more).
            result.blocks.append(
                Block(
                    question,
                    question.text,
                    result.answered,
                    _bars(question.options, choices.get(question.pk, {}), result.answered),
                    chart_id=chart,
                )  # fmt: skip
            )
        elif question.kind == Kind.SCALE:
            counts = scaled.get((question.pk, None), {})
            result.blocks.append(
                Block(
                    question,
                    question.text,
                    sum(counts.values()),
                    _bars(_scale_labels(question), counts, sum(counts.values())),
                    _mean(counts),
                    chart_id=chart,
                )  # fmt: skip
            )
        elif question.kind == Kind.MATRIX:
            for index, item in enumerate(question.items):
                counts = scaled.get((question.pk, index), {})
                result.blocks.append(
                    Block(
                        question,
                        item,
                        sum(counts.values()),
                        _bars(_scale_labels(question), counts, sum(counts.values())),
                        _mean(counts),
                        chart_id=f"{chart}-{index}",
                    )  # fmt: skip
                )
        elif question.kind == Kind.NUMBER:
            row = numbers.get(question.pk)
            block = Block(question, question.text, row["n"] if row else 0)
            if row:
                block.mean = round(float(row["mean"]), 2)
                block.minimum, block.maximum = row["low"], row["high"]
            result.blocks.append(block)
        else:
            result.texts = texts.get(question.pk, [])
        results.append(result)
    return Results(
        survey=survey,
        responses=total,
        questions=results,
        texts_total=len(text_rows),
        **_comparison(survey, questions, answers, responses, ids["scaled"]),
    )


def _comparison(survey: Survey, questions: list[Question], answers, responses, scaled_ids) -> dict:
    """The mean of every scale question (and matrix item) per edition of the responses: shown when the responses
    come from more than one edition (a survey about the model, or about several editions' cycle)."""
    if responses.exclude(edition=None).values("edition_id").distinct().order_by().count() < 2:
        return {"comparison": [], "comparison_editions": []}
    rows = list(
        answers.filter(question_id__in=scaled_ids, response__edition__isnull=False)
        .values("response__edition", "question_id", "item")
        .annotate(mean=Avg("number"), n=Count("id"))
    )
    edition_ids = sorted({r["response__edition"] for r in rows})
    if len(edition_ids) < 2:
        return {"comparison": [], "comparison_editions": []}
    editions = list(Edition.objects.filter(pk__in=edition_ids).order_by("period_start", "pk"))
    cells = {(r["question_id"], r["item"], r["response__edition"]): r for r in rows}
    table = []
    for question in questions:
        if not question.is_scaled:
            continue
        items = [(None, question.text)] if question.kind == Kind.SCALE else list(enumerate(question.items))
        for index, label in items:
            values = []
            for edition in editions:
                cell = cells.get((question.pk, index, edition.pk))
                if cell is None or (survey.anonymous and cell["n"] < MIN_GROUP):
                    values.append(None)
                else:
                    values.append(round(float(cell["mean"]), 2))
            table.append({"label": label if index is None else f"{question.text}: {label}", "values": values})
    return {"comparison": table, "comparison_editions": editions}


def hidden_message() -> str:
    return _(
        "W tej grupie jest mniej niż %(n)s odpowiedzi. Ankieta jest anonimowa, więc wyników tak małej grupy nie "
        "pokazujemy: dałoby się rozpoznać osoby."
    ) % {"n": MIN_GROUP}
