"""Frozen versions of an HDR: what a version holds, how it reads, and how two versions differ.

A snapshot is plain JSON written once when the team submits the plan. It holds display text frozen in Polish
(the JST's name, the advisors' roles as they were) and stable ids of priorities, actions and risks so that two
versions can be compared item by item even after titles change.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from .indicators import IndicatorUnit
from .months import format_month, months_between

FORMAT = 1


def _month(value: date) -> str:
    return value.isoformat()


def active_team(engagement) -> list:
    """The active team, from ``engagement_for``'s prefetch (``active_team``) or from the plain relation."""
    if hasattr(engagement, "active_team"):
        return list(engagement.active_team)
    return [m for m in engagement.team_members.all() if m.left_at is None]


def build_snapshot(plan, *, priorities, actions, risks) -> dict:
    """The plan as it stands: ``priorities``, ``actions`` and ``risks`` are the loaded rows (see selectors)."""
    engagement = plan.engagement
    jst = engagement.local_government
    with translation.override("pl"):
        return {
            "format": FORMAT,
            "header": {
                "jst": jst.display_name,
                "jst_kind": str(jst.get_kind_display()),
                "voivodeship": jst.voivodeship.name if jst.voivodeship_id else "",
                "edition": engagement.edition.name,
                "areas": [chosen.area.name for chosen in engagement.chosen_areas.all()],
                "team": [
                    {"name": m.full_name, "position": m.position, "leader": m.is_leader}
                    for m in active_team(engagement)
                ],
                "advisors": [
                    {"name": a.user.full_name, "role": str(a.get_role_display())}
                    for a in engagement.advisor_assignments.all()
                ],
                "period_start": _month(plan.period_start),
                "period_end": _month(plan.period_end),
            },
            "directions": plan.directions,
            "priorities": [{"id": p.pk, "title": p.title, "goal": p.goal} for p in priorities],
            "actions": [
                {
                    "id": a.pk,
                    "priority_id": a.priority_id,
                    "priority": a.priority.title,
                    "title": a.title,
                    "description": a.description,
                    "responsible": a.responsible,
                    "partners": a.partners,
                    "start": _month(a.start_month),
                    "end": _month(a.end_month),
                    "resources": a.resources,
                    "cost": "" if a.cost is None else str(a.cost),
                    "funding_source": a.funding_source,
                    "solution": a.solution_label,
                    "expected_result": a.expected_result,
                    "indicator_name": a.indicator_name,
                    "indicator_unit": a.indicator_unit,
                    "indicator_baseline": a.indicator_baseline,
                    "indicator_target": a.indicator_target,
                    "monitoring_method": a.monitoring_method,
                }
                for a in actions
            ],
            "risks": [{"id": r.pk, "risk": r.risk, "mitigation": r.mitigation} for r in risks],
        }


# How the fields of an action read, in the order the HDR lists them.
def format_cost(value: str) -> str:
    if not value:
        return ""
    return f"{formats.number_format(Decimal(value), 2, use_l10n=True, force_grouping=True)} zł"


def _unit(code: str) -> str:
    try:
        return str(IndicatorUnit(code).label)
    except ValueError:
        return code


def _month_text(iso: str) -> str:
    return format_month(date.fromisoformat(iso)) if iso else ""


ACTION_FIELDS = [
    ("title", _("Działanie"), str),
    ("priority", _("Priorytet"), str),
    ("description", _("Opis"), str),
    ("responsible", _("Odpowiedzialni"), str),
    ("partners", _("Partnerzy"), str),
    ("start", _("Początek"), _month_text),
    ("end", _("Koniec"), _month_text),
    ("resources", _("Zasoby"), str),
    ("cost", _("Koszt"), format_cost),
    ("funding_source", _("Źródło finansowania"), str),
    ("solution", _("Rozwiązanie zarządcze lub narzędzie"), str),
    ("expected_result", _("Oczekiwany rezultat"), str),
    ("indicator_name", _("Wskaźnik"), str),
    ("indicator_unit", _("Jednostka"), _unit),
    ("indicator_baseline", _("Wartość bazowa"), str),
    ("indicator_target", _("Wartość docelowa"), str),
    ("monitoring_method", _("Sposób monitorowania"), str),
]


def _people(items: list[dict], key: str) -> str:
    return "; ".join(f"{item['name']} ({item[key]})" if item.get(key) else item["name"] for item in items)


def header_rows(snapshot: dict) -> list[tuple[str, str]]:
    header = snapshot["header"]
    team = [
        {
            "name": m["name"],
            "position": ", ".join(filter(None, [m.get("position"), str(_("lider")) if m["leader"] else ""])),
        }
        for m in header["team"]
    ]
    return [
        (str(_("JST")), header["jst"]),
        (str(_("Rodzaj JST")), header["jst_kind"]),
        (str(_("Województwo")), header["voivodeship"]),
        (str(_("Edycja")), header["edition"]),
        (str(_("Obszar")), "; ".join(header["areas"])),
        (str(_("Zespół JST")), _people(team, "position")),
        (str(_("Doradcy")), _people(header["advisors"], "role")),
        (
            str(_("Okres realizacji HDR")),
            f"{_month_text(header['period_start'])}–{_month_text(header['period_end'])}",
        ),
    ]


def action_rows(action: dict) -> list[tuple[str, str]]:
    return [(str(label), fmt(action.get(key, ""))) for key, label, fmt in ACTION_FIELDS]


