"""What recruitment plugs into the rest of the platform: the calls in the main menu, the applicant's and the
organiser's cards, its daily job on the scheduler, its sections of the edition overview and of a JST's page."""

from datetime import time

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.dashboard import dashboard_card
from apps.core.home import HomeSection, home_section
from apps.core.navigation import menu_item
from apps.editions.overview import OVERVIEW_SECTIONS, OverviewSection
from apps.scheduling.jobs import Daily, local_date, scheduled_job
from apps.territory.jst_page import JST_PAGE_SECTIONS, JstPageSection

from . import dashboards, services
from .selectors import calls_open_to, edition_recruitment_summary, public_calls, public_participation_of

menu_item("recruitment:call_list", gettext_lazy("Nabory"), order=40, section="/nabory/")
menu_item(
    "recruitment:my_applications",
    gettext_lazy("Moje zgłoszenia"),
    order=65,
    rule="application.list_own",
    section="/zgloszenia/",
)
dashboard_card("recruitment.my_applications", rule="site.signed_in", order=40)(dashboards.my_applications_card)
dashboard_card("recruitment.desks", rule="organisation.staff_member", order=50)(dashboards.desk_cards)


def _describe_published(result) -> str:
    names = result.get("published", [])
    if not names:
        return _("Brak naborów, których wyniki czekają na publikację.")
    return _("Opublikowano wyniki naboru: %(names)s.") % {"names": "; ".join(names)}


@scheduled_job(
    "recruitment.publish_due_results",
    schedule=Daily(at=time(6, 0)),
    label=gettext_lazy("Publikacja wyników naborów w dniu ogłoszenia"),
    describe=_describe_published,
    order=10,
)
def publish_due_results_job(*, slot):
    # The same service as ``manage.py publish_due_results``, for the day of the slot in Europe/Warsaw.
    return {"published": [edition.name for edition in services.publish_due_results(today=local_date(slot))]}


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


@home_section("recruitment.calls", order=10)
def calls_section(request):
    """Open calls first (what a JST official comes for), else the next announced ones; nothing when neither."""
    calls = public_calls()
    if calls.open:
        return HomeSection(
            heading=_("Otwarte nabory"),
            template="recruitment/_home_calls.html",
            context={"editions": calls.open, "open": True},
        )
    if calls.upcoming:
        return HomeSection(
            heading=_("Zapowiedziane nabory"),
            template="recruitment/_home_calls.html",
            context={"editions": calls.upcoming, "open": False},
        )
    return None
