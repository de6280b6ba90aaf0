"""Every write to editions and their planned events: validated, in one transaction, in the edition's history."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import Organisation
from apps.audit.services import diff, record, snapshot
from apps.catalog.selectors import current_version
from apps.core.text import ascii_slug

from .deletion import deletion_refusals
from .models import Edition, PlannedEvent

EDITION_FIELDS = [
    "name",
    "description",
    "period_start",
    "period_end",
    "capacity",
    "team_size_min",
    "team_size_max",
    "school_directors",
    "school_directors_min",
    "school_directors_max",
    "onsite_visits_count",
    "remote_advisory_months",
    "allows_two_areas",
    "diagnosis_asks_post_pandemic_needs",
    "eligible_jst_kinds",
    "workshop_group_overrides",
    "recruitment_opens_on",
    "recruitment_deadline",
    "results_date",
    "contact_name",
    "contact_email",
    "contact_phone",
]
DATE_FIELDS = ["period_start", "period_end", "recruitment_opens_on", "recruitment_deadline", "results_date"]
EVENT_FIELDS = ["kind", "title", "starts_on", "ends_on", "place", "notes"]


def _unique_slug(name: str) -> str:
    base = ascii_slug(name, fallback="edycja", max_length=90)
    slug, n = base, 1
    while Edition.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _set(obj, allowed: list[str], values: dict) -> None:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    for name, value in values.items():
        setattr(obj, name, value.strip() if isinstance(value, str) else value)


@transaction.atomic
def create_edition(*, organiser: Organisation, by, **values) -> Edition:
    """A new draft edition of ``organiser``, on the current published catalogue version."""
    version = current_version()
    if version is None:
        raise ValidationError(
            _("Katalog modelu nie ma jeszcze opublikowanej wersji. Edycję można utworzyć po jej opublikowaniu.")
        )
    edition = Edition(organiser=organiser, catalogue_version=version)
    _set(edition, EDITION_FIELDS, values)
    edition.slug = _unique_slug(edition.name)
    edition.full_clean()
    edition.save()
    record(actor=by, action="edition.created", target=edition, changes=snapshot(edition, EDITION_FIELDS))
    return edition


@transaction.atomic
def update_edition(*, edition: Edition, by, **values) -> Edition:
    # Compare against the stored row: a bound ModelForm has already changed the instance in memory.
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    before = snapshot(edition, EDITION_FIELDS)
    _set(edition, EDITION_FIELDS, values)
    edition.full_clean()
    edition.save()
    changes = diff(before, snapshot(edition, EDITION_FIELDS))
    if changes:
        record(actor=by, action="edition.updated", target=edition, changes=changes)
    return edition


@transaction.atomic
def publish_edition(*, edition: Edition, by) -> Edition:
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.is_published:
        raise ValidationError(_("Ta edycja jest już opublikowana."))
    edition.full_clean()
    edition.status = Edition.Status.PUBLISHED
    edition.published_at = timezone.now()
    edition.save(update_fields=["status", "published_at", "updated_at"])
    record(actor=by, action="edition.published", target=edition)
    return edition


def same_day_next_year(*, day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def copy_edition(*, edition: Edition, by, name: str, period_start: date) -> Edition:
    """Start the next edition from this one: the same settings and timetable, every date moved by the same
    number of days so that the period starts on ``period_start``; a draft on the current catalogue version."""
    edition = Edition.objects.select_related("organiser").get(
        pk=edition.pk
    )  # the stored settings, not a copy in memory
    shift = timedelta(days=(period_start - edition.period_start).days)
    values = {field: getattr(edition, field) for field in EDITION_FIELDS}
    values.update({field: getattr(edition, field) + shift for field in DATE_FIELDS})
    # Fresh containers, so the two editions never share a JSON value in memory.
    values["eligible_jst_kinds"] = list(edition.eligible_jst_kinds)
    values["workshop_group_overrides"] = dict(edition.workshop_group_overrides)
    values["name"] = name
    copy = create_edition(organiser=edition.organiser, by=by, **values)
    for event in edition.planned_events.all():
        PlannedEvent.objects.create(
            edition=copy,
            kind=event.kind,
            title=event.title,
            starts_on=event.starts_on + shift,
            ends_on=event.ends_on + shift,
            place=event.place,
            notes=event.notes,
        )
    record(
        actor=by,
        action="edition.copied",
        target=copy,
        changes={"source": edition.name, "shift_days": shift.days},
    )
    return copy


@transaction.atomic
def create_event(*, edition: Edition, by, **values) -> PlannedEvent:
    event = PlannedEvent(edition=edition)
    _set(event, EVENT_FIELDS, values)
    event.full_clean()
    event.save()
    record(actor=by, action="edition.event_created", target=edition, changes=snapshot(event, EVENT_FIELDS))
    return event


@transaction.atomic
def update_event(*, event: PlannedEvent, by, **values) -> PlannedEvent:
    event = PlannedEvent.objects.select_related("edition").get(pk=event.pk)
    before = snapshot(event, EVENT_FIELDS)
    _set(event, EVENT_FIELDS, values)
    event.full_clean()
    event.save()
    changes = diff(before, snapshot(event, EVENT_FIELDS))
    if changes:
        record(
            actor=by,
            action="edition.event_updated",
            target=event.edition,
            changes={"event": before["title"], **changes},
        )
    return event


@transaction.atomic
def delete_event(*, event: PlannedEvent, by) -> None:
    """Deletes a planned event, unless an app that grew something from it refuses (``deletion.py``): then a
    ``ValidationError`` with the reasons and nothing deleted."""
    event = PlannedEvent.objects.select_for_update().select_related("edition").get(pk=event.pk)
    refusals = deletion_refusals(event)
    if refusals:
        raise ValidationError(refusals)
    record(
        actor=by,
        action="edition.event_deleted",
        target=event.edition,
        changes={"event": event.title, "dates": event.dates_label},
    )
    event.delete()
