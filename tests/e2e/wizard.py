"""A small page object for the wizard, used by the browser tests.

Everything here acts as a person would: it clicks, types and chooses in a real page.
Only ``jump_to_review`` takes a shortcut (it fills the hidden answers field), for tests
that are about the pages after the review, not about the walk.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from playwright.sync_api import Page

WIZARD = "form#wizard"
NEXT = f"{WIZARD} .actions button.primary[name=action][value=next]"
BACK = f"{WIZARD} .actions button[name=action][value=back]"


def start(page: Page, base: str, lang: str) -> None:
    """Open the start page in ``lang`` and press Start: the first question shows."""
    page.goto(f"{base}/{lang}/")
    with page.expect_navigation():
        page.locator("main a.button.primary").click()
    assert current_step(page) == "kind", page.url


def current_step(page: Page) -> str:
    """The name of the step on screen (from the hidden ``step`` input), or ``""``."""
    field = page.locator(f"{WIZARD} input[type=hidden][name=step]")
    return field.input_value() if field.count() else ""


def answer_step(page: Page, values: dict) -> None:
    """Fill the page's fields by id, as a person would.

    ``values`` maps a field id (= field name) to its answer: text is typed, a select gets
    the option with that value, ``True``/``False`` ticks or unticks a checkbox, a string
    for a radio group checks the radio with that value, a list for a checkbox group ticks
    exactly those boxes. An id of one radio (``kind-2``) with ``True`` checks that radio.
    ``None`` leaves the field as it is. Radios and checkboxes are clicked on their label.
    """
    for key, value in values.items():
        if value is None:  # leave this answer alone
            continue
        group = page.locator(f"{WIZARD} input[name='{key}'][type=radio], {WIZARD} input[name='{key}'][type=checkbox]")
        if group.count() > 1 or (group.count() == 1 and not isinstance(value, bool)):
            wanted = {value} if isinstance(value, str) else set(value)
            boxes = [group.nth(i) for i in range(group.count())]
            # Radios first click the wanted one (that unchecks a preselected one); checkboxes toggle.
            for box in sorted(boxes, key=lambda b: b.get_attribute("value") not in wanted):
                if (box.get_attribute("value") in wanted) != box.is_checked():
                    page.locator(f"label[for='{box.get_attribute('id')}']").click()
            for box in boxes:
                assert (box.get_attribute("value") in wanted) == box.is_checked()
            continue
        element = page.locator(f"#{key}")
        tag = element.evaluate("e => e.tagName.toLowerCase()")
        kind = (element.get_attribute("type") or "").lower()
        if tag == "select":
            element.select_option(value)
        elif kind in ("checkbox", "radio"):
            element.set_checked(bool(value))
        else:
            element.fill(value)


def next(page: Page) -> None:  # noqa: A001 - the button's name
    """Press the page's main button (Next, or Save and go back on a change)."""
    press(page, NEXT)


def back(page: Page) -> None:
    press(page, BACK)


def press(page: Page, selector: str) -> None:
    """Click a submit button and wait for the page it leads to."""
    with page.expect_navigation():
        page.locator(selector).click()


def error_of(page: Page, field_id: str):
    """The error message shown next to field ``field_id`` (a Locator)."""
    return page.locator(f"#{field_id}-error")


def walk_to_review(page: Page, base: str, lang: str, kind: str, values: dict | None = None,
                   *, on_page=None) -> list[str]:
    """Answer every step from the start to the review page; returns the steps seen.

    ``values`` maps a step name to the answers for that step (``answer_step`` form);
    ``kind`` is chosen on the first step. ``on_page(page, step)`` runs on every page shown.
    """
    values = {**(values or {}), "kind": {"kind": kind, **(values or {}).get("kind", {})}}
    start(page, base, lang)
    seen = []
    for _ in range(20):
        step = current_step(page)
        seen.append(step)
        if on_page:
            on_page(page, step)
        if step == "review":
            return seen
        answer_step(page, values.get(step, {}))
        next(page)
        if current_step(page) == step:
            errors = page.locator(".error-message").all_inner_texts()
            raise AssertionError(f"step {step!r} did not accept its answers: {errors}")
    raise AssertionError(f"no review page after {seen}")


def jump_to_review(page: Page, base: str, lang: str, answers: dict) -> None:
    """Open the review page for ``answers`` without walking (shortcut for page tests)."""
    page.goto(f"{base}/{lang}/wizard")
    page.locator(f"{WIZARD} input[name=answers]").evaluate(
        "(e, v) => { e.value = v; }", json.dumps(answers, ensure_ascii=False))
    page.locator(f"{WIZARD} input[name=step]").evaluate("e => { e.value = 'review'; }")
    next(page)
    assert current_step(page) == "review"


def download_button(page: Page, fmt: str):
    return page.locator(f"{WIZARD} button[formaction$='/letter/{fmt}']")


def download(page: Page, fmt: str) -> bytes:
    """Press the review page's download button for ``fmt`` and return the file's bytes."""
    with page.expect_download() as info:
        download_button(page, fmt).click()
    path = info.value.path()
    assert info.value.failure() is None, info.value.failure()
    return Path(path).read_bytes()


def download_with_name(page: Page, fmt: str) -> tuple[str, bytes]:
    """Like ``download``, with the file name the server suggests."""
    with page.expect_download() as info:
        download_button(page, fmt).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def review_rows(page: Page) -> dict[str, str]:
    """The review page's answers as {label: shown value}."""
    rows = {}
    for row in page.locator("section.summary .row").all():
        rows[row.locator("dt").inner_text().strip()] = row.locator("dd").inner_text().strip()
    return rows


def deadline_text(page: Page) -> str:
    return re.sub(r"\s+", " ", page.locator("section.deadline p").first.inner_text()).strip()


def sample_answers(**overrides) -> dict:
    """Complete answers for ``jump_to_review`` (a phone read-out in Germany, English letter)."""
    import datetime as dt

    answers = {
        "kind": "phone", "event_topic": "phone", "country": "DE",
        "authority_name": "Bundesamt für Migration und Flüchtlinge",
        "authority_address": "Frankenstraße 210\n90461 Nürnberg", "authority_email": "poststelle@bamf.bund.de",
        "event_date": "2026-10-01", "event_reference": "7654321-438",
        "rights": ["access", "erasure", "restriction"], "rights_for": "phone",
        "person_name": "Amal Haddad", "person_email": "amal@example.org",
        "person_address": "Musterweg 1\n10115 Berlin", "place": "Berlin",
        "letter_language": "en", "sheet_language": "en", "sent_on": dt.date.today().isoformat(),
    }
    return {**answers, **overrides}


def upload_refused(page: Page, url: str, field: str, path: Path) -> None:
    """Upload ``path`` into the file field ``field`` on ``url`` and press the main button:
    the message shows next to the field and is tied to it for a screen reader."""
    page.goto(url)
    page.locator(f"#{field}").set_input_files(str(path))
    press(page, "main button.primary")
    assert page.locator(f"#{field}-error").is_visible()
    assert page.locator(f"#{field}").get_attribute("aria-describedby") == f"{field}-error"
