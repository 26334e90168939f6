"""The spreadsheet a clinic starts from: every column, two example rows, and (in the XLSX)
a second sheet that explains each column in the chosen interface language."""
from __future__ import annotations

import csv
import io

from ..i18n import gettext_for
from .columns import COLUMNS


def template_csv() -> bytes:
    """The CSV template: UTF-8 with BOM (Excel opens it right), comma-separated."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.name for column in COLUMNS])
    for example in (0, 1):
        writer.writerow([column.examples[example] for column in COLUMNS])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def column_reference(language: str) -> list[tuple[str, bool, str, str]]:
    """(column, required, what it holds, example) in ``language``."""
    _ = gettext_for(language)
    return [(column.name, column.required, _(column.help), column.examples[0] or column.examples[1])
            for column in COLUMNS]


def template_xlsx(language: str) -> bytes:
    """The XLSX template: a sheet of cases (the one read back) and a sheet of explanations."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    _ = gettext_for(language)
    book = Workbook()
    cases = book.active
    cases.title = "cases"
    cases.append([column.name for column in COLUMNS])
    for example in (0, 1):
        cases.append([column.examples[example] for column in COLUMNS])
    for cell in cases[1]:
        cell.font = Font(bold=True)
    reference = book.create_sheet("columns")
    reference.sheet_view.rightToLeft = language in ("ar", "fa", "ps")
    reference.append([_("Column"), _("Required"), _("What it holds"), _("Example")])
    for name, required, help_text, example in column_reference(language):
        reference.append([name, _("Yes") if required else "", help_text, example])
    for cell in reference[1]:
        cell.font = Font(bold=True)
    reference.column_dimensions["A"].width = 28
    reference.column_dimensions["C"].width = 80
    for row in reference.iter_rows(min_row=2):
        row[2].alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
