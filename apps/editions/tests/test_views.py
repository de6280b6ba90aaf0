from datetime import timedelta

import pytest
from django.urls import reverse

from apps.accounts.factories import MembershipFactory, OrganisationFactory
from apps.accounts.models import Membership
from apps.core.testing import assert_constant_queries
from apps.editions import services
from apps.editions.factories import EditionFactory, PlannedEventFactory
from apps.editions.models import Edition

from .conftest import day, edition_values, form_data

pytestmark = pytest.mark.django_db


def test_organiser_creates_edits_and_publishes_an_edition(signed_in, client, catalogue, organiser):
    c = signed_in(organiser)
    response = c.post(reverse("editions:create"), form_data(group_city_powiat="powiaty"))
    edition = Edition.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("editions:overview", args=[edition.slug])
    assert edition.workshop_group_overrides == {"city_powiat": "powiaty"}
    assert edition.eligible_jst_kinds == ["rural_gmina", "powiat"]

    overview = c.get(reverse("editions:overview", args=[edition.slug])).content.decode()
    assert "Nabór: jeszcze nie otwarty. Edycja nie jest opublikowana." in overview
    assert "Brak zakwalifikowanych JST" in overview

    c.post(reverse("editions:edit", args=[edition.slug]), form_data(capacity="25", allows_two_areas="on"))
    edition.refresh_from_db()
    assert edition.capacity == 25 and edition.allows_two_areas

    c.logout()
    assert client.get(reverse("editions:public_detail", args=[edition.slug])).status_code == 404
    assert edition.name not in client.get(reverse("editions:public_list")).content.decode()

    signed_in(organiser).post(reverse("editions:publish", args=[edition.slug]))
    client.logout()
    page = client.get(reverse("editions:public_detail", args=[edition.slug])).content.decode()
    assert "Planowanie budżetowe" in page and "25" in page and "Dla kogo i na jakich zasadach" in page
    assert "Nadchodzące" in client.get(reverse("editions:public_list")).content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"capacity": "0"}, "Edycja musi mieć co najmniej jedno miejsce dla JST."),
        ({"capacity": "-3"}, "Edycja musi mieć co najmniej jedno miejsce dla JST."),
        ({"capacity": "dużo"}, "Liczba miejsc dla JST"),
        ({"team_size_min": "5", "team_size_max": "3"}, "Największy zespół nie może być mniejszy"),
        ({"results_date": day(30).isoformat()}, "Wyniki naboru nie mogą być ogłoszone przed terminem"),
        ({"recruitment_opens_on": day(41).isoformat()}, "Otwarcie naboru musi nastąpić najpóźniej"),
        ({"period_end": day(1).isoformat()}, "Koniec realizacji nie może być wcześniej"),
        ({"period_start": "32.13.2022"}, "Początek realizacji"),
        ({"eligible_jst_kinds": ["gmina"]}, "Rodzaje JST, które mogą się zgłosić"),
        ({"eligible_jst_kinds": []}, "Wybierz co najmniej jeden rodzaj JST"),
        ({"group_powiat": "kosmos"}, "Powiat"),
        ({"school_directors": "required", "school_directors_min": ""}, "ilu co najmniej"),
        ({"contact_email": "nie-e-mail"}, "E-mail kontaktowy"),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_kept(signed_in, catalogue, organiser, overrides, message):
    data = form_data(**overrides)
    response = signed_in(organiser).post(reverse("editions:create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'class="error-summary"' in page and "field-error" in page
    assert 'value="Doradztwo dla JST 2022/2023"' in page  # what the organiser typed stays
    assert not Edition.objects.exists()


def test_without_a_published_catalogue_the_form_says_why(signed_in, organiser):
    response = signed_in(organiser).post(reverse("editions:create"), form_data())
    assert response.status_code == 200
    assert "Katalog modelu nie ma jeszcze opublikowanej wersji" in response.content.decode()
    assert not Edition.objects.exists()


def test_staff_of_two_organisers_chooses_which_one_runs_the_edition(signed_in, catalogue, organiser):
    second = OrganisationFactory(name="Fundacja Przykładowa")
    MembershipFactory(user=organiser, organisation=second, role=Membership.Role.STAFF)
    c = signed_in(organiser)
    assert 'name="organiser"' in c.get(reverse("editions:create")).content.decode()
    c.post(reverse("editions:create"), form_data(organiser=str(second.pk)))
    assert Edition.objects.get().organiser == second


def test_timetable_is_managed_on_the_overview(signed_in, catalogue, organiser, organisation):
    edition = services.create_edition(organiser=organisation, by=organiser, **edition_values())
    c = signed_in(organiser)
    url = reverse("editions:event_create", args=[edition.slug])
    event = {"kind": "workshop_training", "title": "Szkolenie warsztatowe 1", "place": "Warszawa", "notes": ""}

    ok = c.post(url, {**event, "starts_on": day(100).isoformat(), "ends_on": day(101).isoformat()})
    assert ok.status_code == 302
    clash = c.post(
        url, {**event, "title": "Drugie", "starts_on": day(101).isoformat(), "ends_on": day(102).isoformat()}
    )
    assert "Termin pokrywa się z wydarzeniem „Szkolenie warsztatowe 1”" in clash.content.decode()
    outside = c.post(url, {**event, "starts_on": day(10).isoformat(), "ends_on": day(11).isoformat()})
    assert "w okresie realizacji edycji" in outside.content.decode()
    inverted = c.post(url, {**event, "starts_on": day(120).isoformat(), "ends_on": day(119).isoformat()})
    assert "Ostatni dzień nie może być wcześniej niż pierwszy." in inverted.content.decode()
    garbage = c.post(url, {**event, "kind": "bal", "starts_on": "wczoraj", "ends_on": ""})
    assert garbage.status_code == 200 and "field-error" in garbage.content.decode()

    saved = edition.planned_events.get()
    c.post(
        reverse("editions:event_edit", args=[edition.slug, saved.pk]),
        {**event, "place": "Kraków", "starts_on": day(100).isoformat(), "ends_on": day(101).isoformat()},
    )
    saved.refresh_from_db()
    assert saved.place == "Kraków"
    assert "Kraków" in c.get(reverse("editions:overview", args=[edition.slug])).content.decode()
    c.post(reverse("editions:event_delete", args=[edition.slug, saved.pk]))
    assert not edition.planned_events.exists()

    history = c.get(reverse("editions:history", args=[edition.slug])).content.decode()
    assert "Usunięto wydarzenie" in history and "Utworzono edycję" in history


def test_copy_through_the_form(signed_in, catalogue, organiser, organisation):
    edition = services.create_edition(organiser=organisation, by=organiser, **edition_values())
    c = signed_in(organiser)
    form = c.get(reverse("editions:copy", args=[edition.slug])).content.decode()
    assert "Doradztwo dla JST 2022/2023 (kopia)" in form
    new_start = services.same_day_next_year(day=edition.period_start)
    response = c.post(
        reverse("editions:copy", args=[edition.slug]), {"name": "Następna edycja", "period_start": new_start}
    )
    copy = Edition.objects.get(name="Następna edycja")
    assert response["Location"] == reverse("editions:overview", args=[copy.slug])
    assert copy.period_start == new_start


def test_coordinator_reads_every_edition_but_changes_nothing(signed_in, catalogue, coordinator):
    other = EditionFactory(catalogue_version=catalogue, name="Edycja beneficjenta")
    c = signed_in(coordinator)
    assert "Edycja beneficjenta" in c.get(reverse("editions:manage_list")).content.decode()
    overview = c.get(reverse("editions:overview", args=[other.slug])).content.decode()
    assert reverse("editions:edit", args=[other.slug]) not in overview
    assert c.post(reverse("editions:publish", args=[other.slug])).status_code == 404
    assert c.post(reverse("editions:edit", args=[other.slug]), form_data()).status_code == 404
    assert Edition.objects.get(pk=other.pk).status == Edition.Status.DRAFT


def test_organiser_sees_only_own_editions(signed_in, catalogue, organiser, organisation):
    own = EditionFactory(catalogue_version=catalogue, organiser=organisation, name="Nasza edycja")
    foreign = EditionFactory(catalogue_version=catalogue, name="Cudza edycja")
    c = signed_in(organiser)
    page = c.get(reverse("editions:manage_list")).content.decode()
    assert "Nasza edycja" in page and "Cudza edycja" not in page
    assert c.get(reverse("editions:overview", args=[foreign.slug])).status_code == 404
    assert c.get(reverse("editions:public_detail", args=[foreign.slug])).status_code == 404  # a draft
    assert c.get(reverse("editions:public_detail", args=[own.slug])).status_code == 200  # preview
    assert "Podgląd." in c.get(reverse("editions:public_detail", args=[own.slug])).content.decode()


def test_public_list_groups_editions_by_their_dates(client, catalogue):
    EditionFactory(
        catalogue_version=catalogue,
        published=True,
        name="Zamknięta",
        recruitment_opens_on=day(-400),
        recruitment_deadline=day(-380),
        results_date=day(-370),
        period_start=day(-360),
        period_end=day(-100),
    )
    EditionFactory(
        catalogue_version=catalogue,
        published=True,
        name="Trwająca",
        recruitment_opens_on=day(-100),
        recruitment_deadline=day(-80),
        results_date=day(-70),
        period_start=day(-60),
        period_end=day(100),
    )
    EditionFactory(catalogue_version=catalogue, published=True, name="W naborze", recruitment_opens_on=day(-1))
    EditionFactory(catalogue_version=catalogue, name="Szkic")
    page = client.get(reverse("editions:public_list")).content.decode()
    ongoing, upcoming, closed = page.index("Trwające"), page.index("Nadchodzące"), page.index("Zakończone")
    assert ongoing < page.index("Trwająca") < upcoming < page.index("W naborze") < closed < page.index("Zamknięta")
    assert "Nabór otwarty do" in page and "Szkic" not in page


# Query counts: every list stays constant as rows grow.


def test_public_list_query_count_is_constant(client, catalogue):
    assert_constant_queries(
        build=lambda n: EditionFactory.create_batch(n, catalogue_version=catalogue, published=True),
        request=lambda: client.get(reverse("editions:public_list")),
    )


def test_manage_list_query_count_is_constant(signed_in, catalogue, organiser, organisation):
    c = signed_in(organiser)

    def build(n):
        for edition in EditionFactory.create_batch(n, catalogue_version=catalogue, organiser=organisation):
            PlannedEventFactory(edition=edition)

    assert_constant_queries(build=build, request=lambda: c.get(reverse("editions:manage_list")))


def test_coordinator_manage_list_query_count_is_constant(signed_in, catalogue, coordinator):
    c = signed_in(coordinator)
    assert_constant_queries(
        build=lambda n: EditionFactory.create_batch(n, catalogue_version=catalogue),
        request=lambda: c.get(reverse("editions:manage_list")),
    )


def _timetable_builder(edition):
    state = {"offset": 0}

    def build(n):
        for _ in range(n):
            start = edition.period_start + timedelta(days=state["offset"])
            PlannedEventFactory(edition=edition, starts_on=start, ends_on=start)
            state["offset"] += 2

    return build


def test_public_detail_query_count_does_not_grow_with_the_timetable(client, catalogue):
    edition = EditionFactory(catalogue_version=catalogue, published=True)
    assert_constant_queries(
        build=_timetable_builder(edition),
        request=lambda: client.get(reverse("editions:public_detail", args=[edition.slug])),
    )


def test_overview_query_count_does_not_grow_with_the_timetable(signed_in, catalogue, organiser, organisation):
    edition = EditionFactory(catalogue_version=catalogue, organiser=organisation)
    c = signed_in(organiser)
    assert_constant_queries(
        build=_timetable_builder(edition), request=lambda: c.get(reverse("editions:overview", args=[edition.slug]))
    )


def test_a_refused_form_keeps_the_stored_name_in_the_heading_and_the_typed_values(
    signed_in, catalogue, organiser, organisation
):
    edition = services.create_edition(organiser=organisation, by=organiser, **edition_values())
    c = signed_in(organiser)
    response = c.post(reverse("editions:edit", args=[edition.slug]), form_data(name="Nowa nazwa", capacity="0"))
    page = response.content.decode()
    assert "<h1>Ustawienia edycji: Doradztwo dla JST 2022/2023</h1>" in page
    assert 'value="Nowa nazwa"' in page


def test_copying_to_an_absurd_date_is_refused_not_a_500(signed_in, catalogue, organiser, organisation):
    edition = services.create_edition(organiser=organisation, by=organiser, **edition_values())
    c = signed_in(organiser)
    for value in ["0001-01-01", "9999-12-31", "jutro"]:
        response = c.post(reverse("editions:copy", args=[edition.slug]), {"name": "Kopia", "period_start": value})
        assert response.status_code == 200 and "field-error" in response.content.decode(), value
    assert Edition.objects.count() == 1
