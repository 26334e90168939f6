"""The dates to remember as a calendar file (.ics): the reply deadline and the reminder day."""
from __future__ import annotations

import datetime as dt
import uuid

from icalendar import Calendar, Event


def calendar_file(deadline: dt.date, authority: str, _) -> bytes:
    """An iCalendar file with two all-day events, worded with the gettext function ``_``."""
    calendar = Calendar()
    calendar.add("prodid", "-//recours//dates//EN")
    calendar.add("version", "2.0")
    events = (
        (deadline, _("Last day for the answer from %(authority)s") % {"authority": authority}),
        (deadline + dt.timedelta(days=1),
         _("No answer from %(authority)s? Send a reminder today.") % {"authority": authority}),
    )
    for day, summary in events:
        event = Event()
        event.add("uid", f"{uuid.uuid4()}@recours")
        event.add("dtstamp", dt.datetime.now(dt.timezone.utc))
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
