"""Recruitment's registrations in other apps' pages."""

from django.utils.translation import gettext as _

from apps.editions.overview import OVERVIEW_SECTIONS, OverviewSection

from .selectors import edition_recruitment_summary


@OVERVIEW_SECTIONS.register("recruitment.call", order=10)
def call_section(edition, user):
    return OverviewSection(
        heading=_("Nabór"),
        template="recruitment/_edition_section.html",
        context=edition_recruitment_summary(edition),
    )
