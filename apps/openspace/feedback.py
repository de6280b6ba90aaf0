"""An open-space group's conclusions sent to the model feedback register (``apps.feedback``) as a remark about
the model in general: the coordinator files it under the part it concerns when triaging. The remark's author is
the person who sends it (told when a catalogue version implements it)."""

from django.utils.translation import gettext as _

from apps.feedback.models import Remark
from apps.feedback.services import TEXT_MAX, submit_remark

MODEL_AS_A_WHOLE = "model:model"


def register_available() -> bool:
    return True


def remark_text(conclusion) -> str:
    parts = [
        (_("Problem"), conclusion.problem),
        (_("Znalezione rozwiązania"), conclusion.solutions),
        (_("Rekomendacje"), conclusion.recommendations),
    ]
    return "\n\n".join(f"{label}:\n{text}" for label, text in parts if text)


def submit_conclusion_as_remark(*, conclusion, by):
    """Hand one group's conclusions to the feedback register; returns the remark's number."""
    group = conclusion.group
    event = group.open_space.event
    remark = submit_remark(
        part=MODEL_AS_A_WHOLE,
        text=f"{group.topic.title}\n\n{remark_text(conclusion)}"[:TEXT_MAX],
        author=by,
        source=Remark.Source.OPEN_SPACE,
        source_label=f"{event.title}: {group.topic.title}",
    )
    return remark.pk
