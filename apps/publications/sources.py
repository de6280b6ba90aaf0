"""Other public sources shown on the knowledge base's index (decision 0013's registry pattern): a higher app (e.g.
the open spaces' conclusions a group agreed to publish) registers a provider from its ``hooks.py``; the knowledge
base renders what the providers answer and never imports them.

A provider takes no argument and answers a ``PublicSource`` (one list page of that app's public items, with how many
there are) or None to stay out. Each provider must cost a constant number of queries (one is the norm)."""

from collections.abc import Callable
from dataclasses import dataclass

from apps.core.registry import Registry

__all__ = ["PUBLIC_SOURCES", "PublicSource", "public_source", "sources"]


@dataclass(frozen=True)
class PublicSource:
    title: str
    text: str
    url: str
    count: int


SourceFn = Callable[[], PublicSource | None]

PUBLIC_SOURCES: Registry[SourceFn] = Registry("public knowledge source")


def public_source(key: str, order: int = 100):
    def decorator(fn: SourceFn) -> SourceFn:
        PUBLIC_SOURCES.register(key, fn, order=order)
        return fn

    return decorator


def sources() -> list[PublicSource]:
    """Every registered provider's answer, in the registry's order, without the ones that stay out."""
    answers = (entry.value() for entry in PUBLIC_SOURCES.entries())
    return [answer for answer in answers if answer is not None]
