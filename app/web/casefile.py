"""The case file the person keeps: save it, open it again, and the dates as a calendar file."""
from __future__ import annotations

from io import BytesIO

from flask import Blueprint, render_template, request, send_file
from flask_babel import gettext as _
from werkzeug.exceptions import RequestEntityTooLarge

from .. import casefile
from ..calendar import calendar_of, complaint_events, reminder_events
from ..case import CaseError
from ..catalogue import load_catalogue
from ..letters import followups
from ..letters.compose import deadline_for, resolution_for
from . import state as carried
from .review import build_case, following_up, followup_review_page, review_page

bp = Blueprint("casefile", __name__)


def _valid_case():
    answers = carried.load(request.form)
    try:
        return answers, build_case(answers, followup=following_up())
    except CaseError:
        return answers, None


def _page(answers, **kwargs):
    return (followup_review_page if following_up() else review_page)(answers, **kwargs)


@bp.post("/<lang>/case/save")
def save():
    """Download the case file (JSON) that lets the person come back without retyping."""
    answers, case = _valid_case()
    if case is None:
        return _page(answers)
    if answers.get("training"):  # a fictional person's case must never come back as a real one
        return _page(answers, notice=_("A training case is not saved."))
    return send_file(BytesIO(casefile.dump(case)), mimetype="application/json", as_attachment=True,
                     download_name=f"recours-case-{case.sent_on.isoformat()}.json", max_age=0)


@bp.post("/<lang>/case/calendar")
def calendar():
    """The dates to remember as an .ics file: the first letter's reply deadline and reminder
    day, or, from a complaint's check page, the supervisory authority's last day."""
    answers, case = _valid_case()
    if case is None:
        return _page(answers)
    catalogue = load_catalogue()
    resolution = resolution_for(case, catalogue)
    if following_up():
        silence = followups.silence_deadline(case, resolution, catalogue)
        body = followups.recipient(case, resolution, catalogue)
        events = complaint_events(silence.date, body.name, _) if silence and body else None
    else:
        deadline = deadline_for(case, resolution, catalogue)
        events = None if deadline is None else reminder_events(deadline.date, case.authority.name, _)
    if events is None:
        return _page(answers, notice=_("The law sets no fixed date here, so there is no date to put in a calendar."))
    dated = case.followup.written_on if following_up() else case.sent_on
    return send_file(BytesIO(calendar_of(events)), mimetype="text/calendar", as_attachment=True,
                     download_name=f"recours-dates-{dated.isoformat()}.ics", max_age=0)


@bp.get("/<lang>/case/open")
def open_form():
    """The page where a saved case file or explanation sheet is chosen."""
    return render_template("open.html", error="")


@bp.post("/<lang>/case/open")
def open_file():
    """Read an uploaded case file or sheet PDF and continue at the review page."""
    try:
        upload = request.files.get("case")
    except RequestEntityTooLarge:
        return render_template("open.html", error=_("This file is too large to be a case file.")), 413
    if upload is None or not upload.filename:
        return render_template("open.html", error=_("Choose a file first.")), 400
    try:
        data = casefile.read(upload.read(casefile.MAX_BYTES * 8 + 1))
        answers = carried.from_case_dict(data)
        build_case(answers)
    except CaseError as error:
        message = error.errors.get("") or next(iter(error.errors.values()))
        if "" not in error.errors:
            # A readable file whose answers have problems: open it anyway, the review page
            # shows what to change (nothing is lost).
            return review_page(carried.from_case_dict(data))
        return render_template("open.html", error=_(message)), 400
    return review_page(answers, notice=_("Your saved case is open again. Check it, then choose "
                                         "the letter you need."))
