"""The dates to remember as a calendar file (.ics): the reply deadline and the reminder day,
or a complaint's last day and the day the courts open."""
from __future__ import annotations

import datetime as dt
import uuid

from icalendar import Calendar, Event


def reminder_events(deadline: dt.date, authority: str, _, *, label: str = "") -> list[tuple[dt.date, str]]:
    """The two dates of one letter, worded with the gettext function ``_`` (``label`` first, if any)."""
    prefix = f"{label}: " if label else ""
    return [
        (deadline, prefix + _("Last day for the answer from %(authority)s") % {"authority": authority}),
        (deadline + dt.timedelta(days=1),
         prefix + _("No answer from %(authority)s? Send a reminder today.") % {"authority": authority}),
    ]


def complaint_events(last_day: dt.date, authority: str, _, *, label: str = "") -> list[tuple[dt.date, str]]:
    """The two dates of a complaint: the supervisory authority's last day, and the first day
    on which its silence opens the courts (worded with ``_``; ``label`` first, if any)."""
    prefix = f"{label}: " if label else ""
    return [
        (last_day, prefix + _("Last day for the supervisory authority (%(authority)s) to deal with your "
                              "complaint or tell you how it stands") % {"authority": authority}),
        (last_day + dt.timedelta(days=1),
         prefix + _("No news about your complaint from the supervisory authority (%(authority)s)? You may "
                    "now go to court. A lawyer or an advice centre can help.") % {"authority": authority}),
    ]


def calendar_of(events: list[tuple[dt.date, str]]) -> bytes:
    """An iCalendar file with one all-day event per (date, summary)."""
    calendar = Calendar()
    calendar.add("prodid", "-//recours//dates//EN")
    calendar.add("version", "2.0")
    for day, summary in events:
        event = Event()
        event.add("uid", f"{uuid.uuid4()}@recours")
        event.add("dtstamp", dt.datetime.now(dt.UTC))
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()

