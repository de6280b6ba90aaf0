"""The demo data as a tester meets it: the 2019 pilot's figures, the 2022/2023 edition's facts, two organisers
who do not see each other, every invented person marked, the demo logins, and a second run that changes nothing.

The full seed (register, catalogue, three editions, 62 JSTs) runs once for the module inside a transaction that
is rolled back at the end; each test runs in a savepoint of it.
"""

import base64
import re
from collections import Counter
from datetime import date
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_tasks_db.models import DBTaskResult

from apps.accounts.models import Organisation, User
from apps.catalog.models import Area
from apps.demo import accounts as demo
from apps.demo import editions as demo_editions
from apps.demo import engagements as demo_engagements
from apps.editions.models import Edition, PlannedEvent
from apps.editions.selectors import editions_visible_to
from apps.engagements.models import (
    STAGE_ORDER,
    AdvisorAssignment,
    ChosenArea,
    DevelopmentPriority,
    Engagement,
    Stage,
    TeamMember,
    TimelineEntry,
)
from apps.engagements.selectors import engagements_visible_to
from apps.territory.kinds import WorkshopGroup

pytestmark = pytest.mark.django_db

# The 2019 pilot's area choices as the pilot's closing note publishes them (BRIEF section 1).
PILOT_AREA_FIGURES = {
    "Zarządzanie oświatą na poziomie organu prowadzącego": 10,
    "Organizacja wsparcia uczniów szczególnie uzdolnionych": 9,
    "Planowanie budżetowe": 4,
    "Monitorowanie jakości usług edukacyjnych": 4,
    "Analizowanie potrzeb i planowanie realizacji założonej wizji rozwoju lokalnego systemu oświaty": 3,
    "Rola dyrektora i relacje z organem prowadzącym": 3,
    "Udział rodziców w planowaniu, realizacji i ocenie usług edukacyjnych": 2,
    "System wspomagania szkół – doskonalenie nauczycieli": 1,
    "Gospodarowanie zasobami materialnymi systemu oświaty": 1,
    "Organizacja wsparcia uczniów niepełnosprawnych oraz uczniów z trudnościami w nauce": 1,
}
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            outbox_before = len(getattr(mail, "outbox", []))
            # The development queue (in the database): anything the seed queued would be a row here.
            with override_settings(TASKS=DB_QUEUE):
                output = _run("seed_demo")
            yield SimpleNamespace(
                output=output,
                queued=DBTaskResult.objects.count(),
                mailed=len(getattr(mail, "outbox", [])) - outbox_before,
            )
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _edition(name: str) -> Edition:
    return Edition.objects.get(name=name)


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


# Loading and idempotency


def test_seed_loads_reference_data_and_reports_no_problem(world):
    assert "Dane demonstracyjne są gotowe" in world.output
    assert "uwaga" not in world.output
    from apps.territory.models import LocalGovernment

    assert LocalGovernment.objects.count() == 2807
    assert Area.objects.filter(version__status="published").count() >= 10


def test_second_run_changes_nothing_and_is_quick(world):
    before = _counts()
    with CaptureQueriesContext(connection) as queries:
        output = _run("seed_demo")
    assert _counts() == before
    assert "rejestr TERYT bez zmian" in output
    assert "karty JST: nowe 0, istniejące 34" in output
    # A few lookups per printed login, per edition and per demo module (branding, messages, visits, events, open
    # space, monitoring, programmes, remarks, surveys, and the statistics recomputed per edition: about 170 in all),
    # none per JST (62) or per invented person (~250): the second `make run` starts at once.
    assert len(queries) < 200, "\n".join(q["sql"][:120] for q in queries.captured_queries)


def test_seeding_sends_no_mail_and_queues_nothing(world):
    assert world.queued == 0
    assert world.mailed == 0


def test_every_demo_engagement_reaches_its_stage(world):
    for cast in demo_engagements.CASTS:
        spec_edition = next(s for s in demo_editions.EDITIONS if s.key == cast.edition_key)
        stages = dict(
            Engagement.objects.filter(edition__name=spec_edition.name).values_list("local_government__teryt", "stage")
        )
        assert stages == {spec.teryt: spec.stage for spec in cast.jsts}


