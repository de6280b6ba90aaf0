"""Reads of the statistics pages: an edition's dashboard (live), the national view (from the snapshots, a fixed
number of queries whatever the number of editions, engagements and registrations) and the public open data."""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.http import Http404

from apps.core.permissions import can
from apps.editions.models import Edition
from apps.editions.selectors import edition_for, editions_visible_to

from . import charts
from .blocks import voivodeship_names
from .figures import Table, compute_blocks, summed, table, tables
from .items import attention_for
from .models import EditionFigures
from .registry import BLOCKS, HEADLINES


def statistics_edition(user, slug: str) -> Edition:
    """An edition whose figures the user may see (its organiser's staff, the coordinator); 404 otherwise."""
    edition = edition_for(user, slug)
    if not can(user, "statistics.edition", edition):
        raise Http404
    return edition


@dataclass
class Figure:
    """A table with its chart (None when there is nothing to draw or the block has no chart)."""

    table: Table
    chart: charts.BarChart | None


def figures(stored: dict, *, prefix: str, national_only: bool = False) -> list[Figure]:
    result = []
    for t in tables(stored, national_only=national_only):
        chart = None
        if t.block.chart:
            chart = charts.bar_chart(f"{prefix}-{t.key}", t.title, t.rows, list(t.block.columns))
        result.append(Figure(table=t, chart=chart))
    return result


def edition_block(edition: Edition, key: str):
    """One registered block of the edition computed live, as a table; None for an unknown key."""
    entry = next((e for e in BLOCKS.entries() if e.key == key), None)
    if entry is None:
        return None
    return table(key, entry.value, entry.value.compute(edition))


@dataclass
class EditionDashboard:
    edition: Edition
    attention: list
    figures: list[Figure]
    map: charts.TileMap
    map_rows: list[tuple[str, object]]


def _map(map_id: str, rows: list[list], names: dict) -> tuple[charts.TileMap, list[tuple[str, object]]]:
    values = {row[0]: row[1] for row in rows}
    tile_map = charts.tile_map(map_id, _map_title(), values, names)
    return tile_map, [(t.name, t.value) for t in sorted(tile_map.tiles, key=lambda t: t.name)]


def _map_title():
    from django.utils.translation import gettext as _

    return _("JST według województwa")


def edition_dashboard(edition: Edition, user) -> EditionDashboard:
    stored = compute_blocks(edition)
    tile_map, map_rows = _map("edition-map", stored.get("voivodeships", []), voivodeship_names())
    return EditionDashboard(
        edition=edition,
        attention=attention_for(edition, user),
        figures=figures(stored, prefix="edition"),
        map=tile_map,
        map_rows=map_rows,
    )


@dataclass
class EditionLine:
    edition: Edition
    values: list
    computed_at: object


@dataclass
class GroupLine:
    label: str
    editions: int
    values: list


@dataclass
class NationalView:
    headlines: list[str]
    editions: list[EditionLine]
    organisers: list[GroupLine]
    years: list[GroupLine]
    totals: list
    figures: list[Figure]
    map: charts.TileMap | None
    map_rows: list[tuple[str, object]]
    year_chart: charts.BarChart | None
    missing: list[Edition] = field(default_factory=list)
    oldest_refresh: object = None
    newest_refresh: object = None


def snapshots_visible_to(user) -> QuerySet[EditionFigures]:
    return (
        EditionFigures.objects.filter(edition__in=editions_visible_to(user))
        .select_related("edition__organiser")
        .order_by("-edition__period_start", "edition__name")
    )


def _group(lines: list[EditionLine], key) -> list[GroupLine]:
    groups: dict[str, GroupLine] = {}
    for line in lines:
        label = key(line.edition)
        group = groups.setdefault(label, GroupLine(label=label, editions=0, values=[0] * len(line.values)))
        group.editions += 1
        group.values = [_add(a, b) for a, b in zip(group.values, line.values, strict=True)]
    return list(groups.values())


