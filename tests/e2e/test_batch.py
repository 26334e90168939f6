"""A clinic in the browser: the batch page, an XLSX with a bad row among good ones, the rows
to fix, the ZIP downloaded and opened; axe and no sideways scrolling on every batch page."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.e2e import checks
from tests.e2e import wizard as w
from tests.unit.test_batch import BAD, GOOD, SECOND, as_xlsx


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_clinic_uploads_a_spreadsheet(phone, live_server, tmp_path, lang):
    page = phone
    page.goto(f"{live_server}/{lang}/")
    w.press(page, f"main a[href='/{lang}/batch']")
    checks.assert_page_ok(page, lang, "batch upload")
    page.goto(f"{live_server}/{lang}/batch/columns")
    checks.assert_page_ok(page, lang, "batch columns")
    page.goto(f"{live_server}/{lang}/batch")
    table = tmp_path / "clients.xlsx"
    table.write_bytes(as_xlsx([GOOD, BAD, SECOND]))
    page.locator("#table").set_input_files(str(table))
    w.press(page, "main button.primary")
    checks.assert_page_ok(page, lang, "batch result")
    assert page.locator("table.batch-errors tbody tr").count() >= 2  # row 3: several columns to fix
    assert page.locator("table.batch-errors tbody tr td").first.inner_text() == "3"
    with page.expect_download() as info:
        page.locator("main form button.primary").click()
    archive = zipfile.ZipFile(io.BytesIO(Path(info.value.path()).read_bytes()))
    letters = [n for n in archive.namelist() if n.endswith(".pdf") and "-sheet" not in n]
    assert len(letters) == 2
    assert "Zoë Müller" in checks.pdf_text(archive.read(letters[0]))


def test_an_empty_file_gets_a_message_next_to_the_field(phone, live_server, tmp_path):
    page = phone
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    w.upload_refused(page, f"{live_server}/en/batch", "table", empty)
    checks.assert_page_ok(page, "en", "batch with an error")
