"""The open space as six participants, a moderator and the organiser do it in their own browsers (separate
contexts; axe and the reflow checks at 1280 and 320 px on every page, the plenary view included): topics proposed
(one a duplicate, merged), votes (a fourth refused with the limit at 3, one moved), the plenary view's ranking
matching the votes, groups formed and chosen (one person moving), two people writing the conclusions at once
without losing a word, the plenary view showing them moved by the keyboard, and the PDF."""

from datetime import time

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from apps.accounts.factories import MembershipFactory, UserFactory
from apps.accounts.models import Membership
from apps.core.testing import sign_in
from apps.documents.models import GeneratedDocument
from apps.documents.pdf import pdf_text
from apps.engagements.factories import EngagementFactory
from apps.events.factories import EventFactory, RegistrationFactory, SessionFactory
from apps.events.models import Invitee
from apps.openspace.models import Conclusion, Group, OpenSpace, Topic, Vote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMES = ["Anna Nowak", "Bartosz Lis", "Celina Wróbel", "Dawid Kot", "Ewa Mazur", "Filip Zając"]


def log_in(window, user):
    client = Client()
    sign_in(client, user)
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


def topic_card(window, title: str):
    return window.page.locator("li.topic", has=window.page.get_by_role("heading", name=title, exact=True))


def vote_for(window, title: str):
    topic_card(window, title).get_by_role("button", name="Głosuj").click()
    window.page.wait_for_load_state("load")


@pytest.fixture
def cast():
    event = EventFactory()
    session = SessionFactory(event=event, starts_at=time(10, 0), title="Targowisko tematów")
    space = OpenSpace.objects.create(session=session, event=event, votes_per_person=3)
    organiser_org = event.planned_event.edition.organiser
    trainer = MembershipFactory(
        organisation=organiser_org, role=Membership.Role.TRAINER, user__full_name="Tomasz Trener"
    ).user
    Invitee.objects.create(event=event, user=trainer, role=Invitee.Role.TRAINER)
    people = []
    for name in NAMES:
        engagement = EngagementFactory(edition=event.planned_event.edition)
        user = UserFactory(full_name=name)
        RegistrationFactory(event=event, user=user, engagement=engagement, full_name=name)
        people.append(user)
    return space, trainer, people


