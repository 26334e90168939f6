"""Answers carried from step to step in the POST body, never on the server.

The answers travel as one hidden field holding JSON. The browser sends them back with
every button press; the server reads them, adds the current page's answers, and forgets
them when the response is sent. Everything is validated again before a letter is made.
The flat form itself, and its mapping to a Case, live in :mod:`app.answers`.
"""
from __future__ import annotations

import json

from ..answers import FOLLOWUP_UNUSED, clean_answers, from_case_dict, to_case_dict

__all__ = ["FOLLOWUP_UNUSED", "STATE_FIELD", "dump", "from_case_dict", "load", "to_case_dict"]

STATE_FIELD = "answers"


def load(form) -> dict:
    """Read the carried answers from a submitted form; broken or foreign data give ``{}``."""
    try:
        raw = json.loads(form.get(STATE_FIELD, "") or "{}")
    except (ValueError, RecursionError):  # deeply nested JSON exhausts the parser's stack
        return {}
    if not isinstance(raw, dict):
        return {}
    return clean_answers(raw)


def dump(state: dict) -> str:
    """Serialise answers for the hidden field (Jinja escapes it as an attribute)."""
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
