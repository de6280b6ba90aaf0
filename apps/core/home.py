"""The sections of the home page, filled by registrations from each app's ``hooks.py`` (the catalogue's cycle,
the open calls), so the page states what the data says and core imports no app::

    @home_section("recruitment.open_calls", order=10)
    def open_calls(request):
        return HomeSection(heading=_("Otwarte nabory"), template="recruitment/_home_calls.html", context={...})
"""

from collections.abc import Callable

from .registry import Registry
from .sections import Section as HomeSection
from .sections import sections_from

__all__ = ["HOME_SECTIONS", "HomeSection", "home_section", "sections_for"]

SectionBuilder = Callable[[object], HomeSection | None]
HOME_SECTIONS: Registry[SectionBuilder] = Registry("home section")


def home_section(key: str, *, order: int) -> Callable[[SectionBuilder], SectionBuilder]:
    def register(fn: SectionBuilder) -> SectionBuilder:
        HOME_SECTIONS.register(key, fn, order=order)
        return fn

    return register


def sections_for(request) -> list[HomeSection]:
    return sections_from(HOME_SECTIONS, request)
