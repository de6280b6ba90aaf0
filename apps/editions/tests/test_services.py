from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.catalog import services as catalog
from apps.editions import services
from apps.editions.models import Edition, PlannedEvent
from apps.territory.kinds import JstKind, WorkshopGroup

from .conftest import day, edition_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(catalogue, organiser, organisation):
    return services.create_edition(organiser=organisation, by=organiser, **edition_values())


def test_create_starts_a_draft_on_the_current_catalogue_with_a_readable_address(edition, catalogue, organiser):
    assert edition.status == Edition.Status.DRAFT and edition.published_at is None
    assert edition.catalogue_version == catalogue
    assert edition.slug == "doradztwo-dla-jst-20222023"
    entry = AuditEntry.objects.get(action="edition.created", target_id=str(edition.pk))
    assert entry.actor == organiser and entry.changes["capacity"] == 20


def test_slugs_transliterate_polish_letters_and_stay_unique(catalogue, organiser, organisation):
    first = services.create_edition(organiser=organisation, by=organiser, **edition_values(name="Łódzkie Źródła"))
    second = services.create_edition(organiser=organisation, by=organiser, **edition_values(name="Łódzkie źródła"))
    assert (first.slug, second.slug) == ("lodzkie-zrodla", "lodzkie-zrodla-2")


def test_without_a_published_catalogue_no_edition_can_start(organiser, organisation):
    with pytest.raises(ValidationError, match="opublikowanej wersji"):
        services.create_edition(organiser=organisation, by=organiser, **edition_values())


def test_update_records_only_what_changed(edition, organiser):
    services.update_edition(edition=edition, by=organiser, capacity=25, name=edition.name)
    services.update_edition(edition=edition, by=organiser, capacity=25)  # no change, no entry
    entries = AuditEntry.objects.filter(action="edition.updated", target_id=str(edition.pk))
    assert [e.changes for e in entries] == [{"capacity": [20, 25]}]


def test_publish_once(edition, organiser):
    services.publish_edition(edition=edition, by=organiser)
    edition.refresh_from_db()
    assert edition.is_published and edition.published_at
    with pytest.raises(ValidationError, match="już opublikowana"):
        services.publish_edition(edition=edition, by=organiser)


def test_copy_moves_every_date_and_starts_a_new_draft_on_the_newest_catalogue(
    edition, organiser, coordinator, catalogue
):
    overrides = {JstKind.RURAL_GMINA: WorkshopGroup.URBAN_RURAL_GMINY}
    services.update_edition(edition=edition, by=organiser, workshop_group_overrides=overrides, allows_two_areas=True)
    services.create_event(
        edition=edition, by=organiser, kind="opening_meeting", title="Otwarcie", starts_on=day(95), ends_on=day(96)
    )
    services.create_event(
        edition=edition,
        by=organiser,
        kind="workshop_training",
        title="Szkolenie 1",
        starts_on=day(120),
        ends_on=day(121),
    )
    services.publish_edition(edition=edition, by=organiser)
    draft = catalog.create_draft_version(by=coordinator)
    catalog.publish_version(version=draft, by=coordinator)

    new_start = services.same_day_next_year(day=edition.period_start)
    copy = services.copy_edition(
        edition=edition, by=organiser, name="Doradztwo dla JST 2023/2024", period_start=new_start
    )

    shift = new_start - edition.period_start
    assert copy.status == Edition.Status.DRAFT and copy.slug == "doradztwo-dla-jst-20232024"
    assert copy.catalogue_version == draft and edition.catalogue_version == catalogue
    for field in services.DATE_FIELDS:
        assert getattr(copy, field) == getattr(edition, field) + shift, field
    for field in ["capacity", "team_size_min", "team_size_max", "onsite_visits_count", "remote_advisory_months"]:
        assert getattr(copy, field) == getattr(edition, field)
    assert copy.allows_two_areas and copy.workshop_group_overrides == {"rural_gmina": "urban_rural_gminy"}
    assert [(e.title, e.starts_on) for e in copy.planned_events.all()] == [
        (e.title, e.starts_on + shift) for e in edition.planned_events.all()
    ]
    assert PlannedEvent.objects.filter(edition=edition).count() == 2  # the source keeps its own timetable
    assert AuditEntry.objects.filter(action="edition.copied", target_id=str(copy.pk)).exists()


def test_same_day_next_year_handles_the_leap_day():
    assert services.same_day_next_year(day=date(2024, 2, 29)) == date(2025, 2, 28)
    assert services.same_day_next_year(day=date(2022, 9, 1)) == date(2023, 9, 1)


def test_a_new_catalogue_version_never_rewrites_an_edition(client, edition, organiser, coordinator, catalogue):
    services.publish_edition(edition=edition, by=organiser)
    draft = catalog.create_draft_version(by=coordinator)
    catalog.update_area(area=draft.areas.get(name="Planowanie budżetowe"), by=coordinator, name="Budżet oświaty JST")
    catalog.publish_version(version=draft, by=coordinator)

    edition.refresh_from_db()
    assert edition.catalogue_version == catalogue
    page = client.get(reverse("editions:public_detail", kwargs={"slug": edition.slug})).content.decode()
    assert "Planowanie budżetowe" in page and "Budżet oświaty JST" not in page
    assert "Budżet oświaty JST" in client.get(reverse("catalog:public")).content.decode()
    newer = services.create_edition(organiser=edition.organiser, by=organiser, **edition_values(name="Następna"))
    assert newer.catalogue_version == draft
    with pytest.raises(ProtectedError):
        catalogue.delete()


def test_event_changes_are_in_the_edition_history(edition, organiser):
    event = services.create_event(
        edition=edition, by=organiser, kind="other", title="Konferencja", starts_on=day(200), ends_on=day(200)
    )
    services.update_event(event=event, by=organiser, place="Kraków")
    services.delete_event(event=event, by=organiser)
    actions = AuditEntry.objects.filter(target_id=str(edition.pk)).values_list("action", flat=True)
    assert {"edition.event_created", "edition.event_updated", "edition.event_deleted"} <= set(actions)
    assert event.dates_label == (edition.period_start + timedelta(days=110)).strftime("%d.%m.%Y")


def test_every_recorded_action_reads_as_polish_in_the_history():
    import re
    from pathlib import Path

    from apps.audit.actions import label_for

    for app in ["catalog", "editions"]:
        source = (Path(__file__).resolve().parents[2] / app / "services.py").read_text()
        for action in re.findall(r'action="([a-z_.]+)"', source):
            assert label_for(action) != action, action
