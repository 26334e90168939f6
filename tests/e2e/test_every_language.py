"""Every interface language in the real browser, on a phone: the pages are in that language,
laid out in its direction, readable without sideways scrolling, and pass axe."""
from __future__ import annotations

import pytest

from app import i18n
from app.web.steps import STEPS
from tests.e2e import checks
from tests.e2e import wizard as w

LANGUAGES = i18n.interface_languages()


# A phone read out by the BAMF: the walk meets every kind of page (choices, the system step,
# the registry pick, dates, checkboxes, text areas, the languages step, the review page).
ANSWERS = {
    "topic": {"event_topic": "phone"},
    "country": {"country": "DE"},
    "system": {"system": "bamf_phone"},
    "event": {"event_date": "2026-10-01"},
    "about": {"person_name": "Amal Haddad", "person_email": "amal@example.org"},
}
ENGLISH_TITLES = {step.name: str(step.title) for step in STEPS}


def _english_sentences() -> set[str]:
    """Interface messages long enough to be sentences (names and codes are left aside)."""
    from babel.messages.pofile import read_po

    from app.paths import data_dir

    with (data_dir("locales") / "messages.pot").open("rb") as handle:
        catalog = read_po(handle)
    return {m.id for m in catalog if isinstance(m.id, str) and len(m.id) >= 25 and "%(" not in m.id}


ENGLISH = _english_sentences()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_of_the_wizard(phone, live_server, lang):
    page = phone
    page.goto(f"{live_server}/{lang}/")
    checks.assert_page_ok(page, lang, "start")

    def each_page(page, step):
        checks.assert_page_ok(page, lang, step)
        if lang != "en":  # the question itself is translated, not the English source
            assert page.locator("main h1").inner_text().strip() != ENGLISH_TITLES[step], step
            shown = page.locator("body").inner_text()
            untranslated = [m for m in ENGLISH if m in shown]
            assert not untranslated, (step, untranslated[:3])

    values = {**ANSWERS, "languages": {"sheet_language": lang}}
    seen = w.walk_to_review(page, live_server, lang, "phone", values, on_page=each_page)
    assert seen[:4] == ["kind", "topic", "country", "system"] and seen[-1] == "review"

    # Then the pages of a follow-up letter: the choice, what happened, the check page.
    w.press(page, "main button[name=action][value=followup]")
    for step, answers in (("followup", {"followup_letter": "complaint"}), ("reply", {"followup_keep_identity": True})):
        assert w.current_step(page) == step
        each_page(page, step)
        w.answer_step(page, answers)
        w.next(page)
    assert w.current_step(page) == "followup_review"
    each_page(page, "followup_review")


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if i18n.direction(code) == "rtl"])
def test_right_to_left_languages_are_mirrored(phone, live_server, lang):
    page = phone
    w.start(page, live_server, lang)
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).direction") == "rtl"
    # The Next button sits at the right-hand (start) side in a right-to-left layout.
    box = page.locator("main button.primary").bounding_box()
    assert box["x"] + box["width"] > 360 / 2
