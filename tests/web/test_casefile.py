"""The case file the person keeps: saved, opened again exactly, hostile files refused."""
from __future__ import annotations

import copy
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pypdf import PdfReader

from app import casefile
from app.case import Case
from app.web import state
from tests.fixtures.cases import CASE

from .helpers import carried, current_step

FILE_ERROR = "This file cannot be read"


def upload(client, data: bytes, name: str = "case.json", lang: str = "en"):
    return client.post(f"/{lang}/case/open", data={"case": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def saved(client, answers) -> bytes:
    response = client.post("/en/case/save", data={"answers": json.dumps(answers)})
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "Amal" not in response.headers["Content-Disposition"]  # no name in the file name
    return response.data


def test_save_then_open_gives_the_same_answers(client, answers):
    response = upload(client, saved(client, answers))
    assert response.status_code == 200 and current_step(response) == "review"
    reopened = carried(response)
    assert Case.from_dict(state.to_case_dict(reopened)) == Case.from_dict(state.to_case_dict(answers))


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60).map(str.strip)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=TEXT.filter(bool), address=st.text(max_size=200), reference=TEXT,
       rights=st.lists(st.sampled_from(["access", "explanation", "erasure", "restriction",
                                        "rectification", "objection"]), min_size=1, unique=True),
       letter=st.sampled_from(["en", "fr", "de", "es", "it", "nl"]))
def test_any_valid_case_round_trips_exactly(client, name, address, reference, rights, letter):
    data = copy.deepcopy(CASE)
    data["person"].update(name=name or "x", references=reference)
    data["authority"]["address"] = address
    data["rights"], data["letter_language"] = rights, letter
    case = Case.from_dict(data)
    response = upload(client, casefile.dump(case))
    assert response.status_code == 200
    assert Case.from_dict(state.to_case_dict(carried(response))) == case


def test_the_explanation_sheet_carries_the_case(client, answers):
    sheet = client.post("/en/letter/sheet", data={"answers": json.dumps(answers)}).data
    assert casefile.ATTACHMENT in PdfReader(io.BytesIO(sheet)).attachments
    response = upload(client, sheet, "sheet.pdf")
    assert current_step(response) == "review"
    assert carried(response)["person_name"] == answers["person_name"]


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_letter_to_the_authority_carries_nothing_hidden(client, answers, fmt):
    data = client.post(f"/en/letter/{fmt}", data={"answers": json.dumps(answers)}).data
    if fmt == "pdf":
        reader = PdfReader(io.BytesIO(data))
        assert reader.attachments == {}
        assert not (reader.metadata or {}).get("/Author")
        assert b"recours-case" not in data
    else:
        import zipfile
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        assert not any(n.startswith(("customXml", "docProps/custom")) for n in names)
        assert all(answers["person_email"].encode() not in zipfile.ZipFile(io.BytesIO(data)).read(n)
                   for n in names if n.startswith("docProps/"))


@pytest.mark.parametrize("content, name, status, message", [
    (b"{not json", "case.json", 400, FILE_ERROR),
    (b"\xff\xfe\x00\x01", "case.json", 400, FILE_ERROR),
    (b"[1, 2, 3]", "case.json", 400, FILE_ERROR),
    (b"[" * 50000 + b"]" * 50000, "bomb.json", 400, FILE_ERROR),
    (b"x" * (300 * 1024), "big.json", 413, "too large"),
    (b"%PDF-1.7 not really a pdf", "fake.pdf", 400, "holds no case"),
    (b"", "empty.json", 400, FILE_ERROR),
])
def test_hostile_or_wrong_files_are_refused_with_a_message(client, content, name, status, message):
    response = upload(client, content, name)
    assert response.status_code == status
    assert message in response.get_data(as_text=True)
    assert 'id="case-error"' in response.get_data(as_text=True)


def test_a_file_from_another_version_is_refused_with_a_message(client):
    data = copy.deepcopy(CASE)
    data["schema"] = "recours.case/99"
    response = upload(client, json.dumps(data).encode())
    assert response.status_code == 400
    assert "another version of the tool" in response.get_data(as_text=True)


def test_wrong_shapes_inside_a_file_never_break_the_page(client):
    data = {"kind": ["phone"], "person": "Amal", "authority": {"name": {"x": 1}}, "rights": "access",
            "representative": [1], "sent_on": 20261123}
    response = upload(client, json.dumps(data).encode())
    assert response.status_code == 200 and current_step(response) == "review"


def test_no_file_chosen(client):
    response = client.post("/en/case/open", data={}, content_type="multipart/form-data")
    assert response.status_code == 400 and "Choose a file first" in response.get_data(as_text=True)


def test_calendar_has_the_deadline_and_the_reminder(client, answers):
    response = client.post("/en/case/calendar", data={"answers": json.dumps(answers)})
    assert response.mimetype == "text/calendar"
    events = [c for c in Calendar.from_ical(response.data).walk() if c.name == "VEVENT"]
    days = sorted(e.decoded("dtstart").isoformat() for e in events)
    assert days == ["2026-12-23", "2026-12-24"]  # sent 23 Nov 2026: one month, then the next day
    assert all(answers["authority_name"] in str(e.get("summary")) for e in events)