@dataclass
class GanttRow:
    title: str
    period: str
    cells: list[bool]
    note: str = ""
    anchor: str = ""

    @property
    def segments(self) -> list[tuple[int, bool]]:
        """Runs of equal cells as (length, on): the PDF draws each run as one spanning cell, a bar."""
        runs: list[tuple[int, bool]] = []
        for on in self.cells:
            if runs and runs[-1][1] == on:
                runs[-1] = (runs[-1][0] + 1, on)
            else:
                runs.append((1, on))
        return runs


@dataclass
class Gantt:
    months: list[date]
    rows: list[GanttRow]

    @property
    def month_labels(self) -> list[str]:
        return [format_month(m) for m in self.months]


def gantt(period_start: date, period_end: date, items: list[tuple]) -> Gantt:
    """Months as columns, actions as rows. ``items``: (title, start, end[, note[, anchor]])."""
    starts = [item[1] for item in items] + [period_start]
    ends = [item[2] for item in items] + [period_end]
    months = months_between(min(starts), max(ends))
    rows = []
    for title, start, end, *rest in items:
        rows.append(
            GanttRow(
                title=title,
                period=f"{format_month(start)}–{format_month(end)}",
                cells=[start <= month <= end for month in months],
                note=rest[0] if rest else "",
                anchor=rest[1] if len(rest) > 1 else "",
            )
        )
    return Gantt(months=months, rows=rows)


def snapshot_gantt(snapshot: dict) -> Gantt:
    header = snapshot["header"]
    return gantt(
        date.fromisoformat(header["period_start"]),
        date.fromisoformat(header["period_end"]),
        [(a["title"], date.fromisoformat(a["start"]), date.fromisoformat(a["end"])) for a in snapshot["actions"]],
    )


def present(snapshot: dict) -> dict:
    """Everything a version page or the PDF shows, grouped by priority."""
    by_priority = {p["id"]: {**p, "actions": []} for p in snapshot["priorities"]}
    orphans = []
    for number, action in enumerate(snapshot["actions"], start=1):
        item = {**action, "number": number, "rows": action_rows(action), "start_text": _month_text(action["start"])}
        item["end_text"] = _month_text(action["end"])
        item["cost_text"] = format_cost(action["cost"])
        item["unit_text"] = _unit(action["indicator_unit"])
        (by_priority[action["priority_id"]]["actions"] if action["priority_id"] in by_priority else orphans).append(
            item
        )
    priorities = list(by_priority.values())
    actions = [a for p in priorities for a in p["actions"]] + orphans
    total = sum((Decimal(a["cost"]) for a in snapshot["actions"] if a["cost"]), Decimal(0))
    return {
        "header": snapshot["header"],
        "header_rows": header_rows(snapshot),
        "directions": snapshot["directions"],
        "priorities": priorities,
        "orphans": orphans,
        "actions": actions,
        "risks": snapshot["risks"],
        "gantt": snapshot_gantt(snapshot),
        "total_cost": format_cost(str(total)) if any(a["cost"] for a in snapshot["actions"]) else "",
    }


# Comparing two versions.


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class ItemChange:
    kind: str  # "added", "removed", "changed"
    title: str
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str({"added": _("dodane"), "removed": _("usunięte"), "changed": _("zmienione")}[self.kind])


@dataclass
class PlanDiff:
    header: list[FieldChange]
    priorities: list[ItemChange]
    actions: list[ItemChange]
    risks: list[ItemChange]

    @property
    def is_empty(self) -> bool:
        return not (self.header or self.priorities or self.actions or self.risks)


def _compare_items(old: list[dict], new: list[dict], fields: list[tuple], title_key: str) -> list[ItemChange]:
    old_by_id = {item["id"]: item for item in old}
    new_by_id = {item["id"]: item for item in new}
    result = []
    for item in new:
        before = old_by_id.get(item["id"])
        if before is None:
            result.append(ItemChange("added", item[title_key]))
            continue
        changes = [
            FieldChange(str(label), fmt(before.get(key, "")), fmt(item.get(key, "")))
            for key, label, fmt in fields
            if before.get(key, "") != item.get(key, "")
        ]
        if changes:
            result.append(ItemChange("changed", item[title_key], changes))
    result += [ItemChange("removed", item[title_key]) for item in old if item["id"] not in new_by_id]
    return result


PRIORITY_FIELDS = [("title", _("Priorytet"), str), ("goal", _("Cel"), str)]
RISK_FIELDS = [("risk", _("Ryzyko"), str), ("mitigation", _("Sposób reagowania"), str)]


def compare(old: dict, new: dict) -> PlanDiff:
    old_header = dict(header_rows(old)) | {str(_("Kierunki wdrożenia")): old["directions"]}
    new_header = dict(header_rows(new)) | {str(_("Kierunki wdrożenia")): new["directions"]}
    header = [
        FieldChange(label, old_header.get(label, ""), value)
        for label, value in new_header.items()
        if old_header.get(label, "") != value
    ]
    return PlanDiff(
        header=header,
        priorities=_compare_items(old["priorities"], new["priorities"], PRIORITY_FIELDS, "title"),
        actions=_compare_items(old["actions"], new["actions"], ACTION_FIELDS, "title"),
        risks=_compare_items(old["risks"], new["risks"], RISK_FIELDS, "risk"),
    )
