"""The case file a person keeps: their answers as versioned JSON, saved and opened again.

The server keeps nothing, so the person keeps their case: as a small JSON file, or inside
the explanation sheet PDF (an embedded file), so that keeping the sheet is enough to come
back for a reminder or a complaint. Opening a file never trusts it: size, encoding, JSON
depth and every field are checked, and the Case is validated like any other input.
"""
from __future__ import annotations

import json
from io import BytesIO

from .case import N_, SCHEMA, Case, CaseError

ATTACHMENT = "recours-case.json"
MAX_BYTES = 256 * 1024
_PDF = b"%PDF-"


def dump(case: Case) -> bytes:
    """The case file: readable, indented JSON of the case's documented form."""
    return json.dumps(case.to_dict(), ensure_ascii=False, indent=2).encode("utf-8")


def read(data: bytes) -> dict:
    """The case JSON inside ``data`` (a case file, or a sheet PDF carrying one).

    Raises CaseError with a message id (no field path) when the file is not usable.
    """
    if len(data) > MAX_BYTES and not data.startswith(_PDF):
        raise CaseError({"": N_("This file is too large to be a case file.")})
    if data.startswith(_PDF):
        data = _from_pdf(data)
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise CaseError({"": N_("This file cannot be read. Choose the case file or the "
                                "explanation sheet that this tool made.")}) from None
    if not isinstance(parsed, dict):
        raise CaseError({"": N_("This file cannot be read. Choose the case file or the "
                                "explanation sheet that this tool made.")})
    if parsed.get("schema", SCHEMA) != SCHEMA:
        raise CaseError({"": N_("This case file was made by another version of the tool.")})
    return parsed


def _from_pdf(data: bytes) -> bytes:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        found = PdfReader(BytesIO(data)).attachments.get(ATTACHMENT)
    except (PdfReadError, ValueError, KeyError, TypeError, RecursionError):
        found = None
    if not found or len(found[0]) > MAX_BYTES:
        raise CaseError({"": N_("This PDF holds no case. Choose the explanation sheet that this "
                                "tool made, or the case file.")})
    return found[0]
