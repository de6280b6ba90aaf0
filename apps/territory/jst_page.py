"""The sections of a JST's register page that other apps fill: open calls it may apply to, the editions it takes
part in (and, for those who may see them, its karta JST).

Territory is at the bottom of the domain and never imports those apps; each registers a provider in its own
``hooks.py``: ``provider(jst, user) -> JstPageSection | None``.
"""

from dataclasses import dataclass, field

from apps.core.registry import Registry


@dataclass(frozen=True)
class JstPageSection:
    heading: str
    template: str
    context: dict = field(default_factory=dict)
    key: str = ""


JST_PAGE_SECTIONS: Registry = Registry("JST page section")


def sections_for(jst, user) -> list[JstPageSection]:
    sections = []
    for entry in JST_PAGE_SECTIONS.entries():
        section = entry.value(jst, user)
        if section is not None:
            sections.append(
                JstPageSection(section.heading, section.template, section.context, key=entry.key.replace(".", "-"))
            )
    return sections
