"""Every interface language in the real browser, on a phone: the pages are in that language,
laid out in its direction, readable without sideways scrolling, and pass axe."""
from __future__ import annotations

import pytest

from app import i18n
from tests.e2e import checks
from tests.e2e import wizard as w

LANGUAGES = i18n.interface_languages()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_start_first_question_and_review(phone, live_server, lang):
    page = phone
    page.goto(f"{live_server}/{lang}/")
    checks.assert_page_ok(page, lang, "start")
    w.start(page, live_server, lang)
    checks.assert_page_ok(page, lang, "first question")
    # The question and its reason are translated: neither is the English source text.
    if lang != "en":
        assert page.locator("main h1").inner_text().strip() != "What happened to you?"
        assert "Your answer decides" not in page.locator("p.why").inner_text()
    w.jump_to_review(page, live_server, lang, w.sample_answers(sheet_language=lang))
    checks.assert_page_ok(page, lang, "review")
    if lang != "en":
        assert "Check your letter" not in page.locator("main h1").inner_text()


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if i18n.direction(code) == "rtl"])
def test_right_to_left_languages_are_mirrored(phone, live_server, lang):
    page = phone
    w.start(page, live_server, lang)
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).direction") == "rtl"
    # The Next button sits at the right-hand (start) side in a right-to-left layout.
    box = page.locator("main button.primary").bounding_box()
    assert box["x"] + box["width"] > 360 / 2
