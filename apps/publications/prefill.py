"""What a new summary starts with: what the platform already knows about the JST (its kind and voivodeship, the
area, the diagnosis, the priorities, the HDR's actions with their progress and latest indicator values). Read
through the engagements' and plans' selectors; the team rewrites it in its own words."""

from django.utils.translation import gettext as _
from django.utils.translation import override

from apps.engagements.selectors import assessment_page, ranked_priorities
from apps.plans.models import IndicatorMeasurement
from apps.plans.selectors import plan_contents, plan_of


def facts(engagement) -> dict:
    """The JST's facts in Polish lines: context, priorities, actions, effects."""
    jst = engagement.local_government
    areas = [c.area.name for c in engagement.chosen_areas.select_related("area")]
    assessment = assessment_page(engagement)
    priorities = [p for p in ranked_priorities(engagement) if p.is_selected]
    plan = plan_of(engagement)
    actions = plan_contents(plan)["actions"] if plan is not None else []
    latest: dict[int, IndicatorMeasurement] = {}
    for m in IndicatorMeasurement.objects.filter(action__in=[a.pk for a in actions]).order_by("measured_on", "pk"):
        latest[m.action_id] = m
    with override("pl"):
        context = [
            _("%(jst)s (%(kind)s, województwo %(voivodeship)s).")
            % {"jst": jst.display_name, "kind": jst.get_kind_display(), "voivodeship": jst.voivodeship.name},
            _("Obszar: %(areas)s.") % {"areas": "; ".join(areas) or "—"},
        ]
        if assessment is not None and assessment.context_notes:
            context.append(assessment.context_notes)
        problem = [
            _("Priorytet: %(title)s. Cel: %(goal)s") % {"title": p.title, "goal": p.goal or "—"} for p in priorities
        ]
        if assessment is not None and assessment.problems:
            problem.append(assessment.problems)
        steps = [
            _("%(title)s (%(responsible)s, %(start)s–%(end)s)")
            % {
                "title": a.title,
                "responsible": a.responsible,
                "start": a.start_month.strftime("%m.%Y"),
                "end": a.end_month.strftime("%m.%Y"),
            }
            for a in actions
        ]
        effects = []
        for a in actions:
            measured = latest.get(a.pk)
            effects.append(
                _("%(title)s: %(status)s, postęp %(progress)s%%; %(indicator)s: %(value)s (cel: %(target)s)")
                % {
                    "title": a.title,
                    "status": a.get_status_display(),
                    "progress": a.progress,
                    "indicator": a.indicator_name,
                    "value": measured.value if measured else (a.indicator_baseline or "—"),
                    "target": a.indicator_target,
                }
            )
        costs = [f"{a.title}: {a.cost} zł" for a in actions if a.cost is not None]
    return {"context": context, "problem": problem, "steps": steps, "effects": effects, "costs": costs}


# Which facts go to which section of each form (keys of structures.DEFAULTS; other sections start empty).
_WHERE = {
    "i1": "context",
    "i2": "problem",
    "i4": "steps",
    "i5": "effects",
    "i6": "costs",
    "starting_point": "problem",
    "course": "steps",
    "effects": "effects",
    "context": "context",
    "story": "steps",
}


def content_for(engagement, sections: list[dict]) -> dict:
    known = facts(engagement)
    content = {}
    for section in sections:
        lines = known.get(_WHERE.get(section["key"], ""), [])
        content[section["key"]] = "\n".join(f"• {line}" if len(lines) > 1 else line for line in lines)
    return content
