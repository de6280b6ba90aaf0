"""The sections of an edition's overview page that other apps fill (recruitment, participants, advisors, results).

Editions sits below the apps that know these facts, so it never imports them: each app registers a provider in
its own ``hooks.py``. A provider takes the edition and the viewer and answers an ``OverviewSection`` (or None to
stay out); every sentence in it comes from that app's data, so the page never states what the data contradicts::

    @OVERVIEW_SECTIONS.register("plans.results", order=40)
    def results(edition, user):
        return OverviewSection(heading=_("Rezultaty"), template="plans/_edition_results.html", context={...})
"""

from apps.core.registry import Registry
from apps.core.sections import Section as OverviewSection
from apps.core.sections import sections_from

__all__ = ["OVERVIEW_SECTIONS", "OverviewSection", "sections_for"]

OVERVIEW_SECTIONS: Registry = Registry("edition overview section")


def sections_for(edition, user) -> list[OverviewSection]:
    return sections_from(OVERVIEW_SECTIONS, edition, user)
