"""Where other apps appear on the engagement's pages without engagements importing them.

Four registries (``apps.core.registry.Registry``), filled from the apps' ``AppConfig.ready``:

* **Stage panels** — what the stage tracker shows for one stage: a state line, the next step for whoever is
  looking, links (the plans app registers panels for the HDR stages; engagements its own for area and diagnosis,
  in ``panels.py``). A provider is **batched**: it gets many engagements at once with each one's viewer and
  answers ``{engagement_id: StagePanel}`` in a fixed number of queries, so a list of engagements (the team's
  "Moje karty JST", the dashboard) costs the same whatever its length; the karta JST calls it for one::

      @register_stage_panel(Stage.PLAN)
      def hdr_panels(engagements, viewers):       # viewers: {engagement_id: Viewer}
          plans = {p.engagement_id: p for p in DevelopmentPlan.objects.filter(engagement__in=engagements)}
          return {e.pk: StagePanel(status="…", links=(StageLink("Otwórz HDR", url),)) for e in engagements}

* **Waiting items** — what waits for an advisor (reviews, confirmations) or is overdue, shown on the advisor's
  dashboard for many engagements at once. A provider receives the advisor and their engagements as a lazy
  QuerySet (only ``pk`` loaded); iterate it into an id list (measured faster on PostgreSQL than using the
  queryset as a subquery, see apps/plans/hooks.py). It answers in a fixed number of queries whatever the number
  of engagements; URLs come from ``apps.core.links.per_object_url`` and texts are translated once outside the
  loop (a ``reverse()`` or ``gettext()`` per item costs more than the query when an advisor has many JSTs)::

      @register_waiting_items
      def plans_waiting(user, engagements):
          return [WaitingItem(engagement_id=…, text="…", url="…", since=…, overdue=False), …]

* **Section links** — other apps' pages of one engagement (its HDR) in the engagement's sub-navigation; personal
  ones get the viewer too (the message thread with the viewer's unread count).
* **Advisor load columns** — other apps' figures of each advisor's load on the pairing page (visits, hours).
* **Karta JST sections** — other apps' sections of the engagement's page, for one viewer (``ENGAGEMENT_SECTIONS``).
* **Stage guards** — what must be true before an engagement may enter a stage (``advance_stage`` runs them).

Every registry behaves the same on double registration (same function again: nothing; another under the same
key: an error at start-up). The other app decides what its stage shows and engagements never needs to know
another app's URL names (docs/decisions/0004, 0009).
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from apps.core.dashboard import dashboard_card
from apps.core.navigation import menu_item
from apps.core.registry import Registry


class Perspective:
    """Who is looking at an engagement, which decides what "next step" means for them."""

    TEAM = "team"
    ADVISOR = "advisor"
    ORGANISER = "organiser"
    OBSERVER = "observer"  # the national coordinator: reads everything, acts on nothing


@dataclass(frozen=True)
class Viewer:
    user: object
    perspective: str
    is_leader: bool = False

    @property
    def is_team(self) -> bool:
        return self.perspective == Perspective.TEAM

    @property
    def is_advisor(self) -> bool:
        return self.perspective == Perspective.ADVISOR

    @property
    def is_organiser(self) -> bool:
        return self.perspective == Perspective.ORGANISER


ANONYMOUS_VIEWER = Viewer(user=AnonymousUser(), perspective=Perspective.OBSERVER)


@dataclass(frozen=True)
class StageLink:
    label: str
    url: str


@dataclass(frozen=True)
class StagePanel:
    """What one app says about one stage of one engagement, for one viewer. Every part is optional."""

    status: str = ""  # where the stage stands, e.g. "HDR: wersja 2 czeka na zatwierdzenie"
    next_step: str = ""  # what this viewer should do now (shown when the stage is the current one)
    links: tuple[StageLink, ...] = ()


# engagements, {engagement_id: viewer} -> {engagement_id: panel}; an engagement it has nothing to say about is left out
StagePanelProvider = Callable[[Sequence, Mapping[int, Viewer]], Mapping[int, StagePanel | None]]


@dataclass(frozen=True)
class StageHook:
    """A registration for one stage: a panel provider or a stage guard."""

    stage: str
    fn: Callable


STAGE_PANELS: Registry[StageHook] = Registry("stage panel")


def register_stage_panel(stage: str, *, order: int = 100) -> Callable[[StagePanelProvider], StagePanelProvider]:
    def register(fn: StagePanelProvider) -> StagePanelProvider:
        STAGE_PANELS.register(_key(fn), StageHook(str(stage), fn), order=order)
        return fn

    return register


def stage_panels(engagements: Sequence, stage: str, viewers: Mapping[int, Viewer]) -> dict[int, list[StagePanel]]:
    """Every provider's panels of ``stage`` for these engagements: one call per provider, not per engagement."""
    panels: dict[int, list[StagePanel]] = {e.pk: [] for e in engagements}
    if not panels:
        return panels
    for hook in STAGE_PANELS.filter(lambda entry: entry.value.stage == str(stage)):
        for engagement_id, panel in hook.fn(engagements, viewers).items():
            if panel is not None:
                panels[engagement_id].append(panel)
    return panels


def has_stage_panel(stage: str) -> bool:
    return bool(STAGE_PANELS.filter(lambda entry: entry.value.stage == str(stage)))


