"""Editions dated relative to today, so that a default edition is always announced (recruitment not yet open)."""

from datetime import timedelta

import factory
from django.utils import timezone

from apps.accounts.factories import OrganisationFactory
from apps.catalog.factories import CatalogVersionFactory

from .models import Edition, PlannedEvent


def _in_days(days: int):
    return factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=days))


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    organiser = factory.SubFactory(OrganisationFactory)
    catalogue_version = factory.SubFactory(CatalogVersionFactory)
    name = factory.Sequence(lambda n: f"Edycja {n}")
    slug = factory.Sequence(lambda n: f"edycja-{n}")
    recruitment_opens_on = _in_days(30)
    recruitment_deadline = _in_days(60)
    results_date = _in_days(65)
    period_start = _in_days(90)
    period_end = _in_days(330)
    capacity = 20
    team_size_min = 3
    team_size_max = 5
    onsite_visits_count = 3
    remote_advisory_months = 8

    class Params:
        published = factory.Trait(status=Edition.Status.PUBLISHED, published_at=factory.LazyFunction(timezone.now))


class PlannedEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlannedEvent

    edition = factory.SubFactory(EditionFactory)
    kind = PlannedEvent.Kind.WORKSHOP_TRAINING
    title = factory.Sequence(lambda n: f"Szkolenie warsztatowe {n}")
    starts_on = factory.LazyAttribute(lambda o: o.edition.period_start + timedelta(days=10))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + timedelta(days=1))
    place = "Warszawa"
