"""Read a batch spreadsheet: CSV (UTF-8, UTF-8 with BOM, Windows-1252; comma or semicolon)
or XLSX, into rows of text keyed by column name. Problems raise :class:`TableError` with an
English gettext message id and its values, so every caller can translate it."""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

from ..case import N_
from .columns import BY_NAME, REQUIRED

XLSX_MAGIC = b"PK\x03\x04"


class TableError(ValueError):
    """The file cannot be read as a batch table (``message`` is a gettext id, ``values`` its values)."""

    def __init__(self, message: str, **values):
        super().__init__(message % values if values else message)
        self.message, self.values = message, values


@dataclass(frozen=True)
class Table:
    """The rows of a batch file: each row a {column: text} dict, numbered as in the spreadsheet."""

    columns: tuple[str, ...]
    rows: tuple[tuple[int, dict], ...] = field(default_factory=tuple)
    format: str = "csv"


def read_table(data: bytes, *, max_rows: int) -> Table:
    """Read ``data`` (CSV or XLSX, told apart by content, not by name) into a Table."""
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        raise TableError(N_("The file is empty."))
    if data.startswith(XLSX_MAGIC):
        columns, raw_rows, fmt = *_xlsx(data), "xlsx"
    else:
        columns, raw_rows, fmt = *_csv(_decode(data)), "csv"
    columns = tuple(_header(name) for name in columns)
    _check_header(columns)
    rows = []
    for number, values in raw_rows:
        row = {name: _cell(value) for name, value in zip(columns, values, strict=False) if name}
        if any(row.values()):
            rows.append((number, row))
        if len(rows) > max_rows:
            raise TableError(N_("The file has more than %(max)d rows. Split it into smaller files."), max=max_rows)
    if not rows:
        raise TableError(N_("The file has column names but no rows."))
    return Table(columns, tuple(rows), fmt)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (what Excel writes as "CSV")."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _csv(text: str):
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
        rows = [(number, values) for number, values in enumerate(reader, start=2)]
    except csv.Error as exc:
        raise TableError(N_("This file cannot be read as CSV.")) from exc
    return header, rows


def _xlsx(data: bytes):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TableError(N_("This file cannot be read as an Excel workbook (XLSX).")) from exc
    try:
        sheet = book.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header = [value for value in next(lines, ())]
        rows = [(number, list(values)) for number, values in enumerate(lines, start=2)]
    finally:
        book.close()
    return header, rows


def _header(name) -> str:
    return str(name or "").strip().strip("\ufeff").lower().replace(" ", "_")


def _check_header(columns: tuple[str, ...]) -> None:
    unknown = [name for name in columns if name and name not in BY_NAME]
    missing = [name for name in REQUIRED if name not in columns]
    if unknown:
        raise TableError(N_("Unknown columns: %(names)s. Use the column names of the template."),
                         names=", ".join(unknown[:5]))
    if missing:
        raise TableError(N_("Missing columns: %(names)s. Use the column names of the template."),
                         names=", ".join(missing))


def _cell(value) -> str:
    """A cell as text: dates in ISO form, whole numbers without ".0", nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
