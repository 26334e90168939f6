"""Answers carried from step to step in the POST body, never on the server.

The answers travel as one hidden field holding JSON. The browser sends them back with
every button press; the server reads them, adds the current page's answers, and forgets
them when the response is sent. Everything is validated again before a letter is made.
"""
from __future__ import annotations

import json

from ..text import clean

STATE_FIELD = "answers"
MAX_VALUE = 4000
LIST_FIELDS = ("rights",)
MULTILINE = ("authority_address", "person_references", "person_address", "details_inaccurate",
             "details_correction", "details_situation", "representative_address")


def load(form) -> dict:
    """Read the carried answers from a submitted form; broken or foreign data give ``{}``."""
    try:
        raw = json.loads(form.get(STATE_FIELD, "") or "{}")
    except (ValueError, RecursionError):  # deeply nested JSON exhausts the parser's stack
        return {}
    if not isinstance(raw, dict):
        return {}
    state = {}
    for key, value in raw.items():
        if not isinstance(key, str) or len(key) > 40:
            continue
        if key in LIST_FIELDS and isinstance(value, list):
            state[key] = [clean(v)[:40] for v in value if isinstance(v, str)][:20]
        elif isinstance(value, str):
            state[key] = clean(value, multiline=key in MULTILINE)[:MAX_VALUE]
    return state


def dump(state: dict) -> str:
    """Serialise answers for the hidden field (Jinja escapes it as an attribute)."""
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def to_case_dict(state: dict) -> dict:
    """Turn flat answers (``person_name``) into the Case JSON form (``person.name``)."""
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
    return data


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
    return load({STATE_FIELD: json.dumps(answers)})
