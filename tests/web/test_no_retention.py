"""The canary: a unique string typed into every free-text field must leave no trace anywhere.

It must not appear in any log record or console line, any file created or changed on disk
(project directory and the temporary directory), any cookie (the session decoded too), any
redirect or any URL — only in the pages and files sent back to the person.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import logging
import os
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from .helpers import carried, current_step, errors, has_systems, page, post_step

PROJECT = Path(__file__).resolve().parents[2]
FORMATS = ["docx", "pdf", "txt", "email", "print", "sheet"]


def snapshot() -> dict[str, tuple[int, int]]:
    """(mtime, size) of every file under the project (without .venv and .git) and the temp dir."""
    found = {}
    for root in (PROJECT, Path(tempfile.gettempdir())):
        for folder, dirs, files in os.walk(root, onerror=lambda e: None):
            dirs[:] = [d for d in dirs if not (folder == str(PROJECT) and d in (".venv", ".git"))]
            for name in files:
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path, follow_symlinks=False)
                except OSError:
                    continue
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def new_or_changed(before: dict, after: dict, since_ns: int) -> list[str]:
    return [path for path, (mtime, size) in after.items()
            if path not in before or before[path] != (mtime, size) or mtime >= since_ns]


class Records(logging.Handler):
    """Every record that reaches the root logger, formatted as a log file would hold it."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines, self.records = [], []
        self.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s %(pathname)s"))

    def emit(self, record):
        self.records.append(record)
        self.lines.append(self.format(record))


@pytest.fixture
def canaries():
    return f"CANARY-{uuid.uuid4().hex}", f"كناري{uuid.uuid4().hex}"


def assert_no_trace(canaries, before, start_ns, logs, capfd, responses) -> None:
    """The canaries are in no file written since ``before``, no output, no log record, no
    file name of a download and no cookie."""
    latin, arabic = canaries
    for path in new_or_changed(before, snapshot(), start_ns):
        try:
            data = Path(path).read_bytes()
        except OSError:
            continue
        assert latin.encode() not in data and arabic.encode() not in data, path
    out, err = capfd.readouterr()
    for canary in (latin, arabic):
        assert canary not in out and canary not in err
        assert_not_logged(canary, *logs)
        for response in responses:
            assert canary not in response.headers.get("Content-Disposition", "")
            assert all(canary not in c for c in response.headers.getlist("Set-Cookie"))


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.DEBUG)
    handler = Records()
    root = logging.getLogger()
    root.addHandler(handler)
    yield caplog, handler
    root.removeHandler(handler)


def assert_not_logged(canary: str, caplog, handler):
    for record in [*caplog.records, *handler.records]:
        assert canary not in record.getMessage()
        assert canary not in repr(record.args) and canary not in repr(vars(record))
    assert all(canary not in line for line in handler.lines)
    assert canary not in caplog.text