def test_hdrs_are_written_approved_and_monitored_past_the_plan_stage(world):
    from apps.plans.models import DevelopmentPlan, PlannedAction

    directions = STAGE_ORDER.index(Stage.DIRECTIONS)
    for engagement in Engagement.objects.all():
        plan = DevelopmentPlan.objects.filter(engagement=engagement).first()
        if engagement.stage_index < directions:
            assert plan is None, engagement
            continue
        assert plan.approved_version_id is not None, engagement
        actions = list(plan.actions.all())
        assert actions and all("(demo)" in action.title for action in actions)
        done = {action.status for action in actions}
        if engagement.stage in (Stage.SUMMARY, Stage.COMPLETED):
            assert done == {PlannedAction.Status.DONE}
        elif engagement.stage == Stage.IMPLEMENTATION:
            assert done == {PlannedAction.Status.IN_PROGRESS}


# The 2019 pilot


def test_pilot_area_choices_match_the_published_figures(world):
    pilot = _edition("Pilotaż modelu doradztwa 2019")
    rows = ChosenArea.objects.filter(engagement__edition=pilot)
    assert dict(Counter(rows.values_list("area__name", flat=True))) == PILOT_AREA_FIGURES
    assert rows.count() == 38
    assert not rows.filter(confirmed_at__isnull=True).exists()
    per_jst = Counter(rows.values_list("engagement_id", flat=True))
    assert len(per_jst) == 34
    assert sorted(per_jst.values()).count(2) == 4


def test_pilot_is_closed_with_34_completed_jsts_in_four_groups(world):
    pilot = _edition("Pilotaż modelu doradztwa 2019")
    assert pilot.organiser.slug == "ore"
    assert pilot.phase() == "closed"
    engagements = pilot.engagements.all()
    assert engagements.count() == 34
    assert set(engagements.values_list("stage", flat=True)) == {Stage.COMPLETED}
    assert set(engagements.values_list("workshop_group", flat=True)) == set(WorkshopGroup.values)
    assert engagements.filter(local_government__kind="city_powiat").exists()
    sizes = Counter(TeamMember.objects.filter(engagement__edition=pilot).values_list("engagement_id", flat=True))
    assert set(sizes.values()) <= {2, 3}
    assert (pilot.team_size_min, pilot.team_size_max, pilot.onsite_visits_count) == (2, 3, 2)
    events = [(e.kind, e.starts_on, e.ends_on) for e in pilot.planned_events.order_by("starts_on")]
    assert events == [
        (PlannedEvent.Kind.OPENING_MEETING, date(2019, 6, 4), date(2019, 6, 5)),
        (PlannedEvent.Kind.WORKSHOP_TRAINING, date(2019, 7, 1), date(2019, 7, 2)),
        (PlannedEvent.Kind.WORKSHOP_TRAINING, date(2019, 8, 27), date(2019, 8, 28)),
        (PlannedEvent.Kind.CLOSING_MEETING, date(2019, 9, 23), date(2019, 9, 24)),
    ]
    assert {e.place for e in pilot.planned_events.all()} == {demo_editions.PILOT_VENUE}


def test_pilot_timeline_happened_in_2019(world):
    pilot = _edition("Pilotaż modelu doradztwa 2019")
    moments = TimelineEntry.objects.filter(engagement__edition=pilot).values_list("at", flat=True)
    assert moments
    assert {moment.year for moment in moments} == {2019}
    assert max(moments).date() <= pilot.period_end


# 2022/2023


def test_2022_edition_has_the_facts_of_the_call(world):
    edition = _edition("Doradztwo dla JST 2022/2023")
    assert edition.organiser.slug == "ore"
    assert edition.recruitment_deadline == date(2022, 7, 25)
    assert edition.results_date == date(2022, 7, 29)
    assert (edition.period_start, edition.period_end) == (date(2022, 9, 1), date(2023, 4, 30))
    assert (edition.capacity, edition.team_size_min, edition.team_size_max) == (20, 3, 5)
    assert (edition.onsite_visits_count, edition.remote_advisory_months) == (3, 8)
    assert edition.diagnosis_asks_post_pandemic_needs
    assert edition.school_directors == Edition.SchoolDirectors.REQUIRED
    kinds = list(edition.planned_events.values_list("kind", flat=True))
    assert kinds == ["opening_meeting", "workshop_training", "workshop_training", "closing_meeting"]
    assert edition.engagements.count() == 20


