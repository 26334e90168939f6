"""Batch: spreadsheets in every encoding and delimiter, rows checked per column, the ZIP
opened again and every letter read back, the command line through CliRunner."""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from openpyxl import Workbook

from app.batch.bundle import slug, spreadsheet_safe, stream_zip
from app.batch.columns import COLUMNS
from app.batch.read import TableError, read_table
from app.batch.rows import check_row
from app.batch.template import column_reference, template_csv, template_xlsx
from app.cli import main
from tests.fixtures.readback import document_text

GOOD = {"reference": "C-1", "kind": "phone", "event_topic": "phone", "country": "DE", "system": "bamf_phone",
        "authority_id": "bamf", "person_name": "Zoë Müller", "person_address": "Musterweg 1, 10115 Berlin",
        "sheet_language": "ar"}
SECOND = {"reference": "C-2", "letter": "reminder", "kind": "decision", "event_topic": "asylum", "country": "NL",
          "authority_id": "ind", "person_name": "Jonas Voorbeeld", "person_email": "jonas@example.org",
          "sent_on": "01.10.2026"}
BAD = {"reference": "C-3", "kind": "phone", "country": "XX", "person_name": ""}


def as_csv(rows, *, delimiter=",", encoding="utf-8", bom=False) -> bytes:
    names = [c.name for c in COLUMNS]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([row.get(name, "") for name in names])
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode(encoding)


def as_xlsx(rows, *, typed_dates=False) -> bytes:
    book = Workbook()
    sheet = book.active
    names = [c.name for c in COLUMNS]
    sheet.append(names)
    for row in rows:
        values = [row.get(name, "") for name in names]
        if typed_dates and row.get("sent_on"):
            values[names.index("sent_on")] = dt.datetime(2026, 10, 1)
        sheet.append(values)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("encoding", "bom", "delimiter"), [
    ("utf-8", False, ","), ("utf-8", True, ","), ("utf-8", False, ";"), ("utf-8", True, ";"),
    ("cp1252", False, ";"), ("cp1252", False, ","),
])
def test_every_encoding_and_delimiter(encoding, bom, delimiter):
    table = read_table(as_csv([GOOD, SECOND], delimiter=delimiter, encoding=encoding, bom=bom), max_rows=10)
    assert [row["person_name"] for _n, row in table.rows] == ["Zoë Müller", "Jonas Voorbeeld"]
    assert [n for n, _row in table.rows] == [2, 3]


def test_xlsx_with_typed_dates_and_numbers():
    table = read_table(as_xlsx([{**SECOND, "sent_on": "x"}], typed_dates=True), max_rows=10)
    assert table.format == "xlsx" and table.rows[0][1]["sent_on"] == "2026-10-01"
    assert check_row(*table.rows[0]).case.sent_on == dt.date(2026, 10, 1)


@pytest.mark.parametrize(("data", "message"), [
    (b"", "The file is empty."),
    (b"\xef\xbb\xbf\r\n", "The file is empty."),
    (as_csv([]), "no rows"),
    (b"name,address\r\nA,B\r\n", "Unknown columns: name, address"),
    (b"kind,country\r\nphone,DE\r\n", "Missing columns: person_name"),
    (b"PK\x03\x04not really a workbook", "cannot be read as an Excel workbook"),
    (as_csv([GOOD] * 6), "more than 5 rows"),
])
def test_files_that_cannot_be_read(data, message):
    with pytest.raises(TableError) as error:
        read_table(data, max_rows=5)
    assert message in str(error.value)


def test_bad_rows_among_good_ones_are_reported_per_column():
    rows = [check_row(n, r) for n, r in read_table(as_csv([GOOD, BAD, SECOND]), max_rows=10).rows]
    assert [bool(r.case) for r in rows] == [True, False, True]
    columns = dict(rows[1].errors)
    assert "country" in columns and "person_name" in columns and rows[1].number == 3


