import pytest

from apps.messaging.factories import thread_with_people


@pytest.fixture
def people(db):
    """``(engagement, leader, [advisor1, advisor2])`` of one JST."""
    return thread_with_people()


@pytest.fixture
def engagement(people):
    return people[0]


@pytest.fixture
def leader(people):
    return people[1]


@pytest.fixture
def advisors(people):
    return people[2]
