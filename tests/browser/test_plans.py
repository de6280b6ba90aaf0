"""The HDR in a browser, continuing the engagement's path from the HDR stage: the team builds the plan (with a
mistake the form explains), submits it; one advisor asks for changes; the team fixes them; both advisors approve
(each passing TOTP); the PDF is prepared, downloaded and read; progress and an indicator value are recorded and the
roll-up shows on the plan. Three people work in three browser contexts; axe checks every page each of them opens."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import TEST_PASSWORD, UserFactory
from apps.plans.factories import engagement_ready_for_plan
from apps.plans.models import DevelopmentPlan, PlannedAction
from apps.plans.months import add_months
from tests.browser import steps
from tests.browser.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people():
    leader = UserFactory(full_name="Anna Liderka", email="liderka@gmina.example")
    advisors = [
        UserFactory(full_name="Piotr Doradca", email="doradca.rozwoj@example.org"),
        UserFactory(full_name="Zofia Doradczyni", email="doradca.zarzadzanie@example.org"),
    ]
    engagement = engagement_ready_for_plan(leader=leader, advisors=advisors)
    for advisor in advisors:
        TOTPDevice.objects.create(user=advisor, name="telefon", confirmed=True)
    return {"leader": leader, "advisors": advisors, "engagement": engagement}


def test_the_hdr_from_draft_to_approval_pdf_and_progress(ui, people, other_window, tmp_path):
    engagement = people["engagement"]
    plan_path = f"/karty-jst/{engagement.pk}/hdr/"
    start = engagement.edition.period_start.replace(day=1)
    titles = ["Standardy pracy z uczniem zdolnym", "Sieć współpracy dyrektorów"]

    # The team member starts the HDR, plans an action for each priority and submits it.
    browser_login(ui, people["leader"].email, TEST_PASSWORD)
    steps.build_and_submit_plan(
        ui,
        plan_path,
        [
            (1, titles[0], start, add_months(start, 3), "6"),
            (2, titles[1], add_months(start, 2), add_months(start, 5), "8"),
        ],
        risk="Zmiana dyrektorów szkół",
    )

    # One advisor asks for changes; the team fixes the plan and submits it again.
    first, second = people["advisors"]
    advisor_one = other_window()
    steps.sign_in_with_totp(advisor_one, first)
    request = "Wskaźnik działania 2 powinien liczyć szkoły, nie osoby."
    steps.request_changes(advisor_one, plan_path, request)
    steps.fix_target_and_resubmit(ui, plan_path, request, titles[1], "10")

    # Both advisors approve, each with their second factor.
    steps.approve(advisor_one, plan_path, expected_status="drugiego doradcy")
    advisor_two = other_window()
    steps.sign_in_with_totp(advisor_two, second)
    steps.approve(
        advisor_two,
        plan_path,
        expected_status="zatwierdzony przez obu doradców",
        earlier_approval="Piotr Doradca (doradca ds. personalnego rozwoju edukacji) zatwierdził(a)",
    )
    plan = DevelopmentPlan.objects.get(engagement=engagement)
    assert plan.status == DevelopmentPlan.Status.APPROVED and plan.approved_version.number == 2

    # The team prepares the PDF, watches its progress page and downloads it.
    text = steps.download_plan_pdf_text(ui, plan_path, tmp_path)
    steps.assert_in_pdf(
        text,
        [
            engagement.local_government.display_name,
            engagement.chosen_areas.get().area.name,
            *titles,
            "Harmonogram Działań Rozwojowych",
            "Zmiana dyrektorów szkół",  # Polish diacritics survive
        ],
    )

    # Progress on an action and an indicator value; the roll-up shows on the plan.
    steps.record_progress(ui, engagement.pk, titles[0], progress="50", value="2")
    action = PlannedAction.objects.get(title=titles[0])
    assert (action.status, action.progress, action.measurements.get().value) == ("in_progress", 50, "2")
    steps.expect_roll_up(ui, engagement.pk, "25%")  # (50 + 0) / 2


def test_versions_comparison_stale_save_and_lists_are_accessible(ui, people, other_window):
    """The pages the main path does not open: versions, comparison, a frozen version, the stale-save panel, a
    comment with an error, the advisor's lists. Axe checks each."""
    from apps.plans import services
    from apps.plans.tests.helpers import action_values, approve_by_both

    engagement, leader, advisors = people["engagement"], people["leader"], people["advisors"]
    plan = services.create_plan(engagement=engagement, by=leader)
    for priority in engagement.priorities.filter(is_selected=True):
        services.create_action(plan=plan, by=leader, **action_values(priority, plan, title=f"Działanie {priority.pk}"))
    plan = services.update_header(
        plan=plan,
        expected_version=plan.version,
        by=leader,
        period_start=plan.period_start,
        period_end=plan.period_end,
        directions="Kierunki",
    )
    services.create_risk(plan=plan, by=leader, risk="Ryzyko", mitigation="Reakcja")
    services.submit_plan(plan=plan, by=leader)
    approve_by_both(plan, advisors)
    services.start_new_version(plan=plan, by=leader)
    action = plan.actions.order_by("pk").first()
    plan_path = f"/karty-jst/{engagement.pk}/hdr/"

    browser_login(ui, leader.email, TEST_PASSWORD)
    ui.visit(plan_path + f"dzialania/{action.pk}/")
    # Someone else saves the same action while the form is open.
    services.update_action(
        action=action,
        expected_version=action.version,
        by=advisors[0],
        **action_values(action.priority, plan, title="Tytuł zapisany przez doradcę"),
    )
    ui.get_by_label("Działanie (co?)").fill("Tytuł zespołu")
    steps.submit(ui, "Zapisz działanie", exact=False)
    expect(ui.page.get_by_role("alert")).to_contain_text("Ktoś zapisał zmiany w tym samym czasie")
    expect(ui.page.get_by_role("table", name="Pola, które różnią się od zapisanej wersji")).to_contain_text(
        "Tytuł zapisany przez doradcę"
    )
    expect(ui.get_by_label("Działanie (co?)")).to_have_value("Tytuł zespołu")
    steps.submit(ui, "Zapisz moją wersję", exact=False)
    ui.visit(plan_path + "wersje/")
    steps.submit(ui, "Porównaj", exact=False)
    expect(ui.page.locator("h1")).to_contain_text("Porównanie wersji HDR")
    expect(ui.page.get_by_text("Tytuł zespołu").first).to_be_visible()
    ui.visit(plan_path + "wersje/1/")
    expect(ui.page.locator("h1")).to_contain_text("wersja 1")
    ui.visit(plan_path)
    ui.get_by_label("Czego dotyczy").select_option("risks")
    steps.submit(ui, "Dodaj komentarz", exact=False)
    expect(ui.page.get_by_role("alert")).to_contain_text("Wpisz treść komentarza.")

    advisor = other_window()
    steps.sign_in_with_totp(advisor, advisors[0])
    advisor.visit("/hdr/")
    expect(advisor.page.get_by_role("link", name=engagement.local_government.display_name)).to_be_visible()
    advisor.visit("/hdr/do-akceptacji/")
    expect(advisor.page.get_by_text("Nic nie czeka na Twoją akceptację.")).to_be_visible()
    advisor.visit(plan_path + "historia/")
