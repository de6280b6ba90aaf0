"""Computing the registered blocks for one edition, and turning stored rows into tables a page or chart shows."""

from dataclasses import dataclass

from .registry import BLOCKS, HEADLINES, Block


def compute_blocks(edition) -> dict:
    return {entry.key: entry.value.compute(edition) for entry in BLOCKS.entries()}


def compute_headlines(edition) -> dict:
    return {entry.key: entry.value.compute(edition) for entry in HEADLINES.entries()}


PAGE_ROWS = 30


@dataclass
class Table:
    """A block ready to show: labelled rows of numbers, their totals, and what the chart draws."""

    key: str
    block: Block
    rows: list[tuple[str, list]]
    totals: list

    @property
    def content_labels(self) -> bool:
        """The labels are names people typed (JSTs, events, areas): marked Polish in the English UI."""
        return self.block.labels is None

    @property
    def title(self):
        return self.block.title

    @property
    def chart_rows(self) -> list[tuple[str, list]]:
        return self.rows

    @property
    def shown_rows(self) -> list[tuple[str, list]]:
        """What the page lists: a table of every JST of a national-scale edition (1,000 rows) would make the page
        slow and unreadable, so long tables show their first rows and offer the whole table as CSV."""
        return self.rows[:PAGE_ROWS]

    @property
    def hidden(self) -> int:
        return max(0, len(self.rows) - PAGE_ROWS)


def table(key: str, block: Block, rows: list[list]) -> Table:
    labels = block.labels() if block.labels else {}
    shown = [(str(labels.get(row[0], row[0])), list(row[1:])) for row in rows]
    width = len(block.columns)
    totals = [_round(sum(values[i] for _label, values in shown)) for i in range(width)]
    return Table(key=key, block=block, rows=shown, totals=totals)


def _round(value):
    return round(value, 2) if isinstance(value, float) else value


def tables(stored: dict, *, national_only: bool = False) -> list[Table]:
    """Tables of every registered block found in ``stored`` ({key: rows}), in the registry's order."""
    return [
        table(entry.key, entry.value, stored.get(entry.key, []))
        for entry in BLOCKS.entries()
        if not national_only or entry.value.national
    ]


def summed(snapshots) -> dict:
    """The blocks of many editions summed per row key (a JST kind over all editions...), keys in first-seen order."""
    result: dict[str, dict] = {}
    for snapshot in snapshots:
        for key, rows in snapshot.blocks.items():
            target = result.setdefault(key, {})
            for row in rows:
                values = target.setdefault(row[0], [0] * (len(row) - 1))
                for i, value in enumerate(row[1:]):
                    values[i] = _round(values[i] + value)
    return {key: [[row_key, *values] for row_key, values in rows.items()] for key, rows in result.items()}
