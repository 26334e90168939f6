"""The wizard's steps as data: their form, question, reason, and when they apply."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from flask_babel import get_locale

from .. import i18n, wording
from ..catalogue import load_catalogue
from ..letters.compose import available_languages
from . import forms, frame
from . import state as carried
from .lazy import lazy_gettext as _l


@dataclass(frozen=True)
class Step:
    """One page of the wizard."""

    name: str
    form: type
    title: object
    why: object
    applies: Callable[[dict], bool] = lambda state: True
    group: str = "request"  # "followup": the steps of a follow-up letter, after the review


def _following_up(state: dict) -> bool:
    return state.get("stage") == "followup"


def _rights_need(*needed: str):
    return lambda state: bool(set(needed) & set(state.get("rights", [])))


STEPS: tuple[Step, ...] = (
    Step("kind", forms.KindForm, _l("What happened to you?"),
         _l("Your answer decides which rights the letter uses. You can change it later.")),
    Step("topic", forms.TopicForm, _l("What was it about?"),
         _l("The letter names what happened, so the authority knows which records to look for."),
         lambda s: s.get("kind") in ("decision", "biometric", "phone")),
    Step("country", forms.CountryForm, _l("In which country is the authority?"),
         _l("The country decides which law applies, the deadline and the language of the letter.")),
    Step("outside", forms.UnsupportedForm, _l("No European data protection law applies there"),
         _l("The European laws this tool knows do not bind authorities outside Europe, so the "
            "letter cannot cite them. We can write a letter based on international standards: the "
            "right to privacy in the International Covenant on Civil and Political Rights and the "
            "UN guidelines on personal data. They are not binding law everywhere, and the letter "
            "says so. A lawyer or a human rights organisation can tell you which rules apply there."),
         frame.outside_europe),
    Step("system", forms.SystemForm, _l("Which system was it?"),
         _l("If you know the system, the letter can name the law that governs it and the documents "
            "to ask for. If you do not know, choose the last option."),
         lambda s: bool(frame.systems_for(s))),
    Step("authority", forms.AuthorityForm, _l("Which authority do you write to?"),
         _l("The letter goes to the authority that made the decision or holds your data.")),
    Step("event", forms.EventForm, _l("When did it happen?"),
         _l("Dates and reference numbers help the authority find the right file. All answers here are optional."),
         lambda s: s.get("kind") != "unsure"),
    Step("rights", forms.RightsForm, _l("What do you want to ask for?"),
         _l("We have chosen the usual rights for your situation. You can add or remove rights.")),
    Step("details", forms.DetailsForm, _l("Tell us a little more"),
         _l("The authority can only correct data or stop using them if you say what is wrong and why."),
         _rights_need("rectification", "objection")),
    Step("about", forms.AboutForm, _l("About you"),
         _l("The authority needs your name to find your data, and an address to answer you. "
            "We do not keep your answers: they stay on your device.")),
    Step("representative", forms.RepresentativeForm, _l("Who sends the letter for you?"),
         _l("The answer will go to this person. You sign an authorisation for them."),
         lambda s: s.get("for_someone_else") == "y"),
    Step("languages", forms.LanguagesForm, _l("Languages and date"),
         _l("The letter is written in the authority's language. The explanation sheet is in the language you read.")),
    Step("review", forms.ReviewForm, _l("Check your letter"),
         _l("Read your answers. You can change any of them before you download the letter.")),
    Step("followup", forms.FollowupForm, _l("Which letter do you need now?"),
         _l("Authorities often answer late, or only in part. The second letter is often the one "
            "that works. We only show the letters the law gives you here."),
         _following_up, "followup"),
    Step("reply", forms.ReplyForm, _l("What has happened since your first letter?"),
         _l("The letter tells what happened, with the dates. Look at the authority's answer, if you "
            "have one, while you fill this in."),
         _following_up, "followup"),
    Step("followup_review", forms.FollowupReviewForm, _l("Check your follow-up letter"),
         _l("Read your answers. You can change any of them before you download the letter."),
         _following_up, "followup"),
)
BY_NAME = {step.name: step for step in STEPS}


def active_steps(state: dict) -> list[Step]:
    """The steps that apply to these answers, in order."""
    return [step for step in STEPS if step.applies(state)]


def neighbour(name: str, state: dict, offset: int) -> Step:
    """The step ``offset`` places from ``name`` among the active steps (clamped)."""
    steps = active_steps(state)
    names = [s.name for s in steps]
    if name not in names:
        earlier = [s for s in STEPS[: [s.name for s in STEPS].index(name)] if s in steps]
        index = len(earlier) - (1 if offset > 0 else 0)
    else:
        index = names.index(name)
    return steps[max(0, min(len(steps) - 1, index + offset))]


def build_form(step: Step, state: dict, formdata=None):
    """The step's form, filled from ``formdata`` (a POST) or from the carried answers."""
    data = _defaults(step, state)
    form = step.form(formdata=formdata, data=data)
    _choices(step, form, state)
    return form