def test_2022_teams_have_leaders_directors_and_advisor_pairs(world):
    edition = _edition("Doradztwo dla JST 2022/2023")
    for engagement in edition.engagements.prefetch_related("team_members", "advisor_assignments"):
        team = list(engagement.team_members.all())
        assert 3 <= len(team) <= 5
        assert sum(m.is_leader for m in team) == 1
        assert 1 <= sum(m.kind == TeamMember.Kind.SCHOOL_DIRECTOR for m in team) <= 2
        assert any(m.is_management for m in team)
        assert all(m.user_id for m in team)
        assert {a.role for a in engagement.advisor_assignments.all()} == set(AdvisorAssignment.Role.values)
    assert len(set(edition.engagements.values_list("stage", flat=True))) >= 5
    per_advisor = Counter(
        AdvisorAssignment.objects.filter(engagement__edition=edition).values_list("user__email", flat=True)
    )
    assert min(per_advisor.values()) >= 3


def test_powiat_boleslawiecki_with_the_demo_logins(world):
    edition = _edition("Doradztwo dla JST 2022/2023")
    engagement = edition.engagements.get(local_government__teryt="0201")
    assert engagement.local_government.display_name == "Powiat bolesławiecki"
    leader = engagement.team_members.get(is_leader=True)
    assert leader.email == "zespol@demo.example"
    pair = dict(engagement.advisor_assignments.values_list("role", "user__email"))
    assert pair == {"personal_development": "doradca@demo.example", "management": "doradca2@demo.example"}
    for email in ("zespol@demo.example", "doradca@demo.example", "doradca2@demo.example"):
        assert engagements_visible_to(User.objects.get(email=email)).filter(pk=engagement.pk).exists()
    member = TeamMember.objects.get(email="zespol2@demo.example")
    assert member.engagement.edition == edition
    assert member.engagement != engagement
    assert not member.is_leader
    assert not engagements_visible_to(member.user).filter(pk=engagement.pk).exists()


# Two organisers


def test_organisers_do_not_see_each_others_data(world):
    ore = Organisation.objects.get(slug="ore")
    other = Organisation.objects.get(slug="fundacja-demo")
    own = _edition("Doradztwo dla JST – projekt konkursowy 2024/2025 (demo)")
    assert own.organiser == other
    assert own.engagements.count() == 8
    organiser2 = User.objects.get(email="organizator2@demo.example")
    organiser = User.objects.get(email="organizator@demo.example")
    assert set(engagements_visible_to(organiser2)) == set(own.engagements.all())
    assert set(editions_visible_to(organiser2)) == {own}
    assert not engagements_visible_to(organiser).filter(edition=own).exists()
    assert set(editions_visible_to(organiser)) == set(Edition.objects.filter(organiser=ore))
    # The same JST in both organisers' editions: each sees only its own engagement of it.
    shared = Engagement.objects.filter(local_government__teryt="1201011")
    assert shared.count() == 2
    assert engagements_visible_to(organiser2).filter(local_government__teryt="1201011").get().edition == own
    # Advisors of the other organiser see none of ORE's JSTs.
    for assignment in AdvisorAssignment.objects.filter(engagement__edition=own).select_related("user"):
        assert not engagements_visible_to(assignment.user).filter(edition__organiser=ore).exists()


# Demo marking


def test_every_invented_person_and_detail_is_marked_demo(world):
    for user in User.objects.all():
        assert user.email.endswith("@demo.example"), user.email
        assert user.full_name.endswith("(demo)"), user.full_name
    for member in TeamMember.objects.all():
        assert member.full_name.endswith("(demo)") and member.email.endswith("@demo.example")
        assert not member.school_name or member.school_name.endswith("(demo)")
    invented_places = PlannedEvent.objects.exclude(place=demo_editions.PILOT_VENUE)
    assert invented_places.exists()
    assert all(place.endswith("(demo)") for place in invented_places.values_list("place", flat=True))
    assert all(
        "(demo)" in note
        for note in PlannedEvent.objects.filter(edition__name="Doradztwo dla JST 2022/2023").values_list(
            "notes", flat=True
        )
    )
    assert all("(demo)" in text for text in DevelopmentPriority.objects.values_list("description", flat=True))
    assert all("(demo)" in text for text in ChosenArea.objects.values_list("justification", flat=True))
    for edition in Edition.objects.all():
        assert "Dane demonstracyjne" in edition.description or edition.name.endswith("(demo)")


