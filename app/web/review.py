"""The review page: every answer, each one changeable, then the downloads."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from babel.lists import format_list
from flask import render_template, request
from flask_babel import format_date, get_locale
from flask_babel import gettext as _

from .. import wording
from ..case import CaseError, FollowUp
from ..catalogue import load_catalogue
from ..letters import followups
from ..letters.compose import deadline_for, resolution_for
from . import state as carried
from .frame import build_case
from .frame import followup_letters as frame_letters
from .steps import BY_NAME, STEPS, active_steps, build_form, hidden_fields


def following_up() -> bool:
    """Whether a button was pressed on the follow-up check page (which then comes back)."""
    return request.form.get("which") == "followup"


def review_page(answers: dict, *, notice: str = ""):
    """Render the review page, with the problems that block the letter if any."""
    problems, case, deadline, frame = [], None, None, None
    try:
        case = build_case(answers)
    except CaseError as error:
        problems = [(_step_of(path), _(message)) for path, message in error.errors.items()]
    if case is not None:
        catalogue = load_catalogue()
        resolution = resolution_for(case, catalogue)
        deadline = deadline_for(case, resolution, catalogue)
        frame = legal_frame(resolution)
    step = BY_NAME["review"]
    steps = [s for s in active_steps(answers) if s.group == "request"]
    return render_template(
        "wizard/review.html", step=step, form=build_form(step, answers), answers=carried.dump(answers),
        state=answers, sections=_sections(answers, steps), problems=problems, case=case,
        deadline=deadline, frame=frame, number=len(steps), total=len(steps), notice=notice, return_to="",
        first=False, followup_letters=frame_letters(answers) if case else [])


def followup_review_page(answers: dict, *, notice: str = ""):
    """The check page of a follow-up letter: its answers, the dates, the recipient, downloads."""
    problems, case, recipient, silence = [], None, None, None
    try:
        case = build_case(answers, followup=True)
        catalogue = load_catalogue()
        resolution = resolution_for(case, catalogue)
        followups.check(case, resolution, catalogue)
        recipient = followups.recipient(case, resolution, catalogue)
        silence = followups.silence_deadline(case, resolution, catalogue)
    except CaseError as error:
        problems = [(_step_of(path), _(message)) for path, message in error.errors.items()]
        case = None
    step = BY_NAME["followup_review"]
    steps = [s for s in active_steps(answers) if s.group == "followup"]
    return render_template(
        "wizard/followup_review.html", step=step, form=build_form(step, answers),
        answers=carried.dump(answers), state=answers, sections=_sections(answers, steps),
        problems=problems, case=case, dates=followup_dates(answers), recipient=recipient, silence=silence,
        notes=[_(note) for note in recipient.notes] if recipient else [],
        number=len(steps), total=len(steps), notice=notice, return_to="", first=False)


def followup_dates(answers: dict) -> dict | None:
    """The first letter's dates, for the follow-up pages: sent, deadline, first reminder day
    (with and without an announced extension); None while the first letter's answers are invalid."""
    try:
        case = build_case(answers)
    except CaseError:
        return None
    catalogue = load_catalogue()
    resolution = resolution_for(case, catalogue)
    plain = followups.deadline(case, resolution, catalogue)
    rule = resolution.deadline_rule or {}
    extended = None
    if plain is not None and rule.get("extension_months"):
        extended = followups.deadline(replace(case, followup=FollowUp("reminder", case.sent_on, extension=True)),
                                      resolution, catalogue)
    return {"sent": case.sent_on, "deadline": plain, "extended": extended,
            "supervisory": resolution.supervisory.name if resolution.supervisory else ""}


def legal_frame(resolution) -> dict:
    """What the review page says about the law: regimes, complaint route, unchecked facts."""
    ui = str(get_locale())
    controller = resolution.controller
    return {
        "laws": [_law_name(r, ui) for r in resolution.regimes],
        "supervisory": resolution.supervisory.name if resolution.supervisory else "",
        "unverified": [_(text) for text in _unverified_texts(resolution)],
        "disagreements": list(controller.disagreements) if controller else [],
        "authority_notes": [_(note) for note in controller.notes] if controller else [],
        "system_notes": [_(note) for note in resolution.checked_notes()],
    }


def _law_name(regime, ui: str) -> str:
    """A law's name in the interface language: the catalogue's own where it has one (the
    letter languages), else the English name through gettext; with its short name."""
    names = regime.data["names"]["long"]
    english = names["en"]  # a gettext id extracted from the regime file (extract.py)
    long = names[ui] if ui in names else _(english)
    short = regime.short(ui) if ui in regime.data["names"]["short"] else regime.short("en")
    return long if short in long else f"{long} ({short})"


def _unverified_texts(resolution) -> list[str]:
    return [note["text"]["en"] for _key, note in resolution.unverified() if "text" in note]


def _step_of(path: str) -> str:
    field = path.replace(".", "_")
    for step in STEPS:
        if hasattr(step.form, field):
            return step.name
    return "kind"


def _sections(answers: dict, steps) -> list[dict]:
    """Each step's question with the answers given to it, in words the person reads."""
    sections = []
    for step in steps:
        if step.name in ("review", "followup_review"):  # the check pages themselves hold no answers
            continue
        form = build_form(step, answers)
        hidden = hidden_fields(step, answers)
        rows = [(field.label.text, _shown(field, answers)) for field in form
                if field.name != "csrf_token" and field.name not in hidden and answers.get(field.name)]
        sections.append({"name": step.name, "title": step.title, "rows": rows})
    return sections


def _shown(field, answers: dict) -> str:
    value = answers.get(field.name)
    if field.name == "rights":
        names = [_(wording.RIGHTS[r][0]) for r in value or [] if r in wording.RIGHTS]
        return format_list(names, locale=str(get_locale())) if names else ""
    if field.type == "MultiCheckboxField":
        labels = {str(choice.value): str(choice.label) for choice in field.choices or []}
        names = [labels[v] for v in value or [] if v in labels]
        return format_list(names, locale=str(get_locale())) if names else ""
    if field.type == "BooleanField":
        return _("Yes") if value == "y" else _("No")
    if getattr(field.widget, "input_type", "") == "date" and value:
        try:
            return format_date(dt.date.fromisoformat(value), "long")
        except ValueError:
            return value
    if field.type in ("RadioField", "SelectField"):
        labels = {str(choice.value): str(choice.label) for choice in field.choices or []}
        return labels.get(str(value), "")
    return value or ""
