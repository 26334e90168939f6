"""Deadlines counted like a court: corresponding day, month ends, weekends, holidays."""
import datetime as dt

import pytest

from app.deadlines import add_months, days_deadline, months_deadline

D = dt.date


@pytest.mark.parametrize("start, months, expected", [
    (D(2026, 1, 15), 1, D(2026, 2, 15)),
    (D(2026, 1, 31), 1, D(2026, 2, 28)),    # no 31 February: last day of the month
    (D(2028, 1, 31), 1, D(2028, 2, 29)),    # leap year
    (D(2028, 2, 29), 1, D(2028, 3, 29)),
    (D(2028, 2, 29), 12, D(2029, 2, 28)),
    (D(2026, 3, 31), 1, D(2026, 4, 30)),
    (D(2026, 12, 15), 1, D(2027, 1, 15)),   # across the year
    (D(2026, 11, 30), 3, D(2027, 2, 28)),
])
def test_add_months(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize("start, country, expected, reason", [
    # 31 Jan 2026 + 1 month = Sat 28 Feb -> Mon 2 Mar
    (D(2026, 1, 31), "DE", D(2026, 3, 2), "Saturday"),
    # 29 Feb 2028 + 1 month = Wed 29 Mar 2028: a working day, no move
    (D(2028, 2, 29), "DE", D(2028, 3, 29), None),
    # 25 Nov 2026 + 1 month = Fri 25 Dec (Christmas) -> Sat, Sun -> Mon 28 Dec
    (D(2026, 11, 25), "DE", D(2026, 12, 28), "Christmas Day"),
    # 14 Jun 2026 + 1 month = Tue 14 Jul (Fête nationale in France) -> Wed 15 Jul
    (D(2026, 6, 14), "FR", D(2026, 7, 15), "National Day"),
    # the same date in Germany is a working day
    (D(2026, 6, 14), "DE", D(2026, 7, 14), None),
    # 1 Apr 2026 + 1 month = Fri 1 May (Labour Day) -> Mon 4 May
    (D(2026, 4, 1), "AT", D(2026, 5, 4), "Labor Day"),
])
def test_months_deadline_rolls_to_next_working_day(start, country, expected, reason):
    deadline = months_deadline(start, 1, country)
    assert deadline.date == expected
    if reason is None:
        assert deadline.moved_because == ()
    else:
        assert reason in deadline.moved_because[0]
    assert deadline.reminder == expected + dt.timedelta(days=1)


def test_days_deadline():
    # 45 days from 1 Oct 2026 = Sun 15 Nov -> Mon 16 Nov
    assert days_deadline(D(2026, 10, 1), 45, "DE").date == D(2026, 11, 16)
