"""The command line, through click's CliRunner: letters from case files, clear errors."""
import io
import json

import pytest
from click.testing import CliRunner
from docx import Document
from pypdf import PdfReader

from app.cli import main


@pytest.fixture
def case_file(tmp_path, case_dict):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_dict, ensure_ascii=False), encoding="utf-8")
    return path


def text_of(fmt, data):
    if fmt == "docx":
        return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["docx", "pdf", "txt", "html"])
def test_letter(tmp_path, case_file, fmt):
    out = tmp_path / f"letter.{fmt}"
    result = CliRunner().invoke(main, ["letter", "--case", str(case_file), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = text_of(fmt, out.read_bytes()).replace("\u00a0", " ")
    assert "Amal Haddad" in text
    assert "Bundesamt für Migration und Flüchtlinge" in text
    assert "Art. 15 GDPR" in " ".join(text.split())
    assert "23 December 2026" in " ".join(text.split())


def test_sheet(tmp_path, case_file):
    out = tmp_path / "sheet.txt"
    result = CliRunner().invoke(main, ["sheet", "--case", str(case_file), "--format", "txt", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "Bundesamt für Migration und Flüchtlinge" in out.read_text(encoding="utf-8")


def test_example_case_is_valid(tmp_path):
    result = CliRunner().invoke(main, ["example-case"])
    assert result.exit_code == 0
    path = tmp_path / "case.json"
    path.write_text(result.output, encoding="utf-8")
    made = CliRunner().invoke(main, ["letter", "--case", str(path), "--format", "txt", "--output", "-"])
    assert made.exit_code == 0, made.output
    assert "Amal Haddad" in made.output


@pytest.mark.parametrize("content, message", [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe\x00", "not valid JSON"),
    (json.dumps({"schema": "recours.case/1", "kind": "phone"}).encode(), "authority.name"),
    (b" " * (256 * 1024 + 10), "larger than"),
])
def test_bad_case_files(tmp_path, content, message):
    path = tmp_path / "case.json"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["letter", "--case", str(path), "--output", str(tmp_path / "x.docx")])
    assert result.exit_code != 0
    assert message in result.output
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize(("followup", "expected"), [
    ({"letter": "reminder", "written_on": "2026-12-28"}, "Reminder: my request of 23 November 2026"),
    ({"letter": "complaint", "answer": "refused", "answered_on": None, "written_on": "2026-12-28"},
     "Complaint against the controller (Bundesamt"),
])
def test_follow_up_letter(tmp_path, case_dict, followup, expected):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**case_dict, "authority": {**case_dict["authority"], "id": "bamf"},
                                "followup": followup}), encoding="utf-8")
    out = tmp_path / "followup.txt"
    result = CliRunner().invoke(main, ["letter", "--case", str(path), "--follow-up", "--format", "txt",
                                       "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert expected in out.read_text(encoding="utf-8")
    proof = tmp_path / "proof.pdf"
    result = CliRunner().invoke(main, ["proof", "--case", str(path), "--follow-up", "--output", str(proof)])
    assert result.exit_code == 0 and proof.read_bytes().startswith(b"%PDF")


def test_follow_up_too_early_is_explained(tmp_path, case_dict):
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**case_dict, "followup": {"letter": "reminder", "written_on": "2026-12-01"}}),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["letter", "--case", str(path), "--follow-up", "--output", "-"])
    assert result.exit_code != 0 and "followup.written_on" in result.output and "not ended yet" in result.output
