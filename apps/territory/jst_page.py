"""The sections of a JST's register page that other apps fill: open calls it may apply to, the editions it takes
part in (and, for those who may see them, its karta JST).

Territory is at the bottom of the domain and never imports those apps; each registers a provider in its own
``hooks.py``: ``provider(jst, user) -> JstPageSection | None``.
"""

from apps.core.registry import Registry
from apps.core.sections import Section as JstPageSection
from apps.core.sections import sections_from

__all__ = ["JST_PAGE_SECTIONS", "JstPageSection", "sections_for"]

JST_PAGE_SECTIONS: Registry = Registry("JST page section")


def sections_for(jst, user) -> list[JstPageSection]:
    return sections_from(JST_PAGE_SECTIONS, jst, user)
