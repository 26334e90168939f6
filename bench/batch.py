"""python -m bench.batch [ROWS]: a batch of ROWS clients to DOCX+PDF letters in one ZIP.

Each variant runs in its own process so that its peak memory (max RSS) is its own:
- ``ours``: recours reading the CSV, checking every row, and streaming the ZIP (one core, as
  the web does);
- ``parallel``: the same on every core (as ``recours batch`` does);
- ``bare``: python-docx and WeasyPrint alone making the same documents from the same
  composed letters (one paragraph per line; the same HTML), into a ZIP the same way.
Memory growth is the RSS after the last row minus the RSS after the first tenth.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
import zipfile


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _table(rows: int) -> bytes:
    from app.batch.columns import COLUMNS
    from tests.unit.test_batch import GOOD, SECOND

    names = [c.name for c in COLUMNS]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(names)
    for i in range(rows):
        row = dict(GOOD if i % 2 else SECOND, person_name=f"Client {i:04d}", reference=f"R{i:04d}")
        writer.writerow([row.get(n, "") for n in names])
    return out.getvalue().encode()


class _Count:
    """Consumes the ZIP stream without keeping it (the web sends it on)."""

    def __init__(self):
        self.size, self.marks = 0, []


def run(variant: str, rows: int) -> dict:
    from app.batch.bundle import stream_zip
    from app.batch.read import read_table
    from app.batch.rows import check_row

    data = _table(rows)
    tenth, seen = max(1, rows // 10), {"n": 0, "at_tenth": 0.0}
    start = time.perf_counter()
    table = read_table(data, max_rows=rows)
    checked = [check_row(n, r) for n, r in table.rows]

    def mark(_item=None):
        seen["n"] += 1
        if seen["n"] == tenth:
            seen["at_tenth"] = _rss_mb()

    size = 0
    if variant == "ours":
        for chunk in stream_zip(checked, formats=("docx", "pdf"), sheets=False):
            size += len(chunk)
            mark()
    elif variant == "parallel":
        for chunk in stream_zip(checked, formats=("docx", "pdf"), sheets=False, processes=os.cpu_count() or 1,
                                progress=mark):
            size += len(chunk)
    else:
        size = _bare(checked, mark)
    elapsed = time.perf_counter() - start
    return {"variant": variant, "rows": rows, "seconds": elapsed, "per_row_ms": elapsed / rows * 1000,
            "peak_mb": _peak_mb(), "growth_mb": _rss_mb() - seen["at_tenth"], "zip_mb": size / 2**20}


def _bare(checked, mark) -> int:
    """python-docx and WeasyPrint alone, on the same composed letters, into a ZIP."""
    import gc

    import docx
    from weasyprint import HTML

    from app.letters.compose import compose
    from app.render.html import render_html

    sink = io.BytesIO()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for number, row in enumerate((r for r in checked if r.case), start=1):
            letter = compose(row.case, kind="request" if row.letter == "request" else "followup")
            document = docx.Document()
            for line in letter.plain_paragraphs():
                document.add_paragraph(line)
            out = io.BytesIO()
            document.save(out)
            archive.writestr(f"{number:03d}.docx", out.getvalue())
            archive.writestr(f"{number:03d}.pdf", HTML(string=render_html(letter)).write_pdf())
            gc.collect()
            mark()
            sink.seek(0), sink.truncate()  # like the stream: the bytes are sent on, not kept
    return 0


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1000
    if len(sys.argv) > 2:
        print(json.dumps(run(sys.argv[2], rows)))
        return
    results = {}
    for variant in ("bare", "ours", "parallel"):
        out = subprocess.run([sys.executable, "-m", "bench.batch", str(rows), variant],
                             capture_output=True, text=True, check=True)
        results[variant] = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"{'batch of ' + str(rows) + ' rows, DOCX+PDF':34} {'seconds':>8} {'ms/row':>7} {'peak MB':>8} "
          f"{'growth MB':>9} {'vs bare':>8}")
    for variant, result in results.items():
        ratio = result["seconds"] / results["bare"]["seconds"]
        print(f"{variant:34} {result['seconds']:8.1f} {result['per_row_ms']:7.1f} {result['peak_mb']:8.0f} "
              f"{result['growth_mb']:9.1f} {ratio:8.2f}")


if __name__ == "__main__":
    main()
