"""Pages made of sections other apps register (decision 0013): the home page, an edition's overview, a JST's
register page. The page's app owns a ``Registry`` of providers; each provider answers a ``Section`` built from its
own data, or None to stay out; the page renders them in the registry's order."""

from dataclasses import dataclass, field, replace

from .registry import Registry


@dataclass(frozen=True)
class Section:
    heading: str
    template: str
    context: dict = field(default_factory=dict)
    key: str = ""  # the registration's key, for the section's heading id


def sections_from(registry: Registry, *args) -> list[Section]:
    """Every registered provider's section for ``args`` (e.g. the edition and the viewer), in order."""
    sections = []
    for entry in registry.entries():
        section = entry.value(*args)
        if section is not None:
            sections.append(replace(section, key=entry.key.replace(".", "-")))
    return sections
