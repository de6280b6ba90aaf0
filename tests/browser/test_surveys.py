"""The surveys walk as the people do it in a browser (axe and the reflow checks at 1280 and 320 px on every page,
the result charts included): the organiser builds an anonymous survey from the training template and adds one
conditional question, publishes it (three one-time links by e-mail), three participants answer (one saves and
comes back with the same link, one answers the conditional question), the results show the right counts and mean,
the flat XLSX has one row per response; a free-text answer is promoted to a remark about the model, the
coordinator accepts it, links it to a new catalogue draft and publishes it, the version's change log lists it and
its author (the organiser who promoted it: the respondent is anonymous) is told."""

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.catalog.factories import AreaFactory
from apps.catalog.models import CatalogVersion
from apps.core.testing import sign_in
from apps.events.factories import EventFactory, RegistrationFactory
from apps.feedback.models import Remark
from apps.surveys.models import Response, Survey
from tests.browser import steps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(window, user):
    client = Client()
    sign_in(client, user)
    window.page.context.clear_cookies()
    window.page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": window.base_url,
            }
        ]
    )


def submit(window, name: str):
    window.get_by_role("button", name=name, exact=True).click()
    window.page.wait_for_load_state("load")


def radio(window, group: str, label: str):
    window.get_by_role("group", name=group).get_by_role("radio", name=label, exact=True).check()


def answer(window, *, overall: str, aspects: str, use: str):
    radio(window, "Jak ogólnie oceniasz szkolenie?", overall)
    for item in range(1, 5):
        window.get_by_role("group", name="Oceń poszczególne elementy szkolenia.").nth(item - 1).get_by_role(
            "radio", name=aspects, exact=True
        ).check()
    radio(window, "Czy wykorzystasz wiedzę ze szkolenia w pracy nad HDR?", use)


def cast_coordinator(event):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    coordinator = UserFactory(full_name="Krystyna Koordynatorka", email="koordynator@ore.example")
    MembershipFactory(user=coordinator, role=Membership.Role.COORDINATOR)
    TOTPDevice.objects.create(user=coordinator, name="telefon", confirmed=True)
    return coordinator


@pytest.fixture
def cast():
    event = EventFactory(planned_event__title="Pierwsze szkolenie warsztatowe")
    AreaFactory(version=event.planned_event.edition.catalogue_version)  # a version is published with its areas
    organiser = MembershipFactory(organisation=event.planned_event.edition.organiser, role=Membership.Role.STAFF).user
    for name in ("Anna Nowak", "Bartosz Lis", "Celina Wróbel"):
        RegistrationFactory(event=event, user=UserFactory(full_name=name))
    return event, organiser


