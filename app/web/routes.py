"""The wizard's views: choose a language, step through the questions, review."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from .. import i18n
from ..case import CaseError
from ..catalogue import load_catalogue
from ..letters import followups
from ..letters.compose import resolution_for
from . import state as carried
from .frame import build_case
from .review import followup_dates, followup_review_page, review_page
from .steps import (
    BY_NAME,
    STEPS,
    active_steps,
    build_form,
    hidden_fields,
    hints_for,
    neighbour,
)

bp = Blueprint("web", __name__)

# The pages that show all answers with a Change button for each (not forms of their own).
CHECK_PAGES = {"review": review_page, "followup_review": followup_review_page}


@bp.get("/")
def index():
    """Send the visitor to the interface language their browser asks for."""
    return redirect(url_for("web.start", lang=i18n.preferred(request.accept_languages)))


@bp.get("/<lang>/")
def start():
    """The welcome page: what the tool does, and the promise that nothing is kept."""
    return render_template("start.html")


@bp.get("/<lang>/wizard")
def wizard_start():
    """The first question, with no answers yet."""
    return render_step(STEPS[0], {})


@bp.post("/<lang>/wizard")
def wizard():
    """Handle a button press on any step and show the page that follows from it."""
    return wizard_response(request.form)


def wizard_response(posted, notice: str = ""):
    """Apply the pressed button (next, back, change, switch language) to the posted answers."""
    answers = carried.load(posted)
    step = BY_NAME.get(posted.get("step", ""), STEPS[0])
    action = posted.get("action", "next")
    form = build_form(step, answers, formdata=posted)
    if step.name in CHECK_PAGES and action == "next":
        return CHECK_PAGES[step.name](answers)
    if action == "followup":  # from the check page: write a follow-up to this case
        return render_step(BY_NAME["followup"], {**answers, "stage": "followup"})
    if action == "next" and not notice:
        if not form.validate() or not _checks_across(step, form, _merge(answers, form)):
            return render_step(step, _merge(answers, form), form=form, return_to=posted.get("return_to", ""))
        kind_changed = step.name == "kind" and form.kind.data != answers.get("kind")
        answers = _merge(answers, form)
        back_to = CHECK_PAGES.get(posted.get("return_to", ""))
        if back_to and not kind_changed:
            return back_to(answers)
        return render_step(neighbour(step.name, answers, +1), answers)
    answers = _merge(answers, form)
    if action == "back":
        return render_step(neighbour(step.name, answers, -1), answers)
    if action.startswith("change:") and action[7:] in BY_NAME:
        target = BY_NAME[action[7:]]
        return render_step(target, answers, return_to="followup_review" if step.name == "followup_review" else "review")
    if step.name in CHECK_PAGES:
        return CHECK_PAGES[step.name](answers, notice=notice)
    return render_step(step, answers, form=build_form(step, answers, formdata=posted), notice=notice,
                       return_to=posted.get("return_to", ""))


def _checks_across(step, form, answers: dict) -> bool:
    """Checks that need the whole case (a reminder dated before the period ends, an answer
    dated before the first letter): their messages go next to this page's fields."""
    if step.group != "followup":
        return True
    try:
        case = build_case(answers, followup=True)
        catalogue = load_catalogue()
        followups.check(case, resolution_for(case, catalogue), catalogue)
    except CaseError as error:
        mine = {path.replace(".", "_"): message for path, message in error.errors.items()
                if hasattr(form, path.replace(".", "_")) and path.replace(".", "_") not in hidden_fields(step, answers)}
        for name, message in mine.items():
            getattr(form, name).errors = [*getattr(form, name).errors, _(message)]
        return not mine
    return True


def _merge(answers: dict, form) -> dict:
    """Add the page's answers to the carried ones, valid or not: nothing typed is lost."""
    merged = dict(answers)
    for field in form:
        if field.name == "csrf_token":
            continue
        if field.type == "BooleanField":
            merged[field.name] = "y" if field.data else ""
        elif field.type == "MultiCheckboxField":
            merged[field.name] = list(field.data or [])
            if field.name == "rights":
                merged["rights_for"] = merged.get("kind", "")
        else:
            merged[field.name] = field.data or ""
    if form.__class__.__name__ == "KindForm" and merged.get("kind") != answers.get("kind"):
        # Another kind of event: its topic, system and rights must be chosen again.
        for stale in ("event_topic", "system", "rights", "rights_for"):
            merged.pop(stale, None)
    if form.__class__.__name__ == "AuthorityForm":
        _fill_from_registry(merged, answers)
    return merged


def _fill_from_registry(merged: dict, before: dict) -> None:
    """A registry pick fills the authority's name, address and e-mail where they are empty or
    still hold the previous pick's values: what the person typed is never overwritten."""
    authorities = load_catalogue().authorities
    picked = authorities.get(merged.get("authority_id", ""))
    if picked is None:
        return
    previous = authorities.get(before.get("authority_id", ""))
    for field, attribute in (("authority_name", "name"), ("authority_address", "address"),
                             ("authority_email", "email")):
        current = merged.get(field, "")
        if not current or (previous is not None and current == getattr(previous, attribute)):
            merged[field] = getattr(picked, attribute)


def render_step(step, answers: dict, *, form=None, notice: str = "", return_to: str = ""):
    """Render one step, its form filled from the answers, the other answers carried along."""
    if step.name in CHECK_PAGES:
        return CHECK_PAGES[step.name](answers, notice=notice)
    form = form or build_form(step, answers)
    steps = [s for s in active_steps(answers) if s.group == step.group]
    number = next((i for i, s in enumerate(steps, 1) if s.name == step.name), 1)
    return render_template(
        "wizard/step.html", step=step, form=form, answers=carried.dump(answers), state=answers,
        number=number, total=len(steps), notice=notice, return_to=return_to,
        first=step is STEPS[0], hidden_fields=hidden_fields(step, answers), hints=hints_for(answers),
        dates=followup_dates(answers) if step.name == "reply" else None)


@bp.app_errorhandler(CSRFError)
def csrf_failed(error):
    """An expired or missing token: show the same page again with every answer kept."""
    notice = _("For your safety, please press the button again. Your answers are kept.")
    if request.endpoint == "web.wizard":
        return wizard_response(request.form, notice=notice), 400
    if request.endpoint and request.endpoint.startswith("downloads."):
        page = followup_review_page if request.form.get("which") == "followup" else review_page
        return page(carried.load(request.form), notice=notice), 400
    return render_template("error.html", title=_("Please try again"), message=notice), 400
