"""Engagements' own hook registrations: stage panels (area; diagnosis and priorities) and the advisor's waiting
area confirmations, registered like any other app's.

They read only what ``selectors.with_progress`` loads (chosen areas, priorities, the diagnosis and its counts),
so a list of engagements showing their next steps does not run queries per engagement (the batched contract
of ``hooks.register_stage_panel``).
"""

from datetime import timedelta

from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from apps.core.links import per_object_url
from apps.editions.overview import OVERVIEW_SECTIONS, OverviewSection
from apps.territory.jst_page import JST_PAGE_SECTIONS, JstPageSection

from .hooks import (
    Perspective,
    StageLink,
    StagePanel,
    Viewer,
    WaitingItem,
    register_stage_panel,
    register_waiting_items,
)
from .models import AdvisorAssignment, ChosenArea, Engagement, NeedsAssessment, Stage


def assessment_or_none(engagement: Engagement) -> NeedsAssessment | None:
    try:
        return engagement.assessment
    except NeedsAssessment.DoesNotExist:
        return None


@register_stage_panel(Stage.AREA)
def area_panels(engagements, viewers) -> dict[int, StagePanel]:
    area_url = per_object_url("engagements:area")
    return {e.pk: area_panel(e, viewers[e.pk], area_url(e.pk)) for e in engagements}


def area_panel(engagement: Engagement, viewer: Viewer, url: str) -> StagePanel:
    chosen = list(engagement.chosen_areas.all())
    pending = [c for c in chosen if c.confirmed_at is None]
    names = "; ".join(str(c.area) for c in chosen)
    if not chosen:
        status = _("Obszar nie jest jeszcze wybrany.")
    elif pending:
        status = _("Wybrany obszar: %(areas)s. Czeka na potwierdzenie doradcy.") % {"areas": names}
    else:
        confirmed_on = max(c.confirmed_at for c in chosen)
        status = _("Obszar: %(areas)s (potwierdzony %(date)s).") % {
            "areas": names,
            "date": date_format(confirmed_on, "d.m.Y"),
        }
    next_step = ""
    links: tuple[StageLink, ...] = ()
    if viewer.perspective == Perspective.TEAM:
        if not chosen:
            next_step = _("Wybierzcie obszar wsparcia z katalogu modelu i uzasadnijcie wybór.")
        elif pending:
            next_step = _(
                "Poczekajcie na potwierdzenie obszaru przez doradcę. W tym czasie możecie zbierać dane do diagnozy."
            )
        links = (StageLink(_("Wybór obszaru") if not chosen else _("Zobacz lub zmień wybór obszaru"), url),)
    elif viewer.perspective == Perspective.ADVISOR:
        if pending:
            next_step = _("Zespół wybrał obszar: sprawdź uzasadnienie i potwierdź wybór.")
        elif not chosen:
            next_step = _("Zespół jeszcze nie wybrał obszaru. Możesz pomóc w wyborze.")
        links = (StageLink(_("Potwierdź obszar") if pending else _("Wybór obszaru"), url),)
    elif chosen:
        links = (StageLink(_("Wybór obszaru"), url),)
    return StagePanel(status=status, next_step=next_step, links=links)


@register_stage_panel(Stage.DIAGNOSIS)
def diagnosis_panels(engagements, viewers) -> dict[int, StagePanel]:
    urls = (per_object_url("engagements:diagnosis"), per_object_url("engagements:priorities"))
    return {e.pk: diagnosis_panel(e, viewers[e.pk], urls) for e in engagements}


