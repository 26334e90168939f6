"""python -m bench: letter rendering against bare python-docx and bare WeasyPrint.

Each pair is run interleaved, in one process, on the same machine, and reported as the
median time of ours divided by the median time of the bare library (lower is better).
"""
from __future__ import annotations

import gc
import io
import statistics
import time

import docx
from weasyprint import HTML

from app.case import Case
from app.letters.compose import compose
from app.render import render_docx, render_pdf
from app.render.html import render_html
from tests.fixtures.cases import CASE

ROUNDS = 30


def _bare_docx(letter) -> bytes:
    """What python-docx alone does for the same text: one paragraph per line, saved."""
    document = docx.Document()
    for line in letter.plain_paragraphs():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _bare_pdf(html: str) -> bytes:
    return HTML(string=html).write_pdf()


def _times(run) -> list[float]:
    out = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        run()
        out.append(time.perf_counter() - start)
    return out


def _pair(ours, bare) -> tuple[float, float]:
    mine, theirs = [], []
    for _ in range(ROUNDS):
        for run, bucket in ((ours, mine), (bare, theirs)):
            gc.collect()
            start = time.perf_counter()
            run()
            bucket.append(time.perf_counter() - start)
    return statistics.median(mine), statistics.median(theirs)


def main() -> None:
    case = Case.from_dict({**CASE, "rights": ["access", "explanation", "erasure", "restriction"],
                           "system": "bamf_phone", "letter_language": "de"})
    letter = compose(case)
    html = render_html(letter)
    render_docx(letter), render_pdf(letter), _bare_pdf(html)  # warm caches and fonts
    rows = [
        ("compose (case -> letter)", statistics.median(_times(lambda: compose(case))), 0.0),
        ("DOCX vs bare python-docx", *_pair(lambda: render_docx(letter), lambda: _bare_docx(letter))),
        ("PDF vs bare WeasyPrint", *_pair(lambda: render_pdf(letter), lambda: _bare_pdf(html))),
    ]
    print(f"{'benchmark':32} {'ours ms':>9} {'bare ms':>9} {'ratio':>7}")
    for name, mine, theirs in rows:
        if theirs:
            print(f"{name:32} {mine * 1000:9.1f} {theirs * 1000:9.1f} {mine / theirs:7.2f}")
        else:
            print(f"{name:32} {mine * 1000:9.1f} {'-':>9} {'-':>7}")


if __name__ == "__main__":
    main()