def test_organiser_builds_publishes_participants_answer_and_results_are_right(ui, other_window, cast):
    event, organiser = cast
    today = timezone.localdate()
    log_in(ui, organiser)

    # The organiser builds the survey from the training template.
    ui.visit("/ankiety/")
    ui.get_by_role("link", name="Nowa ankieta").click()
    ui.get_by_role("radio", name="Ocena szkolenia", exact=True).check()
    ui.get_by_label("Tytuł").fill("Ocena pierwszego szkolenia")
    ui.get_by_role("radio", name="wydarzenie", exact=True).check()
    ui.get_by_role("combobox", name="Wydarzenie").select_option(value=str(event.pk))
    ui.get_by_role("radio", name="uczestnicy wydarzenia", exact=True).check()
    ui.get_by_label("Otwarta od dnia").fill(today.isoformat())
    ui.get_by_label("Otwarta do dnia").fill((today + timedelta(days=14)).isoformat())
    submit(ui, "Utwórz ankietę")
    expect(ui.page.get_by_role("heading", level=1)).to_have_text("Ocena pierwszego szkolenia")
    survey = Survey.objects.get(title="Ocena pierwszego szkolenia")
    assert survey.anonymous and survey.questions.count() == 6

    # One conditional question: shown only to those who rate the training 2.
    ui.get_by_role("link", name="Dodaj pytanie").click()
    ui.get_by_role("radio", name="krótki tekst", exact=True).check()
    ui.get_by_label("Treść pytania").fill("Co należy poprawić przede wszystkim?")
    ui.get_by_role("combobox", name="Pokaż tylko, jeśli na pytanie").select_option(
        label="Jak ogólnie oceniasz szkolenie?"
    )
    ui.get_by_label("Odpowiedziano").fill("2")
    submit(ui, "Zapisz pytanie")
    expect(
        ui.page.get_by_text(
            "Odpowiedz tylko wtedy, gdy na pytanie „Jak ogólnie oceniasz szkolenie?” odpowiedziano „2”."
        )
    ).to_be_visible()

    ui.get_by_role("link", name="Opublikuj i zaproś").click()
    expect(ui.page.get_by_text("Liczba osób: 3.", exact=False)).to_be_visible()
    submit(ui, "Opublikuj i wyślij zaproszenia")
    links = [re.search(r"(/ankieta/[^/\s]+/)", m.body).group(1) for m in mail.outbox]
    assert len(links) == 3

    # First participant: answers at once.
    first = other_window()
    first.visit(links[0])
    answer(first, overall="5 – bardzo dobrze", aspects="4", use="tak")
    submit(first, "Wyślij odpowiedzi")
    expect(first.page.get_by_role("heading", level=1)).to_have_text("Dziękujemy za odpowiedzi")

    # Second: a required answer missing is refused next to its field; saves a draft and comes back.
    second = other_window()
    second.visit(links[1])
    radio(second, "Jak ogólnie oceniasz szkolenie?", "2")
    submit(second, "Wyślij odpowiedzi")
    expect(
        second.page.get_by_text("Oceń wszystkie stwierdzenia: to pytanie jest obowiązkowe.", exact=True)
    ).to_be_visible()
    second.get_by_role("textbox", name="Co należy poprawić przede wszystkim?").fill("Więcej ćwiczeń")
    submit(second, "Zapisz i wróć później")
    expect(second.page.get_by_text("Zapisano odpowiedzi.")).to_be_visible()
    back = other_window()
    back.visit(links[1])
    expect(
        back.get_by_role("group", name="Jak ogólnie oceniasz szkolenie?").get_by_role("radio", name="2")
    ).to_be_checked()
    expect(back.get_by_role("textbox", name="Co należy poprawić przede wszystkim?")).to_have_value("Więcej ćwiczeń")
    answer(back, overall="2", aspects="2", use="raczej nie")
    submit(back, "Wyślij odpowiedzi")
    expect(back.page.get_by_role("heading", level=1)).to_have_text("Dziękujemy za odpowiedzi")

    # Third: answers; the same link a second time is refused.
    third = other_window()
    third.visit(links[2])
    answer(third, overall="5 – bardzo dobrze", aspects="3", use="tak")
    submit(third, "Wyślij odpowiedzi")
    third.visit(links[2])
    expect(third.page.get_by_text("Odpowiedź z tego linku została już wysłana.")).to_be_visible()
    assert Response.objects.filter(survey=survey).count() == 3

    # Results: three responses, the overall mean (5 + 2 + 5) / 3 = 4, charts with their data tables.
    ui.visit(f"/ankiety/{survey.pk}/wyniki/")
    expect(ui.page.get_by_text(re.compile(r"^3 odpowiedzi"))).to_be_visible()
    overall = ui.page.locator("section", has=ui.page.get_by_role("heading", name="1. Jak ogólnie oceniasz szkolenie?"))
    expect(overall.get_by_text("Średnia: 4", exact=True).first).to_be_visible()
    expect(overall.get_by_role("img").first).to_be_visible()
    expect(overall.locator("tr", has_text="5 – bardzo dobrze")).to_contain_text("66,7%")
    expect(overall.get_by_text("Więcej ćwiczeń")).to_have_count(0)
    expect(ui.page.locator(".survey-text-answers li", has_text="Więcej ćwiczeń")).to_be_visible()

    # The flat XLSX: a header and one row per response.
    with ui.page.expect_download() as download:
        ui.get_by_role("link", name="Eksport XLSX").click()
    # read from bytes: the downloaded file has no .xlsx name, and nothing is left open
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 4  # the header and one row per response

    # A free-text answer becomes a remark about the model; the respondent stays anonymous.
    ui.page.locator(".survey-text-answers li", has_text="Więcej ćwiczeń").get_by_role(
        "button", name=re.compile("^Uwaga o modelu")
    ).click()
    ui.page.wait_for_load_state("load")
    expect(ui.page.get_by_text("przekazano jako uwagę o modelu")).to_be_visible()
    remark = Remark.objects.get(text="Więcej ćwiczeń")
    assert remark.source == Remark.Source.SURVEY and remark.author == organiser

    # The coordinator accepts it, links it to a new catalogue draft and publishes the draft.
    coordinator = other_window()
    steps.sign_in_with_totp(coordinator, cast_coordinator(event))
    coordinator.visit(f"/uwagi-do-modelu/{remark.pk}/")
    coordinator.get_by_label("Nowy stan").select_option(label="przyjęta")
    coordinator.get_by_label("Uzasadnienie (przy odrzuceniu wymagane)").fill("Dodano ćwiczenia do scenariuszy.")
    submit(coordinator, "Zapisz stan")
    coordinator.get_by_role("link", name="Utwórz ją na liście wersji katalogu.").click()
    coordinator.page.wait_for_load_state("load")
    submit(coordinator, "Utwórz wersję roboczą")
    draft = CatalogVersion.objects.get(status=CatalogVersion.Status.DRAFT)
    coordinator.visit(f"/uwagi-do-modelu/{remark.pk}/")
    submit(coordinator, f"Powiąż z wersją roboczą {draft.number}")
    coordinator.visit(f"/model/wersje/{draft.number}/")
    submit(coordinator, "Opublikuj tę wersję")
    expect(coordinator.page.get_by_role("heading", name="Co się zmieniło i dlaczego")).to_be_visible()
    expect(coordinator.page.get_by_text("Dodano ćwiczenia do scenariuszy.").first).to_be_visible()
    remark.refresh_from_db()
    assert remark.status == Remark.Status.IMPLEMENTED and remark.implemented_in == draft
    told = [m for m in mail.outbox if organiser.email in m.to and f"wersji katalogu {draft.number}" in m.subject]
    assert len(told) == 1