def diagnosis_panel(engagement: Engagement, viewer: Viewer, urls) -> StagePanel:
    assessment = assessment_or_none(engagement)
    priorities = list(engagement.priorities.all())
    selected = [p for p in priorities if p.is_selected]
    if assessment is None and not priorities:
        status = _("Diagnoza potrzeb nie jest jeszcze rozpoczęta.")
    else:
        # Counts as "label: n": Polish plural forms do not survive a source-language ngettext.
        figures = getattr(engagement, "figure_count", None)
        parts = []
        if figures is not None:
            parts.append(_("dane o lokalnej oświacie: %(n)s") % {"n": figures})
        parts.append(_("kandydaci na priorytety: %(n)s") % {"n": len(priorities)})
        parts.append(_("wybrane priorytety: %(n)s") % {"n": len(selected)})
        status = _("Diagnoza potrzeb: %(parts)s.") % {"parts": "; ".join(parts)}
    diagnosis_url, priorities_url = urls
    links = (
        StageLink(_("Diagnoza potrzeb"), diagnosis_url(engagement.pk)),
        StageLink(_("Priorytety rozwojowe"), priorities_url(engagement.pk)),
    )
    if engagement.stage_index < Stage.values.index(Stage.DIAGNOSIS) and assessment is None and not priorities:
        links = links[:1] if viewer.perspective == Perspective.TEAM else ()
    next_step = ""
    if viewer.perspective == Perspective.TEAM and selected and all(p.goal.strip() for p in selected):
        next_step = _("Gdy wnioski z diagnozy są opisane, przejdźcie do przygotowania HDR (przycisk poniżej).")
    return StagePanel(status=status, next_step=next_step, links=links)


# An area choice waiting longer than this for an advisor's confirmation is shown as overdue.
AREA_CONFIRMATION_DAYS = 7


@register_waiting_items
def area_confirmations(user, engagements) -> list[WaitingItem]:
    """Area choices waiting for one of the advisors (one query of plain values for all the advisor's JSTs)."""
    pending: dict[int, list[tuple]] = {}
    rows = (
        ChosenArea.objects.filter(engagement__in=engagements, confirmed_at__isnull=True)
        .order_by("engagement_id", "chosen_at")
        .values_list("engagement_id", "chosen_at", "area__name")
    )
    for engagement_id, chosen_at, area_name in rows:
        pending.setdefault(engagement_id, []).append((chosen_at, area_name))
    limit = timezone.now() - timedelta(days=AREA_CONFIRMATION_DAYS)
    # Reversed and translated once: a thousand reverse() and gettext() calls cost more than the query.
    url = per_object_url("engagements:area")
    text = _("Potwierdź wybór obszaru (%(areas)s).")
    items = []
    for engagement_id, chosen in pending.items():
        since = min(at for at, _name in chosen)
        items.append(
            WaitingItem(
                engagement_id=engagement_id,
                text=text % {"areas": "; ".join(name for _at, name in chosen)},
                url=url(engagement_id),
                since=since,
                overdue=since < limit,
                kind="area_confirmation",
            )
        )
    return items


# The edition overview's participants and advisors sections (apps/editions/overview.py).


def _edition_engagement_counts(edition) -> dict:
    full_pair = Count("advisor_assignments", distinct=True)
    rows = (
        Engagement.objects.filter(edition=edition)
        .annotate(advisors=full_pair)
        .values_list("withdrawn_at", "advisors")
        .order_by()
    )
    active = [advisors for withdrawn_at, advisors in rows if withdrawn_at is None]
    with_pair = sum(1 for advisors in active if advisors >= len(AdvisorAssignment.Role.values))
    return {
        "active": len(active),
        "withdrawn": len(rows) - len(active),
        "with_pair": with_pair,
        "without_pair": len(active) - with_pair,
    }


@OVERVIEW_SECTIONS.register("engagements.participants", order=20)
def participants_section(edition, user):
    return OverviewSection(
        heading=_("Uczestniczące JST i zespoły"),
        template="engagements/_edition_participants.html",
        context=_edition_engagement_counts(edition),
    )


@OVERVIEW_SECTIONS.register("engagements.advisors", order=30)
def advisors_section(edition, user):
    return OverviewSection(
        heading=_("Pary doradców"),
        template="engagements/_edition_advisors.html",
        context=_edition_engagement_counts(edition),
    )


# The JST's register page: its karta JST, for those who may see it (apps/territory/jst_page.py).


@JST_PAGE_SECTIONS.register("engagements.cards", order=30)
def engagement_cards_section(jst, user):
    from .selectors import engagements_visible_to

    engagements = list(
        engagements_visible_to(user)
        .filter(local_government=jst)
        .select_related("edition")
        .order_by("-edition__period_start")
    )
    if not engagements:
        return None
    return JstPageSection(
        heading=_("Karty JST"), template="engagements/_jst_cards.html", context={"engagements": engagements}
    )
