"""The seam to the model feedback register (issue 14, item 3; the ``feedback`` app, merged later).

``promote_answer`` is the one place a free-text answer becomes a remark about the model. Until the register
exists it marks the answer as promoted and returns what the remark will be made of; after the merge the lead
replaces the marked line with the feedback app's service (e.g. ``apps.feedback.services.create_remark(...)``),
passing ``author=None`` for an anonymous survey so the remark stays as anonymous as the answer.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.audit.services import record

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
        # SEAM (issue 14, item 3): after the merge, create the remark here through the feedback app's service.
        answer.promoted = True
        answer.save(update_fields=["promoted"])
        record(actor=by, action="survey.answer_promoted", target=survey, changes={"question": answer.question.text})
    return remark
