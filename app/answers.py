"""Flat answers: the one-level form of a case that the wizard carries and a spreadsheet row holds.

The wizard's hidden field, a batch row and a saved case file all meet here: flat keys such
as ``person_name`` or ``followup_letter``, turned into the Case JSON form (``person.name``)
by :func:`to_case_dict`, and back by :func:`from_case_dict`. Nothing here imports Flask.
"""
from __future__ import annotations

from .text import clean

MAX_VALUE = 4000
LIST_FIELDS = ("rights", "followup_missing")
MULTILINE = ("authority_address", "person_references", "person_address", "details_inaccurate",
             "details_correction", "details_situation", "representative_address", "followup_statement")


def clean_answers(raw: dict) -> dict:
    """Keep string answers (lists for list fields), cleaned and cut to size; drop the rest."""
    state = {}
    for key, value in raw.items():
        if not isinstance(key, str) or len(key) > 40:
            continue
        if key in LIST_FIELDS and isinstance(value, list):
            state[key] = [clean(v)[:40] for v in value if isinstance(v, str)][:20]
        elif isinstance(value, str):
            state[key] = clean(value, multiline=key in MULTILINE)[:MAX_VALUE]
    return state


# The follow-up answers a letter does not use: hidden on the page, left out of the case
# (answers given for another letter stay carried, in case the person switches back).
FOLLOWUP_UNUSED = {
    "reminder": {"followup_answer", "followup_answered_on", "followup_answer_reference",
                 "followup_missing", "followup_statement", "followup_keep_identity"},
    "incomplete": {"followup_answer", "followup_extension", "followup_statement", "followup_keep_identity"},
    "complaint": set(),
    "reconsideration": {"followup_answer", "followup_extension", "followup_missing",
                        "followup_keep_identity"},
}


def to_case_dict(state: dict, *, followup: bool = False) -> dict:
    """Turn flat answers (``person_name``) into the Case JSON form (``person.name``); with
    ``followup``, include the follow-up letter's answers."""
    def section(prefix: str) -> dict:
        return {k[len(prefix) + 1:]: v for k, v in state.items() if k.startswith(prefix + "_")}

    data = {
        "kind": state.get("kind", ""),
        "country": state.get("country", ""),
        "authority": section("authority"),
        "event": section("event"),
        "rights": state.get("rights", []),
        "details": section("details"),
        "person": section("person"),
        "letter_language": state.get("letter_language", ""),
        "sheet_language": state.get("sheet_language", ""),
        "sent_on": state.get("sent_on", ""),
        "place": state.get("place", ""),
        "system": state.get("system", ""),
    }
    if state.get("for_someone_else") == "y":
        data["representative"] = section("representative")
    if followup:
        letter = state.get("followup_letter", "").partition("_")[0]
        used = {k: v for k, v in state.items() if k not in FOLLOWUP_UNUSED.get(letter, set())}
        values = {k[len("followup_"):]: v for k, v in used.items() if k.startswith("followup_")}
        data["followup"] = _followup(values, used.get("followup_missing", []))
    return data


def _followup(values: dict, missing: list) -> dict:
    """The follow-up section: the wizard's one choice ``complaint_crpa`` is a letter and a route."""
    letter, _, route = values.get("letter", "").partition("_")
    return {**values, "letter": letter, "route": route, "missing": list(missing)}


def from_case_dict(data: dict) -> dict:
    """Flat wizard answers from the Case JSON form (the inverse of :func:`to_case_dict`).

    The file comes from outside: anything of the wrong shape becomes an empty answer, and
    the result goes through :func:`load`'s cleaning like any posted answers.
    """
    def text(value) -> str:
        return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""

    answers = {key: text(data.get(key)) for key in
               ("kind", "country", "system", "letter_language", "sheet_language", "sent_on", "place")}
    rights = data.get("rights")
    answers["rights"] = [text(r) for r in rights] if isinstance(rights, list) else []
    answers["rights_for"] = answers["kind"]
    sections = ["authority", "event", "person", "details"]
    if isinstance(data.get("representative"), dict):
        answers["for_someone_else"] = "y"
        sections.append("representative")
    for section in sections:
        values = data.get(section)
        for key, value in (values.items() if isinstance(values, dict) else ()):
            if isinstance(key, str):
                answers[f"{section}_{key}"] = text(value)
    followup = data.get("followup")
    if isinstance(followup, dict):
        answers.update(_followup_answers(followup, text))
    return clean_answers(answers)


def _followup_answers(followup: dict, text) -> dict:
    """Flat wizard answers from a saved follow-up (the inverse of :func:`_followup`)."""
    answers = {f"followup_{key}": text(value) for key, value in followup.items()
               if isinstance(key, str) and key not in ("missing", "route", "extension", "keep_identity")}
    route = text(followup.get("route"))
    answers["followup_letter"] = f"{answers.get('followup_letter', '')}_{route}" if route else answers.get("followup_letter", "")
    for flag in ("extension", "keep_identity"):
        answers[f"followup_{flag}"] = "y" if followup.get(flag) is True else ""
    missing = followup.get("missing")
    answers["followup_missing"] = [text(m) for m in missing] if isinstance(missing, list) else []
    return answers


def fill_authority(answers: dict, authorities: dict) -> dict:
    """An authority id fills the empty name, address and e-mail from the registry (``authorities``
    maps ids to catalogue entries); what was given is kept."""
    picked = authorities.get(str(answers.get("authority_id", "")).strip())
    if picked is None:
        return answers
    for key, value in (("authority_name", picked.name), ("authority_address", picked.address),
                       ("authority_email", picked.email)):
        answers[key] = answers.get(key) or value
    return answers
