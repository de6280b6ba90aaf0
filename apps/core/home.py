"""The sections of the home page, filled by registrations from each app's ``hooks.py`` (the catalogue's cycle,
the open calls), so the page states what the data says and core imports no app::

    @home_section("recruitment.open_calls", order=10)
    def open_calls(request):
        return HomeSection(heading=_("Otwarte nabory"), template="recruitment/_home_calls.html", context={...})
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .registry import Registry


@dataclass(frozen=True)
class HomeSection:
    heading: str
    template: str
    context: dict = field(default_factory=dict)
    key: str = ""


SectionBuilder = Callable[[object], HomeSection | None]
HOME_SECTIONS: Registry[SectionBuilder] = Registry("home section")


def home_section(key: str, *, order: int) -> Callable[[SectionBuilder], SectionBuilder]:
    def register(fn: SectionBuilder) -> SectionBuilder:
        HOME_SECTIONS.register(key, fn, order=order)
        return fn

    return register


def sections_for(request) -> list[HomeSection]:
    sections = []
    for entry in HOME_SECTIONS.entries():
        section = entry.value(request)
        if section is not None:
            sections.append(
                HomeSection(section.heading, section.template, section.context, entry.key.replace(".", "-"))
            )
    return sections