def test_six_participants_run_an_open_space_from_topics_to_the_pdf(cast, other_window):
    space, trainer, people = cast
    base = f"/otwarta-przestrzen/{space.pk}/"
    windows = []
    for person in people:
        window = other_window()
        log_in(window, person)
        windows.append(window)
    anna, bartek, celina, dawid, ewa, filip = windows
    moderator = other_window()
    log_in(moderator, trainer)

    # The topic market: four topics, one of them a duplicate.
    topics = [
        (anna, "Jak zmienić system finansowania oświaty?", "Subwencja nie pokrywa wydatków."),
        (bartek, "Opieka pielęgniarska w przedszkolu", ""),
        (celina, "SIO – weryfikacja danych przez JST", ""),
        (dawid, "Finansowanie oświaty", "Za mało pieniędzy z subwencji."),
        (ewa, "Praktyczna nauka zawodu – skąd wziąć specjalistów?", ""),
    ]
    for window, title, problem in topics:
        window.visit(base + "tematy/nowy/")
        window.get_by_label("Temat").fill(title)
        if problem:
            window.get_by_label("Problem, który za nim stoi").fill(problem)
        submit(window, "Dodaj temat")
        expect(window.page.get_by_text("Dodano temat na targowisko tematów.")).to_be_visible()
    expect(topic_card(ewa, "SIO – weryfikacja danych przez JST")).to_contain_text("Celina Wróbel")

    duplicate = Topic.objects.get(title="Finansowanie oświaty")
    moderator.visit(base + f"tematy/{duplicate.pk}/scal/")
    moderator.get_by_label("Scal z tematem").select_option(label="Jak zmienić system finansowania oświaty?")
    submit(moderator, "Scal tematy")
    expect(moderator.page.get_by_text("Scalono tematy")).to_be_visible()
    expect(moderator.page.get_by_role("heading", name="Finansowanie oświaty", exact=True)).to_have_count(0)
    merged = Topic.objects.get(title="Jak zmienić system finansowania oświaty?")
    assert merged.followers.filter(user=people[3]).exists()  # Dawid, who proposed the duplicate, follows it now

    moderator.visit(base + "prowadzenie/")
    moderator.get_by_label("głosowanie").check()
    submit(moderator, "Ustaw etap")
    expect(moderator.page.get_by_text("Etap: głosowanie.")).to_be_visible()
    filip.visit(base)  # open before anyone votes: the counts come in by themselves (htmx polling), no reload
    expect(filip.page.locator("#live-counts")).to_contain_text("Oddane głosy: 0.")

    # Votes: Anna uses her three, the fourth is refused; she moves one.
    anna.visit(base)
    for title in [
        "Jak zmienić system finansowania oświaty?",
        "Opieka pielęgniarska w przedszkolu",
        "SIO – weryfikacja danych przez JST",
    ]:
        vote_for(anna, title)
    expect(anna.page.locator("#live-counts")).to_contain_text("Pozostałe głosy: 0 z 3")
    vote_for(anna, "Praktyczna nauka zawodu – skąd wziąć specjalistów?")
    expect(anna.page.get_by_text("Wykorzystano wszystkie głosy (3).")).to_be_visible()
    card = topic_card(anna, "SIO – weryfikacja danych przez JST")
    card.get_by_label("Przenieś głos na").select_option(label="Praktyczna nauka zawodu – skąd wziąć specjalistów?")
    card.get_by_role("button", name="Przenieś").click()
    anna.page.wait_for_load_state("load")
    expect(anna.page.get_by_text("Przeniesiono głos.")).to_be_visible()
    for window, titles in [
        (bartek, ["Jak zmienić system finansowania oświaty?", "Opieka pielęgniarska w przedszkolu"]),
        (celina, ["Jak zmienić system finansowania oświaty?"]),
        (dawid, ["Jak zmienić system finansowania oświaty?", "Opieka pielęgniarska w przedszkolu"]),
        (ewa, ["Praktyczna nauka zawodu – skąd wziąć specjalistów?"]),
    ]:
        window.visit(base)
        for title in titles:
            vote_for(window, title)
    expect(filip.page.locator("#live-counts")).to_contain_text("Oddane głosy: 9.", timeout=15_000)
    assert Vote.objects.filter(open_space=space).count() == 9
    assert Vote.objects.filter(user=people[0]).count() == 3

    # The plenary view's ranking is the votes' order.
    moderator.visit(base + "plenarna/")
    ranking = moderator.page.locator(".plenary-ranking li span[lang]").all_inner_texts()
    assert ranking[:3] == [
        "Jak zmienić system finansowania oświaty?",
        "Opieka pielęgniarska w przedszkolu",
        "Praktyczna nauka zawodu – skąd wziąć specjalistów?",
    ]
    expect(moderator.page.locator(".plenary-ranking li").first).to_contain_text("głosy: 4")

    # Groups: the top three, in one slot; the first moderated by the trainer with Anna writing.
    moderator.visit(base + "prowadzenie/")
    moderator.get_by_label("albo: tyle tematów z największą liczbą głosów").fill("3")
    moderator.get_by_label("Początek").fill("11:00")
    moderator.get_by_label("Koniec").fill("12:30")
    submit(moderator, "Utwórz grupy")
    expect(moderator.page.get_by_text("Utworzono grupy: 3.")).to_be_visible()
    first = Group.objects.get(topic__title="Jak zmienić system finansowania oświaty?")
    second = Group.objects.get(topic__title="Opieka pielęgniarska w przedszkolu")
    moderator.visit(base + f"grupy/{first.pk}/edytuj/")
    moderator.get_by_label("Sala").fill("Sala Kopernik")
    moderator.get_by_label("Moderator(ka)").select_option(label="Tomasz Trener")
    moderator.get_by_label("Osoba zapisująca wnioski").select_option(label="Anna Nowak")
    submit(moderator, "Zapisz grupę")
    expect(moderator.page.get_by_text("Zapisano grupę.")).to_be_visible()

    for window, group in [(bartek, first), (celina, second), (anna, first), (bartek, second)]:
        window.visit(base + "grupy/")
        window.page.locator(f"#grupa-{group.pk}").get_by_role("button").click()
        window.page.wait_for_load_state("load")
        expect(window.page.locator(f"#grupa-{group.pk}")).to_contain_text("Jesteś w tej grupie.")
    assert set(second.memberships.values_list("user__full_name", flat=True)) == {"Celina Wróbel", "Bartosz Lis"}
    assert not first.memberships.filter(user=people[1]).exists()  # Bartek moved (the law of two feet)

    moderator.visit(base + "prowadzenie/")
    moderator.get_by_label("praca w grupach").check()
    submit(moderator, "Ustaw etap")

    # Two people write the conclusions at once: nothing is lost.
    conclusion_url = base + f"grupy/{first.pk}/wnioski/"
    moderator.visit(conclusion_url)
    anna.visit(conclusion_url)
    moderator.get_by_label("Znalezione rozwiązania").fill("Analiza sieci szkół przed budżetem.")
    anna.get_by_label("Rekomendacje").fill("Wspólne stanowisko JST w sprawie subwencji.")
    submit(moderator, "Zapisz wnioski")
    expect(moderator.page.get_by_text("Zapisano wnioski grupy.")).to_be_visible()
    submit(anna, "Zapisz wnioski")
    expect(anna.page.get_by_role("alert")).to_contain_text("Ktoś zapisał zmiany w tym samym czasie")
    expect(anna.get_by_label("Znalezione rozwiązania")).to_have_value("Analiza sieci szkół przed budżetem.")
    expect(anna.get_by_label("Rekomendacje")).to_have_value("Wspólne stanowisko JST w sprawie subwencji.")
    submit(anna, "Zapisz wnioski")
    expect(anna.page.get_by_text("Zapisano wnioski grupy.")).to_be_visible()
    conclusion = Conclusion.objects.get(group=first)
    assert conclusion.solutions == "Analiza sieci szkół przed budżetem."
    assert conclusion.recommendations == "Wspólne stanowisko JST w sprawie subwencji."
    Conclusion.objects.filter(group=second).update(solutions="Porozumienie z podmiotem leczniczym.")

    # The plenary: the moderator moves with the keyboard; a participant's projector page follows.
    moderator.visit(base + "prowadzenie/")
    moderator.get_by_label("sesja plenarna").check()
    submit(moderator, "Ustaw etap")
    filip.visit(base + "plenarna/")
    expect(filip.page.locator("#plenary-body")).to_contain_text("Wspólne stanowisko JST w sprawie subwencji.")
    moderator.visit(base + "plenarna/")
    expect(moderator.page.locator("#plenary-body")).to_contain_text("Grupa 1 z 3")
    moderator.page.keyboard.press("ArrowRight")
    moderator.page.wait_for_load_state("load")
    expect(moderator.page.locator("#plenary-body")).to_contain_text("Grupa 2 z 3")
    moderator.check_accessibility()
    expect(moderator.page.locator("#plenary-body")).to_contain_text("Porozumienie z podmiotem leczniczym.")
    expect(filip.page.locator("#plenary-body")).to_contain_text("Porozumienie z podmiotem leczniczym.", timeout=15_000)
    moderator.page.get_by_role("button", name="← Poprzednia grupa").focus()
    moderator.page.keyboard.press("Enter")
    moderator.page.wait_for_load_state("load")
    expect(moderator.page.locator("#plenary-body")).to_contain_text("Grupa 1 z 3")

    # The PDF of the conclusions.
    moderator.visit(base + "wnioski/")
    submit(moderator, "Przygotuj wnioski (PDF)")
    document = GeneratedDocument.objects.get(kind="conclusions")
    with document.file.open("rb") as handle:
        text = pdf_text(handle.read())
    assert "Wspólne stanowisko JST w sprawie subwencji." in text and "Analiza sieci szkół" in text
    expect(moderator.page.get_by_role("link", name=document.filename)).to_be_visible()
