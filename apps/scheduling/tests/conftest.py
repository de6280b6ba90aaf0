import threading
from datetime import time

import pytest

from apps.core.registry import Registry
from apps.scheduling import selectors, services
from apps.scheduling.jobs import Job
from apps.scheduling.schedules import Daily
from apps.scheduling.testing import fix_clock, warsaw


class CountingJob:
    """A job function that counts its calls (from any thread) and can be told to fail or to wait."""

    def __init__(self):
        self.calls = []
        self.lock = threading.Lock()
        self.failures = 0  # the next N calls raise
        self.during = None  # called inside the run, to act while it is in progress

    def __call__(self, *, slot):
        with self.lock:
            self.calls.append(slot)
            fail = self.failures > 0
            self.failures -= 1 if fail else 0
        if self.during:
            self.during()
        if fail:
            raise RuntimeError("serwer poczty nie odpowiada")
        return {"count": len(self.calls)}


@pytest.fixture
def clock(monkeypatch):
    return fix_clock(monkeypatch, warsaw(2027, 3, 1, 6, 0, 10))


@pytest.fixture
def daily(monkeypatch):
    """Only one job on the scheduler: a counting job due every day at 06:00 in Warsaw."""
    fn = CountingJob()
    registry = Registry("scheduled job")
    registry.register("test.daily", Job(key="test.daily", func=fn, schedule=Daily(at=time(6, 0)), label="Test"))
    monkeypatch.setattr(services, "JOBS", registry)
    monkeypatch.setattr(selectors, "JOBS", registry)
    return fn