def test_the_canary_leaves_no_trace(csrf_app, canaries, logs, capfd):
    latin, arabic = canaries
    both, system = f"{arabic} {latin}", int(has_systems("decision"))
    mail = f"{latin}@example.org"
    typed = {
        "authority": {"authority_id": "", "authority_name": both, "authority_address": f"{latin}\n{arabic}", "authority_email": mail},
        "event": {"event_date": "2025-10-01", "event_reference": latin, "event_system": both},
        "details": {"details_inaccurate": both, "details_correction": f"{arabic}\n{latin}", "details_situation": both},
        "about": {"person_name": both, "person_other_names": f"{latin} {arabic}", "person_birth_date": "1994-03-12",
                  "person_references": f"{latin}\n{arabic}", "person_address": f"{arabic}\n{latin}",
                  "person_email": mail, "place": both, "for_someone_else": "y"},
        "representative": {"representative_name": both, "representative_organisation": arabic,
                           "representative_address": f"{latin}\n{arabic}", "representative_email": mail},
    }
    presses = [  # (language, step, fields, action): every flow — errors, Back, switching, CSRF, Change
        ("en", "kind", {"kind": "decision"}, "next"), ("en", "topic", {"event_topic": "visa"}, "next"),
        ("en", "country", {"country": "DE"}, "next"), *([("en", "system", {"system": ""}, "next")] * system),
        ("en", "authority", typed["authority"], "next"),
        ("en", "event", {**typed["event"], "event_date": f"{latin}"}, "next"),  # an error on a date
        ("ar", "event", typed["event"], "stay"), ("ar", "event", typed["event"], "back"),
        ("ar", "authority", typed["authority"], "next"), ("fr", "event", typed["event"], "next"),
        ("fr", "rights", {"rights": ["access", "explanation", "rectification", "objection"]}, "next"),
        ("en", "details", typed["details"], "next"), ("en", "about", typed["about"], "next"),
        ("en", "representative", typed["representative"], "next"),
        ("en", "languages", {"letter_language": "de", "sheet_language": "ar", "sent_on": "2026-11-23"}, "nocsrf"),
        ("en", "languages", {"letter_language": "de", "sheet_language": "ar", "sent_on": "2026-11-23"}, "next"),
        ("en", "review", {}, "change:about"), ("en", "about", typed["about"], "next"),
    ]
    start_ns = time.time_ns()
    before = snapshot()
    client = csrf_app.test_client()
    responses = [client.get("/en/wizard")]
    for lang, step, fields, action in presses:
        shown = page(responses[-1])
        assert shown.hidden("step") == step, (step, errors(responses[-1]))
        extra = {k: shown.hidden(k) for k in ("csrf_token", "return_to") if shown.hidden(k)}
        if action == "nocsrf":
            extra.pop("csrf_token")
        responses.append(post_step(client, lang, step, fields, json.loads(shown.hidden("answers")),
                                   action="next" if action == "nocsrf" else action, **extra))
        assert responses[-1].status_code == (400 if action == "nocsrf" else 200)
    assert current_step(responses[-1]) == "review"
    final = carried(responses[-1])
    for fields in typed.values():  # the canary really went through every free-text field
        for name, value in fields.items():
            assert final[name] == value or name == "event_date"
    token = page(responses[-1]).hidden("csrf_token")
    for fmt in FORMATS:
        responses.append(client.post(f"/en/letter/{fmt}", data={"answers": json.dumps(final), "csrf_token": token}))
        assert responses[-1].status_code == 200, fmt
    assert latin in responses[FORMATS.index("txt") - len(FORMATS)].get_data(as_text=True)

    after = snapshot()
    for path in new_or_changed(before, after, start_ns):
        assert latin not in path and arabic not in path
        try:
            data = Path(path).read_bytes()
        except OSError:
            continue
        for canary in (latin, arabic):
            assert canary.encode("utf-8") not in data, path
            assert canary.encode("utf-16-le") not in data, path
    out, err = capfd.readouterr()
    for canary in (latin, arabic):
        assert canary not in out and canary not in err
        assert_not_logged(canary, *logs)
        for response in responses:
            assert canary not in response.headers.get("Location", "")
            assert canary not in response.request.url
            assert all(canary not in c for c in response.headers.getlist("Set-Cookie"))
        cookie = client.get_cookie("recours").value
        assert canary not in cookie
        session = csrf_app.session_interface.get_signing_serializer(csrf_app).loads(cookie)
        assert set(session) == {"csrf_token"} and canary not in json.dumps(session, ensure_ascii=False)


@pytest.mark.parametrize("target,url,data", [
    ("app.web.review.build_case", "/en/wizard", {"step": "review", "action": "next"}),
    ("app.web.downloads.compose", "/en/letter/pdf", {"action": "download"}),
    ("app.web.downloads.compose", "/ar/letter/txt", {"action": "download"}),
], ids=["review", "pdf", "txt-ar"])
def test_an_unexpected_error_does_not_show_or_log_what_was_typed(app, client, answers, canaries, logs, capfd,
                                                                 monkeypatch, target, url, data):
    latin, arabic = canaries

    def broken(*args, **kwargs):
        raise KeyError(f"{latin} {arabic}")

    monkeypatch.setattr(target, broken)
    response = client.post(url, data={**data, "answers": json.dumps({**answers, "person_name": latin})})
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Nothing you typed was kept" in body or 'lang="ar"' in body
    caplog, handler = logs
    out, err = capfd.readouterr()
    assert any("Unexpected error" in r.getMessage() and "KeyError" in r.getMessage() for r in handler.records)
    for canary in (latin, arabic):
        assert canary not in body and "KeyError" not in body
        assert_not_logged(canary, caplog, handler)
        assert canary not in out + err


def test_the_detectors_find_a_canary_that_was_kept(tmp_path, canaries, logs):
    """The canary test can fail: a file written or a value logged during a request is found."""
    latin, arabic = canaries
    start_ns = time.time_ns()
    before = snapshot()
    (tmp_path / "kept.txt").write_bytes(f"name: {arabic}".encode("utf-8"))
    changed = new_or_changed(before, snapshot(), start_ns)
    assert str(tmp_path / "kept.txt") in changed
    logging.getLogger("app").info("typed %s", latin)
    with pytest.raises(AssertionError):
        assert_not_logged(latin, *logs)


def test_the_case_file_flows_leave_no_trace(app, client, answers, canaries, logs, capfd):
    """Saving the case, the sheet that carries it, opening both again and the calendar file."""
    latin, arabic = canaries
    typed = {**answers, "person_name": f"{latin} {arabic}", "person_references": latin,
             "authority_name": f"Office {latin}"}
    before, start_ns = snapshot(), time.time_ns()
    responses = [client.post(f"/en/{path}", data={"answers": json.dumps(typed)})
                 for path in ("case/save", "case/calendar", "letter/sheet")]
    assert all(r.status_code == 200 for r in responses)
    for data, name in ((responses[0].data, "case.json"), (responses[2].data, "sheet.pdf")):
        opened = client.post("/en/case/open", data={"case": (io.BytesIO(data), name)},
                             content_type="multipart/form-data")
        assert opened.status_code == 200 and latin in opened.get_data(as_text=True)
        responses.append(opened)
    assert_no_trace(canaries, before, start_ns, logs, capfd, responses)


