"""Every validation rule of an edition and its timetable, with the Polish message the organiser sees."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from apps.editions import services
from apps.editions.factories import EditionFactory, PlannedEventFactory
from apps.editions.models import Edition, Phase, PlannedEvent
from apps.territory.kinds import JstKind, WorkshopGroup

from .conftest import day, edition_values

pytestmark = pytest.mark.django_db


def refusal(organiser, **overrides) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        services.create_edition(
            organiser=organiser.memberships.get().organisation, by=organiser, **edition_values(**overrides)
        )
    return error.value.message_dict


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"recruitment_deadline": day(50), "results_date": day(45)}, "results_date", "przed terminem składania"),
        ({"recruitment_opens_on": day(41)}, "recruitment_opens_on", "najpóźniej w dniu terminu"),
        ({"capacity": 0}, "capacity", "co najmniej jedno miejsce"),
        ({"team_size_min": 5, "team_size_max": 3}, "team_size_max", "nie może być mniejszy"),
        ({"team_size_min": 0}, "team_size_min", "co najmniej jedną osobę"),
        ({"period_end": day(80)}, "period_end", "wcześniej niż jej początek"),
        ({"results_date": day(95)}, "results_date", "najpóźniej w dniu rozpoczęcia"),
        ({"school_directors": "required", "school_directors_min": 0}, "school_directors_min", "ilu co najmniej"),
        ({"school_directors": "required", "school_directors_min": 3}, "school_directors_min", "osoby z JST"),
        ({"school_directors_max": 5}, "school_directors_max", "osoby z JST"),
        ({"school_directors_max": 0}, "school_directors_max", "ilu dyrektorów najwyżej"),
        (
            {"school_directors": "required", "school_directors_min": 2, "school_directors_max": 1},
            "school_directors_max",
            "nie może być mniejsza",
        ),
        ({"eligible_jst_kinds": []}, "eligible_jst_kinds", "co najmniej jeden rodzaj"),
        ({"eligible_jst_kinds": ["gmina"]}, "eligible_jst_kinds", "Nieznany rodzaj JST"),
        ({"workshop_group_overrides": {"powiat": "nowa"}}, "workshop_group_overrides", "Nieprawidłowy przydział"),
        ({"onsite_visits_count": 13}, "onsite_visits_count", "Najwyżej 12"),
    ],
)
def test_an_inconsistent_edition_is_refused_with_a_message_at_the_field(
    catalogue, organiser, overrides, field, message
):
    errors = refusal(organiser, **overrides)
    assert field in errors, errors
    assert any(message in text for text in errors[field]), errors[field]
    assert not Edition.objects.exists()


def test_directors_settings_are_normalised_by_policy(catalogue, organiser):
    organisation = organiser.memberships.get().organisation
    none = services.create_edition(
        organiser=organisation, by=organiser, **edition_values(school_directors="not_allowed", school_directors_max=4)
    )
    allowed = services.create_edition(
        organiser=organisation, by=organiser, **edition_values(school_directors_min=2, school_directors_max=2)
    )
    assert (none.school_directors_min, none.school_directors_max) == (0, 0)
    assert (allowed.school_directors_min, allowed.school_directors_max) == (0, 2)


def test_workshop_group_overrides_keep_only_real_changes(catalogue, organiser):
    overrides = {JstKind.CITY_WITH_POWIAT_RIGHTS: WorkshopGroup.POWIATY, JstKind.POWIAT: WorkshopGroup.POWIATY}
    edition = services.create_edition(
        organiser=organiser.memberships.get().organisation,
        by=organiser,
        **edition_values(
            eligible_jst_kinds=[JstKind.POWIAT, JstKind.CITY_WITH_POWIAT_RIGHTS], workshop_group_overrides=overrides
        ),
    )
    assert edition.workshop_group_overrides == {"city_powiat": "powiaty"}
    assert edition.eligible_jst_kinds == ["city_powiat", "powiat"]  # stored in the register's order
    groups = {row.kind: (row.group_label, row.is_override) for row in edition.workshop_groups}
    assert groups == {"city_powiat": ("powiaty", True), "powiat": ("powiaty", False)}


def test_the_database_refuses_what_validation_would(catalogue):
    from django.db import IntegrityError, transaction

    for bad in [{"capacity": 0}, {"team_size_min": 6}, {"period_end": day(1)}, {"results_date": day(20)}]:
        with pytest.raises(IntegrityError), transaction.atomic():
            EditionFactory(catalogue_version=catalogue, **bad)


# Planned events.


@pytest.fixture
def edition(catalogue, organiser):
    return services.create_edition(organiser=organiser.memberships.get().organisation, by=organiser, **edition_values())


def add(edition, organiser, kind=PlannedEvent.Kind.WORKSHOP_TRAINING, start=100, end=101, title="Szkolenie"):
    return services.create_event(
        edition=edition, by=organiser, kind=kind, title=title, starts_on=day(start), ends_on=day(end), place="Warszawa"
    )


def event_refusal(edition, organiser, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        add(edition, organiser, **kwargs)
    return error.value.message_dict


def test_event_dates_must_not_be_inverted(edition, organiser):
    assert "Ostatni dzień nie może być wcześniej" in event_refusal(edition, organiser, start=101, end=100)["ends_on"][0]


def test_events_lie_within_the_edition_period(edition, organiser):
    assert "w okresie realizacji edycji" in event_refusal(edition, organiser, start=85, end=91)["starts_on"][0]
    assert "w okresie realizacji edycji" in event_refusal(edition, organiser, start=330, end=331)["starts_on"][0]
    add(edition, organiser, start=90, end=91)  # the first day of the period is inside
    add(edition, organiser, start=329, end=330, title="Ostatnie")  # and so is the last


def test_two_events_of_an_edition_may_not_overlap(edition, organiser):
    add(edition, organiser, start=100, end=101, title="Szkolenie warsztatowe 1")
    message = event_refusal(edition, organiser, start=101, end=102, title="Drugie")["starts_on"][0]
    assert message.startswith("Termin pokrywa się z wydarzeniem „Szkolenie warsztatowe 1”")
    add(edition, organiser, start=102, end=103, title="Następnego dnia")  # touching is fine


def test_an_event_may_be_moved_without_clashing_with_itself(edition, organiser):
    event = add(edition, organiser, start=100, end=101)
    services.update_event(event=event, by=organiser, starts_on=day(101), ends_on=day(102))
    event.refresh_from_db()
    assert event.starts_on == day(101)


def test_one_opening_and_one_closing_meeting_in_the_right_places(edition, organiser):
    opening = PlannedEvent.Kind.OPENING_MEETING
    closing = PlannedEvent.Kind.CLOSING_MEETING
    add(edition, organiser, kind=opening, start=95, end=96, title="Otwarcie")
    add(edition, organiser, kind=closing, start=300, end=301, title="Zamknięcie")
    assert "ma już" in event_refusal(edition, organiser, kind=opening, start=120, end=121)["kind"][0]
    assert "przed spotkaniem otwierającym" in event_refusal(edition, organiser, start=92, end=93)["starts_on"][0]
    assert "po spotkaniu podsumowującym" in event_refusal(edition, organiser, start=310, end=311)["starts_on"][0]
    add(edition, organiser, start=150, end=151)


def test_the_period_cannot_shrink_away_from_planned_events(edition, organiser):
    add(edition, organiser, start=100, end=101, title="Szkolenie warsztatowe 1")
    with pytest.raises(ValidationError) as error:
        services.update_edition(edition=edition, by=organiser, period_start=day(102), results_date=day(45))
    assert "„Szkolenie warsztatowe 1”" in error.value.message_dict["period_start"][0]


# Dates: phases and the recruitment deadline.


def test_the_deadline_is_the_end_of_its_day_in_warsaw():
    edition = Edition(recruitment_deadline=date(2022, 7, 25))
    # Summer time: Warsaw is UTC+2, so the day ends at 21:59:59.999999 UTC.
    assert edition.is_received_in_time(datetime(2022, 7, 25, 21, 59, 59, tzinfo=UTC))
    assert not edition.is_received_in_time(datetime(2022, 7, 25, 22, 0, 0, tzinfo=UTC))
    winter = Edition(recruitment_deadline=date(2022, 12, 15))
    assert winter.is_received_in_time(datetime(2022, 12, 15, 22, 59, 59, tzinfo=UTC))
    assert not winter.is_received_in_time(datetime(2022, 12, 15, 23, 0, 0, tzinfo=UTC))


def test_phase_follows_the_dates_of_a_published_edition():
    edition = Edition(
        status=Edition.Status.PUBLISHED,
        recruitment_opens_on=date(2022, 6, 24),
        recruitment_deadline=date(2022, 7, 25),
        results_date=date(2022, 7, 29),
        period_start=date(2022, 9, 1),
        period_end=date(2023, 4, 30),
    )
    assert edition.phase(date(2022, 6, 23)) == Phase.ANNOUNCED
    assert edition.phase(date(2022, 6, 24)) == Phase.RECRUITMENT
    assert edition.phase(date(2022, 7, 25)) == Phase.RECRUITMENT
    assert edition.phase(date(2022, 7, 26)) == Phase.BEFORE_START
    assert edition.phase(date(2022, 9, 1)) == Phase.ONGOING
    assert edition.phase(date(2023, 4, 30)) == Phase.ONGOING
    assert edition.phase(date(2023, 5, 1)) == Phase.CLOSED
    edition.status = Edition.Status.DRAFT
    assert edition.phase(date(2022, 9, 1)) == Phase.DRAFT


def test_factory_event_is_valid(catalogue):
    event = PlannedEventFactory(edition=EditionFactory(catalogue_version=catalogue))
    event.full_clean()
    assert event.ends_on - event.starts_on == timedelta(days=1)
