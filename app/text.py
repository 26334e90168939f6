"""Cleaning of every piece of text that a person types, whatever door it comes in by.

Web forms, case files, CSV cells and the CLI all pass through :func:`clean`, so the rules
(Unicode normalisation, no control characters, bounded length) hold below the web layer.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

# XML 1.0 (and so DOCX) forbids C0 controls other than tab/newline/CR; C1 controls and
# lone surrogates break it too. Bidi overrides are stripped because they can reorder a
# printed reference number or e-mail address invisibly (a "Trojan source" in a letter).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
    "\u202a-\u202e\u2066-\u2069]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")


def clean(value: object, *, multiline: bool = False) -> str:
    """Return ``value`` as NFC text without control characters, trimmed.

    Single-line text has every line break folded into a space; multi-line text keeps
    ``\\n`` line breaks (CR/LF normalised) and drops empty leading/trailing lines.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _FORBIDDEN.sub("", text)
    if not multiline:
        text = text.replace("\n", " ")
        return _SPACES.sub(" ", text).strip()
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


# How people type dates: ISO, and the day-first forms of the countries the tool serves.
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y")


def typed_date(value: str) -> dt.date | None:
    """The date in a typed answer (``2026-01-31``, ``31.01.2026``, ``31/01/2026``), or None."""
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None
