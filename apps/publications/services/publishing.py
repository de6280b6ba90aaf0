"""Publication by the organiser's staff: the public text built from the consented version (names taken out where
the consent says so), its PDF, its search index entry; one by one or for a whole edition; featuring; the
edition's publication page settings."""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from apps.audit.services import record
from apps.core.text import ascii_slug
from apps.documents.pdf import render_pdf
from apps.engagements.models import Engagement, NeedsAssessment
from apps.plans.models import PlannedAction, PlanVersion

from .. import redaction, search
from ..models import (
    Consent,
    DocumentKind,
    EditionPublishing,
    FormCode,
    Publication,
    PublicationArea,
    SearchEntry,
    SearchTerm,
    SummaryAttachment,
    SummaryVersion,
)


def _plan_sections(snapshot: dict) -> list[dict]:
    sections = []
    for priority in snapshot.get("priorities", []):
        actions = [a for a in snapshot.get("actions", []) if a.get("priority_id") == priority["id"]]
        lines = [_("Cel: %(goal)s") % {"goal": priority.get("goal") or "—"}]
        for a in actions:
            lines.append(
                _(
                    "• %(title)s (%(start)s–%(end)s; odpowiada: %(responsible)s). Rezultat: %(result)s. "
                    "Wskaźnik: %(indicator)s, wartość docelowa %(target)s."
                )
                % {
                    "title": a["title"],
                    "start": a["start"],
                    "end": a["end"],
                    "responsible": a["responsible"],
                    "result": a["expected_result"],
                    "indicator": a["indicator_name"],
                    "target": a["indicator_target"],
                }
            )
        sections.append({"title": _("Priorytet: %(title)s") % {"title": priority["title"]}, "text": "\n".join(lines)})
    if snapshot.get("directions"):
        sections.append({"title": _("Kierunki wdrożenia"), "text": snapshot["directions"]})
    risks = snapshot.get("risks", [])
    if risks:
        sections.append({"title": _("Ryzyka"), "text": "\n".join(f"• {r['risk']} — {r['mitigation']}" for r in risks)})
    team = snapshot.get("header", {}).get("team", [])
    if team:
        sections.append({"title": _("Zespół JST"), "text": ", ".join(m["name"] for m in team)})
    return sections


def _diagnosis_sections(assessment: NeedsAssessment) -> list[dict]:
    fields = ["context_notes", "strengths", "problems", "needs", "post_pandemic_needs"]
    return [
        {"title": str(NeedsAssessment._meta.get_field(name).verbose_name).capitalize(), "text": value}
        for name in fields
        if (value := getattr(assessment, name).strip())
    ]


def _summary_sections(snapshot: dict) -> list[dict]:
    sections = []
    for section in snapshot.get("sections", []):
        kind = section["kind"]
        if kind == "contact":
            contact = snapshot.get("contact", {})
            text = "\n".join(
                v
                for v in (contact.get("name"), contact.get("position"), contact.get("email"), contact.get("phone"))
                if v
            )
        elif kind == "interview":
            who = snapshot.get("interviewee", {})
            intro = ", ".join(v for v in (who.get("name"), who.get("position")) if v)
            text = (_("Rozmowa z: %(who)s") % {"who": intro} + "\n\n" if intro else "") + section["text"]
        elif kind in ("files", "photos"):
            items = [
                a for a in snapshot.get("attachments", []) if a["kind"] == ("file" if kind == "files" else "photo")
            ]
            text = "\n".join(f"• {a['title']}" for a in items)
        else:
            text = section["text"]
        if text.strip():
            sections.append({"title": section["title"], "text": text})
    return sections


def _names_and_extras(engagement: Engagement, snapshot: dict | None) -> tuple[list[str], list[str]]:
    names = list(engagement.team_members.values_list("full_name", flat=True))
    extras = [e for e in engagement.team_members.values_list("email", flat=True) if e]
    extras += [p for p in engagement.team_members.values_list("phone", flat=True) if p]
    if snapshot:
        names += [snapshot.get("contact", {}).get("name", ""), snapshot.get("interviewee", {}).get("name", "")]
        names += [m.get("name", "") for m in snapshot.get("header", {}).get("team", [])]
        extras += [snapshot.get("contact", {}).get("email", ""), snapshot.get("contact", {}).get("phone", "")]
    return [n for n in names if n], [e for e in extras if e]