@pytest.mark.parametrize(("cells", "column"), [
    ({"letter": "letter-of-love"}, "letter"),
    ({"rights": "access; teleportation"}, "rights"),
    ({"event_date": "31.02.2026"}, "event_date"),
    ({"letter": "reminder", "sent_on": dt.date.today().isoformat()}, "followup_written_on"),
    ({"letter": "incomplete"}, "followup_missing"),
    ({"person_email": "not an e-mail"}, "person_email"),
])
def test_a_wrong_cell_names_its_column(cells, column):
    row = check_row(2, {**GOOD, **cells})
    assert row.case is None and column in dict(row.errors), row.errors


def test_defaults_fill_empty_cells():
    case = check_row(2, {k: v for k, v in GOOD.items() if k != "sheet_language"}, sheet_language="fa").case
    assert case.rights == ("access", "erasure", "restriction")  # the usual rights for a phone
    assert case.letter_language == "de" and case.sheet_language == "fa" and case.sent_on == dt.date.today()
    assert case.authority.address.startswith("Frankenstraße")  # filled from the registry


def _zip(rows, **options):
    return zipfile.ZipFile(io.BytesIO(b"".join(stream_zip(rows, **options))))


def test_the_zip_opened_again_and_every_letter_read_back():
    arabic = {**GOOD, "reference": "=HYPERLINK(\"http://x\")", "person_name": "أمل حداد"}
    rows = [check_row(n, r) for n, r in enumerate([GOOD, SECOND, BAD, arabic], start=2)]
    archive = _zip(rows, language="fr")
    names = archive.namelist()
    assert {"index.csv", "deadlines.ics", "errors.csv"} <= set(names)
    letters = [n for n in names if n.endswith((".pdf", ".docx")) and "-sheet" not in n]
    assert len(letters) == 6 and all(n[:3].isdigit() for n in letters)
    assert not any("zo" in n.lower() or "jonas" in n.lower() for n in names)  # no names unless asked
    for name in letters:
        text = document_text(name.rsplit(".", 1)[1], archive.read(name))
        assert any(person in text for person in ("Zoë Müller", "Jonas Voorbeeld", "أمل حداد")), name
    reminder = next(n for n in letters if "reminder" in n and n.endswith(".pdf"))
    assert "Herinnering" in document_text("pdf", archive.read(reminder))
    index = list(csv.reader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    assert index[0][:3] == ["row", "reference", "letter"] and len(index) == 4
    assert index[3][1].startswith("'=")  # a formula-looking cell is neutralised
    errors = list(csv.reader(io.StringIO(archive.read("errors.csv").decode("utf-8-sig"))))
    assert errors[1][0] == "4" and any(e[1] == "country" for e in errors[1:])
    assert "Choisissez un pays dans la liste." in archive.read("errors.csv").decode("utf-8-sig")
    events = Calendar.from_ical(archive.read("deadlines.ics")).walk("VEVENT")
    assert len(events) == 2 * 2  # reply and reminder dates of the two first requests (a reminder sets none)


def test_a_complaint_row_puts_the_supervisory_authoritys_last_day_in_the_calendar():
    complaint = {**GOOD, "reference": "C-9", "letter": "complaint", "sent_on": "2026-09-01",
                 "followup_answer": "none", "followup_written_on": "2026-11-20"}
    row = check_row(2, complaint)
    assert row.case is not None, row.errors
    archive = _zip([row], formats=("docx",), sheets=False)
    events = sorted((e.decoded("dtstart"), str(e["summary"]))
                    for e in Calendar.from_ical(archive.read("deadlines.ics")).walk("VEVENT"))
    assert [day for day, _ in events] == [dt.date(2027, 2, 22), dt.date(2027, 2, 23)]  # 20 Feb 2027: Saturday
    assert all(text.startswith("C-9: ") and "Bundesbeauftragte" in text for _, text in events)
    assert "You may now go to court" in events[1][1]


def test_file_names_with_names_only_when_asked():
    rows = [check_row(2, GOOD)]
    assert any("zoe-muller" in n for n in _zip(rows, names=True, formats=("docx",), sheets=False).namelist())
    assert _zip(rows, formats=("docx",), sheets=False).namelist()[0] == \
        "001-bundesamt-fur-migration-und-fluchtlinge-request.docx"


@pytest.mark.parametrize(("value", "safe"), [("=1+1", "'=1+1"), ("+49 30", "'+49 30"), ("-5", "'-5"),
                                              ("@SUM(A1)", "'@SUM(A1)"), ("plain", "plain"), ("", "")])
def test_spreadsheet_safe(value, safe):
    assert spreadsheet_safe(value) == safe


def test_slug():
    assert slug("Bundesamt für Migration / Flüchtlinge (BAMF)") == "bundesamt-fur-migration-fluchtlinge-bamf"
    assert slug("ሓለዋ") == "authority"


@pytest.mark.parametrize("data", [template_csv(), template_xlsx("ar")])
def test_the_templates_read_back_and_make_letters(data):
    rows = [check_row(n, r) for n, r in read_table(data, max_rows=10).rows]
    assert len(rows) == 2 and all(r.case for r in rows), [r.errors for r in rows]


def test_column_reference_in_every_language():
    english = column_reference("en")
    assert [c[0] for c in english] == [c.name for c in COLUMNS]
    assert column_reference("fr")[0][2] != english[0][2]


def test_cli_batch(tmp_path):
    table = tmp_path / "cases.csv"
    table.write_bytes(as_csv([GOOD, BAD, SECOND], delimiter=";", encoding="cp1252"))
    out = tmp_path / "letters.zip"
    result = CliRunner().invoke(main, ["batch", str(table), "--output", str(out), "--format", "docx",
                                       "--no-sheets", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "3 rows read, 2 letters, 1 rows to fix." in result.output and "row 3, country" in result.output
    names = zipfile.ZipFile(out).namelist()
    assert min(n for n in names if n.endswith(".docx")).startswith("001-") and len(names) == 5


def test_cli_check_writes_nothing_and_fails_only_without_letters(tmp_path):
    table = tmp_path / "cases.csv"
    table.write_bytes(as_csv([GOOD]))
    out = tmp_path / "letters.zip"
    assert CliRunner().invoke(main, ["batch", str(table), "--check", "--output", str(out)]).exit_code == 0
    assert not out.exists()
    table.write_bytes(as_csv([BAD]))
    result = CliRunner().invoke(main, ["batch", str(table), "--output", str(out)])
    assert result.exit_code == 1 and not out.exists()
    table.write_bytes(b"nonsense")
    result = CliRunner().invoke(main, ["batch", str(table)])
    assert result.exit_code == 1 and "Unknown columns" in result.output


# --- property tests: any spreadsheet content, never an unexpected error, never a lost row ------


CELL = st.one_of(st.text(max_size=60), st.sampled_from(["", "=1+1", "phone", "DE", "access; erasure", "31.02.2026",
                                                        "2026-10-01", "yes", "{{7*7}}", "\u202e", "أمل"]))
NAMES = [c.name for c in COLUMNS]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.fixed_dictionaries({}, optional={name: CELL for name in NAMES}), min_size=1, max_size=6),
       st.sampled_from([",", ";"]), st.sampled_from(["utf-8", "cp1252"]))
def test_any_rows_are_read_and_checked_without_surprise(rows, delimiter, encoding):
    filled = [{**GOOD, **row} for row in rows]
    try:
        data = as_csv(filled, delimiter=delimiter, encoding=encoding)
    except UnicodeEncodeError:
        data = as_csv(filled, delimiter=delimiter)
    try:
        table = read_table(data, max_rows=10)
    except TableError:
        return  # a clear message about the file, never a crash
    checked = [check_row(number, row) for number, row in table.rows]
    assert len(checked) <= len(rows)
    for row in checked:
        assert (row.case is None) == bool(row.errors)
        assert all(column in NAMES for column, _message in row.errors)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_table_or_a_message(data):
    try:
        read_table(data, max_rows=10)
    except TableError as error:
        assert error.message
