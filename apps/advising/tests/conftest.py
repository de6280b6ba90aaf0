import datetime

import pytest
from django.utils import timezone

from apps.accounts.factories import UserFactory
from apps.advising.factories import advised_engagement


@pytest.fixture
def leader(db):
    return UserFactory(full_name="Anna Liderka", email="liderka@gmina.example")


@pytest.fixture
def advisors(db):
    return [
        UserFactory(full_name="Piotr Doradca", email="doradca.rozwoj@example.org"),
        UserFactory(full_name="Zofia Doradczyni", email="doradca.zarzadzanie@example.org"),
    ]


@pytest.fixture
def engagement(leader, advisors):
    return advised_engagement(leader=leader, advisors=advisors)


def workday(offset: int) -> datetime.date:
    """A Tuesday ``offset`` weeks from this week (never a Polish public holiday falls on all of them)."""
    today = timezone.localdate()
    tuesday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(days=1)
    return tuesday + datetime.timedelta(weeks=offset)


def span(offset: int, days: int = 2) -> tuple[datetime.date, datetime.date]:
    start = workday(offset)
    return start, start + datetime.timedelta(days=days - 1)
