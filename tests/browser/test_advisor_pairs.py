"""Balanced advisor pairs in a browser: the organiser opens the advisors' load from the pair assignment page, asks
for a proposal with a maximum (a wrong maximum is explained next to the field), reviews it (nothing saved yet) and
confirms it; the JSTs then have their pairs. axe checks every page at 1280 and 320 px."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.editions.factories import EditionFactory
from apps.engagements.factories import EngagementFactory
from apps.engagements.models import AdvisorAssignment, AdvisorProfile
from apps.territory.factories import LocalGovernmentFactory, VoivodeshipFactory
from tests.browser import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_organiser_proposes_reviews_and_confirms_pairs(ui):
    edition = EditionFactory()
    staff = MembershipFactory(organisation=edition.organiser, role=Membership.Role.STAFF).user
    TOTPDevice.objects.create(user=staff, name="telefon", confirmed=True)
    region = VoivodeshipFactory(code="02")
    for name, role in [
        ("Piotr Rozwojowy", AdvisorAssignment.Role.PERSONAL_DEVELOPMENT),
        ("Zofia Zarządcza", AdvisorAssignment.Role.MANAGEMENT),
    ]:
        user = UserFactory(full_name=name)
        MembershipFactory(user=user, organisation=edition.organiser, role=Membership.Role.ADVISOR)
        AdvisorProfile.objects.create(organisation=edition.organiser, user=user, role=role, voivodeship=region)
    jsts = [
        EngagementFactory(edition=edition, local_government=LocalGovernmentFactory(voivodeship=region))
        for _ in range(2)
    ]

    steps.sign_in_with_totp(ui, staff)
    ui.visit(f"/organizator/edycje/{edition.slug}/doradcy/")
    ui.get_by_role("link", name="Obciążenie doradców i propozycja par").click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_role("table", name="Obciążenie doradców")).to_contain_text("Piotr Rozwojowy")

    ui.get_by_label("Największa liczba JST na doradcę w tej edycji").fill("0")
    steps.submit(ui, "Zaproponuj pary")
    expect(ui.page.locator("#id_maks_error")).to_be_visible()
    ui.get_by_label("Największa liczba JST na doradcę w tej edycji").fill("5")
    steps.submit(ui, "Zaproponuj pary")
    proposal = ui.page.get_by_role("table", name="Proponowane pary doradców")
    expect(proposal).to_contain_text("Zofia Zarządcza")
    expect(proposal).to_contain_text("z województwa JST")
    assert not AdvisorAssignment.objects.exists()

    steps.submit(ui, "Zatwierdź i zapisz propozycję")
    expect(ui.page.get_by_text("Zapisano zaproponowane pary doradców (JST: 2).")).to_be_visible()
    for engagement in jsts:
        assert engagement.advisor_assignments.count() == 2
