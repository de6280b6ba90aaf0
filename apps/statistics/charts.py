"""Server-rendered accessible SVG charts, one small module reused by every page (no JavaScript, no package).

Each chart has a name (``role="img"`` with ``<title>``), a text alternative (``<desc>`` and the caption beside it)
and the data table next to it (the templates render ``statistics/_chart.html`` with the table); every bar carries
its value as text, and the second and third series are hatched and dotted, so colour is never the only cue. The
stylesheet's print part keeps charts and tables together on paper."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

WIDTH = 640
LABEL_WIDTH = 230
VALUE_WIDTH = 56
BAR_HEIGHT = 16
GAP = 10
LABEL_CHARS = 34
SERIES_CLASSES = ("chart-series-1", "chart-series-2", "chart-series-3")


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    css: str
    value: object
    value_x: int
    text_y: int
    series: str


@dataclass(frozen=True)
class BarRow:
    label: str
    short_label: str
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    description: str
    series: list[tuple[str, str]]  # (label, css class) for the legend
    rows: list[BarRow]
    height: int
    width: int = WIDTH
    label_width: int = LABEL_WIDTH


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, list]], series: list[str]) -> BarChart | None:
    """Horizontal bars: one group per row, one bar per series (at most three). None when there is nothing to draw."""
    series = [str(s) for s in series[: len(SERIES_CLASSES)]]
    if not rows or not any(v for _label, values in rows for v in values[: len(series)]):
        return None
    peak = max(float(v) for _label, values in rows for v in values[: len(series)]) or 1.0
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / peak
    group = len(series) * BAR_HEIGHT + GAP
    top = 8
    drawn = []
    for i, (label, values) in enumerate(rows):
        y0 = top + i * group
        bars = []
        for j, value in enumerate(values[: len(series)]):
            width = max(1, round(float(value) * scale)) if value else 0
            y = y0 + j * BAR_HEIGHT
            bars.append(
                Bar(
                    x=LABEL_WIDTH,
                    y=y + 1,
                    width=width,
                    height=BAR_HEIGHT - 2,
                    css=SERIES_CLASSES[j],
                    value=value,
                    value_x=LABEL_WIDTH + width + 4,
                    text_y=y + BAR_HEIGHT - 4,
                    series=series[j],
                )
            )
        drawn.append(BarRow(label=label, short_label=_short(label), label_y=y0 + BAR_HEIGHT - 4, bars=bars))
    return BarChart(
        id=chart_id,
        title=str(title),
        description=describe(rows, series),
        series=list(zip(series, SERIES_CLASSES, strict=False)),
        rows=drawn,
        height=top + len(rows) * group,
    )


def describe(rows: list[tuple[str, list]], series: list[str]) -> str:
    """The chart in one sentence: the largest value of the first series and how many rows there are."""
    label, values = max(rows, key=lambda r: float(r[1][0]))
    return _("Wykres słupkowy, %(n)s pozycji. Najwięcej (%(series)s): %(label)s, %(value)s. Dane w tabeli obok.") % {
        "n": len(rows),
        "series": series[0],
        "label": label,
        "value": values[0],
    }


# The tile-grid map: the 16 voivodeships as equal squares in roughly their places (column, row), by TERYT code.
# No package here ships Polish shapes, and a map must not come from a tile server or a CDN.
TILES = {
    "32": (0, 0, "ZP"),
    "22": (1, 0, "PM"),
    "28": (2, 0, "WM"),
    "20": (3, 0, "PD"),
    "08": (0, 1, "LB"),
    "30": (1, 1, "WP"),
    "04": (2, 1, "KP"),
    "14": (3, 1, "MZ"),
    "02": (0, 2, "DS"),
    "10": (1, 2, "LD"),
    "26": (2, 2, "SK"),
    "06": (3, 2, "LU"),
    "16": (0, 3, "OP"),
    "24": (1, 3, "SL"),
    "12": (2, 3, "MA"),
    "18": (3, 3, "PK"),
}
TILE = 96
STEPS = 4  # shades above zero; the value is always printed in the tile too


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    abbreviation: str
    value: object
    x: int
    y: int
    css: str
    cx: int


@dataclass(frozen=True)
class TileMap:
    id: str
    title: str
    description: str
    tiles: list[Tile]
    legend: list[tuple[str, str]]
    size: int = TILE * 4


def tile_map(map_id: str, title: str, values: dict[str, object], names: dict[str, str]) -> TileMap:
    """A tile per voivodeship, shaded in ``STEPS`` bands of the largest value, with its abbreviation and value."""
    peak = max((float(v) for v in values.values()), default=0.0)
    tiles = []
    for code, (col, row, abbreviation) in TILES.items():
        value = values.get(code, 0)
        band = 0 if not value or not peak else min(STEPS, 1 + int(float(value) / peak * STEPS - 1e-9))
        tiles.append(
            Tile(
                code=code,
                name=names.get(code, code),
                abbreviation=abbreviation,
                value=value,
                x=col * TILE,
                y=row * TILE,
                css=f"tile-band-{band}",
                cx=col * TILE + TILE // 2,
            )
        )
    legend = [("tile-band-0", _("brak"))]
    for band in range(1, STEPS + 1):
        low, high = peak * (band - 1) / STEPS, peak * band / STEPS
        legend.append((f"tile-band-{band}", _("%(low)s–%(high)s") % {"low": _fmt(low), "high": _fmt(high)}))
    busiest = max(tiles, key=lambda t: float(t.value))
    description = _("Kartogram 16 województw jako kafelki. Najwięcej: %(name)s, %(value)s. Dane w tabeli obok.") % {
        "name": busiest.name,
        "value": busiest.value,
    }
    return TileMap(id=map_id, title=str(title), description=description, tiles=tiles, legend=legend)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
