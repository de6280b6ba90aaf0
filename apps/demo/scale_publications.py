"""The knowledge base at national scale for ``make bench``: 3,000 published documents (for each of the large
edition's 1,000 engagements its HDR, its diagnosis and its summary in one of the three forms) and a tenth of that
for the small edition, each with its search index entry. Written with ``bulk_create``; the texts are drawn from a
Polish vocabulary so that searches match a realistic share of documents. No PDF files (the bench measures pages)."""

import random

from django.db import connection
from django.utils import timezone

from apps.catalog.models import ManagementSolution
from apps.engagements.models import Engagement
from apps.publications import search
from apps.publications.models import (
    Consent,
    DocumentKind,
    FormCode,
    Publication,
    PublicationArea,
    SearchEntry,
    SearchTerm,
)

SENTENCES = [
    "Gmina przygotowała wspólny kalendarz szkół i przedszkoli.",
    "Dyrektorzy szkół spotykają się co miesiąc z wydziałem edukacji.",
    "W szkołach podstawowych uruchomiono zajęcia rozwijające dla uczniów zdolnych.",
    "Rodzice uczestniczą w planowaniu budżetu oświaty.",
    "Monitorowanie jakości usług edukacyjnych opiera się na wskaźnikach.",
    "Nauczyciele doskonalą się w sieciach współpracy.",
    "Organ prowadzący analizuje potrzeby lokalnego systemu oświaty.",
    "Uczniowie z trudnościami w nauce dostają wsparcie specjalistów.",
    "Plan dowozów uczniów obniżył koszty o kilkanaście procent.",
    "Samorząd wdrożył standardy pracy z uczniem niepełnosprawnym.",
]
TITLES = {
    DocumentKind.PLAN: "HDR: {jst}",
    DocumentKind.DIAGNOSIS: "Diagnoza potrzeb: {jst}",
    DocumentKind.SUMMARY: "Podsumowanie: {jst}",
}
FORMS = list(FormCode.values)


def _text(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def build(editions: dict, *, log=lambda text: None) -> int:
    """Publications for the editions' engagements (three documents each); returns how many."""
    if Publication.objects.exists():
        return 0
    rng = random.Random(13)
    solutions = list(ManagementSolution.objects.values_list("name", flat=True)[:20])
    now = timezone.now()
    consents, publications, facets, entries, terms = [], [], [], [], []
    engagements = list(
        Engagement.objects.filter(edition__in=list(editions.values()))
        .select_related("local_government", "edition")
        .prefetch_related("chosen_areas__area")
        .order_by("pk")
    )
    for engagement in engagements:
        for document in DocumentKind.values:
            consents.append(
                Consent(
                    engagement=engagement,
                    document=document,
                    version=1,
                    choice=Consent.Choice.ANONYMISED,
                    given_by_label="Lider zespołu (skala)",
                )
            )
    Consent.objects.bulk_create(consents, batch_size=2000)
    by_key = {(c.engagement_id, c.document): c for c in Consent.objects.filter(engagement__in=engagements)}
    for i, engagement in enumerate(engagements):
        jst = engagement.local_government
        areas = [c.area.name for c in engagement.chosen_areas.all()]
        for document in DocumentKind.values:
            sections = [{"title": f"Część {n}", "text": _text(rng, 12)} for n in range(1, 5)]
            publications.append(
                Publication(
                    engagement=engagement,
                    consent=by_key[engagement.pk, document],
                    document=document,
                    version=1,
                    form=FORMS[i % 3] if document == DocumentKind.SUMMARY else "",
                    title=TITLES[document].format(jst=jst.display_name),
                    sections=sections,
                    edition=engagement.edition,
                    jst_name=jst.display_name,
                    jst_kind=jst.kind,
                    voivodeship_id=jst.voivodeship_id,
                    areas=areas,
                    solutions=rng.sample(solutions, k=min(2, len(solutions))),
                    published_at=now,
                    featured=i % 50 == 0,
                )
            )
    Publication.objects.bulk_create(publications, batch_size=1000)
    for publication in publications:
        facets += [PublicationArea(publication=publication, kind="area", name=n) for n in publication.areas]
        facets += [PublicationArea(publication=publication, kind="solution", name=n) for n in publication.solutions]
        text = "\n".join(
            [publication.title, publication.jst_name, *publication.areas]
            + [f"{s['title']}\n{s['text']}" for s in publication.sections]
        )
        indexed = search.index_text(text)
        entries.append(SearchEntry(publication=publication, plain=indexed.plain, lemmas=indexed.lemmas))
        terms += [SearchTerm(publication=publication, lemma=value, count=n) for value, n in indexed.counts().items()]
    PublicationArea.objects.bulk_create(facets, batch_size=5000)
    SearchEntry.objects.bulk_create(entries, batch_size=1000)
    SearchTerm.objects.bulk_create(terms, batch_size=5000)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector

        SearchEntry.objects.update(vector=SearchVector("lemmas", config="simple"))
    log(f"baza wiedzy: opublikowane dokumenty {len(publications)}")
    return len(publications)
