"""Batch pages for legal clinics: upload a spreadsheet, see which rows need fixing, download
a ZIP of letters. The file is read in memory; the rows travel back in the page's form, so
the server keeps nothing between the check and the download."""
from __future__ import annotations

import json

from flask import (
    Blueprint,
    Response,
    current_app,
    render_template,
    request,
    stream_with_context,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from werkzeug.exceptions import RequestEntityTooLarge

from ..batch.bundle import FORMATS, stream_zip
from ..batch.columns import BY_NAME
from ..batch.read import TableError, read_table
from ..batch.rows import Row, check_row
from ..batch.template import column_reference, template_csv, template_xlsx
from ..text import clean

bp = Blueprint("batch", __name__)


@bp.get("/<lang>/batch")
def upload():
    """The upload page: what the file holds, the templates, the options."""
    return _upload_page()


@bp.post("/<lang>/batch/check")
def check():
    """Read the uploaded file and show how many rows make letters, and which need fixing."""
    upload_file = request.files.get("table")
    if upload_file is None or not upload_file.filename:
        return _upload_page(_("Choose a file first."), 400)
    try:
        table = read_table(upload_file.read(), max_rows=current_app.config["BATCH_MAX_ROWS"])
    except TableError as error:
        return _upload_page(_(error.message) % error.values if error.values else _(error.message), 400)
    raw = [[number, row] for number, row in table.rows]
    rows = _checked(raw)
    return render_template("batch/result.html", rows=rows, raw=json.dumps(raw, ensure_ascii=False),
                           good=sum(1 for r in rows if r.case), options=_options(), message=_message)


@bp.post("/<lang>/batch/letters")
def letters():
    """The ZIP of the good rows, streamed; the rows come back from the result page's form."""
    try:
        raw = _raw_rows(request.form.get("rows", ""))
    except ValueError:
        return _upload_page(_("This file cannot be read. Please upload it again."), 400)
    rows = _checked(raw)
    if not any(row.case for row in rows):
        return _upload_page(_("No row of this file can make a letter. Fix the rows and upload it again."), 400)
    options = _options()
    chunks = stream_zip(rows, formats=options["formats"], sheets=options["sheets"], names=options["names"],
                        language=str(get_locale()), processes=current_app.config["BATCH_PROCESSES"])
    return Response(stream_with_context(chunks), mimetype="application/zip", headers={
        "Content-Disposition": "attachment; filename=recours-letters.zip", "Cache-Control": "no-store"})


@bp.get("/<lang>/batch/template.csv")
def template_as_csv():
    """The CSV template (column names in English, two example rows)."""
    return Response(template_csv(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=recours-template.csv"})


@bp.get("/<lang>/batch/template.xlsx")
def template_as_xlsx():
    """The XLSX template, with a sheet explaining every column in the interface language."""
    return Response(template_xlsx(str(get_locale())),
                    mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": "attachment; filename=recours-template.xlsx"})


@bp.get("/<lang>/batch/columns")
def columns():
    """Every column, what it holds and an example, in the interface language."""
    return render_template("batch/columns.html", columns=column_reference(str(get_locale())))


@bp.errorhandler(RequestEntityTooLarge)
def too_large(error):
    limit = current_app.config["BATCH_MAX_BYTES"] // (1024 * 1024)
    return _upload_page(_("This file is too large: at most %(mb)d MB. Split it into smaller files.", mb=limit), 413,
                        read_form=False)


def _upload_page(error: str = "", status: int = 200, *, read_form: bool = True):
    # After a refused body the form must not be read again: the defaults are shown.
    options = _options() if read_form else {"formats": FORMATS, "sheets": True, "names": False}
    return render_template("batch/upload.html", error=error, options=options,
                           max_rows=current_app.config["BATCH_MAX_ROWS"],
                           max_mb=current_app.config["BATCH_MAX_BYTES"] // (1024 * 1024)), status


def _options() -> dict:
    """The ZIP's contents as chosen on the page (PDF and Word letters and the sheets by default)."""
    chosen = tuple(f for f in FORMATS if request.form.get(f"format_{f}")) if request.method == "POST" else FORMATS
    return {"formats": chosen or ("pdf",),
            "sheets": request.form.get("sheets") == "y" if request.method == "POST" else True,
            "names": request.form.get("names") == "y"}


def _checked(raw: list) -> list[Row]:
    language = str(get_locale())
    return [check_row(number, row, sheet_language=language) for number, row in raw]


def _raw_rows(text: str) -> list:
    """The rows carried back by the result page, refused if they are not what it sent."""
    data = json.loads(text)
    if not isinstance(data, list) or len(data) > current_app.config["BATCH_MAX_ROWS"]:
        raise ValueError("rows")
    rows = []
    for item in data:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], int) and isinstance(item[1], dict)):
            raise ValueError("row")
        rows.append([item[0], {k: clean(v, multiline=True)[:4000] for k, v in item[1].items()
                               if k in BY_NAME and isinstance(v, str)}])
    return rows


def _message(message: str) -> str:
    return _(message)
