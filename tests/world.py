"""A small world with one user per role of the access matrix, and the objects those roles relate to.

Later capabilities add their objects here (editions, JSTs, applications, engagements, events), so that
every URL can be checked for every role against the same cast:

- organiser_x works for organiser X (ORE), which runs edition X;
- organiser_other works for another organiser (a competition-project beneficiary);
- team_member_a / team_member_b are in the teams of JST A / JST B; advisor_a / advisor_b are assigned to them;
- applicant has applied (or is applying) on behalf of a JST;
- trainer runs workshop sessions; coordinator is ORE's national coordinator (read-only across organisers).
"""

from dataclasses import dataclass, field
from typing import Any

from apps.accounts.factories import AdminFactory, MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Membership, Organisation

ROLES = [
    "anonymous",
    "applicant",
    "team_member_a",
    "team_member_b",
    "advisor_a",
    "advisor_b",
    "trainer",
    "organiser_x",
    "organiser_other",
    "coordinator",
    "platform_admin",
]


@dataclass
class World:
    users: dict[str, Any] = field(default_factory=dict)
    org_x: Organisation | None = None
    org_other: Organisation | None = None
    objects: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name):
        # world.edition_x etc.: objects added by later capabilities.
        try:
            return self.__dict__["objects"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_world() -> World:
    world = World()
    world.org_x = OrganisationFactory(
        slug="ore", name="Ośrodek Rozwoju Edukacji", short_name="ORE", kind=Organisation.Kind.MODEL_OWNER
    )
    world.org_other = OrganisationFactory(slug="inny-organizator", name="Inny organizator", short_name="INNY")
    u = world.users
    u["applicant"] = UserFactory(email="applicant@example.org")
    u["team_member_a"] = UserFactory(email="team.a@example.org")
    u["team_member_b"] = UserFactory(email="team.b@example.org")
    u["advisor_a"] = MembershipFactory(
        organisation=world.org_x, role=Membership.Role.ADVISOR, user__email="advisor.a@example.org"
    ).user
    u["advisor_b"] = MembershipFactory(
        organisation=world.org_x, role=Membership.Role.ADVISOR, user__email="advisor.b@example.org"
    ).user
    u["trainer"] = MembershipFactory(
        organisation=world.org_x, role=Membership.Role.TRAINER, user__email="trainer@example.org"
    ).user
    u["organiser_x"] = MembershipFactory(
        organisation=world.org_x, role=Membership.Role.STAFF, user__email="organiser.x@example.org"
    ).user
    u["organiser_other"] = MembershipFactory(
        organisation=world.org_other, role=Membership.Role.STAFF, user__email="organiser.other@example.org"
    ).user
    u["coordinator"] = MembershipFactory(
        organisation=world.org_x, role=Membership.Role.COORDINATOR, user__email="coordinator@example.org"
    ).user
    u["platform_admin"] = AdminFactory(email="admin@example.org")
    from apps.accounts.services import invite

    invitation, token = invite(
        email="nowa@example.org", organisation=world.org_x, role=Membership.Role.ADVISOR, by=u["organiser_x"]
    )
    world.objects["invitation_x"] = invitation
    world.objects["invitation_x_token"] = token
    from apps.accounts.services import create_calendar_feed

    world.objects["calendar_feed_a"] = create_calendar_feed(user=u["team_member_a"])
    _add_catalogue_and_editions(world)
    from apps.territory.factories import LocalGovernmentFactory
    from apps.territory.kinds import JstKind

    world.objects["jst_a"] = LocalGovernmentFactory(kind=JstKind.RURAL_GMINA, name="Alfa")
    world.objects["jst_b"] = LocalGovernmentFactory(kind=JstKind.URBAN_GMINA, name="Beta")
    _add_engagements(world)
    _add_documents(world)
    _add_plans(world)
    _add_recruitment(world)
    _add_advising(world)
    _add_public_face(world)
    _add_messaging(world)
    _add_events(world)
    _add_publications(world)
    _add_api(world)
    _add_statistics(world)
    _add_openspace(world)
    _add_monitoring(world)
    _add_privacy(world)
    _add_programmes(world)
    _add_feedback(world)
    _add_surveys(world)
    return world


def _add_messaging(world: World) -> None:
    """JST A's thread: a message by its team (with an attachment) and one by its advisor; JST B's thread has one."""
    from datetime import timedelta

    from django.utils import timezone

    from apps.messaging.factories import MessageFactory, attach

    o, u = world.objects, world.users
    o["message_a"] = MessageFactory(engagement=o["engagement_a"], author=u["team_member_a"], body="Wiadomość zespołu A")
    o["attachment_a"] = attach(o["message_a"], name="notatka-a.pdf")
    # Written long ago: past the edit limit, and its author may still delete it.
    o["message_a_advisor"] = MessageFactory(
        engagement=o["engagement_a"],
        author=u["advisor_a"],
        body="Odpowiedź doradcy A",
        created_at=timezone.now() - timedelta(hours=1),
    )
    o["message_b"] = MessageFactory(engagement=o["engagement_b"], author=u["team_member_b"], body="Wiadomość B")


def _add_public_face(world: World) -> None:
    """Organiser X's logo; the funding marks of edition X and of its draft."""
    from apps.branding.factories import funding_mark, identity_with_logo

    o = world.objects
    identity_with_logo(world.org_x, contact_phone="22 345 37 00")
    o["mark_x"] = funding_mark(o["edition_x"])
    o["mark_x_draft"] = funding_mark(o["edition_x_draft"])


def _add_engagements(world: World) -> None:
    """JST A and JST B qualified in edition X: their teams and advisor pairs."""
    from apps.accounts.factories import MembershipFactory as _Membership
    from apps.engagements.factories import AdvisorAssignmentFactory, EngagementFactory, TeamMemberFactory
    from apps.engagements.models import AdvisorAssignment

    o, u = world.objects, world.users
    second_advisor = _Membership(
        organisation=world.org_x, role=Membership.Role.ADVISOR, user__email="advisor.pair@example.org"
    ).user
    for key, jst, member, advisor in [
        ("engagement_a", o["jst_a"], u["team_member_a"], u["advisor_a"]),
        ("engagement_b", o["jst_b"], u["team_member_b"], u["advisor_b"]),
    ]:
        engagement = EngagementFactory(edition=o["edition_x"], local_government=jst)
        TeamMemberFactory(engagement=engagement, user=member, is_leader=True)
        AdvisorAssignmentFactory(engagement=engagement, user=advisor, role=AdvisorAssignment.Role.PERSONAL_DEVELOPMENT)
        AdvisorAssignmentFactory(engagement=engagement, user=second_advisor, role=AdvisorAssignment.Role.MANAGEMENT)
        o[key] = engagement
    _add_engagement_work(world)


def _add_engagement_work(world: World) -> None:
    """JST A's team has a second member (no account yet); its diagnosis has a figure, a school's view and a
    candidate priority, so every page of the engagement answers in the access matrix."""
    from decimal import Decimal

    from apps.engagements.factories import DevelopmentPriorityFactory, TeamMemberFactory
    from apps.engagements.models import ContextFigure, NeedsAssessment, SchoolPerspective

    o = world.objects
    engagement = o["engagement_a"]
    o["member_a2"] = TeamMemberFactory(
        engagement=engagement, user=None, full_name="Ewa Druga", email="ewa@alfa.example"
    )
    assessment = NeedsAssessment.objects.create(engagement=engagement)
    o["figure_a"] = ContextFigure.objects.create(
        assessment=assessment,
        topic=ContextFigure.Topic.SCHOOLS,
        label="szkoły podstawowe",
        value=Decimal("4"),
        unit="szt.",
        year=2023,
        source="SIO",
    )
    o["perspective_a"] = SchoolPerspective.objects.create(
        assessment=assessment, school_name="Szkoła Podstawowa w Alfie", strengths="Kadra"
    )
    o["candidate_a"] = DevelopmentPriorityFactory(
        engagement=engagement, title="Kandydat JST A", goal="", is_selected=False, importance=3, feasibility=4
    )


def _add_plans(world: World) -> None:
    """JST A's HDR: approved once (version 1) and reopened as a draft, so that both its edit pages and its
    monitoring pages answer; one action with an evidence file, one risk, one comment thread."""
    from django.core.files.base import ContentFile

    from apps.engagements.factories import DevelopmentPriorityFactory
    from apps.plans.factories import DevelopmentPlanFactory, PlannedActionFactory, PlanRiskFactory
    from apps.plans.models import Evidence, PlanComment, PlanVersion
    from apps.plans.selectors import plan_contents, plan_with_header
    from apps.plans.snapshot import build_snapshot

    o, u = world.objects, world.users
    priority = DevelopmentPriorityFactory(engagement=o["engagement_a"], title="Priorytet JST A", goal="Cel JST A")
    plan = DevelopmentPlanFactory(engagement=o["engagement_a"])
    action = PlannedActionFactory(plan=plan, priority=priority, title="Działanie JST A")
    risk = PlanRiskFactory(plan=plan)
    loaded = plan_with_header(plan.pk)
    version = PlanVersion.objects.create(
        plan=plan,
        number=1,
        status=PlanVersion.Status.APPROVED,
        snapshot=build_snapshot(loaded, **plan_contents(loaded)),
    )
    plan.approved_version = version
    plan.save(update_fields=["approved_version"])
    comment = PlanComment.objects.create(
        plan=plan, section=PlanComment.Section.HEADER, author=u["advisor_a"], author_label="Doradca A", text="Uwaga"
    )
    evidence = Evidence(action=action, note="Lista obecności", uploaded_by=u["team_member_a"], uploaded_by_label="A")
    evidence.original_name, evidence.content_type, evidence.size = "lista.pdf", "application/pdf", 9
    evidence.file.save("lista.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    o.update(plan_a=plan, plan_a_action=action, plan_a_risk=risk, plan_a_comment=comment, plan_a_evidence=evidence)


def _add_documents(world: World) -> None:
    """A finished generated document of JST A's engagement: whoever may see the engagement may download it."""
    from apps.documents.factories import GeneratedDocumentFactory

    world.objects["document_a"] = GeneratedDocumentFactory(
        target=world.objects["engagement_a"], view_action="engagement.view", done=True
    )


def _add_catalogue_and_editions(world: World) -> None:
    """The published catalogue (version 1) and a draft version 2; editions of both organisers."""
    from apps.catalog.services import create_draft_version, ensure_initial_catalog
    from apps.editions.factories import EditionFactory, PlannedEventFactory

    o = world.objects
    o["catalog_published"] = ensure_initial_catalog()
    o["catalog_draft"] = create_draft_version(by=world.users["coordinator"])
    o["catalog_draft_area"] = o["catalog_draft"].areas.first()
    o["catalog_draft_solution"] = o["catalog_draft_area"].solutions.first()
    version = o["catalog_published"]
    o["edition_x"] = EditionFactory(organiser=world.org_x, catalogue_version=version, slug="edycja-x", published=True)
    o["edition_x_draft"] = EditionFactory(organiser=world.org_x, catalogue_version=version, slug="edycja-x-szkic")
    o["edition_other"] = EditionFactory(
        organiser=world.org_other, catalogue_version=version, slug="edycja-innego", published=True
    )
    o["event_x"] = PlannedEventFactory(edition=o["edition_x"])


def _add_recruitment(world: World) -> None:
    """Recruitment: JST A's application to edition X by ``applicant`` (qualified, results published, one uploaded
    document and an internal note); JST B's application by someone else; an open call (``edition_x_open``) with
    the applicant's draft for a third JST; a public attachment of edition X's call."""
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from apps.editions.factories import EditionFactory
    from apps.recruitment.factories import ApplicationFactory, SubmittedApplicationFactory
    from apps.recruitment.kinds import DeliveryMethod, DocumentKind
    from apps.recruitment.models import ApplicationNote, Call, CallAttachment, DocumentReceipt
    from apps.territory.factories import LocalGovernmentFactory
    from apps.territory.kinds import JstKind

    o, u = world.objects, world.users
    today = timezone.localdate()
    o["application_a"] = SubmittedApplicationFactory(
        edition=o["edition_x"],
        local_government=o["jst_a"],
        applicant=u["applicant"],
        status="qualified",
        decided_at=timezone.now(),
        engagement=o["engagement_a"],
        notified_status="qualified",
    )
    o["application_b"] = SubmittedApplicationFactory(
        edition=o["edition_x"], local_government=o["jst_b"], status="rejected"
    )
    Call.objects.create(edition=o["edition_x"], results_published_at=timezone.now())
    receipt = DocumentReceipt(
        application=o["application_a"],
        kind=DocumentKind.CARD,
        method=DeliveryMethod.SCAN,
        filename="karta.pdf",
        received_at=timezone.now(),
        received_on=today,
    )
    receipt.file.save("karta.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    o["receipt_a"] = receipt
    ApplicationNote.objects.create(application=o["application_a"], author=u["organiser_x"], text="Notatka")
    attachment = CallAttachment(edition=o["edition_x"], title="Regulamin", filename="regulamin.pdf")
    attachment.file.save("regulamin.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    o["call_attachment_x"] = attachment
    o["edition_x_open"] = EditionFactory(
        organiser=world.org_x,
        catalogue_version=o["catalog_published"],
        slug="edycja-x-nabor",
        published=True,
        recruitment_opens_on=today - timedelta(days=10),
        recruitment_deadline=today + timedelta(days=10),
        results_date=today + timedelta(days=15),
        period_start=today + timedelta(days=20),
        period_end=today + timedelta(days=300),
    )
    o["jst_c"] = LocalGovernmentFactory(kind=JstKind.RURAL_GMINA, name="Gamma")
    o["application_draft"] = ApplicationFactory(
        edition=o["edition_x_open"], local_government=o["jst_c"], applicant=u["applicant"]
    )


def _add_advising(world: World) -> None:
    """JST A's advisory work (apps.advising): visit 1 held with a record waiting for confirmation (an attachment,
    an agreed task), visit 2 with date options from both sides, visit 3 agreed; a remote session; a manual hours
    entry of advisor A today; advisor A's time sheet of last month waiting for organiser X."""
    import datetime

    from django.core.files.base import ContentFile
    from django.utils import timezone

    from apps.advising.models import (
        AgreedTask,
        DateOption,
        RecordAttachment,
        RemoteSession,
        TimeEntry,
        TimeSheet,
        Visit,
        VisitRecord,
    )

    o, u = world.objects, world.users
    engagement, start = o["engagement_a"], o["edition_x"].period_start
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    held = Visit.objects.create(
        engagement=engagement, number=1, state=Visit.State.RECORDED, starts_on=today - 10 * day, ends_on=today - 9 * day
    )
    record = VisitRecord.objects.create(visit=held, support_kind="meeting", topics="Diagnoza", written_by_label="X")
    attachment = RecordAttachment(record=record, original_name="lista.pdf", content_type="application/pdf", size=9)
    attachment.file.save("lista.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    proposed = Visit.objects.create(engagement=engagement, number=2, state=Visit.State.DATES_PROPOSED)
    by_advisors = DateOption.objects.create(
        visit=proposed,
        starts_on=start + 30 * day,
        ends_on=start + 31 * day,
        side="advisors",
        proposed_by=u["advisor_a"],
    )
    by_jst = DateOption.objects.create(
        visit=proposed, starts_on=start + 40 * day, ends_on=start + 41 * day, side="jst", proposed_by=u["team_member_a"]
    )
    agreed = Visit.objects.create(
        engagement=engagement, number=3, state=Visit.State.AGREED, starts_on=start + 60 * day, ends_on=start + 61 * day
    )
    o.update(
        visit_a_held=held,
        visit_a_proposed=proposed,
        visit_a_agreed=agreed,
        record_a=record,
        record_a_attachment=attachment,
        option_a_advisors=by_advisors,
        option_a_jst=by_jst,
        task_a=AgreedTask.objects.create(engagement=engagement, record=record, what="Zebrać dane", who="Zespół"),
        session_a=RemoteSession.objects.create(
            engagement=engagement, held_on=today, duration_minutes=60, channel="video", topics="HDR"
        ),
        hours_a=TimeEntry.objects.create(
            advisor=u["advisor_a"], engagement=engagement, on=today, hours=2, kind="preparation"
        ),
        sheet_a=TimeSheet.objects.create(
            advisor=u["advisor_a"],
            organiser=world.org_x,
            month=(today.replace(day=1) - day).replace(day=1),
            state=TimeSheet.State.SUBMITTED,
        ),
    )


def _add_events(world: World) -> None:
    """Events: edition X's planned event grown into an event at venue X, with a plenary session, a material, the
    trainer invited, JST A's team member registered (in a single room, checked in on the first day) and a signed
    scan; a second planned event not yet set up, and a third event without an agenda (to copy one onto)."""
    from datetime import time, timedelta

    from django.core.files.base import ContentFile

    from apps.editions.factories import PlannedEventFactory
    from apps.engagements.models import TeamMember
    from apps.events.factories import EventFactory, RegistrationFactory, SessionFactory, VenueFactory
    from apps.events.models import AttendanceScan, Certificate, CheckIn, Invitee, Room, SessionMaterial
    from tests.access.submission import small_pdf

    o, u = world.objects, world.users
    o["venue_x"] = VenueFactory(organiser=world.org_x)
    o["venue_x_spare"] = VenueFactory(organiser=world.org_x, name="Sala konferencyjna")
    event = EventFactory(planned_event=o["event_x"], venue=o["venue_x"])
    o["event_x_full"] = event
    o["session_x"] = SessionFactory(event=event, starts_at=time(9, 0), title="Otwarcie")
    o["material_x"] = SessionMaterial.objects.create(
        session=o["session_x"], name="Prezentacja", file=ContentFile(small_pdf(), name="prezentacja.pdf")
    )
    from apps.events.models import Topic

    o["topic_x"] = Topic.objects.create(event=event, family="soft_skills", title="Praca zespołowa")
    o["invitee_trainer"] = Invitee.objects.create(event=event, user=u["trainer"], role=Invitee.Role.TRAINER)
    member = TeamMember.objects.get(engagement=o["engagement_a"], user=u["team_member_a"])
    o["registration_a"] = RegistrationFactory(
        event=event,
        user=u["team_member_a"],
        team_member=member,
        engagement=o["engagement_a"],
        workshop_group=o["engagement_a"].workshop_group,
    )
    o["room_x"] = Room.objects.create(event=event, first=o["registration_a"], source=Room.Source.SINGLE)
    o["check_in_x"] = CheckIn.objects.create(registration=o["registration_a"], day=event.starts_on)
    o["certificate_x"] = Certificate.objects.create(registration=o["registration_a"], days_attended=1, hours=6)
    o["scan_x"] = AttendanceScan.objects.create(
        event=event, day=event.starts_on, file=ContentFile(small_pdf(), name="lista.pdf")
    )
    start = o["event_x"].starts_on
    o["planned_x2"] = PlannedEventFactory(
        edition=o["edition_x"],
        title="Drugie szkolenie",
        starts_on=start + timedelta(days=30),
        ends_on=start + timedelta(days=31),
    )
    planned = PlannedEventFactory(
        edition=o["edition_x"],
        title="Trzecie szkolenie",
        starts_on=start + timedelta(days=60),
        ends_on=start + timedelta(days=61),
    )
    o["event_x3"] = EventFactory(planned_event=planned, venue=o["venue_x"])


def _png() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _add_publications(world: World) -> None:
    """JST A's good-practice summary (version 1 sent back for changes, so it is a draft with a version, a PDF
    file and a comment); JST A's consent to publish its approved HDR without personal data (not yet published);
    JST B's published summary in edition X (the public pages, the organiser's desk)."""
    from django.core.files.base import ContentFile
    from django.core.files.uploadedfile import SimpleUploadedFile

    from apps.publications import services
    from apps.publications.factories import ConsentFactory, fill_summary
    from apps.publications.factories import publication as make_publication
    from apps.publications.models import Consent, DocumentKind, FormCode
    from tests.access.submission import small_pdf

    o, u = world.objects, world.users
    member, advisor = u["team_member_a"], u["advisor_a"]
    summary = services.start_summary(engagement=o["engagement_a"], form=FormCode.GOOD_PRACTICE, by=member)
    summary = fill_summary(summary, by=member)
    o["summary_a_file"] = services.add_attachment(
        summary=summary,
        kind="file",
        upload=SimpleUploadedFile("wzor.pdf", small_pdf(), "application/pdf"),
        title="Wzór uchwały",
        alt_text="",
        by=member,
    )
    services.submit_summary(summary=summary, by=member)
    services.add_comment(summary=summary, section="i3", text="Dopiszcie etapy.", by=advisor)
    services.request_changes(summary=summary, by=advisor, reason="Uzupełnijcie etapy.")
    summary.refresh_from_db()
    o["summary_a"] = summary
    o["consent_a"] = ConsentFactory(
        engagement=o["engagement_a"],
        document=DocumentKind.PLAN,
        version=1,
        choice=Consent.Choice.ANONYMISED,
        given_by=member,
    )
    published = make_publication(
        engagement=o["engagement_b"], text="Wspólne standardy pracy w szkołach gminy.", title="Dobra praktyka Beta"
    )
    summary_b = services.start_summary(
        engagement=o["engagement_b"], form=FormCode.MINI_REPORTAGE, by=u["team_member_b"]
    )
    photo = services.add_attachment(
        summary=summary_b,
        kind="photo",
        upload=SimpleUploadedFile("zdjecie.png", _png(), "image/png"),
        title="Spotkanie zespołu",
        alt_text="Zespół JST Beta przy stole",
        by=u["team_member_b"],
    )
    published.pdf.save("dobra-praktyka-beta.pdf", ContentFile(small_pdf()), save=False)
    published.pdf_size = len(small_pdf())
    published.attachments = [
        {"id": photo.pk, "kind": "photo", "title": photo.title, "alt_text": photo.alt_text, "size": photo.size}
    ]
    published.save(update_fields=["pdf", "pdf_size", "attachments"])
    o["publication_b_photo"] = photo
    o["publication_b"] = published


def _add_api(world: World) -> None:
    """A read-write personal API token of organiser X's staff member (apps.api)."""
    from datetime import timedelta

    from django.utils import timezone

    from apps.api.services import create_token

    token, secret = create_token(
        user=world.users["organiser_x"],
        name="Księgowość",
        scope="write",
        expires_on=timezone.localdate() + timedelta(days=30),
        second_factor_verified=True,
    )
    world.objects["api_token_x"] = token
    world.objects["api_token_x_secret"] = secret


def _add_surveys(world: World) -> None:
    """Surveys: edition X's training evaluation (anonymous, published, from the training template) with JST A's
    team member invited (an open one-time link) and one response with a free-text answer; a draft survey of the
    same event still being built (questions to change, to publish)."""
    from apps.surveys import services
    from apps.surveys.audience import Person
    from apps.surveys.factories import survey_from_preset

    o, u = world.objects, world.users
    event = o["event_x_full"]
    survey = survey_from_preset(key="training", event=event, title="Ocena szkolenia X")
    o["survey_x"] = survey
    o["survey_token_a"] = services.invite(
        survey=survey, person=Person(u["team_member_a"], "rural_gmina", "rural_gminy")
    )
    o["survey_invitation_a"] = survey.invitations.get(user=u["team_member_a"])
    token = services.invite(survey=survey, person=Person(u["advisor_b"]))
    questions = {q.text: q for q in survey.questions.all()}
    aspects = questions["Oceń poszczególne elementy szkolenia."]
    services.submit_response(
        token=token,
        values={
            questions["Jak ogólnie oceniasz szkolenie?"].pk: 4,
            aspects.pk: dict.fromkeys(range(len(aspects.items)), 4),
            questions["Czy wykorzystasz wiedzę ze szkolenia w pracy nad HDR?"].pk: 0,
            questions["Uwagi o szkoleniu i o modelu doradztwa"].pk: "Więcej ćwiczeń",
        },
    )
    o["survey_answer_text"] = survey.responses.get().answers.exclude(text="").get()
    draft = survey_from_preset(key="meeting", event=event, title="Ocena spotkania X", published=False)
    o["survey_x_draft"] = draft
    o["survey_x_draft_second"] = draft.questions.order_by("position")[1]


def _add_programmes(world: World) -> None:
    """A published programme with three scenarios and an EU product in the published catalogue (public pages);
    an unpublished one with three scenarios in the draft (the editor's pages)."""
    from apps.programmes.factories import EuProductFactory, programme_with_scenarios
    from apps.programmes.models import JstLevel

    o = world.objects
    o["programme_public"] = programme_with_scenarios(3, version=o["catalog_published"], is_published=True)
    o["programme_draft"] = programme_with_scenarios(3, version=o["catalog_draft"], jst_level=JstLevel.POWIATY)
    o["programme_draft_scenario"] = o["programme_draft"].scenarios.first()
    o["programme_draft_product"] = EuProductFactory(programme=o["programme_draft"])


def _add_feedback(world: World) -> None:
    """A new remark by JST A's team member and an accepted one about the same part (to merge into, to link)."""
    from apps.feedback.factories import RemarkFactory
    from apps.feedback.models import Remark

    o = world.objects
    o["remark_new"] = RemarkFactory(author=world.users["team_member_a"], text="Uwaga nowa z macierzy")
    o["remark_accepted"] = RemarkFactory(author=world.users["advisor_a"], status=Remark.Status.ACCEPTED)


def _add_privacy(world: World) -> None:
    """Organiser X's information clause; team member A's photo consent and a request (rectification) to
    organiser X; advisor A's lost-device request waiting for organiser X's confirmation."""
    from django.utils import timezone

    from apps.accounts.models import TwoFactorRecovery
    from apps.consents.factories import ClauseVersionFactory
    from apps.consents.models import Purpose
    from apps.consents.services import give_consent
    from apps.privacy.models import DataRequest
    from apps.privacy.services import due_date

    o, u = world.objects, world.users
    o["clause_x"] = ClauseVersionFactory(organisation=world.org_x, number=1)
    o["consent_photos_a"] = give_consent(
        user=u["team_member_a"], organisation=world.org_x, purpose=Purpose.PHOTOS, point="account"
    )
    o["data_request_a"] = DataRequest.objects.create(
        user=u["team_member_a"],
        organisation=world.org_x,
        kind=DataRequest.Kind.RECTIFICATION,
        details="Popraw stanowisko",
        due_on=due_date(filed_on=timezone.localdate()),
    )
    o["recovery_advisor_a"] = TwoFactorRecovery.objects.create(
        user=u["advisor_a"], organisation=world.org_x, reason="Zgubiony telefon"
    )


def _add_monitoring(world: World) -> None:
    """EU monitoring: edition X is EU-funded; organiser X's staff member holds the monitoring permission; JST A's
    team member (present on the event's first day) has given their data with a PESEL; JST A has NIP and REGON."""
    from apps.engagements.models import TeamMember
    from apps.monitoring import services
    from apps.monitoring.factories import VALID_PESELS, MonitoringSettingsFactory, complete_values
    from apps.monitoring.models import MonitoringAccess

    o, u = world.objects, world.users
    o["monitoring_settings_x"] = MonitoringSettingsFactory(edition=o["edition_x"])
    MonitoringAccess.objects.create(organisation=world.org_x, user=u["organiser_x"])
    member = TeamMember.objects.get(engagement=o["engagement_a"], user=u["team_member_a"])
    o["monitoring_member_a"] = member
    o["monitoring_data_a"] = services.save_participant_data(
        team_member=member, by=u["team_member_a"], pesel=VALID_PESELS[0], clause_accepted=True, **complete_values()
    )
    services.save_institution(
        edition=o["edition_x"], local_government=o["jst_a"], nip="5261040828", regon="000331501", by=None
    )


def _add_openspace(world: World) -> None:
    """An open space in its own session of edition X's event, voting: three topics (JST A's member proposed them and
    voted for the first), a group on the second moderated by the invited trainer, JST A's member its scribe, with
    conclusions."""
    from datetime import time

    from apps.events.factories import SessionFactory
    from apps.openspace.models import Conclusion, Follower, Group, OpenSpace, Topic, Vote

    o, u = world.objects, world.users
    event = o["event_x_full"]
    session = SessionFactory(event=event, starts_at=time(11, 0), title="Open space: wymiana doświadczeń")
    space = OpenSpace.objects.create(session=session, event=event, phase="voting", votes_per_person=3)
    o["openspace_x"] = space
    member = u["team_member_a"]
    for key, title in [
        ("os_topic_1", "Jak zmienić system finansowania oświaty?"),
        ("os_topic_2", "Opieka pielęgniarska w przedszkolu"),
        ("os_topic_3", "Finansowanie oświaty"),
    ]:
        o[key] = Topic.objects.create(
            open_space=space,
            title=title,
            proposed_by=member,
            proposer_name="Anna Alfa",
            proposer_jst=o["jst_a"],
        )
        Follower.objects.create(topic=o[key], user=member)
    Vote.objects.create(open_space=space, topic=o["os_topic_1"], user=member)
    o["os_group"] = Group.objects.create(
        open_space=space,
        topic=o["os_topic_2"],
        day=event.starts_on,
        starts_at=time(11, 0),
        ends_at=time(12, 30),
        room="Sala A",
        moderator=u["trainer"],
        scribe=member,
    )
    o["os_conclusion"] = Conclusion.objects.create(
        group=o["os_group"], problem="Brak pielęgniarek.", solutions="Porozumienie z NFZ."
    )
    # A closed, published open space: one group agreed to publish its conclusions, the other did not.
    from django.utils import timezone

    closed = SessionFactory(event=event, starts_at=time(15, 0), title="Open space: wnioski")
    published = OpenSpace.objects.create(
        session=closed, event=event, phase="closed", votes_per_person=3, published_at=timezone.now()
    )
    o["openspace_published"] = published
    for key, title, agreed in [
        ("os_public_topic", "Jaka powinna być struktura szkół?", True),
        ("os_private_topic", "Dowóz uczniów", False),
    ]:
        topic = Topic.objects.create(open_space=published, title=title, proposed_by=member, proposer_name="Anna Alfa")
        group = Group.objects.create(
            open_space=published,
            topic=topic,
            day=event.starts_on,
            starts_at=time(15, 0),
            ends_at=time(16, 0),
            moderator=u["trainer"],
            scribe=member,
        )
        o[key] = topic
        o[key.replace("topic", "conclusion")] = Conclusion.objects.create(
            group=group,
            problem=f"Problem: {title}",
            recommendations="Rekomendacja grupy.",
            participants_note="Jan Kowalski (gość)",
            publish_publicly=agreed,
        )


def _add_statistics(world: World) -> None:
    """Every edition's figures computed once, so the national view shows them (the refresh row checks a newer one)."""
    from apps.statistics.models import EditionFigures
    from apps.statistics.services import refresh_figures

    refresh_figures()
    world.objects["statistics_refreshed_at"] = EditionFigures.objects.order_by("-computed_at").first().computed_at
