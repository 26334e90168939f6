"""Every kind of page, in English and Arabic, through the Nu HTML Checker (vnu.jar, Java):
no error. `make test` fetches the checker from the npm registry (tests/tools)."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.test_batch import BAD, GOOD, as_csv

from app import create_app

from .helpers import carried, current_step, post_step

VNU = Path(__file__).resolve().parents[1] / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STEPS = ["kind", "topic", "country", "system", "authority", "event", "rights", "details", "about",
         "representative", "languages"]


def pages(client, answers, lang: str) -> dict[str, str]:
    """Every kind of page the tool shows, as HTML text."""
    full = {**answers, "rights": ["access", "rectification", "objection"], "for_someone_else": "y",
            "representative_name": "Jo Beispiel", "representative_address": "Hauptstraße 5",
            "authority_id": "bamf", "system": "bamf_phone"}
    shown = {"start": client.get(f"/{lang}/"), "open": client.get(f"/{lang}/case/open"),
             "404": client.get(f"/{lang}/nothing-here"), "review": post_step(client, lang, "review", {}, full)}
    for step in STEPS:
        shown[step] = post_step(client, lang, "review", {}, full, action=f"change:{step}")
    shown["bad-input"] = post_step(client, lang, "about", {"person_name": "", "person_email": "not-an-email"}, full)
    for fmt in ("email", "print"):
        shown[fmt] = client.post(f"/{lang}/letter/{fmt}", data={"answers": json.dumps(full)})
    choice = post_step(client, lang, "review", {}, full, action="followup")
    reply = post_step(client, lang, "followup", {"followup_letter": "complaint"}, carried(choice))
    shown.update({"followup": choice, "reply": reply,
                  "followup-review": post_step(client, lang, "reply", {"followup_written_on": full["sent_on"]},
                                               carried(reply))})
    shown["batch"] = client.get(f"/{lang}/batch")
    shown["batch-columns"] = client.get(f"/{lang}/batch/columns")
    shown["batch-result"] = client.post(f"/{lang}/batch/check", data={"table": (io.BytesIO(as_csv([GOOD, BAD])), "c.csv")},
                                        content_type="multipart/form-data")
    shown["training"] = client.get(f"/{lang}/training?present=1")
    shown["rights"] = client.get(f"/{lang}/rights")
    shown["right"] = client.get(f"/{lang}/rights/explanation")
    shown["persona"] = client.post(f"/{lang}/training/claire")
    shown.update(pages_off_the_path(client, answers, lang))
    return {name: response.get_data(as_text=True) for name, response in shown.items()}


def pages_off_the_path(client, answers, lang: str) -> dict:
    """The pages a person meets when something is unusual: a country outside Europe, the list
    of missing items, a token that expired, a body too large, a file that is not a case."""
    outside = post_step(client, lang, "country", {"country": "ZZ"}, {"kind": "biometric", "event_topic": "fingerprints"})
    choice = post_step(client, lang, "review", {}, answers, action="followup")
    incomplete = post_step(client, lang, "followup", {"followup_letter": "incomplete"}, carried(choice))
    guarded = create_app({"TESTING": True}).test_client()
    expired = post_step(guarded, lang, "about", {"person_name": "Jo"}, answers, csrf_token="expired")
    too_large = client.post(f"/{lang}/wizard", data={"answers": "{}", "step": "about", "person_name": "x" * 300_000})
    not_a_case = client.post(f"/{lang}/case/open", data={"case": (io.BytesIO(b"not a case"), "case.json")},
                             content_type="multipart/form-data")
    return {"outside": outside, "reply-incomplete": incomplete, "csrf-expired": expired, "413": too_large,
            "not-a-case": not_a_case}


def test_the_unusual_pages_are_what_they_say(client, answers):
    shown = pages_off_the_path(client, answers, "en")
    assert current_step(shown["outside"]) == "outside"
    assert current_step(shown["reply-incomplete"]) == "reply"
    assert 'name="followup_missing"' in shown["reply-incomplete"].get_data(as_text=True)
    assert (shown["csrf-expired"].status_code, current_step(shown["csrf-expired"])) == (400, "about")
    assert shown["413"].status_code == 413
    assert shown["not-a-case"].status_code == 400


def test_every_page_is_valid_html(client, answers, tmp_path):
    java = shutil.which("java")
    assert java, "Java is needed for the HTML checker (scripts/system-deps.sh test installs it)"
    assert VNU.exists(), "run `make test` (it installs tests/tools with npm ci)"
    files = []
    for lang in ("en", "ar"):
        for name, html in pages(client, answers, lang).items():
            path = tmp_path / f"{lang}-{name}.html"
            path.write_text(html, encoding="utf-8")
            files.append(str(path))
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    problems = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')}" for m in messages]
    assert not problems, "\n".join(problems[:30])
    assert len(files) == 2 * 32  # every kind of page, in both languages


@pytest.mark.parametrize("bad", ['<p><div>x</div></p>', '<input type="date" value="x" aria-describedby="none">'])
def test_the_checker_finds_errors(tmp_path, bad):
    """The check above can fail: known-bad HTML is reported."""
    page = tmp_path / "bad.html"
    page.write_text(f'<!doctype html><html lang="en"><head><title>x</title></head><body>{bad}</body></html>')
    result = subprocess.run([shutil.which("java"), "-jar", str(VNU), "--errors-only", "--format", "json", str(page)],
                            capture_output=True, text=True, timeout=120)
    assert json.loads(result.stderr or result.stdout)["messages"]