def _defaults(step: Step, state: dict) -> dict:
    data = {k: v for k, v in state.items()}
    catalogue = load_catalogue()
    if step.name == "rights" and state.get("rights_for") != state.get("kind") and state.get("kind"):
        offered = frame.offered_rights(state)
        data["rights"] = [r for r in catalogue.default_rights(state["kind"]) if r in offered]
    if step.name == "languages":
        country = state.get("country")
        if not data.get("letter_language") and country in catalogue.countries:
            data["letter_language"] = catalogue.default_letter_language(country, set(available_languages()))
        data.setdefault("sheet_language", str(get_locale()))
        data.setdefault("sent_on", dt.date.today().isoformat())
    if step.name == "authority" and "authority_id" not in state:
        # Preselect the chosen system's controller; otherwise the person types the authority.
        system = catalogue.systems.get(state.get("system", ""))
        country = state.get("country", "")
        controller = system.controllers.get(country) or system.controllers.get("default") if system else ""
        data["authority_id"] = controller if controller in catalogue.authorities else ""
    if step.name == "about":
        data["for_someone_else"] = state.get("for_someone_else") == "y"
    if step.name == "reply":
        for flag in ("followup_extension", "followup_keep_identity"):
            data[flag] = state.get(flag) == "y"
        data.setdefault("followup_written_on", dt.date.today().isoformat())
        data.setdefault("followup_answer", "none")
    return data


def _choices(step: Step, form, state: dict) -> None:
    ui = str(get_locale())
    if step.name == "topic":
        form.setup(state)
    elif step.name == "system":
        form.system.choices = forms.choices(
            [(s.id, _l(s.name)) for s in frame.systems_for(state)]
            + [("", _l("Another system, or I do not know"))])
    elif step.name == "authority":
        form.authority_id.choices = forms.choices(
            [(a.id, a.name) for a in frame.registry_for(state)]
            + [("", _l("Another authority: I type it below"))])
    elif step.name == "rights":
        offered = set(frame.offered_rights(state))
        form.rights.choices = [c for c in form.rights.choices if c.value in offered]
    elif step.name == "country":
        catalogue = load_catalogue()
        codes = catalogue.supported_countries()
        labels = {c: catalogue.countries[c].raw.get("name") for c in codes}
        named = [(c, _l(label)) for c, label in sorted(labels.items()) if label]
        names = {c: i18n.country_name(c, ui) for c in codes if not catalogue.countries[c].raw.get("name")}
        ordered = sorted(names.items(), key=lambda kv: kv[1].casefold())
        form.country.choices = forms.choices([("", _l("Choose a country")), *ordered, *named])
    elif step.name == "followup":
        form.followup_letter.choices = forms.choices(
            (name, _l(wording.FOLLOWUPS[name][0])) for name in frame.followup_letters(state))
    elif step.name == "reply":
        offered = set(frame.missing_items(state))
        form.followup_missing.choices = [c for c in form.followup_missing.choices if c.value in offered]
    elif step.name == "languages":
        form.letter_language.choices = forms.choices((c, i18n.language_name(c, ui)) for c in available_languages())
        form.sheet_language.choices = forms.choices((c, i18n.native_name(c)) for c in i18n.interface_languages())


# Per-option explanations shown under radio buttons and checkboxes (gettext ids).
HINTS = {
    "kind": {key: texts[1] for key, texts in wording.KINDS.items()},
    "followup_letter": {key: texts[1] for key, texts in wording.FOLLOWUPS.items()},
    "rights": {key: texts[1] for key, texts in wording.RIGHTS.items()},
}


def hints_for(state: dict) -> dict:
    """Per-option explanations, including those of the systems that apply to these answers."""
    return {**HINTS, "system": {s.id: s.description for s in frame.systems_for(state) if s.description}}


def hidden_fields(step: Step, state: dict) -> set[str]:
    """Fields of ``step`` that do not apply to these answers and are not shown."""
    rights = set(state.get("rights", []))
    hidden = set()
    if step.name == "details":
        if "rectification" not in rights:
            hidden |= {"details_inaccurate", "details_correction"}
        if "objection" not in rights:
            hidden.add("details_situation")
    if step.name == "reply":
        hidden |= carried.FOLLOWUP_UNUSED.get(state.get("followup_letter", "").partition("_")[0], set())
        if not frame.missing_items(state):
            hidden.add("followup_missing")
    return hidden
