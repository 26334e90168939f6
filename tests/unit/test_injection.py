"""What a person types can never become template source: Jinja syntax in every text field of a
case file, a follow-up and a spreadsheet cell is printed as typed, never evaluated."""
from __future__ import annotations

import copy
import io
import zipfile

import pytest

from app.batch.bundle import stream_zip
from app.batch.rows import check_row
from app.case import Case
from app.letters.compose import compose
from app.render import render_text
from tests.fixtures.cases import CASE
from tests.fixtures.readback import document_text

PAYLOADS = ["{{7*7}}", "{% for x in range(3) %}LOOP{% endfor %}", "{{ config }}", "{# hidden #}",
            "{{ ''.__class__.__mro__ }}", "${7*7} #{7*7} %(x)s"]
TEXT_FIELDS = [("authority", "name"), ("authority", "address"), ("event", "reference"), ("event", "system"),
               ("person", "name"), ("person", "other_names"), ("person", "references"), ("person", "address"),
               ("details", "inaccurate"), ("details", "correction"), ("details", "situation"), (None, "place")]


def _with(payload: str) -> dict:
    data = copy.deepcopy(CASE)
    data["rights"] = ["access", "rectification", "objection"]
    for section, key in TEXT_FIELDS:
        if section is None:
            data[key] = f"A {payload} Z"
        else:
            data[section][key] = f"A {payload} Z"
    data["representative"] = {"name": f"R {payload}", "organisation": payload, "address": payload, "email": ""}
    return data


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("kind", ["request", "complaint", "reconsideration"])
def test_case_file_fields_are_printed_as_typed(payload, kind):
    data = _with(payload)
    data["authority"]["id"] = "bamf"
    if kind != "request":
        data["sent_on"] = "2026-09-01"
        data["followup"] = {"letter": kind, "written_on": "2026-11-20", "answer": "refused",
                            "answer_reference": payload, "statement": f"S {payload} E"}
    case = Case.from_dict(data)
    text = render_text(compose(case, kind="request" if kind == "request" else "followup"))
    assert f"A {payload} Z" in text or payload in text
    assert "49" not in text.replace(CASE["event"]["reference"], "") and "LOOPLOOP" not in text
    assert "<Config" not in text and "mro" not in text.replace(payload, "")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_spreadsheet_cells_are_printed_as_typed(payload):
    row = {"kind": "phone", "country": "DE", "authority_name": f"Amt {payload}", "person_name": f"A {payload} Z",
           "person_address": payload, "person_references": payload, "event_reference": payload, "reference": payload}
    checked = check_row(2, row)
    assert checked.case is not None, checked.errors
    archive = zipfile.ZipFile(io.BytesIO(b"".join(stream_zip([checked], formats=("docx",), sheets=False))))
    text = document_text("docx", archive.read(archive.namelist()[0]))
    assert f"A {payload} Z" in text and "LOOPLOOP" not in text and "49" not in text
