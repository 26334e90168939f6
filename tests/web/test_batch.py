"""The batch pages: upload, rows to fix by row and column, the ZIP for the good rows,
limits refused early and clearly, tampered rows refused calmly."""
from __future__ import annotations

import html
import io
import json
import re
import zipfile

import pytest

from tests.fixtures.readback import document_text
from tests.unit.test_batch import BAD, GOOD, SECOND, as_csv, as_xlsx

from .helpers import errors


def check(client, data: bytes, name="cases.csv", lang="en", **options):
    return client.post(f"/{lang}/batch/check", data={"table": (io.BytesIO(data), name), **options},
                       content_type="multipart/form-data")


def carried_rows(response) -> str:
    return html.unescape(re.search(r'name="rows" value="([^"]*)"', response.get_data(as_text=True)).group(1))


@pytest.mark.parametrize("lang", ["en", "ar", "ti"])
@pytest.mark.parametrize("path", ["batch", "batch/columns"])
def test_pages_open(client, lang, path):
    response = client.get(f"/{lang}/{path}")
    assert response.status_code == 200 and f'lang="{lang}"' in response.get_data(as_text=True)


@pytest.mark.parametrize(("path", "magic"), [("batch/template.csv", b"\xef\xbb\xbfreference,"),
                                             ("batch/template.xlsx", b"PK\x03\x04")])
def test_templates_download(client, path, magic):
    assert client.get(f"/fr/{path}").data.startswith(magic)


def test_good_and_bad_rows_are_counted_and_the_bad_ones_explained(client):
    response = check(client, as_xlsx([GOOD, BAD, SECOND]), "cases.xlsx")
    text = response.get_data(as_text=True)
    assert "Rows read: 3. Letters ready: 2. Rows to fix: 1." in text
    fixes = re.findall(r"<tr><td>(\d+)</td><td><code>(\w+)</code></td><td>(.*?)</td>", text)
    assert ("3", "country", "Choose a country from the list.") in fixes
    assert all(row == "3" for row, _c, _m in fixes)


def test_the_zip_for_the_good_rows(client):
    rows = carried_rows(check(client, as_csv([GOOD, BAD, SECOND])))
    response = client.post("/en/batch/letters", data={"rows": rows, "format_pdf": "y"})
    assert response.status_code == 200 and response.mimetype == "application/zip"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Zo" not in response.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
    assert len(pdfs) == 2 and not any(n.endswith(".docx") for n in archive.namelist())  # sheets not ticked
    assert "Zoë Müller" in document_text("pdf", archive.read(pdfs[0]))


@pytest.mark.parametrize(("data", "message"), [
    (b"", "The file is empty."),
    (as_csv([]), "has column names but no rows"),
    (b"name;address\r\nA;B\r\n", "Unknown columns"),
    (b"\x00\x01\x02 binary", "Unknown columns"),
])
def test_a_file_that_cannot_be_read_gets_a_message_next_to_the_field(client, data, message):
    response = check(client, data)
    assert response.status_code == 400
    assert message in errors(response).get("table", "")
    assert 'aria-describedby="table-error"' in response.get_data(as_text=True)


def test_no_file_chosen(client):
    response = client.post("/en/batch/check", data={}, content_type="multipart/form-data")
    assert response.status_code == 400 and "Choose a file first." in errors(response)["table"]


class Untouchable(io.RawIOBase):
    """A request body that must never be read."""

    def readable(self):
        return True

    def readinto(self, buffer):
        raise AssertionError("the body was read")

    def tell(self):
        return 0

    def seek(self, offset, whence=0):
        return 0


def test_a_50_mb_upload_is_refused_before_it_is_read(client):
    response = client.post("/en/batch/check", input_stream=Untouchable(),
                           content_type="multipart/form-data; boundary=x",
                           environ_overrides={"CONTENT_LENGTH": str(50 * 1024 * 1024)})
    assert response.status_code == 413
    assert "too large" in errors(response).get("table", "")


def test_too_many_rows(app, client):
    app.config["BATCH_MAX_ROWS"] = 3
    response = check(client, as_csv([GOOD] * 4))
    assert "more than 3 rows" in errors(response)["table"]


@pytest.mark.parametrize("rows", ["", "[[", "{}", json.dumps([["2", {}]]), json.dumps([[2, []]]),
                                  json.dumps([[2, {"person_name": 5}]]), json.dumps([[2, {"x": "y"}]] * 10000)])
def test_tampered_rows_never_give_a_server_error(client, rows):
    response = client.post("/en/batch/letters", data={"rows": rows})
    assert response.status_code in (400, 413)


def test_a_larger_file_stays_in_memory(client, monkeypatch):
    """A 1 MB upload is parsed without a temporary file (Werkzeug spools above 500 KB)."""
    import werkzeug.formparser

    def no_temp_files(*args, **kwargs):
        raise AssertionError("a temporary file was created")

    monkeypatch.setattr(werkzeug.formparser, "SpooledTemporaryFile", no_temp_files)
    padded = as_csv([{**GOOD, "followup_statement": "x" * 3000}] * 300)
    assert len(padded) > 900_000
    # The body is built here: the test client would itself spool a large body to a temporary file.
    body = (b"--b\r\nContent-Disposition: form-data; name=\"table\"; filename=\"c.csv\"\r\n"
            b"Content-Type: text/csv\r\n\r\n" + padded + b"\r\n--b--\r\n")
    response = client.post("/en/batch/check", data=body, content_type="multipart/form-data; boundary=b")
    assert "Rows read: 300." in response.get_data(as_text=True)


def test_the_limit_holds_before_the_csrf_check_reads_the_form(csrf_app):
    response = csrf_app.test_client().post(
        "/en/batch/check", input_stream=Untouchable(), content_type="multipart/form-data; boundary=x",
        environ_overrides={"CONTENT_LENGTH": str(50 * 1024 * 1024)})
    assert response.status_code == 413 and "too large" in errors(response).get("table", "")


def test_a_batch_with_csrf_on(csrf_app):
    client = csrf_app.test_client()
    page = client.get("/en/batch").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/en/batch/check", data={"csrf_token": token, "table": (io.BytesIO(as_csv([GOOD])), "c.csv")},
                           content_type="multipart/form-data")
    assert "Letters ready: 1." in response.get_data(as_text=True)
