"""The whole advisory cycle on one engagement, as new users find it: a team member signs in, chooses the area (an
advisor confirms it), writes the diagnosis while a second team member edits it at the same time (the stale save is
refused, nothing is lost), chooses priorities, builds the HDR with actions and submits it; one advisor asks for
changes, the team fixes them, both advisors approve (each with TOTP); the PDF is downloaded and read; progress is
recorded and the roll-up shown. Only what a new user would find is set up in the database; axe checks every page
each of the four people opens."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.factories import TEST_PASSWORD, MembershipFactory, OrganisationFactory, UserFactory
from apps.accounts.models import Membership
from apps.accounts.services import accept_invitation
from apps.catalog.services import ensure_initial_catalog
from apps.editions.factories import EditionFactory
from apps.engagements.factories import AdvisorAssignmentFactory
from apps.engagements.models import AdvisorAssignment, Engagement, NeedsAssessment, Stage
from apps.engagements.services import TeamMemberData, create_engagement
from apps.plans.models import DevelopmentPlan, PlannedAction
from apps.plans.months import add_months
from apps.territory.factories import LocalGovernmentFactory
from apps.territory.kinds import JstKind
from tests.browser import steps
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AREA = "Planowanie budżetowe"
ACTIONS = ["Standardy planowania wydatków na remonty", "Sieć współpracy dyrektorów i księgowości"]


@pytest.fixture
def new_engagement(mailoutbox):
    """A published edition with its catalogue, a qualified JST's engagement (opened by the service that opens it on
    qualification) with two team members who have accounts, and two advisors with confirmed TOTP devices."""
    ore = OrganisationFactory(name="Ośrodek Rozwoju Edukacji", slug="ore")
    edition = EditionFactory(
        organiser=ore,
        catalogue_version=ensure_initial_catalog(),
        name="Doradztwo dla JST 2022/2023",
        diagnosis_asks_post_pandemic_needs=True,
        published=True,
    )
    leader = UserFactory(email="lider@zgorzelec.example", full_name="Łucja Liderka")
    member = UserFactory(email="czlonek@zgorzelec.example", full_name="Żaneta Członkini")
    engagement = create_engagement(
        edition=edition,
        local_government=LocalGovernmentFactory(kind=JstKind.POWIAT, name="zgorzelecki"),
        team=[
            TeamMemberData(full_name=leader.full_name, email=leader.email),
            TeamMemberData(full_name=member.full_name, email=member.email),
            TeamMemberData(full_name="Jan Trzeci", email="jan@zgorzelec.example"),
        ],
        leader_email=leader.email,
        by=None,
    )
    # The two with accounts take up their places through the links sent to them (never at once).
    for user in (leader, member):
        (mail,) = [m for m in mailoutbox if m.to == [user.email]]
        accept_invitation(token=mail.body.split("/konto/zaproszenie/")[1].split("/")[0], user=user)
    advisors = []
    for email, name, role in [
        ("doradca.rozwoj@ore.example", "Adam Doradca", AdvisorAssignment.Role.PERSONAL_DEVELOPMENT),
        ("doradca.zarzadzanie@ore.example", "Zofia Doradczyni", AdvisorAssignment.Role.MANAGEMENT),
    ]:
        advisor = MembershipFactory(
            organisation=ore, role=Membership.Role.ADVISOR, user__email=email, user__full_name=name
        ).user
        TOTPDevice.objects.create(user=advisor, name="telefon", confirmed=True)
        AdvisorAssignmentFactory(engagement=engagement, user=advisor, role=role)
        advisors.append(advisor)
    return {"engagement": engagement, "leader": leader, "member": member, "advisors": advisors}


def test_full_advisory_cycle(ui, other_window, new_engagement, tmp_path):
    w = new_engagement
    engagement, (first, second) = w["engagement"], w["advisors"]
    pk = engagement.pk
    jst = engagement.local_government.display_name
    plan_path = f"/karty-jst/{pk}/hdr/"

    # Area: the team leader signs in, finds the next step and chooses; the first advisor confirms.
    browser_login(ui, w["leader"].email, TEST_PASSWORD)
    steps.open_card_from_dashboard(ui, jst)
    steps.choose_area(ui, AREA, "Wydatki na oświatę rosną szybciej niż subwencja.")
    advisor_one = other_window()
    steps.sign_in_with_totp(advisor_one, first)
    steps.confirm_area(advisor_one, jst, AREA)
    assert Engagement.objects.get(pk=pk).stage == Stage.DIAGNOSIS

    # Diagnosis: a second team member edits the findings at the same time; nothing is lost.
    colleague = other_window()
    browser_login(colleague, w["member"].email, TEST_PASSWORD)
    mine, theirs = steps.write_findings_at_the_same_time(ui, colleague, pk, ui_name=w["leader"].full_name)
    problems = NeedsAssessment.objects.get(engagement_id=pk).problems
    assert mine in problems and theirs in problems
    steps.add_figure(ui, pk)

    # Priorities, then on to the HDR stage.
    steps.choose_priorities(
        ui,
        pk,
        [("Plan remontów szkół", "5", "4"), ("Współpraca dyrektorów", "4", "4"), ("Nowe szkoły", "3", "1")],
        {
            "Plan remontów szkół": "Do 2026 r. każda szkoła ma plan remontów na 5 lat.",
            "Współpraca dyrektorów": "Dyrektorzy i księgowość planują wydatki wspólnie.",
        },
    )
    steps.move_on_to_the_hdr(ui, pk)
    assert Engagement.objects.get(pk=pk).stage == Stage.PLAN

    # The HDR with an action for each priority, submitted to the advisors.
    start = engagement.edition.period_start.replace(day=1)
    risk = "Zmiana dyrektorów szkół i główna księgowa na zwolnieniu"  # Polish diacritics in the PDF
    steps.build_and_submit_plan(
        ui,
        plan_path,
        [
            (1, ACTIONS[0], start, add_months(start, 3), "6"),
            (2, ACTIONS[1], add_months(start, 2), add_months(start, 5), "8"),
        ],
        risk=risk,
    )

    # One advisor asks for changes; the team fixes them and submits again.
    request = "Wskaźnik działania 2 powinien liczyć szkoły, nie osoby."
    steps.request_changes(advisor_one, plan_path, request)
    steps.fix_target_and_resubmit(ui, plan_path, request, ACTIONS[1], "10")

    # Both advisors approve, each signed in with their second factor.
    steps.approve(advisor_one, plan_path, expected_status="drugiego doradcy")
    advisor_two = other_window()
    steps.sign_in_with_totp(advisor_two, second)
    steps.approve(
        advisor_two,
        plan_path,
        expected_status="zatwierdzony przez obu doradców",
        earlier_approval="Adam Doradca (doradca ds. personalnego rozwoju edukacji) zatwierdził(a)",
    )
    plan = DevelopmentPlan.objects.get(engagement=engagement)
    assert plan.status == DevelopmentPlan.Status.APPROVED and plan.approved_version.number == 2

    # The PDF: the JST, the area, every action, Polish diacritics.
    text = steps.download_plan_pdf_text(ui, plan_path, tmp_path)
    steps.assert_in_pdf(text, [jst, AREA, *ACTIONS, "Harmonogram Działań Rozwojowych", risk, "Łucja Liderka"])

    # Progress on the first action and an indicator value; the roll-up shows on the plan.
    steps.record_progress(ui, pk, ACTIONS[0], progress="50", value="2")
    action = PlannedAction.objects.get(plan=plan, title=ACTIONS[0])
    assert (action.status, action.progress, action.measurements.get().value) == ("in_progress", 50, "2")
    steps.expect_roll_up(ui, pk, "25%")  # (50 + 0) / 2