def test_invented_people_have_no_usable_password_but_demo_logins_do(world):
    logins = {email for email, *_ in demo.ACCOUNTS}
    for user in User.objects.exclude(email__in=logins):
        assert not user.has_usable_password(), user.email
    for user in User.objects.filter(email__in=logins):
        assert user.check_password(demo.DEMO_PASSWORD)


# The demo logins


def test_demo_accounts_prints_every_account_the_password_and_where_team_members_sit(world):
    out = _run("demo_accounts")
    assert demo.DEMO_PASSWORD in out
    for email, *_rest in demo.ACCOUNTS:
        assert email in out
    assert re.search(
        r"zespol@demo\.example\s+lider zespołu JST: Powiat bolesławiecki \(Doradztwo dla JST 2022/2023\)", out
    )
    assert re.search(r"zespol2@demo\.example\s+.*: Miasto Leszno", out)
    assert not re.search(r"zespol2?@demo\.example.*\[2FA\]", out)
    assert demo.DEMO_TOTP_BASE32 in out
    assert re.search(r"bieżący kod: \d{6}", out)
    assert re.fullmatch(r"\d{6}\n", _run("demo_accounts", "--codes"))


def _printed_key(out):
    match = re.search(r"klucz:\n\s+([A-Z2-7]+)\n", out)
    assert match, out
    return match.group(1)


@pytest.mark.parametrize(
    "email", ["organizator@demo.example", "koordynator@demo.example", "admin@demo.example", "doradca@demo.example"]
)
def test_demo_two_factor_account_completes_verification_with_the_printed_key(world, email):
    key = base64.b32decode(_printed_key(_run("demo_accounts")))
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": email, "password": demo.DEMO_PASSWORD})
    assert response.status_code == 302
    held = client.get(reverse("core:dashboard"))
    assert held["Location"].startswith(reverse("accounts:two_factor_verify"))
    response = client.post(reverse("accounts:two_factor_verify"), {"token": f"{totp(key):06d}"})
    assert response.status_code == 302
    assert client.get(reverse("core:dashboard")).status_code == 200


@pytest.mark.parametrize(
    "email", ["trener@demo.example", "wnioskodawca@demo.example", "zespol@demo.example", "zespol2@demo.example"]
)
def test_demo_accounts_without_two_factor_sign_in_directly(world, email):
    client = Client()
    client.post(reverse("accounts:login"), {"username": email, "password": demo.DEMO_PASSWORD})
    assert client.get(reverse("core:dashboard")).status_code == 200


# The pages a tester opens render the demo data


def test_pages_render_the_demo_data(world):
    from apps.core.testing import sign_in
    from apps.plans.models import DevelopmentPlan

    staff = {}
    for slug, email in (("ore", "organizator@demo.example"), ("fundacja-demo", "organizator2@demo.example")):
        staff[slug] = Client()
        sign_in(staff[slug], User.objects.get(email=email))
    one_per_stage = {}
    for engagement in Engagement.objects.select_related("edition__organiser").order_by("pk"):
        one_per_stage.setdefault((engagement.edition_id, engagement.stage), engagement)
    names = ["detail", "history", "team", "area", "diagnosis", "priorities"]
    for engagement in one_per_stage.values():
        client = staff[engagement.edition.organiser.slug]
        for name in names:
            url = reverse(f"engagements:{name}", kwargs={"pk": engagement.pk})
            assert client.get(url).status_code == 200, url
        if DevelopmentPlan.objects.filter(engagement=engagement).exists():
            url = reverse("plans:detail", kwargs={"engagement_pk": engagement.pk})
            assert client.get(url).status_code == 200, url
    for edition in Edition.objects.select_related("organiser"):
        client = staff[edition.organiser.slug]
        assert client.get(reverse("editions:public_detail", kwargs={"slug": edition.slug})).status_code == 200
        for name in ("editions:overview", "engagements:edition_matrix", "engagements:edition_areas"):
            assert client.get(reverse(name, kwargs={"slug": edition.slug})).status_code == 200, name
    leader = Client()
    sign_in(leader, User.objects.get(email="zespol@demo.example"))
    boleslawiecki = Engagement.objects.get(local_government__teryt="0201", edition__name="Doradztwo dla JST 2022/2023")
    page = leader.get(reverse("engagements:detail", kwargs={"pk": boleslawiecki.pk}))
    assert page.status_code == 200
    assert "Powiat bolesławiecki" in page.content.decode()
    assert "Powiat bolesławiecki" in leader.get(reverse("engagements:mine")).content.decode()


