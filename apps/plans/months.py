"""Month precision for the HDR: a month is stored as the date of its first day and typed as "RRRR-MM" (the
browser's month picker) or "MM.RRRR" (what people write, and what a browser without the picker accepts)."""

import calendar
import re
from datetime import date

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_POLISH = re.compile(r"^\s*(\d{1,2})\s*[./-]\s*(\d{4})\s*$")


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def last_day_of_month(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def parse_month(text: str) -> date | None:
    """The first day of the month written as "2026-03", "03.2026", "3.2026" or "03/2026"; None if not a month."""
    match = _ISO.match(text or "")
    if match:
        year, month = int(match.group(1)), int(match.group(2))
    else:
        match = _POLISH.match(text or "")
        if not match:
            return None
        month, year = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        return None
    return date(year, month, 1)


def format_month(month: date | None) -> str:
    return f"{month.month:02d}.{month.year}" if month else ""


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(start: date, end: date) -> list[date]:
    """Every month from ``start`` to ``end`` inclusive (first days)."""
    result, current = [], first_of_month(start)
    while current <= end:
        result.append(current)
        current = add_months(current, 1)
    return result
