"""Factories and builders other tests reuse: a filled summary, an accepted one, a consent, a publication."""

import factory
from django.utils import timezone

from . import services, structures
from .models import Consent, DocumentKind, FinalSummary, FormCode, Publication, PublicationArea


def fill_summary(summary: FinalSummary, *, by, text: str = "Opis sekcji.") -> FinalSummary:
    """Every text section written, contact and interviewee given (a summary that may be submitted, save files)."""
    content = {
        s["key"]: summary.content.get(s["key"]) or f"{s['title']}: {text}"
        for s in structures.text_sections(summary.structure.sections)
    }
    return services.update_summary(
        summary=summary,
        expected_version=summary.version,
        by=by,
        content=content,
        contact_name="Ewa Kontaktowa",
        contact_position="Dyrektor wydziału",
        contact_email="kontakt@gmina.example",
        contact_phone="600 100 200",
        interviewee_name="Marek Rozmówca",
        interviewee_position="Burmistrz",
    )


def accepted_summary(*, engagement, form: str = FormCode.GOOD_PRACTICE, by, advisor, text: str = "Opis sekcji."):
    summary = services.start_summary(engagement=engagement, form=form, by=by)
    summary = fill_summary(summary, by=by, text=text)
    if form == FormCode.MINI_REPORTAGE:
        pass  # photos are optional
    services.submit_summary(summary=summary, by=by)
    services.accept_summary(summary=FinalSummary.objects.get(pk=summary.pk), by=advisor)
    return FinalSummary.objects.get(pk=summary.pk)


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    engagement = factory.SubFactory("apps.engagements.factories.EngagementFactory")
    document = DocumentKind.SUMMARY
    version = 1
    choice = Consent.Choice.FULL
    given_by_label = "Lider zespołu"


def publication(
    *,
    engagement,
    text: str,
    title: str = "",
    document=DocumentKind.SUMMARY,
    form=FormCode.GOOD_PRACTICE,
    areas=("Zarządzanie oświatą",),
    solutions=(),
    index: bool = True,
    featured: bool = False,
) -> Publication:
    """A live publication without a PDF (the scale data and list tests need many, fast)."""
    consent = ConsentFactory(engagement=engagement, document=document)
    jst = engagement.local_government
    item = Publication.objects.create(
        engagement=engagement,
        consent=consent,
        document=document,
        version=1,
        form=form if document == "summary" else "",
        title=title or f"Dobra praktyka: {jst.display_name}",
        sections=[{"title": "Opis", "text": text}],
        edition=engagement.edition,
        jst_name=jst.display_name,
        jst_kind=jst.kind,
        voivodeship_id=jst.voivodeship_id,
        areas=list(areas),
        solutions=list(solutions),
        published_at=timezone.now(),
        featured=featured,
    )
    PublicationArea.objects.bulk_create(
        [PublicationArea(publication=item, kind="area", name=n) for n in areas]
        + [PublicationArea(publication=item, kind="solution", name=n) for n in solutions]
    )
    if index:
        services.index_publication(publication=item)
    return item