def test_organisers_have_a_logo_and_the_eu_funded_edition_its_funding_marks(world, client):
    from apps.branding.models import OrganiserIdentity

    for identity in OrganiserIdentity.objects.select_related("organisation"):
        assert identity.logo and identity.contact_phone.startswith("+48"), identity.organisation
    assert OrganiserIdentity.objects.count() == 2
    edition = _edition("Doradztwo dla JST 2022/2023")
    marks = list(edition.funding_marks.order_by("position"))
    assert len(marks) == 2 and all("obraz demonstracyjny" in mark.alt_text for mark in marks)
    page = client.get(f"/edycje/{edition.slug}/").content.decode()
    assert all(mark.alt_text in page for mark in marks)
    assert not _edition("Pilotaż modelu doradztwa 2019").funding_marks.exists()


def test_powiat_boleslawiecki_has_a_thread_with_its_advisors(world):
    from apps.engagements.models import AdvisorAssignment
    from apps.messaging import selectors as messaging
    from apps.messaging.models import Message

    engagement = Engagement.objects.get(local_government__teryt="0201")
    messages = list(Message.objects.filter(engagement=engagement).order_by("pk"))
    assert len(messages) == 6 and "Wątek wiadomości Powiatu bolesławieckiego: nowe wiadomości 6" in world.output
    assert any(m.quoted_id for m in messages) and any(m.is_deleted for m in messages)
    assert any(m.attachments.exists() for m in messages)
    management = engagement.advisor_assignments.get(role=AdvisorAssignment.Role.MANAGEMENT).user
    assert messaging.unread_counts(management, [engagement.pk]) == {engagement.pk: 1}


def test_2022_edition_has_visits_in_every_state_sessions_and_time_sheets(world):
    from apps.advising.models import RemoteSession, TimeSheet, Visit

    edition = _edition("Doradztwo dla JST 2022/2023")
    visits = Visit.objects.filter(engagement__edition=edition)
    assert set(visits.values_list("state", flat=True)) == set(Visit.State.values)
    per_jst = Counter(visits.values_list("engagement_id", flat=True))
    assert set(per_jst.values()) == {3} and len(per_jst) == edition.engagements.count()
    assert RemoteSession.objects.filter(engagement__edition=edition).exists()
    assert set(TimeSheet.objects.filter(organiser=edition.organiser).values_list("state", flat=True)) >= {
        "approved",
        "submitted",
        "returned",
    }


def test_the_pilots_four_events_at_hotel_holiday_park_with_agendas_registrations_and_attendance(world):
    from apps.events.models import CheckIn, Event, Registration, Room

    assert "Wydarzenia: nowe 8" in world.output
    pilot = Event.objects.filter(planned_event__edition__name="Pilotaż modelu doradztwa 2019").select_related(
        "venue", "planned_event"
    )
    assert [(e.starts_on.isoformat(), e.ends_on.isoformat()) for e in pilot] == [
        ("2019-06-04", "2019-06-05"),
        ("2019-07-01", "2019-07-02"),
        ("2019-08-27", "2019-08-28"),
        ("2019-09-23", "2019-09-24"),
    ]
    venue = pilot[0].venue
    assert (venue.name, venue.address) == ("Hotel Holiday Park", "ul. Heroldów 1B, 01-991 Warszawa")
    assert "Młociny" in venue.directions_by_public_transport and "114" in venue.directions_by_public_transport
    assert "Muzealna" in venue.directions_by_public_transport and "Bezpłatny" in venue.directions_by_car
    first = pilot[0]
    groups = set(first.sessions.exclude(workshop_group="").values_list("workshop_group", flat=True))
    assert groups == {"rural_gminy", "urban_gminy", "powiaty", "urban_rural_gminy"}
    registered = Registration.objects.filter(event=first).count()
    assert registered == TeamMember.objects.filter(engagement__edition=first.planned_event.edition).count()
    assert CheckIn.objects.filter(registration__event=first).count() == registered * 2
    assert Room.objects.filter(event=first).exists()


