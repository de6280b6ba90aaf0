"""The demo's final summaries, consents and publications.

- Every demo engagement that completes its cycle writes a summary through the publications services (the team
  leader writes and submits it, the personal-development advisor accepts it; acceptance closes stage 6): the
  2022/23 edition's three completed JSTs one in each form (a mini-report with a photo and its alternative text),
  the pilot's and the other organiser's JSTs a good-practice description.
- ``seed``: the 2022/23 edition's JSTs consent to publishing their summaries (one of them "without personal data")
  and the organiser publishes them; one JST then withdraws its consent. The 2019 pilot's 34 HDRs are published
  with their JSTs' consent, the edition's publication page grouped by JST type, as the programme published them.

The texts are invented and marked "(demo)".
"""

import io
from datetime import datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.models import Membership
from apps.editions.models import PROGRAMME_TZ, Edition
from apps.engagements.models import Engagement, Stage, TimelineEntry
from apps.publications import services
from apps.publications.models import Consent, DocumentKind, EditionPublishing, FinalSummary, FormCode, Publication

from . import editions

FORMS = [FormCode.GOOD_PRACTICE, FormCode.REFLECTION_STUDY, FormCode.MINI_REPORTAGE]
TEXT = (
    "Przykład (demo): zespół JST wspólnie z dyrektorami szkół uzgodnił zasady współpracy, a działania HDR "
    "wdrażano etapami; w szkołach i przedszkolach wprowadzono wspólny kalendarz spotkań i standardy pracy."
)


def _photo() -> SimpleUploadedFile:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (480, 270), (222, 232, 242))
    ImageDraw.Draw(image).rectangle((40, 60, 440, 210), outline=(40, 70, 120), width=6)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile("zdjecie-demo.png", buffer.getvalue(), content_type="image/png")


def write_summary(engagement: Engagement, cast, *, at: datetime) -> FinalSummary | None:
    """The team writes its summary and the advisor accepts it (which moves the engagement to "completed")."""
    if FinalSummary.objects.filter(engagement=engagement).exists():
        return None
    form = FormCode.GOOD_PRACTICE
    if engagement.edition.name == editions.ORE_2022.name:
        done = FinalSummary.objects.filter(engagement__edition=engagement.edition).count()
        form = FORMS[done % len(FORMS)]
    by = cast.leader
    summary = services.start_summary(engagement=engagement, form=form, by=by)
    content = {
        s["key"]: (summary.content.get(s["key"]) or f"{TEXT} ({s['title']})")
        for s in summary.structure.sections
        if s["kind"] in ("text", "interview")
    }
    if "title" in content:
        content["title"] = f"Przykład (demo): jak {engagement.local_government.name} zmienia swoje szkoły"
    summary = services.update_summary(
        summary=summary,
        expected_version=summary.version,
        by=by,
        content=content,
        contact_name=by.full_name,
        contact_position=cast.position,
        contact_email=by.email,
        contact_phone="",
        interviewee_name=by.full_name,
        interviewee_position=cast.position,
    )
    if form == FormCode.MINI_REPORTAGE:
        services.add_attachment(
            summary=summary,
            kind="photo",
            upload=_photo(),
            title="Spotkanie zespołu JST (demo)",
            alt_text="Rysunek demonstracyjny: prostokąt symbolizujący zdjęcie ze spotkania zespołu",
            by=by,
        )
    services.submit_summary(summary=summary, by=by)
    services.accept_summary(summary=FinalSummary.objects.get(pk=summary.pk), by=cast.personal_development)
    return summary


def _staff(edition: Edition):
    membership = (
        Membership.objects.filter(organisation_id=edition.organiser_id, role=Membership.Role.STAFF)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def _leader(engagement: Engagement):
    member = engagement.team_members.filter(is_leader=True, left_at__isnull=True, user__isnull=False).first()
    return member.user if member else None


def _backdate(edition: Edition, when: datetime, *, consented: datetime | None = None) -> None:
    """Consents (and their timeline entries) and publications at the moments they happened in the edition's story."""
    consented = consented or when
    TimelineEntry.objects.filter(engagement__edition=edition, code__startswith="consent.").update(at=consented)
    Consent.objects.filter(engagement__edition=edition).update(created_at=consented)
    Consent.objects.filter(engagement__edition=edition, withdrawn_at__isnull=False).update(
        withdrawn_at=when + timedelta(days=30)
    )
    Publication.objects.filter(edition=edition).update(published_at=when, created_at=when, updated_at=when)
    Publication.objects.filter(edition=edition, withdrawn_at__isnull=False).update(
        withdrawn_at=when + timedelta(days=30)
    )


def seed(seeded_editions: dict) -> str:
    if Publication.objects.exists() or Consent.objects.exists():
        return "baza wiedzy: bez zmian"
    ore_2022 = seeded_editions[editions.ORE_2022.key][0]
    pilot = seeded_editions[editions.PILOT_2019.key][0]
    staff = _staff(ore_2022)
    completed = list(
        Engagement.objects.filter(edition=ore_2022, stage=Stage.COMPLETED).order_by("local_government__display_name")
    )
    for index, engagement in enumerate(completed):
        leader = _leader(engagement)
        if leader is None:
            continue
        choice = Consent.Choice.ANONYMISED if index == 0 else Consent.Choice.FULL
        services.record_consent(engagement=engagement, document=DocumentKind.SUMMARY, choice=choice, by=leader)
        services.record_consent(engagement=engagement, document=DocumentKind.PLAN, choice=choice, by=leader)
    count = services.publish_edition(edition=ore_2022, by=staff) if staff else 0
    withdrawn = 0
    if len(completed) > 1 and (leader := _leader(completed[-1])):
        consent = Consent.objects.get(engagement=completed[-1], document=DocumentKind.PLAN, withdrawn_at__isnull=True)
        services.withdraw_consent(consent=consent, by=leader)
        withdrawn = 1
    EditionPublishing.objects.get_or_create(
        edition=pilot,
        defaults={
            "grouping": EditionPublishing.Grouping.JST_KIND,
            "intro": "Harmonogramy Działań Rozwojowych JST uczestniczących w pilotażu 2019.",
        },
    )
    for engagement in Engagement.objects.filter(edition=pilot, development_plan__approved_version__isnull=False):
        leader = _leader(engagement)
        if leader is not None:
            services.record_consent(
                engagement=engagement, document=DocumentKind.PLAN, choice=Consent.Choice.FULL, by=leader
            )
    pilot_staff = _staff(pilot)
    pilot_count = services.publish_edition(edition=pilot, by=pilot_staff) if pilot_staff else 0
    # The JSTs agreed at the closing meeting (23–24 September 2019); the HDRs went on the project's site in October
    # (the closing note was last updated on the 16th).
    _backdate(
        pilot,
        datetime(2019, 10, 16, 12, tzinfo=PROGRAMME_TZ),
        consented=datetime(2019, 9, 24, 12, tzinfo=PROGRAMME_TZ),
    )
    _backdate(ore_2022, datetime.combine(ore_2022.period_end, time(12), tzinfo=PROGRAMME_TZ) + timedelta(days=14))
    return (
        f"baza wiedzy: opublikowano {count} dokumentów edycji 2022/2023 (wycofana zgoda: {withdrawn}) "
        f"i {pilot_count} HDR pilotażu"
    )
