"""Training: the personas (schema, fictional, each makes a valid specimen letter), the
rights explained (every article in the catalogue), handouts in every interface language."""
from __future__ import annotations

import io
import re

import pytest
from docx import Document

from app import i18n
from app.answers import to_case_dict
from app.case import Case
from app.catalogue import load_catalogue
from app.letters.compose import available_languages, compose, letter_language
from app.render import render_docx, render_pdf, render_text
from app.training.handout import compose_handout, right_name
from app.training.personas import personas
from app.training.rights import RIGHTS
from tests.fixtures.readback import document_text

PERSONAS = list(personas())
FICTIONAL = re.compile(r"\b(Example|Sample)\b")


def persona_case(key: str, lang: str = "en") -> Case:
    answers = dict(personas()[key].wizard_answers(lang))
    catalogue = load_catalogue()
    answers["letter_language"] = catalogue.default_letter_language(answers["country"], set(available_languages()))
    return Case.from_dict(to_case_dict(answers), rights=set(catalogue.rights["order"]),
                          countries=catalogue.supported_countries(), systems=set(catalogue.systems),
                          authorities=set(catalogue.authorities))


def test_at_least_eight_personas_in_distinct_situations():
    assert len(PERSONAS) >= 8
    situations = {(p.answers["kind"], p.answers.get("system", ""), p.answers["country"]) for p in personas().values()}
    assert len(situations) == len(PERSONAS)
    kinds = {p.answers["kind"] for p in personas().values()}
    assert kinds >= {"decision", "biometric", "phone"}


@pytest.mark.parametrize("key", PERSONAS)
def test_a_persona_is_obviously_fictional(key):
    persona = personas()[key]
    assert FICTIONAL.search(persona.name) and persona.answers["person_name"] == persona.name
    assert re.search(r"Exampl|Exempl", persona.answers["person_address"])
    assert persona.answers.get("event_reference", "EXAMPLE").startswith("EXAMPLE")
    day = persona.answers.get("event_date", "2026-01-01")
    assert day[5:7] == day[8:10], "a patterned date such as 2026-03-03"
    assert persona.sources


@pytest.mark.parametrize("key", PERSONAS)
def test_a_persona_makes_a_specimen_in_every_format(key):
    case = persona_case(key)
    banner = letter_language(case.letter_language).meta["specimen"]
    letter = compose(case, banner=banner)
    assert banner in render_text(letter).splitlines()[0]
    header = Document(io.BytesIO(render_docx(letter))).sections[0].header
    assert banner in "\n".join(p.text for p in header.paragraphs)
    pdf = document_text("pdf", render_pdf(letter))
    assert pdf.count(banner.split(" — ")[0]) >= 2  # the banner and the watermark on the page
    assert personas()[key].name in pdf


@pytest.mark.parametrize("right", RIGHTS, ids=lambda r: r.id)
def test_every_article_named_is_in_the_catalogue(right):
    gdpr = load_catalogue().regimes["gdpr"]
    assert right.articles() and all(gdpr.has_article(ref) for ref in right.articles())
    assert right.refusals


@pytest.mark.parametrize("lang", i18n.interface_languages())
def test_the_handout_in_every_interface_language(lang):
    letter = compose_handout(lang)
    text = document_text("pdf", render_pdf(letter))
    _ = i18n.gettext_for(lang)
    for right in RIGHTS:
        assert " ".join(right_name(right.id, _).split()) in text, right.id
    if lang != "en":
        assert "If the authority says" not in text and "What to expect" not in text
    assert letter.direction == i18n.direction(lang)
