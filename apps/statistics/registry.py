"""The two registries the dashboards are made of.

* ``ATTENTION``: what needs the organiser's attention today in an edition. A provider takes the edition and the
  viewer and answers an ``Attention`` (a count and the URL of the existing list filtered to exactly those rows) or
  None to stay out (e.g. the viewer may not open that list).
* ``BLOCKS``: the edition's figures. A block computes JSON-ready rows from the edition (``compute``); the edition's
  page renders them live, the snapshot (``EditionFigures``) stores them for the national view, which sums the
  blocks marked ``national`` across editions.
* ``HEADLINES``: one number per edition (JSTs, participants, hours...), side by side per organiser and edition.

Statistics sits above every app it reads, so the providers live here (``items.py``, ``blocks.py``) and read each
app's selectors and models; an app added later (surveys, monitoring) adds its provider in those modules::

    @ATTENTION.register("surveys.closing", order=70)
    def surveys_closing(edition, user):
        ...
        return Attention(label=_("Ankiety zamykane w ciągu 7 dni"), count=n, url=reverse(...) + "?zamykane=7")
"""

from collections.abc import Callable
from dataclasses import dataclass

from apps.core.registry import Registry


@dataclass(frozen=True)
class Attention:
    label: str
    count: int
    url: str
    hint: str = ""


ATTENTION: Registry[Callable] = Registry("attention item")


@dataclass(frozen=True)
class Block:
    """One table of figures. ``compute(edition)`` answers ``[[key, value, ...], ...]``; ``labels()`` maps a key to
    its label in the reader's language (None: the key is shown as it is, e.g. a JST's or an event's name)."""

    title: str
    heading: str  # the first column's heading
    columns: tuple[str, ...]  # the value columns' headings
    compute: Callable
    labels: Callable[[], dict] | None = None
    national: bool = True  # summed across editions in the national view
    chart: bool = True
    description: str = ""


BLOCKS: Registry[Block] = Registry("statistics block")


@dataclass(frozen=True)
class Headline:
    label: str
    compute: Callable  # edition -> int | float


HEADLINES: Registry[Headline] = Registry("statistics headline")


def block(key: str, *, order: int, **options):
    """Register the decorated ``compute(edition)`` as block ``key``."""

    def decorator(fn):
        BLOCKS.register(key, Block(compute=fn, **options), order=order)
        return fn

    return decorator


def headline(key: str, *, order: int, label: str):
    def decorator(fn):
        HEADLINES.register(key, Headline(label=label, compute=fn), order=order)
        return fn

    return decorator