def test_the_follow_up_flows_leave_no_trace(app, client, answers, canaries, logs, capfd):
    """Every follow-up page and download, with the canary in every follow-up field."""
    latin, arabic = canaries
    sent = (dt.date.today() - dt.timedelta(days=45)).isoformat()
    typed = {**answers, "person_name": f"{latin} {arabic}", "authority_id": "bamf", "sent_on": sent,
             "event_date": sent, "stage": "followup"}
    before, start_ns = snapshot(), time.time_ns()
    responses = [client.post("/en/wizard", data={"answers": json.dumps(typed), "step": "review", "action": "followup"})]
    for letter in ("reminder", "incomplete", "complaint"):
        fields = {"followup_letter": letter}
        responses.append(client.post("/en/wizard", data={"answers": json.dumps(typed), "step": "followup",
                                                          "action": "next", **fields}))
        reply = {"followup_answer": "refused", "followup_answer_reference": latin, "followup_missing": ["copy"],
                 "followup_statement": f"{latin} {arabic}", "followup_keep_identity": "y",
                 "followup_written_on": dt.date.today().isoformat()}
        responses.append(client.post("/en/wizard", data={"answers": json.dumps({**typed, **fields}), "step": "reply",
                                                          "action": "next", **reply}))
        kept = {**typed, **fields, **reply}
        for fmt in ("pdf", "docx", "txt", "email", "print", "proof"):
            responses.append(client.post(f"/en/letter/{fmt}", data={"answers": json.dumps(kept), "which": "followup"}))
        responses.append(client.post("/en/case/save", data={"answers": json.dumps(kept), "which": "followup"}))
    assert all(r.status_code == 200 for r in responses), [r.status_code for r in responses]
    assert latin in responses[-1].get_data(as_text=True)  # the saved case is the only place it goes
    assert_no_trace(canaries, before, start_ns, logs, capfd, responses)


def test_the_batch_flow_leaves_no_trace(app, client, canaries, logs, capfd):
    """A spreadsheet of clients: checked, then turned into a ZIP; the canary stays in the responses."""
    import html as html_lib
    import re

    from tests.unit.test_batch import BAD, GOOD, as_csv, as_xlsx

    latin, arabic = canaries
    rows = [{**GOOD, "person_name": f"{latin} {arabic}", "followup_statement": latin},
            {**BAD, "person_references": latin}]
    before, start_ns = snapshot(), time.time_ns()
    responses = []
    for data, name in ((as_csv(rows), "c.csv"), (as_xlsx(rows), "c.xlsx")):
        responses.append(client.post("/en/batch/check", data={"table": (io.BytesIO(data), name)},
                                     content_type="multipart/form-data"))
    carried_rows = html_lib.unescape(re.search(r'name="rows" value="([^"]*)"',
                                               responses[0].get_data(as_text=True)).group(1))
    responses.append(client.post("/en/batch/letters", data={"rows": carried_rows, "format_pdf": "y",
                                                             "format_docx": "y", "sheets": "y", "names": "y"}))
    assert all(r.status_code == 200 for r in responses)
    assert latin in carried_rows and len(responses[-1].data) > 1000
    assert_no_trace(canaries, before, start_ns, logs, capfd, responses)


def test_the_training_flow_leaves_no_trace(app, client, canaries, logs, capfd):
    """A trainer changes a persona's name to something typed: it goes nowhere but the pages."""
    from tests.web.helpers import carried

    latin, arabic = canaries
    before, start_ns = snapshot(), time.time_ns()
    responses = [client.post("/en/training/farid", data={"presenter": "y"})]
    state = {**carried(responses[0]), "person_name": f"{latin} {arabic}", "person_references": latin,
             "letter_language": "de"}
    responses.append(client.post("/en/wizard", data={"answers": json.dumps(state), "step": "review", "action": "next"}))
    for fmt in ("pdf", "docx", "txt", "sheet", "proof"):
        responses.append(client.post(f"/en/letter/{fmt}", data={"answers": json.dumps(state)}))
    responses.append(client.post("/en/case/save", data={"answers": json.dumps(state)}))
    responses += [client.get(path) for path in ("/en/training", "/fa/rights/access", "/en/rights/all/handout.pdf")]
    assert all(r.status_code == 200 for r in responses)
    assert latin in responses[1].get_data(as_text=True)
    assert_no_trace(canaries, before, start_ns, logs, capfd, responses)
