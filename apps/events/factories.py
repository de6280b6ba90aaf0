"""Factories other apps' tests (and the access-matrix world) reuse: a venue, an event over a planned event,
registrations of team members, sessions."""

from datetime import time, timedelta

import factory
from django.utils import timezone

from apps.editions.factories import EditionFactory, PlannedEventFactory

from .models import Event, Registration, Session, Venue


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    organiser = factory.SubFactory("apps.accounts.factories.OrganisationFactory")
    name = "Hotel Holiday Park"
    address = "ul. Heroldów 1B, 01-991 Warszawa"
    phone = "+48 511 49 49 49"
    email = "recepcja@hphotel.pl"
    directions_by_public_transport = (
        "Metrem ze stacji Centrum do stacji Młociny, dalej autobusem 114 z pętli do przystanku Muzealna."
    )
    parking = "Bezpłatny parking hotelowy."


class EventFactory(factory.django.DjangoModelFactory):
    """An event two weeks from now (its edition running), registration open until the day before."""

    class Meta:
        model = Event

    planned_event = factory.SubFactory(
        PlannedEventFactory,
        edition=factory.SubFactory(
            EditionFactory,
            published=True,
            recruitment_opens_on=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=60)),
            recruitment_deadline=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=40)),
            results_date=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=35)),
            period_start=factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30)),
            period_end=factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=300)),
        ),
        starts_on=factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14)),
    )
    venue = factory.SubFactory(VenueFactory, organiser=factory.SelfAttribute("..planned_event.edition.organiser"))
    capacity = 100
    registration_deadline = factory.LazyAttribute(lambda o: o.planned_event.starts_on - timedelta(days=1))
    privacy_notice = "Administratorem danych jest organizator."


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    day = factory.LazyAttribute(lambda o: o.event.starts_on)
    starts_at = time(9, 0)
    title = factory.Sequence(lambda n: f"Sesja {n}")


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory("apps.accounts.factories.UserFactory")
    full_name = factory.LazyAttribute(lambda o: o.user.full_name or o.user.email)
    email = factory.LazyAttribute(lambda o: o.user.email)
    days = factory.LazyAttribute(lambda o: [d.isoformat() for d in o.event.days])
    nights = factory.LazyAttribute(lambda o: [n.isoformat() for n in o.event.nights[1:]])
    room_choice = "pair_me"
    meals = factory.LazyAttribute(lambda o: [f"{d.isoformat()}:lunch" for d in o.event.days])
    privacy_acknowledged_at = factory.LazyFunction(timezone.now)