def public_attachments(*, consent: Consent) -> list[dict]:
    """The accepted summary's files and photos that still exist, as the public will see them."""
    if consent.document != DocumentKind.SUMMARY:
        return []
    version = SummaryVersion.objects.filter(summary__engagement=consent.engagement, number=consent.version).first()
    listed = version.snapshot.get("attachments", []) if version else []
    stored = SummaryAttachment.objects.filter(
        summary__engagement=consent.engagement, pk__in=[a["id"] for a in listed]
    ).in_bulk()
    items = [
        {"id": a["id"], "kind": a["kind"], "title": a["title"], "alt_text": a["alt_text"], "size": stored[a["id"]].size}
        for a in listed
        if a["id"] in stored
    ]
    if consent.choice == Consent.Choice.ANONYMISED:
        names, extras = _names_and_extras(consent.engagement, version.snapshot)
        items = [
            {
                **a,
                "title": redaction.redact(a["title"], names, extras),
                "alt_text": redaction.redact(a["alt_text"], names, extras),
            }
            for a in items
        ]
    return items


def public_content(*, consent: Consent) -> tuple[str, str, list[dict]]:
    """(title, form, sections) of the consented version as the public will read it."""
    engagement = consent.engagement
    jst = engagement.local_government.display_name
    snapshot = None
    with override("pl"):
        if consent.document == DocumentKind.PLAN:
            version = PlanVersion.objects.filter(plan__engagement=engagement, number=consent.version).first()
            if version is None:
                raise ValidationError(_("Nie ma już wersji HDR, której dotyczy zgoda."))
            snapshot = version.snapshot
            title, form, sections = _("HDR: %(jst)s") % {"jst": jst}, "", _plan_sections(snapshot)
        elif consent.document == DocumentKind.DIAGNOSIS:
            assessment = NeedsAssessment.objects.filter(engagement=engagement).first()
            if assessment is None or assessment.version != consent.version:
                raise ValidationError(
                    _("Diagnoza zmieniła się od wyrażenia zgody. Lider zespołu musi wyrazić zgodę na nową wersję.")
                )
            title, form, sections = _("Diagnoza potrzeb: %(jst)s") % {"jst": jst}, "", _diagnosis_sections(assessment)
        else:
            version = SummaryVersion.objects.filter(summary__engagement=engagement, number=consent.version).first()
            if version is None or version.status != SummaryVersion.Status.ACCEPTED:
                raise ValidationError(_("Nie ma zaakceptowanej wersji podsumowania, której dotyczy zgoda."))
            snapshot = version.snapshot
            form = snapshot["form"]
            headline = next((s["text"] for s in snapshot["sections"] if s["key"] == "title" and s["text"]), "")
            form_label = dict(FormCode.choices).get(form, "")
            title = headline or f"{str(form_label).capitalize()}: {jst}"
            sections = _summary_sections(snapshot)
        if consent.choice == Consent.Choice.ANONYMISED:
            names, extras = _names_and_extras(engagement, snapshot)
            sections = redaction.redact_sections(sections, names, extras)
            title = redaction.redact(title, names, extras)
    return title, form, sections


def _solutions(engagement: Engagement) -> list[str]:
    names = (
        PlannedAction.objects.filter(plan__engagement=engagement, solution__isnull=False)
        .values_list("solution__name", flat=True)
        .distinct()
    )
    return sorted(set(names))


def index_publication(*, publication: Publication) -> SearchEntry:
    text = "\n".join(
        [publication.title, publication.jst_name, *publication.areas]
        + [f"{s['title']}\n{s['text']}" for s in publication.sections]
    )
    indexed = search.index_text(text)
    entry, _created = SearchEntry.objects.update_or_create(
        publication=publication, defaults={"plain": indexed.plain, "lemmas": indexed.lemmas}
    )
    SearchTerm.objects.filter(publication=publication).delete()
    SearchTerm.objects.bulk_create(
        [SearchTerm(publication=publication, lemma=value, count=n) for value, n in indexed.counts().items()]
    )
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector

        SearchEntry.objects.filter(pk=entry.pk).update(vector=SearchVector("lemmas", config="simple"))
    return entry


def _check_staff(edition, by) -> None:
    from apps.accounts.roles import roles_of

    if edition.organiser_id not in roles_of(by).staff_of:
        raise ValidationError(_("Publikuje zespół organizatora tej edycji."))


