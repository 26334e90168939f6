"""One spreadsheet row -> a Case and the letter it asks for, or the problems per column.

A row holds the same flat answers as the wizard (``person_name``, ``followup_missing``...),
so it goes through the same mapping (:mod:`app.answers`) and the same checks (Case, the
legal frame, the follow-up rules). Empty cells get the wizard's defaults.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..answers import clean_answers, fill_authority, to_case_dict
from ..case import N_, Case, CaseError
from ..catalogue import Catalogue, load_catalogue
from ..letters import followups
from ..letters.compose import available_languages, resolution_for, validated_case
from ..text import typed_date
from .columns import LETTERS

_SPLIT = re.compile(r"[;,|\n]+")
_YES = {"y", "yes", "true", "1", "x", "ja", "oui", "sí", "si", "ja.", "да", "так"}
_DATES = ("event_date", "person_birth_date", "sent_on", "followup_written_on", "followup_answered_on")


@dataclass(frozen=True)
class Row:
    """A row read and checked: its number, its own reference, the Case and the letter, or errors."""

    number: int
    reference: str
    letter: str = "request"
    case: Case | None = None
    errors: tuple[tuple[str, str], ...] = ()  # (column, English message id)


def check_row(number: int, row: dict, *, sheet_language: str = "en",
              catalogue: Catalogue | None = None, today: dt.date | None = None) -> Row:
    """Build the Case of one row; every problem is reported against its column."""
    catalogue = catalogue or load_catalogue()
    letter = (row.get("letter") or "request").strip().lower()
    reference = row.get("reference", "")
    if letter not in LETTERS:
        return Row(number, reference, letter, errors=(("letter", N_("Choose one of the options.")),))
    answers = answers_of(row, letter, catalogue, sheet_language, today or dt.date.today())
    try:
        case = validated_case(to_case_dict(answers, followup=letter != "request"), catalogue)
        if letter != "request":
            followups.check(case, resolution_for(case, catalogue), catalogue)
    except CaseError as error:
        return Row(number, reference, letter, errors=tuple(
            (_column(path), message) for path, message in error.errors.items()))
    return Row(number, reference, letter, case=case)


def answers_of(row: dict, letter: str, catalogue: Catalogue, sheet_language: str, today: dt.date) -> dict:
    """The wizard's flat answers for a row, with the wizard's defaults for empty cells."""
    answers = {key: value for key, value in row.items() if key not in ("letter", "reference")}
    for key in _DATES:
        answers[key] = _iso(answers.get(key, ""))
    kind = answers.get("kind", "").strip().lower()
    answers["kind"] = kind
    answers["country"] = answers.get("country", "").strip().upper()
    rights = [r.strip().lower() for r in _SPLIT.split(answers.get("rights", "")) if r.strip()]
    answers["rights"] = rights or (catalogue.default_rights(kind) if kind else [])
    answers["followup_missing"] = [m.strip().lower() for m in _SPLIT.split(answers.get("followup_missing", ""))
                                   if m.strip()]
    for flag in ("followup_extension", "followup_keep_identity"):
        answers[flag] = "y" if answers.get(flag, "").strip().lower() in _YES else ""
    if answers.get("representative_name", "").strip():
        answers["for_someone_else"] = "y"
    fill_authority(answers, catalogue.authorities)
    if not answers.get("letter_language") and answers["country"] in catalogue.countries:
        answers["letter_language"] = catalogue.default_letter_language(answers["country"], set(available_languages()))
    answers.setdefault("sheet_language", "")
    answers["sheet_language"] = answers["sheet_language"] or sheet_language
    answers["sent_on"] = answers["sent_on"] or today.isoformat()
    if letter != "request":
        answers["followup_letter"] = letter
        answers["followup_written_on"] = answers["followup_written_on"] or today.isoformat()
    return clean_answers(answers)


def _iso(value: str) -> str:
    """``31.01.2026`` or ``31/01/2026`` -> ``2026-01-31``; other text is left for the Case to judge."""
    parsed = typed_date(value)
    return parsed.isoformat() if parsed else value.strip()


def _column(path: str) -> str:
    """The spreadsheet column of a Case error path (``person.name`` -> ``person_name``)."""
    if path == "followup.letter":
        return "letter"
    if path in ("", "schema"):
        return "kind"
    return path.replace(".", "_")
