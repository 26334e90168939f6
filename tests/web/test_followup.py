"""Follow-up letters in the web flow: choose one from the check page, say what happened,
check it, download it; every mistake answered next to its field, nothing lost."""
from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from babel.dates import format_date
from icalendar import Calendar

from app.letters.templates import letter_date, letter_language
from tests.fixtures.cases import CASE
from tests.fixtures.readback import document_text

from .helpers import carried, current_step, errors, page, post_step

TODAY = dt.date.today()
SENT = TODAY - dt.timedelta(days=45)  # "a request sent six weeks ago"


@pytest.fixture
def sent(answers):
    """The shared answers of a first letter sent six weeks ago to the BAMF (registry entry)."""
    return {**answers, "sent_on": SENT.isoformat(), "authority_id": "bamf", "kind": "decision",
            "event_topic": "asylum", "rights": ["access", "explanation", "human_review"], "rights_for": "decision",
            "event_date": (SENT - dt.timedelta(days=10)).isoformat()}


def start(client, answers):
    """Press "Write a follow-up letter" on the check page."""
    response = post_step(client, "en", "review", {}, answers, action="followup")
    assert current_step(response) == "followup"
    return response


def choose(client, answers, letter):
    response = post_step(client, "en", "followup", {"followup_letter": letter}, carried(start(client, answers)))
    assert current_step(response) == "reply", errors(response)
    return response


REPLIES = {
    "reminder": ({"followup_written_on": TODAY.isoformat()}, "I have received no answer"),
    "incomplete": ({"followup_answered_on": (SENT + dt.timedelta(days=20)).isoformat(), "followup_answer_reference": "OUT-1",
                    "followup_missing": ["copy", "logic"], "followup_written_on": TODAY.isoformat()},
                   "C-203/22"),
    "complaint": ({"followup_answer": "refused", "followup_answered_on": (SENT + dt.timedelta(days=20)).isoformat(),
                   "followup_missing": ["legal_basis"], "followup_keep_identity": "y",
                   "followup_statement": "Nobody read my file.", "followup_written_on": TODAY.isoformat()},
                  "not to disclose my identity"),
    "reconsideration": ({"followup_statement": "I was not heard.", "followup_written_on": TODAY.isoformat()},
                        "I ask that a person review this decision"),
}


# A complaint of 20 November 2026 on a request of 1 September 2026: fixed dates, so that the
# expected last day (22 February 2027, 20 February being a Saturday) never moves with today.
FIXED = {"sent_on": "2026-09-01", "event_date": "2026-08-20"}
FIXED_REPLY = {"followup_written_on": "2026-11-20", "followup_answered_on": "2026-10-05"}


def test_the_check_page_offers_a_follow_up(client, sent):
    response = post_step(client, "en", "review", {}, sent)
    assert 'value="followup"' in response.get_data(as_text=True)


def test_only_the_letters_the_law_gives_are_offered(client, sent):
    shown = page(start(client, sent))
    offered = [i["value"] for i in shown.inputs if i.get("name") == "followup_letter"]
    assert offered == ["reminder", "incomplete", "complaint", "reconsideration"]
    french = {**sent, "country": "FR", "authority_id": "cnaf", "system": "cnaf_scoring", "event_topic": "benefits",
              "letter_language": "fr"}
    offered = [i["value"] for i in page(start(client, french)).inputs if i.get("name") == "followup_letter"]
    assert "complaint_crpa" in offered


@pytest.mark.parametrize("letter", list(REPLIES))
@pytest.mark.parametrize("fmt", ["pdf", "docx", "txt"])
def test_each_follow_up_from_choice_to_download(client, sent, letter, fmt):
    fields, phrase = REPLIES[letter]
    response = post_step(client, "en", "reply", fields, carried(choose(client, sent, letter)))
    assert current_step(response) == "followup_review", errors(response)
    answers = carried(response)
    download = client.post(f"/en/letter/{fmt}", data={"answers": json.dumps(answers), "which": "followup"})
    assert download.status_code == 200, current_step(download)
    assert "Amal" not in download.headers["Content-Disposition"]
    text = document_text(fmt, download.data)
    assert phrase in text
    assert letter_date(SENT, letter_language("en")) in text or letter == "reconsideration"
    first = client.post(f"/en/letter/{fmt}", data={"answers": json.dumps(answers)})  # the first letter is still there
    assert "Reminder" not in document_text(fmt, first.data)[:400]


def test_a_complaint_goes_to_the_supervisory_authority(client, sent):
    fields, _ = REPLIES["complaint"]
    response = post_step(client, "en", "reply", fields, carried(choose(client, sent, "complaint")))
    html = response.get_data(as_text=True)
    assert "Where the complaint goes" in html and "Graurheindorfer Straße 153\n53117 Bonn" in html
    assert "change:followup_review" not in html  # the check page lists answers, not itself
    download = client.post("/en/letter/txt", data={"answers": json.dumps(carried(response)), "which": "followup"})
    text = download.get_data(as_text=True)
    assert text.index("Bundesbeauftragte") < text.index("Complaint against")  # the BfDI is the recipient
    assert "Art.\u00a077 GDPR" in text and "BDSG" not in text  # no BDSG: the BAMF case here has no system