def _key(fn: Callable) -> str:
    return f"{fn.__module__}.{fn.__qualname__}"


@dataclass(frozen=True)
class WaitingItem:
    """Something an advisor should act on (or that is overdue) in one of their engagements."""

    engagement_id: int
    text: str
    url: str
    since: datetime | date | None = None
    overdue: bool = False
    kind: str = ""  # free label for the provider, e.g. "area_confirmation", "plan_review", "action_overdue"


WaitingProvider = Callable[[object, QuerySet], Iterable[WaitingItem]]
WAITING_ITEMS: Registry[WaitingProvider] = Registry("waiting items provider")


def register_waiting_items(fn: WaitingProvider) -> WaitingProvider:
    return WAITING_ITEMS.register(_key(fn))(fn)


def waiting_items(user, engagements: QuerySet) -> list[WaitingItem]:
    """Every provider's items for these engagements (each provider answers in a fixed number of queries)."""
    items: list[WaitingItem] = []
    for provider in WAITING_ITEMS:
        items.extend(provider(user, engagements))
    return items


# Section links: other apps' pages of one engagement (e.g. its HDR), shown in the engagement's sub-navigation.
SectionLinkProvider = Callable[[object], StageLink | None]
SECTION_LINKS: Registry[SectionLinkProvider] = Registry("section link provider")


def register_section_link(fn: SectionLinkProvider) -> SectionLinkProvider:
    return SECTION_LINKS.register(_key(fn))(fn)


# Personal section links: the same place, for a link whose text depends on who looks (the message thread with its
# unread count); a provider gets the engagement and the signed-in user and answers None for whoever it is not for.
PersonalSectionLinkProvider = Callable[[object, object], StageLink | None]
PERSONAL_SECTION_LINKS: Registry[PersonalSectionLinkProvider] = Registry("personal section link provider")


def register_personal_section_link(fn: PersonalSectionLinkProvider) -> PersonalSectionLinkProvider:
    return PERSONAL_SECTION_LINKS.register(_key(fn))(fn)


def section_links(engagement, user=None) -> list[StageLink]:
    links = [link for provider in SECTION_LINKS if (link := provider(engagement)) is not None]
    if user is not None:
        links += [link for provider in PERSONAL_SECTION_LINKS if (link := provider(engagement, user)) is not None]
    return links


# Sections of the karta JST page that other apps fill (decision 0013): a provider takes the engagement and the
# viewer (``Viewer``) and answers an ``apps.core.sections.Section`` or None to stay out.
ENGAGEMENT_SECTIONS: Registry = Registry("karta JST section")


def engagement_sections(engagement, viewer) -> list:
    from apps.core.sections import sections_from

    return sections_from(ENGAGEMENT_SECTIONS, engagement, viewer)


# Stage guards: each returns the reasons the engagement may not yet enter its stage (empty when it may).
StageGuard = Callable[[object], list[str]]
STAGE_GUARDS: Registry[StageHook] = Registry("stage guard")


def register_stage_guard(stage: str, *, order: int = 100) -> Callable[[StageGuard], StageGuard]:
    def register(fn: StageGuard) -> StageGuard:
        STAGE_GUARDS.register(_key(fn), StageHook(str(stage), fn), order=order)
        return fn

    return register


def stage_guards(stage: str) -> list[StageGuard]:
    return [hook.fn for hook in STAGE_GUARDS.filter(lambda entry: entry.value.stage == str(stage))]


# Advisor load columns: what other apps know about each advisor's load in an edition (visits planned, hours this
# month: the advising app), shown beside the JSTs and voivodeships on the organiser's pairing page. A provider takes
# the edition and the advisors' ids and answers an ``AdvisorLoadColumn`` in a fixed number of queries.
@dataclass(frozen=True)
class AdvisorLoadColumn:
    label: str
    values: Mapping[int, str]  # user id -> what the cell shows ("" or missing: nothing)


AdvisorLoadProvider = Callable[[object, Sequence[int]], AdvisorLoadColumn | None]
ADVISOR_LOAD_COLUMNS: Registry[AdvisorLoadProvider] = Registry("advisor load column")


def register_advisor_load(fn: AdvisorLoadProvider) -> AdvisorLoadProvider:
    return ADVISOR_LOAD_COLUMNS.register(_key(fn))(fn)


def advisor_load_columns(edition, advisor_ids: Sequence[int]) -> list[AdvisorLoadColumn]:
    return [column for provider in ADVISOR_LOAD_COLUMNS if (column := provider(edition, advisor_ids)) is not None]


# Engagements in the site shell: its menu entry and dashboard cards. The cards are built in ``dashboards``, which
# imports this module, hence the imports inside the builders.
menu_item("engagements:mine", gettext_lazy("Karty JST"), order=70, rule="engagement.list", section="/karty-jst/")


@dashboard_card("engagements.team", rule="site.signed_in", order=10)
def team_cards(user) -> list[dict]:
    from .dashboards import team_cards

    return team_cards(user)


@dashboard_card("engagements.advisor", rule="engagement.advise_any", order=20)
def advisor_cards(user) -> list[dict]:
    from .dashboards import advisor_cards

    return advisor_cards(user)


@dashboard_card("engagements.organiser", rule="edition.list", order=30)
def organiser_cards(user) -> list[dict]:
    from .dashboards import organiser_cards

    return organiser_cards(user)
