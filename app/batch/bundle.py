"""The ZIP a clinic downloads: every letter and sheet, index.csv, deadlines.ics, errors.csv.

The archive is streamed: each member is compressed and handed on as soon as it is made,
and nothing is written to disk. ``gc.collect()`` after each row keeps memory flat
(python-docx and WeasyPrint leave reference cycles behind).
"""
from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .. import calendar
from ..catalogue import load_catalogue
from ..companion import compose_sheet
from ..i18n import gettext_for
from ..letters import followups
from ..letters.compose import compose, resolution_for
from ..render import render_docx, render_pdf
from .rows import Row

FORMATS = ("pdf", "docx")
RENDER = {"pdf": render_pdf, "docx": render_docx}
_UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")


class _Sink(io.RawIOBase):
    """A write-only stream that hands its bytes over in chunks (the ZIP is never seekable)."""

    def __init__(self):
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self.chunks = b"".join(self.chunks), []
        return data


def spreadsheet_safe(value: str) -> str:
    """A cell that a spreadsheet will not run as a formula (OWASP CSV injection advice)."""
    return "'" + value if value.startswith(_UNSAFE_START) else value


def slug(text: str, limit: int = 40) -> str:
    """ASCII file-name part: ``Bundesamt für Migration`` -> ``bundesamt-fur-migration``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-") or "authority"


def _csv(rows: Iterable[Iterable[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([spreadsheet_safe(str(cell)) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8


@dataclass(frozen=True)
class RowFiles:
    """What one good row puts into the ZIP."""

    row: Row
    files: tuple[tuple[str, bytes], ...]
    recipient: str
    deadline: dt.date | None
    silence: dt.date | None = None  # a complaint: the supervisory authority's last day


def render_row(number: int, row: Row, formats: tuple[str, ...] = FORMATS, sheets: bool = True,
               names: bool = False) -> RowFiles:
    """Compose and render one good row's letter (and sheet); a pure function, so the command
    line can run it on every core."""
    letter = compose(row.case, kind="request" if row.letter == "request" else "followup")
    recipient = letter.recipient[0] if letter.recipient else ""
    stem = f"{number:03d}-{slug(recipient)}-{row.letter.replace('_', '-')}"
    if names:
        stem += "-" + slug(row.case.person.name)
    files = [(f"{stem}.{fmt}", RENDER[fmt](letter)) for fmt in formats]
    if sheets:
        sheet = compose_sheet(row.case, letter if row.letter == "request" else compose(row.case))
        files.append((f"{stem}-sheet.pdf", render_pdf(sheet)))
    deadline = letter.deadline
    del letter
    gc.collect()
    return RowFiles(row, tuple(files), recipient, deadline, _silence(row))


def _silence(row: Row) -> dt.date | None:
    if row.letter != "complaint":
        return None
    catalogue = load_catalogue()
    found = followups.silence_deadline(row.case, resolution_for(row.case, catalogue), catalogue)
    return found.date if found else None


def assemble(done: Iterable[RowFiles], rows: list[Row], *, language: str = "en",
             progress: Callable[[RowFiles], None] | None = None) -> Iterator[bytes]:
    """Yield the ZIP, chunk by chunk: each row's files as they come, then index.csv,
    deadlines.ics and errors.csv."""
    _ = gettext_for(language)
    sink = _Sink()
    archive = zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED)
    index = [["row", "reference", "letter", "recipient", "rights", "deadline", "reminder", "files"]]
    events: list = []
    for item in done:
        for name, data in item.files:
            archive.writestr(name, data)
        row, deadline = item.row, item.deadline
        label = row.reference or f"#{row.number}"
        if deadline:  # a first request's reply period
            events += calendar.reminder_events(deadline, row.case.authority.name, _, label=label)
        if item.silence:
            events += calendar.complaint_events(item.silence, item.recipient, _, label=label)
        reminder = deadline + dt.timedelta(days=1) if deadline else None
        index.append([row.number, row.reference, row.letter, item.recipient, " ".join(row.case.rights),
                      deadline.isoformat() if deadline else "", reminder.isoformat() if reminder else "",
                      " ".join(name for name, _data in item.files)])
        if progress:
            progress(item)
        yield sink.take()
    archive.writestr("index.csv", _csv(index))
    archive.writestr("deadlines.ics", calendar.calendar_of(events))
    errors = [["row", "column", "message"]] + [[row.number, column, _(message)]
                                               for row in rows for column, message in row.errors]
    archive.writestr("errors.csv", _csv(errors))
    archive.close()
    yield sink.take()


def good(rows: list[Row]) -> list[tuple[int, Row]]:
    """The rows that make letters, numbered 1, 2, 3... for the file names."""
    return list(enumerate((row for row in rows if row.case is not None), start=1))


def stream_zip(rows: list[Row], *, formats: tuple[str, ...] = FORMATS, sheets: bool = True,
               names: bool = False, language: str = "en", processes: int = 1,
               progress: Callable[[RowFiles], None] | None = None) -> Iterator[bytes]:
    """The whole ZIP for ``rows``; with ``processes`` > 1 the rows are rendered on that many
    processes (in order), the archive is still written here."""
    numbered = good(rows)
    if processes <= 1 or len(numbered) < 2:
        done = (render_row(number, row, formats, sheets, names) for number, row in numbered)
        yield from assemble(done, rows, language=language, progress=progress)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=processes) as pool:
        count = len(numbered)
        done = pool.map(render_row, [n for n, _r in numbered], [r for _n, r in numbered], [formats] * count,
                        [sheets] * count, [names] * count, chunksize=2)
        yield from assemble(done, rows, language=language, progress=progress)
