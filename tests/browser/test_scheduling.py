"""The runs page in a browser: an organiser finds it from the dashboard and reads each job's last run and the
last runs (axe-checked at desktop width and at 320 px, no sideways scroll)."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import MembershipFactory
from apps.accounts.models import Membership
from apps.scheduling import services
from apps.scheduling.models import JobRun
from tests.browser import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_organiser_reads_the_last_runs_from_the_dashboard(ui):
    staff = MembershipFactory(role=Membership.Role.STAFF).user
    TOTPDevice.objects.create(user=staff, name="telefon", confirmed=True)
    services.tick()  # the real jobs, now: nothing to publish, no reminder due
    run = JobRun.objects.get(job="plans.send_action_reminders")
    JobRun.objects.filter(pk=run.pk).update(status=JobRun.Status.FAILED, error="RuntimeError: serwer poczty")

    steps.sign_in_with_totp(ui, staff)
    ui.get_by_role("link", name="Zadania okresowe").click()
    expect(ui.page.locator("h1")).to_have_text("Zadania okresowe")
    jobs = ui.page.get_by_role("table", name="Zadania i ich ostatnie wykonanie")
    expect(jobs.get_by_role("row", name="Publikacja wyników naborów w dniu ogłoszenia")).to_contain_text(
        "codziennie o 06:00"
    )
    runs = ui.page.get_by_role("table", name="Ostatnie uruchomienia zadań, od najnowszego")
    expect(runs).to_contain_text("Brak naborów, których wyniki czekają na publikację.")
    expect(runs.get_by_role("row", name="Przypomnienia o terminach działań HDR")).to_contain_text(
        "RuntimeError: serwer poczty"
    )

    ui.page.set_viewport_size({"width": 320, "height": 700})
    ui.visit("/zadania-okresowe/")
    overflow = ui.page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the runs page scrolls sideways by {overflow}px at 320px"
