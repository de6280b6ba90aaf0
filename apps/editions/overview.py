"""The sections of an edition's overview page that other apps fill (recruitment, participants, advisors, results).

Editions sits below the apps that know these facts, so it never imports them: each app registers a provider in
its own ``hooks.py``. A provider takes the edition and the viewer and answers an ``OverviewSection`` (or None to
stay out); every sentence in it comes from that app's data, so the page never states what the data contradicts::

    @OVERVIEW_SECTIONS.register("plans.results", order=40)
    def results(edition, user):
        return OverviewSection(heading=_("Rezultaty"), template="plans/_edition_results.html", context={...})
"""

from dataclasses import dataclass, field

from apps.core.registry import Registry


@dataclass(frozen=True)
class OverviewSection:
    heading: str
    template: str
    context: dict = field(default_factory=dict)
    key: str = ""


OVERVIEW_SECTIONS: Registry = Registry("edition overview section")


def sections_for(edition, user) -> list[OverviewSection]:
    sections = []
    for entry in OVERVIEW_SECTIONS.entries():
        section = entry.value(edition, user)
        if section is not None:
            sections.append(
                OverviewSection(
                    heading=section.heading,
                    template=section.template,
                    context=section.context,
                    key=entry.key.replace(".", "-"),
                )
            )
    return sections
