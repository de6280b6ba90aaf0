"""The values of one response, checked the same way by the answer form and by the service (the server decides).

Values by question id: single choice and scale an ``int`` (an option's index; the scale value), multiple choice a
list of indexes, a matrix a dict ``{item index: scale value}``, a number a ``Decimal``, a text a ``str``.
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .models import SCALE_MAX, SCALE_MIN, Answer, Question

Kind = Question.Kind


def field_name(question: Question, item: int | None = None) -> str:
    return f"q{question.pk}" if item is None else f"q{question.pk}_{item}"


def _empty(value) -> bool:
    return value in (None, "", [], {}) or (isinstance(value, dict) and not any(v is not None for v in value.values()))


def condition_met(question: Question, values: dict, by_id: dict[int, Question]) -> bool:
    """Whether ``question`` is shown: it has no condition, or the earlier answer is the one it names."""
    if not question.condition_question_id:
        return True
    source = by_id.get(question.condition_question_id)
    if source is None or not condition_met(source, values, by_id):
        return False
    value = values.get(source.pk)
    if _empty(value):
        return False
    wanted = question.condition_value.strip()
    if source.kind == Kind.SINGLE:
        return 0 <= value < len(source.options) and source.options[value] == wanted
    if source.kind == Kind.MULTIPLE:
        return wanted in [source.options[i] for i in value if 0 <= i < len(source.options)]
    return str(value) == wanted


def condition_label(question: Question, by_id: dict[int, Question]) -> str:
    source = by_id.get(question.condition_question_id)
    if source is None:
        return ""
    return _("Odpowiedz tylko wtedy, gdy na pytanie „%(question)s” odpowiedziano „%(value)s”.") % {
        "question": source.text,
        "value": question.condition_value,
    }


def _scale_error(value) -> str | None:
    if not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
        return _("Wybierz wartość od %(low)s do %(high)s.") % {"low": SCALE_MIN, "high": SCALE_MAX}
    return None


def check(questions: list[Question], values: dict, *, complete: bool) -> dict[str, str]:
    """Errors by form field name. ``complete``: a submission (required answers of shown questions needed);
    else a draft (only the values given are checked)."""
    by_id = {q.pk: q for q in questions}
    errors: dict[str, str] = {}
    for question in questions:
        value = values.get(question.pk)
        name = field_name(question)
        if _empty(value):
            if complete and question.required and condition_met(question, values, by_id):
                if question.kind == Kind.MATRIX:
                    errors[field_name(question, 0)] = _("Oceń wszystkie stwierdzenia: to pytanie jest obowiązkowe.")
                else:
                    errors[name] = _("To pytanie jest obowiązkowe: odpowiedz na nie.")
            continue
        if question.kind == Kind.SINGLE and not (isinstance(value, int) and 0 <= value < len(question.options)):
            errors[name] = _("Wybierz jedną z podanych odpowiedzi.")
        elif question.kind == Kind.MULTIPLE and any(
            not isinstance(i, int) or not 0 <= i < len(question.options) for i in value
        ):
            errors[name] = _("Wybierz spośród podanych odpowiedzi.")
        elif question.kind == Kind.SCALE and _scale_error(value):
            errors[name] = _scale_error(value)
        elif question.kind == Kind.MATRIX:
            for index in range(len(question.items)):
                item_value = value.get(index)
                if item_value is None:
                    if complete and question.required and condition_met(question, values, by_id):
                        errors[field_name(question, index)] = _("Oceń to stwierdzenie: pytanie jest obowiązkowe.")
                elif _scale_error(item_value):
                    errors[field_name(question, index)] = _scale_error(item_value)
    return errors


def shown_values(questions: list[Question], values: dict) -> dict:
    """The values of the questions shown: an answer to a question whose condition is not met is dropped."""
    by_id = {q.pk: q for q in questions}
    return {q.pk: values[q.pk] for q in questions if not _empty(values.get(q.pk)) and condition_met(q, values, by_id)}


def answer_rows(response, questions: list[Question], values: dict) -> list[Answer]:
    rows = []
    for question in questions:
        value = values.get(question.pk)
        if _empty(value):
            continue
        if question.kind == Kind.MULTIPLE:
            rows += [Answer(response=response, question=question, choice=i) for i in sorted(set(value))]
        elif question.kind == Kind.SINGLE:
            rows.append(Answer(response=response, question=question, choice=value))
        elif question.kind == Kind.MATRIX:
            rows += [
                Answer(response=response, question=question, item=i, number=v)
                for i, v in sorted(value.items())
                if v is not None
            ]
        elif question.kind in (Kind.SCALE, Kind.NUMBER):
            rows.append(Answer(response=response, question=question, number=value))
        else:
            rows.append(Answer(response=response, question=question, text=value))
    return rows


# Drafts are JSON: the same values with string keys and numbers as text.


def to_json(values: dict) -> dict:
    def plain(value):
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, dict):
            return {str(k): v for k, v in value.items()}
        return value

    return {str(k): plain(v) for k, v in values.items()}


def from_json(questions: list[Question], data: dict) -> dict:
    values = {}
    for question in questions:
        raw = data.get(str(question.pk))
        if raw is None:
            continue
        try:
            if question.kind == Kind.MATRIX:
                values[question.pk] = {int(k): v for k, v in raw.items()}
            elif question.kind == Kind.NUMBER:
                values[question.pk] = Decimal(raw)
            else:
                values[question.pk] = raw
        except (AttributeError, ValueError, InvalidOperation):
            continue  # a draft from before the question changed
    return values
