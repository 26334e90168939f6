"""Trainer mode in the real browser: every persona walked with Next alone in two languages,
the specimen downloaded and read back; the training and rights pages pass axe, at 360 px,
in presenter view too; the language switch keeps the page."""
from __future__ import annotations

import pytest

from app import i18n
from app.letters.compose import available_languages, letter_language
from app.training.personas import personas
from tests.e2e import checks
from tests.e2e import wizard as w

OTHERS = [code for code in i18n.interface_languages() if code != "en"]
WALKS = [(key, lang) for index, key in enumerate(personas()) for lang in ("en", OTHERS[index % len(OTHERS)])]
MARKS = {letter_language(code).meta["specimen"].split(" — ")[0] for code in available_languages()}


@pytest.mark.parametrize(("key", "lang"), WALKS)
def test_a_persona_walked_with_next_alone(phone, live_server, key, lang):
    page = phone
    page.goto(f"{live_server}/{lang}/training")
    checks.assert_lang_dir(page, lang)
    w.press(page, f"main form[action$='/training/{key}'] button")
    seen = []
    for _ in range(20):
        step = w.current_step(page)
        seen.append(step)
        assert page.locator(".specimen-note").is_visible(), step
        if step == "review":
            break
        w.next(page)
        assert w.current_step(page) != step, (step, page.locator(".error-message").all_inner_texts())
    assert seen[-1] == "review" and seen[0] == "kind"
    assert personas()[key].name in page.locator("main").inner_text()
    text = checks.pdf_text(w.download(page, "pdf"))
    assert any(mark in text for mark in MARKS), text[:200]
    assert page.locator("main button[formaction$='/case/save']").count() == 0


@pytest.mark.parametrize("lang", ["en", "ar", "fa"])
@pytest.mark.parametrize("path", ["training", "training?present=1", "rights", "rights/explanation",
                                  "rights/access?present=1"])
def test_training_pages_pass_axe(phone, live_server, lang, path):
    page = phone
    page.goto(f"{live_server}/{lang}/{path}")
    checks.assert_page_ok(page, lang, path)


def test_presenter_walk_switches_language_live(phone, live_server):
    page = phone
    page.goto(f"{live_server}/en/training?present=1")
    w.press(page, "main form[action$='/training/farid'] button")
    assert page.evaluate("document.body.classList.contains('presenter')")
    w.next(page)
    w.press(page, "nav.languages button[lang='fa']")  # the language switch re-posts the page
    checks.assert_lang_dir(page, "fa")
    assert page.evaluate("document.body.classList.contains('presenter')")
    assert w.current_step(page) == "topic"
    checks.assert_axe_clean(page, "presenter in Farsi")