def _publish(consent: Consent, by, now) -> Publication:
    engagement = consent.engagement
    title, form, sections = public_content(consent=consent)
    jst = engagement.local_government
    publication = Publication.objects.create(
        engagement=engagement,
        consent=consent,
        document=consent.document,
        version=consent.version,
        form=form,
        title=title[:400],
        sections=sections,
        edition=engagement.edition,
        jst_name=jst.display_name,
        jst_kind=jst.kind,
        voivodeship_id=jst.voivodeship_id,
        areas=[c.area.name for c in engagement.chosen_areas.select_related("area")],
        solutions=_solutions(engagement),
        attachments=public_attachments(consent=consent),
        published_at=now,
        published_by=by,
    )
    PublicationArea.objects.bulk_create(
        [PublicationArea(publication=publication, kind="area", name=n) for n in publication.areas]
        + [PublicationArea(publication=publication, kind="solution", name=n) for n in publication.solutions]
    )
    pdf = render_pdf(template="publications/pdf/publication.html", context={"publication": publication})
    publication.pdf.save(ascii_slug(title, fallback="publikacja", max_length=80) + ".pdf", ContentFile(pdf), save=False)
    publication.pdf_size = len(pdf)
    publication.save(update_fields=["pdf", "pdf_size"])
    index_publication(publication=publication)
    record(
        actor=by,
        action="publication.published",
        target=publication,
        changes={"document": consent.document, "version": consent.version, "choice": consent.choice},
    )
    return publication


def _lock_consent(consent: Consent) -> Consent:
    return (
        Consent.objects.select_for_update()
        .select_related("engagement__edition", "engagement__local_government")
        .get(pk=consent.pk)
    )


@transaction.atomic
def publish(*, consent: Consent, by) -> Publication:
    """Publish the consented version. Nothing without a standing consent to publish."""
    stored = _lock_consent(consent)
    _check_staff(stored.engagement.edition, by)
    if not stored.allows_publication:
        raise ValidationError(_("Bez zgody JST na publikację nie można opublikować dokumentu."))
    if Publication.objects.filter(
        engagement=stored.engagement, document=stored.document, withdrawn_at__isnull=True
    ).exists():
        raise ValidationError(_("Ten dokument jest już opublikowany."))
    return _publish(stored, by, timezone.now())


@transaction.atomic
def publish_edition(*, edition, by) -> int:
    """Publish every consented, not yet published document of the edition; returns how many."""
    _check_staff(edition, by)
    live = Publication.objects.filter(edition=edition, withdrawn_at__isnull=True).values_list(
        "engagement_id", "document"
    )
    published = set(live)
    consents = (
        Consent.objects.select_for_update(of=("self",))
        .filter(
            engagement__edition=edition,
            withdrawn_at__isnull=True,
            choice__in=[Consent.Choice.FULL, Consent.Choice.ANONYMISED],
        )
        .select_related("engagement__edition", "engagement__local_government")
        .order_by("pk")
    )
    now, count = timezone.now(), 0
    for consent in consents:
        if (consent.engagement_id, consent.document) in published:
            continue
        try:
            _publish(consent, by, now)
        except ValidationError:
            continue  # e.g. a diagnosis changed since the consent: left for one-by-one publication
        count += 1
    record(actor=by, action="publication.edition_published", target=edition, changes={"count": count})
    return count


@transaction.atomic
def set_featured(*, publication: Publication, featured: bool, by) -> Publication:
    _check_staff(publication.edition, by)
    if publication.withdrawn_at is not None:
        raise ValidationError(_("Ta publikacja została wycofana."))
    Publication.objects.filter(pk=publication.pk).update(featured=featured)
    publication.featured = featured
    record(actor=by, action="publication.featured" if featured else "publication.unfeatured", target=publication)
    return publication


@transaction.atomic
def update_edition_publishing(*, edition, by, both_advisors_accept: bool, grouping: str, intro: str):
    _check_staff(edition, by)
    if grouping not in EditionPublishing.Grouping.values:
        raise ValidationError({"grouping": _("Wybierz układ strony.")})
    settings, _created = EditionPublishing.objects.select_for_update().get_or_create(edition=edition)
    before = {"both": settings.both_advisors_accept, "grouping": settings.grouping, "intro": settings.intro}
    settings.both_advisors_accept, settings.grouping, settings.intro = both_advisors_accept, grouping, intro.strip()
    settings.save()
    after = {"both": settings.both_advisors_accept, "grouping": settings.grouping, "intro": settings.intro}
    record(
        actor=by,
        action="publication.settings_saved",
        target=edition,
        changes={k: [before[k], after[k]] for k in before if before[k] != after[k]},
    )
    return settings