@pytest.mark.parametrize(("letter", "shown", "hidden"), [
    ("reminder", {"followup_extension", "followup_written_on"}, {"followup_answer", "followup_missing", "followup_keep_identity"}),
    ("incomplete", {"followup_answered_on", "followup_missing"}, {"followup_answer", "followup_keep_identity"}),
    ("complaint", {"followup_answer", "followup_missing", "followup_keep_identity", "followup_statement"}, set()),
    ("reconsideration", {"followup_statement"}, {"followup_missing", "followup_keep_identity"}),
])
def test_the_reply_page_asks_only_what_the_letter_needs(client, sent, letter, shown, hidden):
    names = {i.get("name") for i in page(choose(client, sent, letter)).inputs} | set(page(choose(client, sent, letter)).textareas)
    assert shown <= names and not hidden & names


@pytest.mark.parametrize(("letter", "fields", "field", "message"), [
    ("reminder", {"followup_written_on": (SENT + dt.timedelta(days=5)).isoformat()}, "followup_written_on",
     "has not ended yet"),
    ("incomplete", {"followup_written_on": TODAY.isoformat()}, "followup_missing", "Tick at least one"),
    ("complaint", {"followup_answered_on": (SENT - dt.timedelta(days=3)).isoformat(),
                   "followup_written_on": TODAY.isoformat()}, "followup_answered_on", "between your first letter"),
    ("complaint", {"followup_written_on": (SENT - dt.timedelta(days=1)).isoformat()}, "followup_written_on",
     "before your first letter"),
    ("complaint", {"followup_written_on": "31.02.2026"}, "followup_written_on", "not a date"),
])
def test_a_mistake_is_explained_next_to_its_field(client, sent, letter, fields, field, message):
    fields = {**fields, "followup_statement": "kept words"} if letter == "complaint" else fields
    response = post_step(client, "en", "reply", fields, carried(choose(client, sent, letter)))
    assert current_step(response) == "reply"
    assert message in errors(response).get(field, ""), errors(response)
    kept = carried(response)
    assert kept["person_name"] == "Amal Haddad" and kept["followup_letter"] == letter
    if letter == "complaint":
        assert page(response).value("followup_statement") == "kept words"


def test_the_reply_page_shows_the_dates_of_the_first_letter(client, sent):
    html = choose(client, sent, "reminder").get_data(as_text=True)
    assert "Your first letter" in html and "A reminder can be dated from" in html


def test_proof_of_sending_checklist_in_the_persons_language(client, sent):
    fields, _ = REPLIES["complaint"]
    answers = carried(post_step(client, "en", "reply", fields, carried(choose(client, sent, "complaint"))))
    english = client.post("/en/letter/proof", data={"answers": json.dumps({**answers, "sheet_language": "en"}),
                                                     "which": "followup"})
    text = document_text("pdf", english.data)
    assert "registered post" in text and "Der Bundesbeauftragte" in text
    assert "Proof of sending or delivery of my request" in text  # the enclosures to add
    arabic = client.post("/en/letter/proof", data={"answers": json.dumps(answers), "which": "followup"})
    assert arabic.status_code == 200 and "registered post" not in document_text("pdf", arabic.data)


@pytest.mark.parametrize("letter", ["complaint", "reminder"])
def test_the_proof_checklist_of_a_complaint_gives_its_dates(client, sent, letter):
    fields, _ = REPLIES[letter]
    fields = {**fields, **{k: v for k, v in FIXED_REPLY.items() if k in fields or k == "followup_written_on"}}
    answers = carried(post_step(client, "en", "reply", fields, carried(choose(client, {**sent, **FIXED}, letter))))
    proof = client.post("/en/letter/proof", data={"answers": json.dumps({**answers, "sheet_language": "en"}),
                                                   "which": "followup"})
    text = " ".join(document_text("pdf", proof.data).split())
    last, first = (format_date(dt.date(2027, 2, day), "long", locale="en") for day in (22, 23))
    shown = "After you send the complaint" in text
    assert shown == (letter == "complaint")
    assert (f"by {last}." in text and f"go to court from {first}." in text) == shown


def test_saved_case_keeps_the_follow_up_and_opens_again(client, sent):
    fields, _ = REPLIES["complaint"]
    answers = carried(post_step(client, "en", "reply", fields, carried(choose(client, sent, "complaint"))))
    saved = client.post("/en/case/save", data={"answers": json.dumps(answers), "which": "followup"})
    data = json.loads(saved.data)
    assert data["followup"]["letter"] == "complaint" and data["followup"]["keep_identity"] is True
    opened = client.post("/en/case/open", data={"case": (io.BytesIO(saved.data), "case.json")},
                         content_type="multipart/form-data")
    reopened = carried(opened)
    assert reopened["followup_letter"] == "complaint" and reopened["followup_missing"] == ["legal_basis"]
    assert reopened["followup_statement"] == "Nobody read my file."


