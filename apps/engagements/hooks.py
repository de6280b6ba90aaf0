"""Where other apps appear on the engagement's pages without engagements importing them.

Two small registries, filled from the other apps' ``AppConfig.ready``:

* **Stage panels** — what the stage tracker of the engagement page shows for one stage: the next step for
  whoever is looking, a short state line and links (e.g. the plans app registers a panel for the HDR stage
  with a link to the plan). Engagements registers its own panels (area, diagnosis) the same way::

      from apps.engagements.hooks import StageLink, StagePanel, register_stage_panel

      @register_stage_panel("plan")
      def hdr_panel(engagement, viewer):          # viewer: hooks.Viewer
          return StagePanel(status="…", next_step="…", links=(StageLink("Otwórz HDR", url),))

* **Waiting items** — what waits for an advisor (reviews, confirmations) or is overdue, shown on the advisor's
  dashboard for many engagements at once. A provider receives the advisor and their engagements as a lazy
  QuerySet (only ``pk`` loaded); iterate it into an id list (measured faster on PostgreSQL than using the
  queryset as a subquery, see apps/plans/hooks.py). It must answer in a fixed number of queries
  whatever the number of engagements; build URLs and texts once outside the loop (a ``reverse()`` or
  ``gettext()`` per item costs more than the query when an advisor has many JSTs)::

      from apps.engagements.hooks import WaitingItem, register_waiting_items

      @register_waiting_items
      def plans_waiting(user, engagements):
          return [WaitingItem(engagement_id=…, text="…", url="…", since=…, overdue=False), …]

A registry rather than ``reverse()`` in a try: the other app decides what its stage shows (state, next step,
several links) and engagements never needs to know another app's URL names (docs/decisions/0004).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet


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


StagePanelProvider = Callable[[object, Viewer], StagePanel | None]
_STAGE_PANELS: dict[str, list[StagePanelProvider]] = {}


def register_stage_panel(stage: str) -> Callable[[StagePanelProvider], StagePanelProvider]:
    def register(fn: StagePanelProvider) -> StagePanelProvider:
        providers = _STAGE_PANELS.setdefault(str(stage), [])
        if fn not in providers:  # ready() may run twice in tests; one registration per function
            providers.append(fn)
        return fn

    return register


def stage_panels(engagement, stage: str, viewer: Viewer) -> list[StagePanel]:
    panels = []
    for provider in _STAGE_PANELS.get(str(stage), []):
        panel = provider(engagement, viewer)
        if panel is not None:
            panels.append(panel)
    return panels


def has_stage_panel(stage: str) -> bool:
    return bool(_STAGE_PANELS.get(str(stage)))


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
_WAITING: list[WaitingProvider] = []


def register_waiting_items(fn: WaitingProvider) -> WaitingProvider:
    if fn not in _WAITING:
        _WAITING.append(fn)
    return fn


def waiting_items(user, engagements: QuerySet) -> list[WaitingItem]:
    """Every provider's items for these engagements (each provider answers in a fixed number of queries)."""
    items: list[WaitingItem] = []
    for provider in _WAITING:
        items.extend(provider(user, engagements))
    return items


# Section links: other apps' pages of one engagement (e.g. its HDR), shown in the engagement's sub-navigation.
SectionLinkProvider = Callable[[object], StageLink | None]
_SECTION_LINKS: list[SectionLinkProvider] = []


def register_section_link(fn: SectionLinkProvider) -> SectionLinkProvider:
    if fn not in _SECTION_LINKS:
        _SECTION_LINKS.append(fn)
    return fn


def section_links(engagement) -> list[StageLink]:
    return [link for provider in _SECTION_LINKS if (link := provider(engagement)) is not None]
