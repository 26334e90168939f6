"""Checks shared by the browser tests: page health (axe, scroll, lang/dir) and file reading."""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import unicodedata

from axe_playwright_python.sync_playwright import Axe
from babel.dates import format_date
from playwright.sync_api import Page

AXE = Axe()
ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def direction(lang: str) -> str:
    return "rtl" if lang in ("ar", "fa", "he", "ps", "ur") else "ltr"


# Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA, and axe's best practices.
AXE_OPTIONS = {"resultTypes": ["violations"], "runOnly": {"type": "tag", "values": [
    "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]}}


def assert_axe_clean(page: Page, where: str = "") -> None:
    """Run axe-core on the page; fail with its report if it finds any violation."""
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, (
        f"axe found {results.violations_count} violation(s) on {where or page.url}:\n"
        + results.generate_report())


OFF_SCREEN = """w => [...document.querySelectorAll('body *')]
  .filter(e => !e.closest('.skip, .visually-hidden, .implicit-submit, [hidden], head, script'))
  .filter(e => { const r = e.getBoundingClientRect();
                 return r.width > 1 && r.height > 1 && (r.right > w + 1 || r.left < -1); })
  .slice(0, 5)
  .map(e => { const r = e.getBoundingClientRect();
              return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + e.className : ''}`
                     + ` [${Math.round(r.left)}..${Math.round(r.right)}]`; })"""


def assert_no_horizontal_scroll(page: Page, where: str = "") -> None:
    """No sideways scrolling, and nothing sticking out of the viewport either.

    The second check matters for right-to-left pages: content that sticks out on the
    right of an RTL page does not make it scroll, it is cut off and cannot be reached.
    """
    width = page.viewport_size["width"]
    page.evaluate("window.scrollTo(0, 0)")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    outside = page.evaluate(OFF_SCREEN, width)
    assert scroll <= width, f"horizontal scroll on {where or page.url}: {scroll} > {width} px; outside: {outside}"
    assert not outside, f"cut off at {width} px on {where or page.url}: {outside}"


def assert_lang_dir(page: Page, lang: str) -> None:
    got = page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
    assert got == [lang, direction(lang)], f"html lang/dir {got} on {page.url}, expected {lang}/{direction(lang)}"


def assert_page_ok(page: Page, lang: str, where: str = "") -> None:
    """Everything every wizard page must satisfy."""
    assert_lang_dir(page, lang)
    assert_no_horizontal_scroll(page, where)
    assert_axe_clean(page, where)


def assert_error_next_to(page: Page, field_id: str, expected: str | None = None, *,
                         announced: bool = True) -> str:
    """The field's error message is visible, inside the field's own box, linked from the
    error summary, and (``announced``) referenced by the field's aria-describedby."""
    error = page.locator(f"#{field_id}-error")
    assert error.is_visible(), f"no visible error message for #{field_id}"
    container = page.locator(f".field.has-error:has(#{field_id}-error)")
    assert container.count() == 1, f"error for #{field_id} is not inside the field's box"
    assert container.locator(f"#{field_id}").count() + (container.get_attribute("id") == field_id) >= 1, (
        f"error for #{field_id} is shown in another field's box")
    if announced:
        assert_described_by(page, field_id, f"{field_id}-error")
    summary = page.locator(f".error-summary a[href='#{field_id}']")
    assert summary.count() == 1, f"no link to #{field_id} in the error summary"
    text = error.inner_text()
    if expected:
        assert expected in text, text
    return text


def assert_described_by(page: Page, field_id: str, *ids: str) -> None:
    described = (page.locator(f"#{field_id}").get_attribute("aria-describedby") or "").split()
    missing = [i for i in ids if i not in described]
    assert not missing, f"#{field_id} aria-describedby={' '.join(described)!r} lacks {missing}"


# Reading the downloaded files back ----------------------------------------------------

def docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    """Text of a PDF by pypdf, NBSP and runs of whitespace folded to one space."""
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
    return fold(text)


def pdftotext(data: bytes) -> str:
    """Text of a PDF by poppler's pdftotext (logical order for Arabic is more reliable)."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is needed to read Arabic back from PDFs"
    out = subprocess.run([tool, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
    return fold(out.stdout.decode("utf-8"))


def fold(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)  # bidi marks
    return re.sub(r"\s+", " ", text).strip()


def squash(text: str) -> str:
    """NFKC and no whitespace: for comparing names across PDF text extraction."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", fold(text)))


def pdf_contains(data: bytes, needle: str) -> bool:
    """``needle`` is in the PDF's text by pypdf, or else by pdftotext (NFKC, spaces ignored)."""
    wanted = squash(needle)
    return wanted in squash(pdf_text(data)) or wanted in squash(pdftotext(data))


# Dates --------------------------------------------------------------------------------

def _shown(date: dt.date, locale: str) -> str:
    return format_date(date, "long", locale=locale)


def dates_in(text: str, locale: str, *, around: dt.date | None = None, days: int = 200) -> list[dt.date]:
    """The dates near ``around`` (default today) written in ``text`` in ``locale``'s long form."""
    around = around or dt.date.today()
    found = []
    for offset in range(-days, days):
        day = around + dt.timedelta(days=offset)
        pattern = r"(?<!\d)" + re.escape(fold(_shown(day, locale))) + r"(?!\d)"
        if re.search(pattern, fold(text)):
            found.append(day)
    return found


LETTER_DATE_LOCALE = {"en": "en_GB", "de": "de_DE", "fr": "fr_FR"}


def letter_date(date: dt.date, letter_lang: str) -> str:
    """How a date reads in a letter in ``letter_lang`` (``22 December 2026``, ``22. Dezember 2026``)."""
    return fold(_shown(date, LETTER_DATE_LOCALE[letter_lang]))
