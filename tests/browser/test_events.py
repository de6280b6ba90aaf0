"""The events walk as the people do it in a browser (axe and the reflow checks at 1280 and 320 px on every page):
the organiser sets up a two-day training at a venue with an agenda for two workshop groups (a clash refused next to
its field), three team members register (two name each other, one lets the organiser pair them), the rooms are
paired and the lists are right, the 7-day programme job runs twice (one e-mail each), a moved session is told only
to that group, two people are checked in by code on the phone-sized check-in page, the attendance list PDF holds
their names, and a certificate is verified on the public page."""

import csv
import io
from datetime import datetime, time, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.core.testing import sign_in
from apps.documents.pdf import pdf_text
from apps.editions.factories import EditionFactory, PlannedEventFactory
from apps.editions.models import PROGRAMME_TZ
from apps.engagements.factories import EngagementFactory, TeamMemberFactory
from apps.events.hooks import send_programmes_job
from apps.events.models import Certificate, Event, Registration
from apps.territory.kinds import WorkshopGroup

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


@pytest.fixture
def cast():
    today = timezone.localdate()
    edition = EditionFactory(
        published=True,
        recruitment_opens_on=today - timedelta(days=60),
        recruitment_deadline=today - timedelta(days=40),
        results_date=today - timedelta(days=35),
        period_start=today - timedelta(days=30),
        period_end=today + timedelta(days=200),
    )
    planned = PlannedEventFactory(
        edition=edition,
        title="Pierwsze szkolenie warsztatowe",
        starts_on=today + timedelta(days=8),
        ends_on=today + timedelta(days=9),
    )
    organiser = MembershipFactory(organisation=edition.organiser, role=Membership.Role.STAFF).user
    trainer = MembershipFactory(
        organisation=edition.organiser, role=Membership.Role.TRAINER, user__full_name="Tomasz Trener"
    ).user
    rural = EngagementFactory(edition=edition, workshop_group=WorkshopGroup.RURAL_GMINY)
    powiat = EngagementFactory(edition=edition, workshop_group=WorkshopGroup.POWIATY)
    people = {}
    for key, name, engagement in [
        ("anna", "Anna Nowak", rural),
        ("bartek", "Bartosz Lis", rural),
        ("dawid", "Dawid Kot", powiat),
    ]:
        user = UserFactory(full_name=name)
        TeamMemberFactory(engagement=engagement, user=user, full_name=name, is_leader=key != "bartek")
        people[key] = user
    return {"planned": planned, "organiser": organiser, "trainer": trainer, **people}


def add_block(ui, event_pk, *, title, group_label, start, room, trainer=True):
    ui.visit(f"/organizator/wydarzenia/{event_pk}/program/nowy-blok/")
    ui.get_by_label("tytuł").fill(title)
    ui.get_by_label("grupa warsztatowa").select_option(label=group_label)
    ui.get_by_label("początek").fill(start)
    ui.get_by_label("sala").fill(room)
    if trainer:
        ui.get_by_label("Tomasz Trener").check()
    submit(ui, "Zapisz blok")


def register(ui, event_pk, **choices):
    ui.visit(f"/wydarzenia/{event_pk}/rejestracja/")
    ui.get_by_label(choices.get("room", "pokój dwuosobowy, osobę dobierze organizator")).check()
    if "roommate" in choices:
        ui.get_by_label("osoba do wspólnego pokoju").select_option(label=choices["roommate"])
    ui.page.locator("input[name=nights]").last.check()
    ui.page.locator("input[name=meals]").nth(1).check()  # lunch on the first day
    if "privacy" not in choices:
        ui.get_by_label("zapoznałem(-am) się z klauzulą informacyjną RODO").check()
    submit(ui, choices.get("button", "Zarejestruj się"))


