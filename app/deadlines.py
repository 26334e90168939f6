"""Reply deadlines, counted the way a court counts them.

A period of N months that runs from an event ends on the same date N months later; when
that month has no such date, on its last day. A period whose last day is a Saturday, a
Sunday or a public holiday of the controller's country ends on the next working day
(Regulation 1182/71, Art. 3(2)(c) and 3(4)).
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass

import holidays


@dataclass(frozen=True)
class Deadline:
    """A computed deadline: the nominal end, the end after roll-over, and why it moved."""

    start: dt.date
    nominal: dt.date
    date: dt.date
    moved_because: tuple[str, ...] = ()

    @property
    def reminder(self) -> dt.date:
        """The first day on which a reminder can say the deadline has passed."""
        return self.date + dt.timedelta(days=1)


def add_months(start: dt.date, months: int) -> dt.date:
    """The same date ``months`` later, or that month's last day if it has no such date."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


@functools.lru_cache(maxsize=256)
def _holidays(country: str, year: int):
    """Public holidays; ``GB-ENG`` names a subdivision (England's bank holidays)."""
    code, _, subdiv = country.partition("-")
    return holidays.country_holidays(code, subdiv=subdiv or None, years=year, language="en_US")


def holiday_name(day: dt.date, country: str | None) -> str | None:
    """The public holiday on ``day`` in ``country``, if any (national holidays only).

    ``None`` means no holiday calendar is known (the EU's own bodies): weekends only.
    """
    if country is None:
        return None
    try:
        return _holidays(country, day.year).get(day)
    except NotImplementedError:
        return None


def next_working_day(day: dt.date, country: str) -> tuple[dt.date, tuple[str, ...]]:
    """``day`` itself if it is a working day, else the next one, with the reasons it moved."""
    reasons: list[str] = []
    while day.weekday() >= 5 or holiday_name(day, country):
        reasons.append(holiday_name(day, country) or calendar.day_name[day.weekday()])
        day += dt.timedelta(days=1)
    return day, tuple(reasons)


def months_deadline(start: dt.date, months: int, country: str) -> Deadline:
    """The end of a period of ``months`` calendar months from ``start`` in ``country``."""
    nominal = add_months(start, months)
    end, reasons = next_working_day(nominal, country)
    return Deadline(start, nominal, end, reasons)


def days_deadline(start: dt.date, days: int, country: str) -> Deadline:
    """The end of a period of ``days`` calendar days from ``start`` in ``country``."""
    nominal = start + dt.timedelta(days=days)
    end, reasons = next_working_day(nominal, country)
    return Deadline(start, nominal, end, reasons)


def reply_deadline(rule: dict, start: dt.date, country: str) -> Deadline:
    """Apply a regime's deadline ``rule`` (``months`` or ``days``) from ``start``."""
    if "months" in rule:
        return months_deadline(start, int(rule["months"]), country)
    return days_deadline(start, int(rule["days"]), country)
