"""Factories for advising's tests (and other apps' tests that need a visit or hours)."""

import datetime

import factory
from django.utils import timezone

from apps.accounts.factories import UserFactory
from apps.engagements.factories import AdvisorAssignmentFactory, EngagementFactory, TeamMemberFactory
from apps.engagements.models import AdvisorAssignment

from .models import AgreedTask, RemoteSession, TimeEntry, Visit


def advised_engagement(*, leader=None, advisors=None, **edition_fields):
    """An engagement of an edition running from 200 days ago to 200 days ahead, with a team leader and two
    advisors (one of each role)."""
    from apps.editions.factories import EditionFactory

    today = timezone.localdate()
    edition = EditionFactory(
        period_start=edition_fields.pop("period_start", today - datetime.timedelta(days=200)),
        period_end=edition_fields.pop("period_end", today + datetime.timedelta(days=200)),
        **edition_fields,
    )
    engagement = EngagementFactory(edition=edition)
    TeamMemberFactory(engagement=engagement, user=leader or UserFactory(), is_leader=True)
    advisors = advisors or [UserFactory(), UserFactory()]
    roles = [AdvisorAssignment.Role.PERSONAL_DEVELOPMENT, AdvisorAssignment.Role.MANAGEMENT]
    for user, role in zip(advisors, roles, strict=False):
        AdvisorAssignmentFactory(engagement=engagement, user=user, role=role)
    return engagement


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    engagement = factory.SubFactory(EngagementFactory)
    number = factory.Sequence(lambda n: n % 12 + 1)


class RemoteSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RemoteSession

    engagement = factory.SubFactory(EngagementFactory)
    held_on = factory.LazyFunction(timezone.localdate)
    duration_minutes = 60
    channel = RemoteSession.Channel.VIDEO
    topics = "Omówienie postępów HDR"


class AgreedTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreedTask

    engagement = factory.SubFactory(EngagementFactory)
    what = factory.Sequence(lambda n: f"Zadanie {n}")
    who = "Zespół JST"


class TimeEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimeEntry

    advisor = factory.SubFactory(UserFactory)
    engagement = factory.SubFactory(EngagementFactory)
    on = factory.LazyFunction(timezone.localdate)
    hours = 2
    kind = TimeEntry.Kind.PREPARATION
