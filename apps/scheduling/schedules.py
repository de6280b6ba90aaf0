"""When a job is due: every day at a time in Europe/Warsaw, or every N minutes.

A schedule answers one question, ``last_slot(now)``: the latest moment at or before ``now`` when the job was due.
The scheduler runs that slot once; slots missed while it was stopped collapse into the latest one (a restart
after three days runs a daily job once, not three times).
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

WARSAW = ZoneInfo("Europe/Warsaw")


@dataclass(frozen=True)
class Daily:
    at: time

    def last_slot(self, now: datetime) -> datetime:
        local = now.astimezone(WARSAW)
        slot = datetime.combine(local.date(), self.at, tzinfo=WARSAW)
        if slot > now:
            slot = datetime.combine(local.date() - timedelta(days=1), self.at, tzinfo=WARSAW)
        return slot.astimezone(UTC)

    def next_slot(self, now: datetime) -> datetime:
        local = now.astimezone(WARSAW)
        slot = datetime.combine(local.date(), self.at, tzinfo=WARSAW)
        if slot <= now:
            slot = datetime.combine(local.date() + timedelta(days=1), self.at, tzinfo=WARSAW)
        return slot.astimezone(UTC)

    def describe(self) -> str:
        return _("codziennie o %(time)s") % {"time": self.at.strftime("%H:%M")}


@dataclass(frozen=True)
class Every:
    minutes: int

    def __post_init__(self):
        if self.minutes < 1:
            raise ValueError("A schedule needs at least one minute between runs.")

    def last_slot(self, now: datetime) -> datetime:
        # Slots on a fixed grid from the epoch, so every server computes the same slot for the same moment.
        step = self.minutes * 60
        return datetime.fromtimestamp(int(now.timestamp()) // step * step, tz=UTC)

    def next_slot(self, now: datetime) -> datetime:
        return self.last_slot(now) + timedelta(minutes=self.minutes)

    def describe(self) -> str:
        # "min" reads right after any number in Polish, where the source language has only two plural forms.
        return ngettext("co minutę", "co %(count)d min", self.minutes) % {"count": self.minutes}


Schedule = Daily | Every
