"""The stage tracker of the engagement page: the six stages of the cycle, where the JST stands, what comes next.

Each stage is done, current or not yet reached. What a stage says (its state line, the next step for whoever is
looking, its links) comes from the stage panels registered in ``hooks`` — engagements' own for the area and the
diagnosis (``panels.py``), the plans app's for the HDR and after. A stage without a panel falls back to the
generic next steps below, so the tracker never shows an empty stage.

Panels are asked in batches: the karta JST asks each stage's providers once for its one engagement; a list of
engagements (``current_steps``) asks each provider once per stage present in the list, whatever its length.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from apps.catalog.models import CycleStep

from .hooks import Perspective, StageLink, StagePanel, Viewer, stage_panels
from .models import STAGE_ORDER, Engagement, Stage

CYCLE_STAGES = [Stage.AREA, Stage.DIAGNOSIS, Stage.PLAN, Stage.DIRECTIONS, Stage.IMPLEMENTATION, Stage.SUMMARY]

# What to do while a stage is the current one, when no app says anything more precise.
DEFAULT_NEXT_STEPS = {
    Stage.AREA: {
        Perspective.TEAM: _("Wybierzcie obszar wsparcia z katalogu modelu i uzasadnijcie wybór."),
        Perspective.ADVISOR: _("Pomóż zespołowi wybrać obszar, a potem potwierdź wybór."),
        Perspective.ORGANISER: _("Zespół JST wybiera obszar; doradcy potwierdzają wybór."),
    },
    Stage.DIAGNOSIS: {
        Perspective.TEAM: _(
            "Opracujcie diagnozę potrzeb: dane o lokalnej oświacie, spojrzenia dyrektorów szkół, wnioski; "
            "oceńcie kandydatów na priorytety i wybierzcie od 1 do 3 priorytetów rozwojowych z celami."
        ),
        Perspective.ADVISOR: _("Wspieraj zespół w diagnozie potrzeb i w wyborze priorytetów rozwojowych."),
        Perspective.ORGANISER: _("Zespół JST z doradcami przygotowuje diagnozę potrzeb i wybiera priorytety."),
    },
    Stage.PLAN: {
        Perspective.TEAM: _("Przygotujcie Harmonogram Działań Rozwojowych (HDR) i przekażcie go doradcom."),
        Perspective.ADVISOR: _("Wspieraj zespół w przygotowaniu HDR, a potem oceń go i zatwierdź."),
        Perspective.ORGANISER: _("Zespół JST przygotowuje HDR; zatwierdza go para doradców."),
    },
    Stage.DIRECTIONS: {
        Perspective.TEAM: _("Wybierzcie narzędzia i rozwiązania zarządcze, którymi wdrożycie HDR."),
        Perspective.ADVISOR: _("Pomóż zespołowi dobrać narzędzia i rozwiązania zarządcze do działań HDR."),
        Perspective.ORGANISER: _("JST ustala kierunki wdrożenia HDR."),
    },
    Stage.IMPLEMENTATION: {
        Perspective.TEAM: _("Wdrażajcie działania HDR i zapisujcie ich postęp oraz wartości wskaźników."),
        Perspective.ADVISOR: _("Monitoruj wdrażanie HDR i reaguj na opóźnienia."),
        Perspective.ORGANISER: _("JST wdraża HDR; postęp widać w monitorowaniu."),
    },
    Stage.SUMMARY: {
        Perspective.TEAM: _(
            "Przygotujcie podsumowanie procesu i jego rezultatów: opis dobrej praktyki, studium refleksji "
            "albo minireportaż z wywiadem."
        ),
        Perspective.ADVISOR: _("Pomóż zespołowi wybrać formę podsumowania i przygotować je."),
        Perspective.ORGANISER: _("JST przygotowuje podsumowanie procesu."),
    },
}


class StepState:
    DONE = "done"
    CURRENT = "current"
    UPCOMING = "upcoming"


STATE_LABELS = {
    StepState.DONE: _("zakończony"),
    StepState.CURRENT: _("bieżący etap"),
    StepState.UPCOMING: _("jeszcze nie rozpoczęty"),
}


@dataclass
class TrackerStep:
    stage: str
    label: str
    state: str
    cycle_step: str = ""  # the catalogue's name of the cycle step this stage belongs to (one source of the cycle)
    status: list[str] = field(default_factory=list)
    next_step: str = ""
    links: list[StageLink] = field(default_factory=list)

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def is_current(self) -> bool:
        return self.state == StepState.CURRENT


def step_state(engagement: Engagement, stage: str) -> str:
    index, current = STAGE_ORDER.index(stage), engagement.stage_index
    if index < current:
        return StepState.DONE
    return StepState.CURRENT if index == current else StepState.UPCOMING


def default_next_step(stage: str, viewer: Viewer) -> str:
    texts = DEFAULT_NEXT_STEPS.get(stage, {})
    # The coordinator reads what the organiser would read.
    perspective = Perspective.ORGANISER if viewer.perspective == Perspective.OBSERVER else viewer.perspective
    return str(texts.get(perspective, ""))


def _step(engagement: Engagement, stage: str, viewer: Viewer, panels: list[StagePanel]) -> TrackerStep:
    state = step_state(engagement, stage)
    step = TrackerStep(stage=stage, label=str(Stage(stage).label), state=state)
    for panel in panels:
        if panel.status:
            step.status.append(panel.status)
        step.links.extend(panel.links)
    if state == StepState.CURRENT:
        step.next_step = next((p.next_step for p in panels if p.next_step), "") or default_next_step(stage, viewer)
    return step


# The karta JST's stages within the catalogue's cycle steps: "Kierunki wdrożenia" and "Wdrożenie i monitorowanie"
# are two stages of the one step "kierunki wdrożenia i wdrożenie", so the page names the step as the edition's
# catalogue version does (the home and call pages list the same steps).
STAGE_CYCLE_STEP = {
    Stage.AREA: CycleStep.Code.AREA_CHOICE,
    Stage.DIAGNOSIS: CycleStep.Code.NEEDS_ASSESSMENT,
    Stage.PLAN: CycleStep.Code.DEVELOPMENT_PLAN,
    Stage.DIRECTIONS: CycleStep.Code.IMPLEMENTATION,
    Stage.IMPLEMENTATION: CycleStep.Code.IMPLEMENTATION,
    Stage.SUMMARY: CycleStep.Code.SUMMARY,
}


def stage_tracker(engagement: Engagement, viewer: Viewer) -> list[TrackerStep]:
    """Every stage of one engagement (the karta JST), each with the catalogue's cycle step it belongs to."""
    viewers = {engagement.pk: viewer}
    names = dict(
        CycleStep.objects.filter(version_id=engagement.edition.catalogue_version_id).values_list("code", "name")
    )
    steps = []
    for stage in CYCLE_STAGES:
        step = _step(engagement, stage, viewer, stage_panels([engagement], stage, viewers)[engagement.pk])
        step.cycle_step = names.get(STAGE_CYCLE_STEP.get(stage, ""), "")
        steps.append(step)
    return steps


def current_steps(engagements: Sequence[Engagement], viewers: Mapping[int, Viewer]) -> dict[int, TrackerStep | None]:
    """Each engagement's current stage with its next step (``None`` once the cycle is completed). Only the
    current stages' panels run, each provider once per stage for all the engagements at it."""
    steps: dict[int, TrackerStep | None] = {e.pk: None for e in engagements}
    by_stage: dict[str, list[Engagement]] = {}
    for engagement in engagements:
        if engagement.stage in CYCLE_STAGES:
            by_stage.setdefault(engagement.stage, []).append(engagement)
    for stage, group in by_stage.items():
        panels = stage_panels(group, stage, viewers)
        for engagement in group:
            steps[engagement.pk] = _step(engagement, stage, viewers[engagement.pk], panels[engagement.pk])
    return steps


def current_step(engagement: Engagement, viewer: Viewer) -> TrackerStep | None:
    return current_steps([engagement], {engagement.pk: viewer})[engagement.pk]
