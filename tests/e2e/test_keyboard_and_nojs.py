"""The wizard with a keyboard only, without JavaScript, and across a language switch."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.e2e import checks
from tests.e2e import wizard as w

pytestmark = pytest.mark.e2e

AUTHORITY = "Bundesamt für Migration und Flüchtlinge"
NAME = "Amal Haddad"

ACTIVE = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  return {tag: e.tagName, id: e.id, type: e.getAttribute('type'), value: e.getAttribute('value'),
          focus: e.matches(':focus'), outline: s.outlineStyle,
          outlineWidth: parseFloat(s.outlineWidth) || 0, shadow: s.boxShadow};
}"""


def focused(page) -> dict:
    return page.evaluate(ACTIVE)


def assert_focus_visible(page, *, date_picker_gap: bool = True) -> dict:
    """The focused element shows the focus (an outline or a box-shadow).

    ``date_picker_gap``: tolerate the known gap of a date field whose calendar button
    has the focus (test_date_picker_button_shows_focus holds it as a strict xfail).
    """
    info = focused(page)
    if date_picker_gap and info["tag"] == "INPUT" and info["type"] == "date" and not info["focus"]:
        return info
    if info["tag"] != "BODY":
        visible = (info["outline"] != "none" and info["outlineWidth"] > 0) or info["shadow"] != "none"
        assert visible, f"focus is not visible on {info}"
    return info


def tab_to(page, selector: str, *, limit: int = 40) -> None:
    """Press Tab until the element matching ``selector`` has the focus; every stop shows it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        assert_focus_visible(page)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


def submit_with(page, key: str) -> None:
    """Press Enter or Space on the focused control and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)


NEXT_BUTTON = "main button.primary[name=action][value=next]"


