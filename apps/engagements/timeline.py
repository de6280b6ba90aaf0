"""The engagement's timeline: what happened, stored as a code and its parameters, read in the reader's language.

One call writes both records of a change: ``record_on_timeline`` adds the audit entry (scoped to the engagement
and its edition) and the timeline entry, so a service cannot write one and forget the other. Apps describe the
texts of their codes with ``describe_timeline`` (plans does, from its ``history.py``). Parameters are kept as
data: codes (a stage, a role) become labels when the entry is read; what people typed (names, titles, areas)
is shown as typed and marked ``lang="pl"`` in the English UI.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from apps.audit.services import record
from apps.core.content import polish
from apps.core.registry import Registry


@dataclass(frozen=True)
class TimelineText:
    text: Any  # a lazy translation with %(name)s placeholders
    # Turns stored parameters that are codes into labels in the active language (e.g. a stage code).
    labels: Callable[[dict], dict] | None = None


TIMELINE_TEXTS: Registry[TimelineText] = Registry("timeline text")


def describe_timeline(texts: dict[str, Any]) -> None:
    """Register the text of each timeline code (a lazy string, or a ``TimelineText`` with label functions)."""
    for code, text in texts.items():
        TIMELINE_TEXTS.register(code, text if isinstance(text, TimelineText) else TimelineText(text))


def _content(value) -> Any:
    if isinstance(value, (list, tuple)):
        return mark_safe("; ".join(str(_content(v)) for v in value))
    if isinstance(value, str):
        return polish(value)
    return "—" if value is None else value


def render(entry) -> SafeString:
    spec = TIMELINE_TEXTS.get(entry.code) if entry.code else None
    if spec is None:
        # Written before codes existed (or by a code no app describes any more): the stored Polish sentence.
        return polish(entry.text)
    params = dict(entry.params or {})
    values = {key: _content(value) for key, value in params.items()}
    if spec.labels is not None:
        values.update(spec.labels(params))
    return mark_safe(conditional_escape(str(spec.text)) % {k: conditional_escape(v) for k, v in values.items()})


def _actor_label(actor) -> str:
    return actor.full_name if actor is not None and actor.is_authenticated else str(_("system"))


def add_timeline(*, engagement, actor, kind: str, code: str, params: dict | None = None):
    """A timeline entry alone, for what has no audit entry of its own (its change is recorded elsewhere)."""
    from .models import TimelineEntry

    return TimelineEntry.objects.create(
        engagement=engagement,
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_label=_actor_label(actor),
        kind=kind,
        code=code,
        params=params or {},
    )


def record_on_timeline(
    *,
    engagement,
    actor,
    action: str,
    kind: str,
    params: dict | None = None,
    target=None,
    changes: dict | None = None,
    about=None,
):
    """The audit entry of ``action`` (on ``target``, the engagement by default) and the timeline entry that tells
    the team about it, under the same code. Returns the timeline entry."""
    record(
        actor=actor,
        action=action,
        target=target if target is not None else engagement,
        changes=changes,
        about=about,
        edition=engagement.edition_id,
        engagement=engagement.pk,
    )
    return add_timeline(engagement=engagement, actor=actor, kind=kind, code=action, params=params)


def _stage(params: dict) -> dict:
    from .models import Stage

    return {"stage": Stage(params["stage"]).label} if params.get("stage") in Stage.values else {}


def advisor_role(params: dict) -> dict:
    from .models import AdvisorAssignment

    role = params.get("role")
    return {"role": AdvisorAssignment.Role(role).label.capitalize()} if role in AdvisorAssignment.Role.values else {}


def _sections(params: dict) -> dict:
    from .models import NeedsAssessment

    names = [f.name for f in NeedsAssessment._meta.get_fields()]
    labels = [str(NeedsAssessment._meta.get_field(n).verbose_name) for n in params.get("sections", []) if n in names]
    return {"sections": ", ".join(labels)}


describe_timeline(
    {
        "engagement.created": _("JST zakwalifikowana do edycji; zespół zaproszony do platformy."),
        "team.member_added": _("Do zespołu dołączył(a) %(name)s."),
        "team.member_left": _("%(name)s nie jest już w zespole."),
        "team.member_replaced": _("%(new)s zastępuje w zespole: %(old)s."),
        "team.leader_changed": _("Liderem zespołu jest teraz %(name)s."),
        "advisors.unassigned": TimelineText(_("%(role)s: nieprzydzielony."), advisor_role),
        "advisors.assigned": TimelineText(_("%(role)s: %(name)s."), advisor_role),
        "engagement.area_chosen": _("Wybór obszaru: %(areas)s. Czeka na potwierdzenie doradcy."),
        "engagement.area_confirmed": _("Doradca potwierdził obszar: %(areas)s."),
        "engagement.stage_changed": TimelineText(_("Nowy etap: %(stage)s."), _stage),
        "engagement.stage_unchanged": _("Etap nie zmienił się: %(reasons)s"),
        "engagement.withdrawn": _("JST wycofana z edycji: %(reason)s"),
        "diagnosis.saved": TimelineText(_("Zapisano diagnozę potrzeb (%(sections)s)."), _sections),
        "diagnosis.figure_added": _("Dodano dane do diagnozy: %(figure)s."),
        "diagnosis.figure_removed": _("Usunięto dane: %(figure)s."),
        "diagnosis.school_view_added": _("Dodano spojrzenie na szkołę: %(school)s."),
        "diagnosis.school_view_changed": _("Zmieniono spojrzenie na szkołę: %(school)s."),
        "diagnosis.school_view_removed": _("Usunięto spojrzenie na szkołę: %(school)s."),
        "priority.added": _("Nowy kandydat na priorytet: %(title)s."),
        "priority.changed": _("Zmieniono priorytet: %(title)s."),
        "priority.removed": _("Usunięto priorytet: %(title)s."),
        "priority.selected": _("Wybrane priorytety rozwojowe: %(titles)s."),
    }
)
