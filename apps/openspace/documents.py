"""The conclusions as a PDF (built in the background, ``apps.documents.jobs``) and as XLSX rows."""

from django.utils import timezone
from django.utils.translation import gettext as _

from apps.core.text import ascii_slug
from apps.documents.jobs import DocumentBuildError
from apps.documents.pdf import render_pdf

from . import selectors
from .models import OpenSpace


def _members(group) -> str:
    return ", ".join(m.user.full_name or m.user.email for m in group.memberships.all())


def build_conclusions_pdf(space: OpenSpace, progress):
    space = selectors._spaces().get(pk=space.pk)
    groups = selectors.groups_of(space)
    if not groups:
        raise DocumentBuildError(_("W tej otwartej przestrzeni nie ma jeszcze grup."))
    progress(20)
    data = render_pdf(
        template="openspace/pdf/conclusions.html",
        context={
            "title": _("Wnioski z otwartej przestrzeni"),
            "space": space,
            "event": space.event,
            "edition": space.event.planned_event.edition,
            "groups": [(g, getattr(g, "conclusion", None), _members(g)) for g in groups],
            "generated_at": timezone.now(),
        },
    )
    return f"wnioski-{ascii_slug(space.title, fallback='open-space')}.pdf", data, "application/pdf"


def conclusion_rows(space: OpenSpace) -> tuple[list[str], list[list]]:
    headers = [
        _("Temat"),
        _("Zgłosił(a)"),
        _("JST"),
        _("Termin"),
        _("Sala"),
        _("Moderator(ka)"),
        _("Problem"),
        _("Znalezione rozwiązania"),
        _("Rekomendacje"),
        _("Kto brał udział"),
        _("Zgoda na publikację w bazie wiedzy"),
    ]
    rows = []
    for group in selectors.groups_of(space):
        conclusion = getattr(group, "conclusion", None)
        topic = group.topic
        participants = _members(group)
        if conclusion and conclusion.participants_note:
            participants = (
                f"{participants}; {conclusion.participants_note}" if participants else conclusion.participants_note
            )
        rows.append(
            [
                topic.title,
                topic.proposer_name,
                str(topic.proposer_jst) if topic.proposer_jst else "",
                group.slot_label,
                group.room,
                (group.moderator.full_name or group.moderator.email) if group.moderator else "",
                conclusion.problem if conclusion else "",
                conclusion.solutions if conclusion else "",
                conclusion.recommendations if conclusion else "",
                participants,
                bool(conclusion and conclusion.publish_publicly),
            ]
        )
    return headers, rows