def test_six_weeks_later_with_only_the_sheet_a_reminder_in_four_presses(client, sent):
    """The promise of the follow-ups: the sheet PDF alone, no retyping, a reminder out."""
    sheet = client.post("/en/letter/sheet", data={"answers": json.dumps(sent)})
    opened = client.post("/en/case/open", data={"case": (io.BytesIO(sheet.data), "sheet.pdf")},
                         content_type="multipart/form-data")
    assert current_step(opened) == "review"
    chosen = post_step(client, "en", "followup", {"followup_letter": "reminder"},
                       carried(post_step(client, "en", "review", {}, carried(opened), action="followup")))
    checked = post_step(client, "en", "reply", {"followup_written_on": TODAY.isoformat()}, carried(chosen))
    assert current_step(checked) == "followup_review", errors(checked)
    letter = client.post("/en/letter/pdf", data={"answers": json.dumps(carried(checked)), "which": "followup"})
    text = document_text("pdf", letter.data)
    assert "Reminder: my request of " + letter_date(SENT, letter_language("en")) in text
    assert CASE["person"]["name"] in text


def test_back_from_the_follow_up_returns_to_the_check_page(client, sent):
    response = post_step(client, "en", "followup", {}, carried(start(client, sent)), action="back")
    assert current_step(response) == "review"


def test_change_on_the_follow_up_check_page_comes_back_to_it(client, sent):
    fields, _ = REPLIES["reminder"]
    answers = carried(post_step(client, "en", "reply", fields, carried(choose(client, sent, "reminder"))))
    change = post_step(client, "en", "followup_review", {}, answers, action="change:followup")
    assert current_step(change) == "followup"
    back = post_step(client, "en", "followup", {"followup_letter": "incomplete"}, carried(change),
                     return_to="followup_review")
    assert current_step(back) == "followup_review"
    assert "Tick at least one thing" in back.get_data(as_text=True)  # the new letter needs its checklist


def _calendar_events(data: bytes) -> list[tuple[dt.date, str]]:
    calendar = Calendar.from_ical(data)
    return sorted((event.decoded("dtstart"), str(event["summary"])) for event in calendar.walk("VEVENT"))


def test_a_complaint_shows_and_files_the_supervisory_authoritys_last_day(client, sent):
    fields, _ = REPLIES["complaint"]
    response = post_step(client, "en", "reply", {**fields, **FIXED_REPLY},
                         carried(choose(client, {**sent, **FIXED}, "complaint")))
    assert current_step(response) == "followup_review", errors(response)
    text = response.get_data(as_text=True)
    assert "After you send the complaint" in text
    last, first = (format_date(dt.date(2027, 2, day), "long", locale="en") for day in (22, 23))  # 20 Feb: Saturday
    assert f"by {last}." in text and f"go to court from {first}." in text
    assert "Bundesbeauftragte" in text.split("After you send the complaint")[1].split("</section>")[0]
    download = client.post("/en/case/calendar", data={"answers": json.dumps(carried(response)), "which": "followup"})
    assert download.status_code == 200 and download.mimetype == "text/calendar"
    assert download.headers["Content-Disposition"].endswith("recours-dates-2026-11-20.ics")
    (last, last_text), (court, court_text) = _calendar_events(download.data)
    assert (last, court) == (dt.date(2027, 2, 22), dt.date(2027, 2, 23))
    assert "Last day for the supervisory authority (Der Bundesbeauftragte" in last_text
    assert "You may now go to court" in court_text


@pytest.mark.parametrize("letter", ["reminder", "incomplete", "reconsideration"])
def test_other_follow_ups_offer_no_complaint_dates(client, sent, letter):
    fields, _ = REPLIES[letter]
    response = post_step(client, "en", "reply", fields, carried(choose(client, sent, letter)))
    text = response.get_data(as_text=True)
    assert "After you send the complaint" not in text and "/case/calendar" not in text
    asked = client.post("/en/case/calendar", data={"answers": json.dumps(carried(response)), "which": "followup"})
    assert asked.status_code == 200 and current_step(asked) == "followup_review"
    assert "no date to put in a calendar" in asked.get_data(as_text=True)


def test_the_first_letters_calendar_is_unchanged(client, sent):
    download = client.post("/en/case/calendar", data={"answers": json.dumps(sent)})
    assert download.mimetype == "text/calendar"
    (last, last_text), (reminder, reminder_text) = _calendar_events(download.data)
    assert reminder == last + dt.timedelta(days=1)
    assert last_text.startswith("Last day for the answer from") and "Send a reminder today" in reminder_text
