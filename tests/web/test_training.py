"""Trainer mode on the server: persona cards, the wizard opened pre-filled and walked with
Next alone, every download marked as a specimen, the rights pages and handouts."""
from __future__ import annotations

import io
import json

import pytest
from docx import Document
from pypdf import PdfReader

from app import i18n
from app.catalogue import load_catalogue
from app.letters.compose import available_languages
from app.training.personas import personas
from app.training.rights import RIGHTS
from tests.fixtures.readback import document_text

from .helpers import carried, current_step, errors, form_fields, post_step

LANGUAGES = i18n.interface_languages()


def walk(client, key, lang="en", presenter=False):
    """Open a persona and press Next on every page, posting what the page shows (the carried answers)."""
    response = client.post(f"/{lang}/training/{key}", data={"presenter": "y"} if presenter else {})
    pages = [response]
    for _ in range(20):
        step = current_step(response)
        if step == "review":
            return pages
        answers = carried(response)
        fields = {name: answers.get(name, "") for name in form_fields(step)}
        if step == "languages":
            fields["letter_language"] = fields["letter_language"] or load_catalogue().default_letter_language(
                answers["country"], set(available_languages()))
        for flag in ("for_someone_else",):
            if flag in fields and fields[flag] != "y":
                fields.pop(flag)
        response = post_step(client, lang, step, fields, answers)
        assert current_step(response) != step, (step, errors(response))
        pages.append(response)
    raise AssertionError("no review page")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["training", "rights", "rights/explanation", "rights/complaint"])
def test_training_pages_in_every_language(client, lang, path):
    response = client.get(f"/{lang}/{path}")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert f'lang="{lang}"' in text and f'href="/fr/{path}"' in text  # the switch stays on the page


@pytest.mark.parametrize("key", list(personas()))
def test_each_persona_walks_to_the_review_with_next_alone(client, key):
    pages = walk(client, key)
    review = pages[-1].get_data(as_text=True)
    assert personas()[key].name in review and "Every letter is marked SPECIMEN" in review
    assert 'formaction="/en/case/save"' not in review  # a training case is not saved


@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt", "sheet", "proof"])
def test_every_download_is_a_specimen(client, fmt):
    answers = carried(walk(client, "farid")[-1])
    response = client.post(f"/en/letter/{fmt}", data={"answers": json.dumps(answers)})
    assert response.status_code == 200
    if fmt == "docx":
        header = Document(io.BytesIO(response.data)).sections[0].header
        assert "MUSTER" in header.paragraphs[0].text  # a German letter: the German mark
        return
    text = document_text("txt" if fmt == "txt" else "pdf", response.data)
    assert ("MUSTER" if fmt in ("pdf", "txt") else "SPECIMEN") in text
    if fmt == "sheet":
        assert not PdfReader(io.BytesIO(response.data)).attachments  # no case to reopen


def test_a_training_case_is_not_saved(client):
    answers = carried(walk(client, "amina")[-1])
    response = client.post("/en/case/save", data={"answers": json.dumps(answers)})
    assert response.mimetype == "text/html" and "A training case is not saved." in response.get_data(as_text=True)


def test_presenter_view_carries_through_the_wizard(client):
    pages = walk(client, "tesfay", presenter=True)
    assert all('class="presenter"' in page.get_data(as_text=True) for page in pages)
    assert 'class="presenter"' in client.get("/en/training?present=1").get_data(as_text=True)
    assert 'class="presenter"' not in client.get("/en/training").get_data(as_text=True)


def test_an_unknown_persona_or_right(client):
    assert client.post("/en/training/nobody").status_code == 404
    assert client.get("/en/rights/nothing").status_code == 404
    assert client.get("/en/rights/nothing/handout.pdf").status_code == 404


@pytest.mark.parametrize("right", [r.id for r in RIGHTS] + ["all"])
def test_handouts_download(client, right):
    response = client.get(f"/fa/rights/{right}/handout.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")


@pytest.mark.parametrize("path", ["training", "rights", "rights/access", "wizard"])
def test_nothing_is_fetched_from_elsewhere(client, path):
    """A room without internet: pages load only the tool's own style sheet, script and fonts."""
    import re

    text = client.get(f"/en/{path}").get_data(as_text=True)
    assert not re.search(r'<(?:link|script|img|source|iframe)[^>]+(?:src|href)="(?:https?:)?//', text)
    assert "default-src 'self'" in client.get(f"/en/{path}").headers["Content-Security-Policy"]
    style = client.get("/static/style.css")
    assert "@import" not in style.get_data(as_text=True) and "url(http" not in style.get_data(as_text=True)
    style.close()