def _add(a, b):
    total = (a or 0) + (b or 0)
    return round(total, 2) if isinstance(total, float) else total


def national_view(user) -> NationalView:
    """Every edition the user may see, from its snapshot: side by side, per organiser, per year, summed, on the map.
    Three queries (snapshots, editions without one, voivodeship names) whatever the size of the editions."""
    snapshots = list(snapshots_visible_to(user))
    keys = HEADLINES.keys()
    lines = [
        EditionLine(edition=s.edition, values=[s.headlines.get(k, 0) for k in keys], computed_at=s.computed_at)
        for s in snapshots
    ]
    missing = list(editions_visible_to(user).filter(figures__isnull=True).select_related("organiser").order_by("name"))
    totals = [0] * len(keys)
    for line in lines:
        totals = [_add(a, b) for a, b in zip(totals, line.values, strict=True)]
    years = sorted(_group(lines, lambda e: str(e.period_start.year)), key=lambda g: g.label)
    organisers = sorted(_group(lines, lambda e: e.organiser.name), key=lambda g: g.label)
    stored = summed(snapshots)
    names = voivodeship_names() if snapshots else {}
    tile_map, map_rows = (None, [])
    if snapshots:
        tile_map, map_rows = _map("national-map", stored.get("voivodeships", []), names)
    from django.utils.translation import gettext as _

    year_chart = charts.bar_chart(
        "national-years",
        _("JST w edycjach według roku rozpoczęcia"),
        [(g.label, [g.values[0]]) for g in years],
        [str(HEADLINES[keys[0]].label)],
    )
    times = [s.computed_at for s in snapshots]
    return NationalView(
        headlines=[str(h.label) for h in HEADLINES.values()],
        editions=lines,
        organisers=organisers,
        years=years,
        totals=totals,
        figures=figures(stored, prefix="national", national_only=True),
        map=tile_map,
        map_rows=map_rows,
        year_chart=year_chart,
        missing=missing,
        oldest_refresh=min(times) if times else None,
        newest_refresh=max(times) if times else None,
    )


# Open data: what the public may know of the published editions.


def open_editions() -> QuerySet[Edition]:
    return (
        Edition.objects.filter(status=Edition.Status.PUBLISHED)
        .select_related("organiser")
        .order_by("period_start", "slug")
    )


def open_data(dataset: str) -> list[dict]:
    """The rows of one public dataset (``DATASETS``), one query each."""
    from apps.engagements.models import ChosenArea, Engagement

    editions = open_editions()
    if dataset == "edycje":
        rows = editions.annotate(jsts=Count("engagements", distinct=True))
        return [
            {
                "edycja": e.slug,
                "nazwa": e.name,
                "organizator": e.organiser.name,
                "poczatek": e.period_start.isoformat(),
                "koniec": e.period_end.isoformat(),
                "liczba_jst": e.jsts,
            }
            for e in rows
        ]
    if dataset == "jst":
        rows = (
            Engagement.objects.filter(edition__in=editions, withdrawn_at__isnull=True)
            .select_related("edition", "local_government__voivodeship")
            .order_by("edition__period_start", "edition__slug", "local_government__display_name")
        )
        return [
            {
                "edycja": e.edition.slug,
                "teryt": e.local_government.teryt,
                "jst": e.local_government.display_name,
                "rodzaj": e.local_government.kind,
                "wojewodztwo": e.local_government.voivodeship.name.lower(),
            }
            for e in rows
        ]
    if dataset == "obszary":
        rows = (
            ChosenArea.objects.filter(engagement__edition__in=editions, engagement__withdrawn_at__isnull=True)
            .order_by()
            .values("engagement__edition__slug", "area__name")
            .annotate(jsts=Count("engagement", distinct=True))
            .order_by("engagement__edition__slug", "-jsts", "area__name")
        )
        return [
            {"edycja": r["engagement__edition__slug"], "obszar": r["area__name"], "liczba_jst": r["jsts"]} for r in rows
        ]
    raise Http404