def test_keyboard_only_walk(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/en/")
        tab_to(page, "main a.button.primary")  # Start
        submit_with(page, "Enter")
        assert w.current_step(page) == "kind"

        # Kind: Tab into the radio group, arrows move and choose.
        tab_to(page, "#kind-0")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        assert page.locator("#kind-2").is_checked()  # phone
        assert_focus_visible(page)
        tab_to(page, NEXT_BUTTON)
        submit_with(page, "Enter")
        assert w.current_step(page) == "topic"

        # Topic: Space chooses the focused radio, Space presses the button.
        tab_to(page, "#event_topic-0")
        page.keyboard.press("Space")
        assert page.locator("#event_topic-0").is_checked()
        tab_to(page, NEXT_BUTTON)
        submit_with(page, "Space")
        assert w.current_step(page) == "country"

        # Country: type-ahead in the closed select.
        tab_to(page, "#country")
        page.keyboard.type("Germany")
        assert page.locator("#country").input_value() == "DE"
        tab_to(page, NEXT_BUTTON)
        submit_with(page, "Enter")
        assert w.current_step(page) == "system"

        # System: the last option, "another system or I do not know", chosen with the arrows.
        tab_to(page, "#system-0")
        page.keyboard.press("ArrowUp")  # from the first radio, ArrowUp wraps to the last
        last = page.locator("input[name=system]").last
        assert last.is_checked() and last.get_attribute("value") == ""
        tab_to(page, NEXT_BUTTON)
        submit_with(page, "Enter")
        assert w.current_step(page) == "authority"

        # Authority: Enter in a text field goes to the next step, not to another language.
        tab_to(page, "#authority_name")
        page.keyboard.type(AUTHORITY)
        submit_with(page, "Enter")
        assert w.current_step(page) == "event", "Enter in a text field must press Next"
        assert page.url.endswith("/en/wizard")
        checks.assert_lang_dir(page, "en")

        # Event: all optional; through the date field's parts to Next.
        tab_to(page, "#event_reference")
        page.keyboard.type("7654321-438")
        submit_with(page, "Enter")
        assert w.current_step(page) == "rights"

        # Rights: keep the suggested ones.
        tab_to(page, NEXT_BUTTON)
        submit_with(page, "Enter")
        assert w.current_step(page) == "about"

        # About: Enter in the e-mail field after typing goes on.
        tab_to(page, "#person_name")
        page.keyboard.type(NAME)
        tab_to(page, "#person_email")
        page.keyboard.type("amal@example.org")
        submit_with(page, "Enter")
        assert w.current_step(page) == "languages"
        checks.assert_lang_dir(page, "en")

        tab_to(page, "#letter_language")
        page.keyboard.type("English")
        assert page.locator("#letter_language").input_value() == "en"
        tab_to(page, "#sent_on")
        submit_with(page, "Enter")
        assert w.current_step(page) == "review"

        rows = w.review_rows(page)
        assert rows["Your full name"] == NAME and rows["Name of the authority"] == AUTHORITY
        assert rows["Reference number of the decision or file"] == "7654321-438"

        # The Word letter, with the keyboard.
        tab_to(page, "main button[formaction$='/letter/docx']")
        with page.expect_download() as info:
            page.keyboard.press("Enter")
        text = checks.docx_text(Path(info.value.path()).read_bytes())
        assert NAME in text and AUTHORITY in text and "Art.\u00a018" in text
    finally:
        context.close()


def test_date_picker_button_shows_focus(phone, live_server):
    page = phone
    w.start(page, live_server, "en")
    values = {"kind": {"kind": "unsure"}, "country": {"country": "DE"},
              "authority": {"authority_name": AUTHORITY}}
    w.answer_step(page, values["kind"])
    w.next(page)
    # The unsure kind has no date field: change the kind on the way, the choice is kept.
    w.back(page)
    w.answer_step(page, {"kind": "phone"})
    w.next(page)
    w.answer_step(page, {"event_topic": "phone"})
    w.next(page)
    w.answer_step(page, values["country"])
    w.next(page)
    w.answer_step(page, {"system": ""})
    w.next(page)
    w.answer_step(page, values["authority"])
    w.next(page)
    assert w.current_step(page) == "event"
    tab_to(page, "#event_date")
    for _ in range(4):  # month, day, year, calendar button
        assert_focus_visible(page, date_picker_gap=False)
        page.keyboard.press("Tab")
        if focused(page)["id"] != "event_date":
            break


def test_skip_link_moves_focus_to_the_question(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(f"{live_server}/en/wizard")
        page.keyboard.press("Tab")
        assert_focus_visible(page)
        assert focused(page)["tag"] == "A"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        # The next stop after the skip link's target is the first answer, not the header.
        assert focused(page)["id"] == "kind-0"
    finally:
        context.close()


def test_walk_without_javascript(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False,
                                  accept_downloads=True)
    page = context.new_page()
    try:
        assert page.evaluate("1 + 1") == 2  # Playwright's own scripts still run
        values = {
            "topic": {"event_topic": "phone"},
            "country": {"country": "DE"},
            "authority": {"authority_name": AUTHORITY},
            "about": {"person_name": NAME, "person_email": "amal@example.org"},
            "languages": {"letter_language": "en"},
        }
        seen = w.walk_to_review(page, live_server, "en", "phone", values)
        assert seen[-1] == "review" and "languages" in seen
        data = w.download(page, "docx")
        text = checks.docx_text(data)
        assert NAME in text and AUTHORITY in text
        for article in ("Art.\u00a015 GDPR", "Art.\u00a017 GDPR", "Art.\u00a018 GDPR"):
            assert article in text
        # The print page works without script too; its Print button stays hidden.
        w.press(page, "main button[formaction$='/letter/print']")
        assert page.locator(".print-letter").inner_text().count(NAME) >= 1

    finally:
        context.close()


def test_print_button_hidden_without_javascript(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    try:
        w.jump_to_review(page, live_server, "en", w.sample_answers())
        w.press(page, "main button[formaction$='/letter/print']")
        assert page.locator(".print-letter").is_visible()
        assert page.locator("#print-button").is_hidden(), "a Print button that cannot work is shown"
    finally:
        context.close()


def test_language_switch_keeps_answers(phone, live_server):
    page = phone
    values = {
        "kind": {"kind": "phone"},
        "topic": {"event_topic": "computer"},
        "country": {"country": "DE"},
        "authority": {"authority_name": AUTHORITY, "authority_address": "Frankenstraße 210\n90461 Nürnberg"},
        "event": {"event_date": "2026-10-01", "event_reference": "7654321-438"},
    }
    w.start(page, live_server, "en")
    while w.current_step(page) != "about":
        w.answer_step(page, values.get(w.current_step(page), {}))
        w.next(page)
    page.locator("#person_name").click()
    page.keyboard.type("Amal Had")  # half-typed
    page.locator("#person_email").fill("amal@example.org")
    w.press(page, "nav.languages button[lang=ar]")

    assert page.url.endswith("/ar/wizard")
    checks.assert_lang_dir(page, "ar")
    assert w.current_step(page) == "about"
    assert page.locator("#person_name").input_value() == "Amal Had"
    assert page.locator("#person_email").input_value() == "amal@example.org"
    assert not page.locator(".error-message").count(), "switching language is not a submit"

    page.locator("#person_name").press("End")
    page.keyboard.type("dad")
    w.next(page)
    assert w.current_step(page) == "languages"
    w.answer_step(page, {"letter_language": "en"})
    assert page.locator("#sheet_language").input_value() == "ar"  # follows the new interface
    w.next(page)
    assert w.current_step(page) == "review"
    checks.assert_lang_dir(page, "ar")
    summary = page.locator("main").inner_text()
    for kept in (NAME, AUTHORITY, "Frankenstraße 210", "7654321-438", "amal@example.org",
                 "ألمانيا",  # Germany, now named in Arabic
                 checks.format_date(dt.date(2026, 10, 1), "long", locale="ar")):
        assert kept in summary, f"{kept!r} lost after switching language"
    assert page.locator("#kind-2").count() == 0
    answers = page.locator("form#wizard input[name=answers]").input_value()
    assert '"kind":"phone"' in answers and '"event_topic":"computer"' in answers
