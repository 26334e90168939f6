"""Six weeks later, in the browser: the explanation sheet opened again, a follow-up letter
chosen, a mistake corrected next to its field, the letter downloaded and read back."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.e2e import checks
from tests.e2e import wizard as w

SENT = dt.date.today() - dt.timedelta(days=45)


def _opened_from_sheet(page, base, lang, tmp_path):
    answers = w.sample_answers(person_name="Amal Haddad", sheet_language=lang, sent_on=SENT.isoformat(),
                               authority_id="bamf", event_date=(SENT - dt.timedelta(days=7)).isoformat())
    w.jump_to_review(page, base, lang, answers)
    with page.expect_download() as info:
        page.locator("main button[formaction$='/letter/sheet']").click()
    sheet = tmp_path / "sheet.pdf"
    info.value.save_as(sheet)
    page.goto(f"{base}/{lang}/case/open")
    page.locator("#case").set_input_files(str(sheet))
    w.press(page, "main button.primary")
    assert w.current_step(page) == "review"


@pytest.mark.parametrize(("lang", "letter"), [("en", "reminder"), ("ar", "reminder"), ("en", "complaint"),
                                             ("ar", "complaint"), ("ar", "incomplete")])
def test_a_follow_up_from_the_sheet_alone(phone, live_server, tmp_path, lang, letter):
    page = phone
    _opened_from_sheet(page, live_server, lang, tmp_path)
    w.press(page, "main button[name=action][value=followup]")
    checks.assert_page_ok(page, lang, "follow-up choice")
    w.answer_step(page, {"followup_letter": letter})
    w.next(page)
    assert w.current_step(page) == "reply"
    checks.assert_page_ok(page, lang, "what happened")
    # A deliberate mistake first: a reminder dated before the period ended, or no item ticked.
    if letter == "reminder":
        w.answer_step(page, {"followup_written_on": (SENT + dt.timedelta(days=3)).isoformat()})
        w.next(page)
        checks.assert_error_next_to(page, "followup_written_on")
        w.answer_step(page, {"followup_written_on": dt.date.today().isoformat()})
    elif letter == "incomplete":
        w.next(page)
        assert w.error_of(page, "followup_missing").is_visible()
        w.answer_step(page, {"followup_missing": ["copy", "recipients"],
                             "followup_answered_on": (SENT + dt.timedelta(days=20)).isoformat()})
    else:
        w.answer_step(page, {"followup_answer": "refused", "followup_missing": ["legal_basis"],
                             "followup_keep_identity": True, "followup_statement": "Nobody read my file."})
    w.next(page)
    assert w.current_step(page) == "followup_review", page.locator(".error-message").all_inner_texts()
    checks.assert_page_ok(page, lang, "follow-up check page")
    text = checks.pdf_text(w.download(page, "pdf"))
    expected = {"reminder": "Reminder", "incomplete": "Incomplete answer", "complaint": "Complaint against"}[letter]
    assert expected in text and "Amal Haddad" in text
    assert checks.letter_date(SENT, "en") in checks.fold(text)
    if letter == "complaint":
        assert "Bundesbeauftragte" in text and "not to disclose my identity" in checks.fold(text)
        # The supervisory authority's last day, shown and as a calendar file.
        assert page.locator("#after-title").is_visible()
        with page.expect_download() as info:
            page.locator("main button[formaction$='/case/calendar']").click()
        events = Calendar.from_ical(Path(info.value.path()).read_bytes()).walk("VEVENT")
        assert len(events) == 2 and all("Bundesbeauftragte" in str(event["summary"]) for event in events)
    proof = checks.pdf_text(w.download(page, "proof"))
    assert ("registered post" in proof) == (lang == "en")
