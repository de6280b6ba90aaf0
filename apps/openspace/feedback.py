"""The seam to the model feedback register (app ``feedback``, built beside this one): the one function the
openspace side calls to send a group's conclusions as a remark about the model.

Until the register is wired in, ``FEEDBACK_REGISTER`` is ``None`` and the button is not shown
(``register_available()``). The lead wires it after the merge by pointing ``FEEDBACK_REGISTER`` at the feedback
app's service (through a registry, so that this app does not import one beside it)."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# ``submit(*, title, text, edition, source_url, by) -> reference``: set by the feedback app's ``ready()``.
FEEDBACK_REGISTER: dict[str, Callable | None] = {"submit": None}


def register_available() -> bool:
    return FEEDBACK_REGISTER["submit"] is not None


def remark_text(conclusion) -> str:
    parts = [
        (_("Problem"), conclusion.problem),
        (_("Znalezione rozwiązania"), conclusion.solutions),
        (_("Rekomendacje"), conclusion.recommendations),
    ]
    return "\n\n".join(f"{label}:\n{text}" for label, text in parts if text)


def submit_conclusion_as_remark(*, conclusion, by):
    """Hand one group's conclusions to the feedback register; returns the register's reference for the remark."""
    submit = FEEDBACK_REGISTER["submit"]
    if submit is None:
        raise ValidationError(_("Rejestr uwag do modelu nie jest jeszcze dostępny."))
    from django.urls import reverse

    group = conclusion.group
    space = group.open_space
    return submit(
        title=group.topic.title,
        text=remark_text(conclusion),
        edition=space.event.planned_event.edition,
        source_url=reverse("openspace:conclusions", kwargs={"pk": space.pk}),
        by=by,
    )
