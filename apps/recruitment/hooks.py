"""Recruitment's registrations in other apps' pages."""

from django.utils.translation import gettext as _

from apps.editions.overview import OVERVIEW_SECTIONS, OverviewSection
from apps.territory.jst_page import JST_PAGE_SECTIONS, JstPageSection

from .selectors import calls_open_to, edition_recruitment_summary, public_participation_of


@OVERVIEW_SECTIONS.register("recruitment.call", order=10)
def call_section(edition, user):
    return OverviewSection(
        heading=_("Nabór"),
        template="recruitment/_edition_section.html",
        context=edition_recruitment_summary(edition),
    )


@JST_PAGE_SECTIONS.register("recruitment.open_calls", order=10)
def open_calls_section(jst, user):
    editions = calls_open_to(jst)
    if not editions:
        return None
    return JstPageSection(
        heading=_("Otwarte nabory dla tej JST"),
        template="recruitment/_jst_open_calls.html",
        context={"editions": editions},
    )


@JST_PAGE_SECTIONS.register("recruitment.participation", order=20)
def participation_section(jst, user):
    editions = public_participation_of(jst)
    if not editions:
        return None
    return JstPageSection(
        heading=_("Udział w edycjach modelu"),
        template="recruitment/_jst_participation.html",
        context={"editions": editions},
    )
