"""A clock the tests move by hand: the scheduler reads the time only through ``services.now``."""

from datetime import datetime, timedelta

from .schedules import WARSAW


def warsaw(*args) -> datetime:
    """``warsaw(2027, 3, 1, 6, 0)``: an aware moment on Warsaw's wall clock."""
    return datetime(*args, tzinfo=WARSAW)


class FixedClock:
    def __init__(self, at: datetime):
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at

    def advance(self, **delta) -> None:
        self.at += timedelta(**delta)


def fix_clock(monkeypatch, at: datetime) -> FixedClock:
    from . import services

    clock = FixedClock(at)
    monkeypatch.setattr(services, "now", clock)
    return clock
