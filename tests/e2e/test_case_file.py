"""Coming back later with only the saved case, or only the explanation sheet, in the browser."""
from __future__ import annotations

import pytest

from tests.e2e import checks
from tests.e2e import wizard as w


def _save(page, selector: str, tmp_path, name: str):
    with page.expect_download() as info:
        page.locator(selector).click()
    path = tmp_path / name
    info.value.save_as(path)
    return path


@pytest.mark.parametrize("lang, what", [("en", "case"), ("ar", "sheet")])
def test_come_back_with_the_saved_file(phone, live_server, tmp_path, lang, what):
    page = phone
    answers = w.sample_answers(person_name="Amal Haddad", sheet_language=lang)
    w.jump_to_review(page, live_server, lang, answers)
    button = ("main button[formaction$='/case/save']" if what == "case"
              else "main button[formaction$='/letter/sheet']")
    kept = _save(page, button, tmp_path, f"kept.{'json' if what == 'case' else 'pdf'}")

    # Later, in a fresh visit: the start page, "continue from a saved case", the file.
    page.goto(f"{live_server}/{lang}/")
    w.press(page, f"main a[href='/{lang}/case/open']")  # wait for the page, not just the click
    checks.assert_page_ok(page, lang, "open a saved case")
    page.locator("#case").set_input_files(str(kept))
    w.press(page, "main button.primary")
    assert w.current_step(page) == "review"
    checks.assert_page_ok(page, lang, "review after opening")
    assert "Amal Haddad" in page.locator("main").inner_text()
    assert "Bundesamt für Migration und Flüchtlinge" in page.locator("main").inner_text()


def test_a_wrong_file_gets_a_message_next_to_the_field(phone, live_server, tmp_path):
    page = phone
    wrong = tmp_path / "photo.json"
    wrong.write_bytes(b"\x89PNG not a case")
    w.upload_refused(page, f"{live_server}/en/case/open", "case", wrong)
    checks.assert_page_ok(page, "en", "open with an error")
