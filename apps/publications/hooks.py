"""What publications plugs into the others: the knowledge base in the main menu, the summary's stage guard, stage
panel, section links and the advisor's waiting items on the karta JST."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from apps.core.links import per_object_url
from apps.core.navigation import menu_item
from apps.editions.overview import OVERVIEW_SECTIONS, OverviewSection
from apps.engagements.hooks import (
    StageLink,
    StagePanel,
    WaitingItem,
    register_section_link,
    register_stage_guard,
    register_stage_panel,
    register_waiting_items,
)
from apps.engagements.models import Stage

from .models import Consent, FinalSummary, Publication, SummaryVersion

menu_item("publications:public_index", gettext_lazy("Baza wiedzy"), order=35, section="/baza-wiedzy/")
menu_item(
    "publications:structures",
    gettext_lazy("Formy podsumowania"),
    order=115,
    rule="summary.structures",
    section="/podsumowania/",
)


@register_stage_guard(Stage.COMPLETED)
def summary_accepted(engagement) -> list[str]:
    if FinalSummary.objects.filter(engagement=engagement, accepted_version__isnull=False).exists():
        return []
    return [_("Podsumowanie nie zostało jeszcze zaakceptowane przez doradców.")]


def _summary_url():
    return per_object_url("publications:summary", kwarg="engagement_pk")


@register_section_link
def summary_link(engagement) -> StageLink:
    return StageLink(_("Podsumowanie"), _summary_url()(engagement.pk))


@register_section_link
def consents_link(engagement) -> StageLink:
    return StageLink(
        _("Zgody na publikację"), per_object_url("publications:consents", kwarg="engagement_pk")(engagement.pk)
    )


@register_stage_panel(Stage.SUMMARY)
def summary_panels(engagements, viewers) -> dict[int, StagePanel]:
    summaries = {
        s.engagement_id: s
        for s in FinalSummary.objects.filter(engagement__in=[e.pk for e in engagements]).only(
            "engagement_id", "status", "form"
        )
    }
    url = _summary_url()
    texts = {
        None: _("Podsumowanie: jeszcze nie rozpoczęte."),
        FinalSummary.Status.DRAFT: _("Podsumowanie: wersja robocza."),
        FinalSummary.Status.IN_REVIEW: _("Podsumowanie: czeka na decyzję doradców."),
        FinalSummary.Status.ACCEPTED: _("Podsumowanie: zaakceptowane."),
    }
    link = _("Otwórz podsumowanie")
    panels = {}
    for engagement in engagements:
        summary = summaries.get(engagement.pk)
        viewer = viewers.get(engagement.pk)
        next_step = ""
        if viewer is not None and viewer.is_team and (summary is None or summary.status == FinalSummary.Status.DRAFT):
            next_step = _("Wybierzcie formę podsumowania i opiszcie przebieg doradztwa.")
        elif viewer is not None and viewer.is_advisor and summary and summary.status == FinalSummary.Status.IN_REVIEW:
            next_step = _("Przeczytaj podsumowanie i zaakceptuj je albo poproś o poprawki.")
        panels[engagement.pk] = StagePanel(
            status=texts[summary.status if summary else None],
            next_step=next_step,
            links=(StageLink(link, url(engagement.pk)),),
        )
    return panels


@register_waiting_items
def summary_items(user, engagements) -> list[WaitingItem]:
    """For an advisor: summaries waiting for their decision (one query)."""
    ids = [e.pk for e in engagements]  # a lazy queryset of ids (or a list): iterated once
    versions = (
        SummaryVersion.objects.filter(
            summary__engagement_id__in=ids,
            summary__engagement__advisor_assignments__user=user,
            status=SummaryVersion.Status.IN_REVIEW,
        )
        .exclude(approvals__advisor=user)
        .values_list("summary__engagement_id", "submitted_at")
    )
    url, text = _summary_url(), _("Podsumowanie czeka na Twoją decyzję.")
    return [WaitingItem(engagement_id=e, text=text, url=url(e), since=at, kind="summary_review") for e, at in versions]


@OVERVIEW_SECTIONS.register("publications.knowledge_base", order=50)
def knowledge_base_section(edition, user):
    """The edition's summaries, consents and publications, with the way to its publication desk."""
    summaries = dict(
        FinalSummary.objects.filter(engagement__edition=edition)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    consents = Consent.objects.filter(
        engagement__edition=edition,
        withdrawn_at__isnull=True,
        choice__in=[Consent.Choice.FULL, Consent.Choice.ANONYMISED],
    ).count()
    published = Publication.objects.filter(edition=edition, withdrawn_at__isnull=True).count()
    return OverviewSection(
        heading=_("Podsumowania i baza wiedzy"),
        template="publications/_edition_overview.html",
        context={
            "accepted": summaries.get(FinalSummary.Status.ACCEPTED, 0),
            "in_review": summaries.get(FinalSummary.Status.IN_REVIEW, 0),
            "drafts": summaries.get(FinalSummary.Status.DRAFT, 0),
            "consents": consents,
            "published": published,
        },
    )
