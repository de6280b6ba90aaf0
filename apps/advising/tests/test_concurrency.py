"""Accepting a date option while the advisor withdraws it: exactly one wins, the other is told."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection

from apps.advising import services
from apps.advising.models import DateOption, Visit

from .conftest import span


def _proposed(engagement, advisor):
    visit, _ = services.propose_dates(engagement=engagement, number=1, options=[span(2), span(3)], by=advisor)
    return visit.options.order_by("starts_on").first()


def _outcome(option_pk):
    option = DateOption.objects.get(pk=option_pk)
    visit = Visit.objects.get(pk=option.visit_id)
    return option, visit


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks and concurrent requests need PostgreSQL")
def test_accept_and_withdraw_at_once_exactly_one_wins(engagement, advisors, leader):
    for _round in range(3):
        Visit.objects.filter(engagement=engagement).delete()
        option = _proposed(engagement, advisors[0])
        won, refused = _race(
            accept=lambda option=option: services.accept_option(option=option, by=leader),
            withdraw=lambda option=option: services.withdraw_option(option=option, by=advisors[0]),
        )
        assert len(won) == 1 and len(refused) == 1
        stored, visit = _outcome(option.pk)
        if won[0] == "accept":
            assert stored.accepted_at and not stored.withdrawn_at and visit.state == Visit.State.AGREED
            assert "przyjęty" in refused[0]
        else:
            assert stored.withdrawn_at and not stored.accepted_at and visit.starts_on is None
            assert "wycofana" in refused[0]


def _race(**actions) -> tuple[list[str], list[str]]:
    """Run the actions at the same moment, each in its own thread (and database connection)."""
    barrier = threading.Barrier(len(actions))
    won, refused, errors = [], [], []

    def run(name, action):
        try:
            barrier.wait()
            action()
            won.append(name)
        except ValidationError as error:
            refused.append(error.messages[0])
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=run, args=item) for item in actions.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return won, refused


@pytest.mark.django_db
def test_stale_accept_after_withdrawal_and_stale_withdrawal_after_acceptance(engagement, advisors, leader):
    """The same race one after the other (SQLite serialises writers): each service re-reads under the lock."""
    option = _proposed(engagement, advisors[0])
    stale = DateOption.objects.get(pk=option.pk)
    services.withdraw_option(option=option, by=advisors[0])
    with pytest.raises(ValidationError, match="wycofana"):
        services.accept_option(option=stale, by=leader)
    second = DateOption.objects.filter(visit=option.visit, side="advisors").exclude(pk=option.pk).first()
    stale = DateOption.objects.get(pk=second.pk)
    services.accept_option(option=second, by=leader)
    with pytest.raises(ValidationError, match="przyjęty"):
        services.withdraw_option(option=stale, by=advisors[0])
