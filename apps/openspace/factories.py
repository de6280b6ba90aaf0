"""Factories other apps' tests (and the browser tests) reuse: an open space in a session of an event, topics,
participants registered for the event."""

from datetime import time

import factory

from apps.events.factories import EventFactory, RegistrationFactory, SessionFactory

from .models import Group, OpenSpace, Topic


class OpenSpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OpenSpace

    session = factory.SubFactory(SessionFactory, event=factory.SubFactory(EventFactory), title="Open space")
    event = factory.SelfAttribute("session.event")
    votes_per_person = 3


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    open_space = factory.SubFactory(OpenSpaceFactory)
    title = factory.Sequence(lambda n: f"Temat {n}")
    proposer_name = "Anna Nowak"


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group

    open_space = factory.SelfAttribute("topic.open_space")
    topic = factory.SubFactory(TopicFactory)
    day = factory.LazyAttribute(lambda o: o.open_space.event.starts_on)
    starts_at = time(11, 0)
    ends_at = time(12, 30)
    capacity = 20


def participant(space, **user_fields):
    """A user registered for the open space's event."""
    from apps.accounts.factories import UserFactory

    user = UserFactory(**user_fields)
    RegistrationFactory(event=space.event, user=user)
    return user