def test_the_2022_editions_last_two_events_are_open_for_the_demo_team(world, client):
    """Dated from the seed day: the demo team may register (it is not registered yet; the other teams are); a
    later seed that finds their deadline passed moves them forward again, with their agenda and registrations."""
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    from apps.core.testing import sign_in
    from apps.demo.events_demo import _bring_forward
    from apps.events.models import Event, Registration

    today = timezone.localdate()
    edition = _edition("Doradztwo dla JST 2022/2023")
    events = list(Event.objects.filter(planned_event__edition=edition).order_by("planned_event__starts_on"))
    assert len(events) == 4 and all(e.ends_on < today for e in events[:2])
    team = User.objects.get(email="zespol@demo.example")
    sign_in(client, team)
    for event in events[2:]:
        assert event.registration_open and event.starts_on > event.registration_deadline >= today
        assert not Registration.objects.filter(event=event, user=team).exists()
        assert Registration.objects.filter(event=event).count() > 40
        page = client.get(reverse("events:register", kwargs={"pk": event.pk}))
        assert page.status_code == 200 and "Zarejestruj się" in page.content.decode()
    later = today + timedelta(days=60)
    with transaction.atomic():
        _bring_forward(edition, later)
        moved = Event.objects.get(pk=events[2].pk)
        assert moved.starts_on == later + timedelta(days=12) and moved.registration_deadline >= later
        registration = moved.registrations.order_by("pk").first()
        assert registration.days == [d.isoformat() for d in moved.days]
        assert set(moved.sessions.values_list("day", flat=True)) <= set(moved.days)
        transaction.set_rollback(True)


def test_knowledge_base_demo(world):
    """The 2022/23 edition's accepted summaries in each form with consents (one withdrawn), the pilot's 34 HDRs
    published grouped by JST type."""
    from apps.publications.models import Consent, EditionPublishing, FinalSummary, Publication

    edition_2022 = _edition("Doradztwo dla JST 2022/2023")
    pilot = _edition("Pilotaż modelu doradztwa 2019")
    accepted = FinalSummary.objects.filter(engagement__edition=edition_2022, status="accepted")
    assert set(accepted.values_list("form", flat=True)) == {"good_practice", "reflection_study", "mini_reportage"}
    photo = accepted.get(form="mini_reportage").attachments.get(kind="photo")
    assert photo.alt_text
    live = Publication.objects.filter(withdrawn_at__isnull=True)
    assert live.filter(edition=edition_2022, document="summary").count() == 3
    assert Consent.objects.filter(engagement__edition=edition_2022, withdrawn_at__isnull=False).count() == 1
    assert Publication.objects.filter(edition=edition_2022, withdrawn_at__isnull=False).count() == 1
    assert live.filter(edition=pilot, document="plan").count() == 34
    assert EditionPublishing.objects.get(edition=pilot).grouping == "jst_kind"


def test_monitoring_demo(world):
    """The 2022/23 edition is EU-funded: most participants have monitoring data, some have gaps; the demo
    organiser handles them."""
    from apps.accounts.models import User
    from apps.monitoring import selectors
    from apps.monitoring.access import monitoring_of
    from apps.monitoring.models import MonitoringSettings

    edition = _edition("Doradztwo dla JST 2022/2023")
    assert MonitoringSettings.objects.get(edition=edition).eu_funded
    rows = selectors.participants(edition)
    with_gaps = [row for row in rows if row.gaps]
    assert rows and with_gaps and len(with_gaps) < len(rows)
    assert any(row.data is None for row in with_gaps)
    assert edition.organiser_id in monitoring_of(User.objects.get(email="organizator@demo.example"))
