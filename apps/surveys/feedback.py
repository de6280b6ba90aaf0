"""A free-text answer promoted to a remark about the model (``apps.feedback``): the one place it happens.

The remark is about the model as a whole (the coordinator files it under the part it concerns when triaging).
A named survey's answer keeps its respondent as the remark's author; an anonymous survey's answer is submitted
by the person who promotes it (nothing about the respondent exists to store). The author is told when a
catalogue version implements the remark.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.audit.services import record
from apps.feedback.models import Remark
from apps.feedback.services import TEXT_MAX, submit_remark

from .models import Answer


def promote_answer(*, answer: Answer, by) -> dict:
    """Turn a free-text answer into a remark about the model; returns the remark's data. Refuses an empty or
    already promoted answer."""
    with transaction.atomic():
        answer = Answer.objects.select_for_update().select_related("response__survey", "question").get(pk=answer.pk)
        if answer.promoted:
            raise ValidationError(_("Ta odpowiedź jest już uwagą o modelu."))
        if not answer.text.strip():
            raise ValidationError(_("Pusta odpowiedź nie może być uwagą o modelu."))
        survey = answer.response.survey
        remark = {
            "text": answer.text,
            "source": f"{survey.title}: {answer.question.text}",
            "survey_id": survey.pk,
            # Anonymous survey: no author, never the person who answered.
            "author": None if survey.anonymous else answer.response.respondent,
            "promoted_by": by,
        }
        made = submit_remark(
            part="model:model",
            text=answer.text[:TEXT_MAX],
            author=remark["author"] or by,
            source=Remark.Source.SURVEY,
            source_label=remark["source"],
        )
        remark["remark"] = made
        answer.promoted = True
        answer.save(update_fields=["promoted"])
        record(actor=by, action="survey.answer_promoted", target=survey, changes={"question": answer.question.text})
    return remark
