"""The ``recours`` command line: letters from case files, without a server.

    recours letter --case case.json --format docx --output letter.docx
    recours letter --case case.json --follow-up --output reminder.pdf --format pdf
    recours sheet --case case.json --output sheet.pdf
    recours proof --case case.json --output proof.pdf
    recours batch cases.xlsx --output letters.zip --format docx,pdf
    recours example-case > case.json
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .case import SCHEMA, Case, CaseError
from .companion import compose_sheet
from .letters.compose import compose, validated_case

MAX_CASE_BYTES = 256 * 1024
FORMATS = ("docx", "pdf", "txt", "html")


def load_case(path: str) -> Case:
    """Read and validate a case file; raise click errors that say what is wrong."""
    raw = sys.stdin.buffer.read(MAX_CASE_BYTES + 1) if path == "-" else Path(path).read_bytes()
    if len(raw) > MAX_CASE_BYTES:
        raise click.ClickException(f"the case file is larger than {MAX_CASE_BYTES} bytes")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise click.ClickException(f"the case file is not valid JSON: {exc}") from exc
    try:
        return validated_case(data)
    except CaseError as exc:
        lines = "\n".join(f"  {field or 'case'}: {message}" for field, message in exc.errors.items())
        raise click.ClickException(f"the case file has problems:\n{lines}") from exc


def render(letter, fmt: str) -> bytes:
    """Render ``letter`` in ``fmt`` (docx, pdf, txt, html) to bytes."""
    from .render import render_docx, render_html, render_pdf, render_text

    renderers = {"docx": render_docx, "pdf": render_pdf,
                 "txt": lambda item: render_text(item).encode("utf-8"),
                 "html": lambda item: render_html(item).encode("utf-8")}
    return renderers[fmt](letter)


def _write(data: bytes, output: str) -> None:
    if output == "-":
        sys.stdout.buffer.write(data)
    else:
        Path(output).write_bytes(data)


@click.group()
def main():
    """Draft data-rights letters from case files (see the README for the case format)."""


@main.command()
@click.option("--case", "case_path", required=True, help="Case file (JSON), or - for standard input.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="docx", show_default=True)
@click.option("--output", required=True, help="File to write, or - for standard output.")
@click.option("--follow-up", "follow_up", is_flag=True,
              help="Write the case's follow-up letter (its \"followup\" section) instead of the first request.")
def letter(case_path: str, fmt: str, output: str, follow_up: bool):
    """Write the letter for a case file."""
    _write(render(_compose(load_case(case_path), follow_up), fmt), output)


def _compose(case: Case, follow_up: bool):
    """The first request, or the case's follow-up letter (errors as click messages)."""
    if not follow_up:
        return compose(case)
    try:
        return compose(case, kind="followup")
    except CaseError as exc:
        lines = "\n".join(f"  {field}: {message}" for field, message in exc.errors.items())
        raise click.ClickException(f"the follow-up letter cannot be written:\n{lines}") from exc


@main.command()
@click.option("--case", "case_path", required=True, help="Case file (JSON), or - for standard input.")
@click.option("--output", required=True, help="File to write, or - for standard output.")
@click.option("--follow-up", "follow_up", is_flag=True, help="For the follow-up letter of the case.")
def proof(case_path: str, output: str, follow_up: bool):
    """Write the proof-of-sending checklist (PDF, in the person's language)."""
    from .proof import compose_proof

    case = load_case(case_path)
    _write(render(compose_proof(case, _compose(case, follow_up)), "pdf"), output)


@main.command()
@click.option("--case", "case_path", required=True, help="Case file (JSON), or - for standard input.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="pdf", show_default=True)
@click.option("--output", required=True, help="File to write, or - for standard output.")
def sheet(case_path: str, fmt: str, output: str):
    """Write the companion sheet (in the person's language) for a case file."""
    case = load_case(case_path)
    _write(render(compose_sheet(case, compose(case)), fmt), output)


@main.command("example-case")
def example_case():
    """Print an example case file to start from."""
    example = {
        "schema": SCHEMA, "kind": "phone", "country": "DE",
        "authority": {"name": "Bundesamt für Migration und Flüchtlinge",
                      "address": "Frankenstraße 210\n90461 Nürnberg", "email": ""},
        "event": {"topic": "phone", "date": "2026-10-01", "reference": "", "system": ""},
        "rights": ["access", "erasure", "restriction"],
        "details": {"inaccurate": "", "correction": "", "situation": ""},
        "person": {"name": "Amal Haddad", "other_names": "", "birth_date": None,
                   "references": "BAMF file 1234567-438", "address": "Musterweg 1\n10115 Berlin",
                   "email": ""},
        "representative": None, "letter_language": "de", "sheet_language": "ar",
        "sent_on": "2026-11-23", "place": "Berlin",
    }
    click.echo(json.dumps(example, ensure_ascii=False, indent=2))


@main.command()
@click.argument("table", type=click.Path(exists=True, dir_okay=False))
@click.option("--output", default="letters.zip", show_default=True, help="The ZIP to write.")
@click.option("--format", "formats", default="pdf,docx", show_default=True,
              help="Letter formats, comma-separated: pdf, docx.")
@click.option("--sheets/--no-sheets", default=True, show_default=True,
              help="Add each person's explanation sheet (PDF).")
@click.option("--names", is_flag=True, help="Put the person's name in the file names.")
@click.option("--language", default="en", show_default=True,
              help="Language of errors.csv and the calendar, and the default sheet language.")
@click.option("--jobs", type=int, default=0, help="Processes to use (default: every core).")
@click.option("--max-rows", type=int, default=5000, show_default=True)
@click.option("--check", "check_only", is_flag=True, help="Check the rows and list the problems; write nothing.")
def batch(table, output, formats, sheets, names, language, jobs, max_rows, check_only):
    """Letters for every row of a CSV or XLSX file, in one ZIP (see the README's column list).

    The exit status is non-zero only when no row makes a letter.
    """
    from .batch.read import TableError, read_table
    from .batch.rows import check_row
    from .i18n import gettext_for

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    if not chosen or set(chosen) - {"pdf", "docx"}:
        raise click.BadParameter("use pdf, docx or pdf,docx", param_hint="--format")
    _ = gettext_for(language)
    try:
        read = read_table(Path(table).read_bytes(), max_rows=max_rows)
    except TableError as exc:
        raise click.ClickException(_(exc.message) % exc.values if exc.values else _(exc.message)) from exc
    rows = [check_row(number, row, sheet_language=language) for number, row in read.rows]
    good = sum(1 for row in rows if row.case)
    for row in rows:
        for column, message in row.errors:
            click.echo(f"row {row.number}, {column}: {_(message)}", err=True)
    click.echo(f"{len(rows)} rows read, {good} letters, {len(rows) - good} rows to fix.", err=True)
    if not good:
        sys.exit(1)
    if not check_only:
        _write_zip(rows, output, chosen, sheets, names, language, jobs or os.cpu_count() or 1)


def _write_zip(rows, output, formats, sheets, names, language, jobs) -> None:
    """Render the rows on ``jobs`` processes and stream the ZIP to ``output``."""
    from .batch.bundle import good, stream_zip

    with click.progressbar(length=len(good(rows)), label="Letters", file=sys.stderr) as bar, \
            Path(output).open("wb") as out:
        out.writelines(stream_zip(rows, formats=formats, sheets=sheets, names=names, language=language,
                                  processes=jobs, progress=lambda item: bar.update(1)))