def test_the_events_walk(ui, cast, live_server):
    planned, organiser = cast["planned"], cast["organiser"]
    # The organiser: a reusable venue, then the event over the edition's planned training.
    log_in(ui, organiser)
    ui.visit("/organizator/wydarzenia/miejsca/nowe/")
    ui.get_by_label("Nazwa").fill("Hotel Holiday Park")
    ui.get_by_label("Adres").fill("ul. Heroldów 1B, 01-991 Warszawa")
    ui.get_by_label("Dojazd komunikacją publiczną").fill("Metro do Młocin, autobus 114 do przystanku Muzealna.")
    submit(ui, "Zapisz miejsce")
    ui.visit("/organizator/wydarzenia/")
    ui.get_by_role("link", name=f"Przygotuj {planned.title}").click()
    ui.page.locator("#id_venue").select_option(label="Hotel Holiday Park, ul. Heroldów 1B, 01-991 Warszawa")
    submit(ui, "Zapisz wydarzenie")
    expect(ui.page.get_by_text("Przygotowano wydarzenie.")).to_be_visible()
    event = Event.objects.get(planned_event=planned)

    # Needs first: two candidate topics; Anna (rural gmina) and Dawid (powiat) rate them, Anna proposes one.
    for family, title in (
        ("realizacja zadań oświatowych w JST", "Budżet oświaty"),
        ("kompetencje miękkie", "Praca zespołowa"),
    ):
        ui.visit(f"/organizator/wydarzenia/{event.pk}/tematy/")
        ui.get_by_label(family).check()
        ui.get_by_label("temat", exact=True).fill(title)
        submit(ui, "Dodaj temat")
    for person, scores in (
        ("anna", {"Budżet oświaty": "5", "Praca zespołowa": "2"}),
        ("dawid", {"Praca zespołowa": "4"}),
    ):
        log_in(ui, cast[person])
        ui.visit(f"/wydarzenia/{event.pk}/potrzeby/")
        for title, score in scores.items():
            ui.get_by_role("group", name=title).get_by_label(score, exact=True).check()
        if person == "anna":
            ui.get_by_label("Twoja propozycja tematu").fill("Dowożenie uczniów")
            ui.get_by_role("group", name="obszar tematyczny propozycji").get_by_label(
                "realizacja zadań oświatowych w JST"
            ).check()
        submit(ui, "Wyślij oceny")
        expect(ui.page.get_by_text("zapisaliśmy Twoje oceny")).to_be_visible()
    log_in(ui, organiser)
    ui.visit(f"/organizator/wydarzenia/{event.pk}/tematy/")
    rural = ui.page.locator("section", has=ui.page.get_by_role("heading", name="gminy wiejskie"))
    expect(rural.get_by_role("row").nth(1)).to_contain_text("Budżet oświaty")
    expect(rural).to_contain_text("Dowożenie uczniów")
    rural.get_by_role("link", name="Utwórz sesję Budżet oświaty").click()
    expect(ui.get_by_label("Tytuł")).to_have_value("Budżet oświaty")
    submit(ui, "Zapisz blok")
    expect(ui.page.get_by_text("Dodano blok programu.")).to_be_visible()

    # An agenda for two workshop groups; the trainer cannot be in two groups at once.
    add_block(ui, event.pk, title="Budżet gminy", group_label="gminy wiejskie", start="11:00", room="Sala 1")
    add_block(ui, event.pk, title="Sieć szkół powiatu", group_label="powiaty", start="11:30", room="Sala 2")
    expect(
        ui.page.locator(".field-error", has_text="Tomasz Trener prowadzi w tym czasie „Budżet gminy”")
    ).to_be_visible()
    ui.get_by_label("Tomasz Trener").uncheck()
    submit(ui, "Zapisz blok")
    expect(ui.page.get_by_text("Dodano blok programu.")).to_be_visible()

    # Three team members register: Anna lets the organiser pair her first, Bartek names Anna, Anna names Bartek
    # back; Dawid (powiat) lets the organiser pair him.
    log_in(ui, cast["anna"])
    register(ui, event.pk)
    expect(ui.page.get_by_text("Zarejestrowano.")).to_be_visible()
    log_in(ui, cast["bartek"])
    register(ui, event.pk, room="pokój dwuosobowy ze wskazaną osobą", roommate="Anna Nowak")
    log_in(ui, cast["anna"])
    register(
        ui,
        event.pk,
        room="pokój dwuosobowy ze wskazaną osobą",
        roommate="Bartosz Lis",
        privacy=False,
        button="Zapisz zmiany",
    )
    log_in(ui, cast["dawid"])
    # Bad input first: a diet "other" without a note.
    ui.visit(f"/wydarzenia/{event.pk}/rejestracja/")
    ui.get_by_label("inna (opisz)").check()
    ui.get_by_label("zapoznałem(-am) się z klauzulą informacyjną RODO").check()
    submit(ui, "Zarejestruj się")
    expect(ui.page.get_by_text("Opisz dietę, skoro wybrano „inna”.").first).to_be_visible()
    register(ui, event.pk)
    assert Registration.objects.filter(event=event, status="registered").count() == 3

    # Rooms and the lists.
    log_in(ui, organiser)
    ui.visit(f"/organizator/wydarzenia/{event.pk}/pokoje/")
    submit(ui, "Dobierz pokoje")
    expect(ui.page.get_by_text("wzajemne wybory 1")).to_be_visible()
    expect(ui.page.get_by_role("row", name="Anna Nowak").first).to_contain_text("Bartosz Lis")
    client = Client()
    sign_in(client, organiser)
    meals = client.get(f"/organizator/wydarzenia/{event.pk}/listy/posilki.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(meals), delimiter=";"))
    lunch = next(r for r in rows if r[1] == "obiad" and r[0] == event.starts_on.strftime("%d.%m.%Y"))
    assert lunch[-2] == "3"

    # The programme job runs twice 7 days before: one e-mail each.
    mail.outbox.clear()
    slot = datetime.combine(event.starts_on - timedelta(days=7), time(7, 0), tzinfo=PROGRAMME_TZ)
    assert send_programmes_job(slot=slot) == {"sent": 3}
    assert send_programmes_job(slot=slot) == {"sent": 0}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        u.email for u in (cast["anna"], cast["bartek"], cast["dawid"])
    )

    # The organiser moves the rural group's session: only Anna and Bartek are told what moved.
    mail.outbox.clear()
    ui.visit(f"/organizator/wydarzenia/{event.pk}/program/")
    ui.get_by_role("link", name="Edytuj Budżet gminy").click()
    ui.get_by_label("początek").fill("14:00")
    submit(ui, "Zapisz blok")
    assert sorted(m.to[0] for m in mail.outbox) == sorted([cast["anna"].email, cast["bartek"].email])
    assert "Termin:" in mail.outbox[0].body and "14:00–15:30" in mail.outbox[0].body

    # Check-in by code on the phone-sized page, both days for Anna, the first day for Dawid.
    ui.page.set_viewport_size({"width": 320, "height": 800})
    anna = Registration.objects.get(event=event, user=cast["anna"])
    dawid = Registration.objects.get(event=event, user=cast["dawid"])
    for registration, days in ((anna, event.days), (dawid, event.days[:1])):
        for day in days:
            ui.visit(f"/organizator/wydarzenia/{event.pk}/obecnosc/?dzien={day.isoformat()}")
            ui.get_by_label("kod uczestnika").fill(registration.code)
            submit(ui, "Potwierdź obecność")
            expect(ui.page.get_by_text(f"Obecna/obecny: {registration.full_name}.")).to_be_visible()
    ui.visit(f"/organizator/wydarzenia/{event.pk}/obecnosc/")
    ui.get_by_label("kod uczestnika").fill("ZZZZZZZZ")
    submit(ui, "Potwierdź obecność")
    expect(ui.page.get_by_text("Nie ma uczestnika z kodem „ZZZZZZZZ”.").first).to_be_visible()
    ui.page.set_viewport_size({"width": 1280, "height": 900})

    # The attendance list PDF of the first day, built in the background: the button leads to the document's page
    # with its progress, the finished PDF downloads from there; and the certificates for who attended both days.
    ui.visit(f"/organizator/wydarzenia/{event.pk}/obecnosc/skany/")
    submit(ui, f"wszyscy {event.starts_on.strftime('%d.%m.%Y')}")
    expect(ui.page.locator("h1")).to_contain_text("Lista obecności")
    from apps.documents.models import GeneratedDocument

    document = GeneratedDocument.objects.get(kind=f"attendance:{event.starts_on.isoformat()}:all")
    assert document.status == "done", document.error
    download = client.get(f"/dokumenty/{document.pk}/pobierz/")
    text = pdf_text(b"".join(download.streaming_content) if download.streaming else download.content)
    assert "Lista obecności" in text and "Anna Nowak" in text and "Dawid Kot" in text and "Podpis" in text
    ui.visit(f"/organizator/wydarzenia/{event.pk}/zaswiadczenia/")
    expect(ui.page.get_by_role("row", name="Dawid Kot")).to_contain_text("nie przysługuje")
    submit(ui, "Przygotuj wszystkie zaświadczenia (ZIP)")
    certificate = Certificate.objects.get()
    assert certificate.registration == anna
    ui.page.context.clear_cookies()
    ui.visit("/zaswiadczenia/")
    ui.get_by_label("kod weryfikacyjny z zaświadczenia").fill(certificate.code)
    submit(ui, "Sprawdź")
    expect(ui.page.locator("h1")).to_have_text("Zaświadczenie jest autentyczne")
    expect(ui.page.get_by_text("Anna Nowak")).to_be_visible()
