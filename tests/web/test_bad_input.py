"""Bad input on every text, date and e-mail field: a message next to the field, nothing lost."""
from __future__ import annotations

import datetime as dt

import pytest

from app import i18n

from .helpers import carried, current_step, errors, has_error_summary, page, post_step

STEP_FIELDS = {
    "authority": ("authority_id", "authority_name", "authority_address", "authority_email"),
    "event": ("event_date", "event_reference", "event_system"),
    "details": ("details_inaccurate", "details_correction", "details_situation"),
    "about": ("person_name", "person_other_names", "person_birth_date", "person_references",
              "person_address", "person_email", "place", "for_someone_else"),
    "representative": ("representative_name", "representative_organisation", "representative_address",
                       "representative_email"),
    "languages": ("letter_language", "sheet_language", "sent_on"),
}
NEEDED = "This answer is needed."
LONG = "This answer is too long: at most %(max)d characters."
NOT_DATE = "This is not a date. Use the form 2026-01-31."
FUTURE = "This date is in the future."
PAST = "This date is too far in the past."
NOT_EMAIL = "This is not an e-mail address. It looks like name@example.org."
CONTACT = "Give a postal address or an e-mail address for the answer."
CONTROLS = "\x00\x07\x1b\u202e"
TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
PASTE = ("Lorem ipsum dolor sit amet " * 400)[:9999] + "."  # a 10,000-character paste into a text area

NO_ADDRESS = {"person_address": "", "person_email": "", "for_someone_else": ""}

# step, field, what is typed, expected message (gettext id, %(max)d filled from max), max, extra fields
CASES = [
    ("authority", "authority_name", "", NEEDED, 0, {}),
    ("authority", "authority_name", "B" * 201, LONG, 200, {}),
    ("authority", "authority_name", CONTROLS, NEEDED, 0, {}),
    ("authority", "authority_address", PASTE, LONG, 500, {}),
    ("authority", "authority_email", "post(at)bamf.de", NOT_EMAIL, 0, {}),
    ("authority", "authority_email", "post@bamf", NOT_EMAIL, 0, {}),
    ("authority", "authority_email", "post\x07stelle @bamf.de", NOT_EMAIL, 0, {}),
    ("authority", "authority_email", "p" * 250 + "@bamf.de", LONG, 254, {}),
    ("event", "event_date", "31.02.2026", NOT_DATE, 0, {}),
    ("event", "event_date", "yesterday", NOT_DATE, 0, {}),
    ("event", "event_date", "2026-13-01", NOT_DATE, 0, {}),
    ("event", "event_date", "1850-01-01", PAST, 0, {}),
    ("event", "event_date", TOMORROW, FUTURE, 0, {}),
    ("event", "event_reference", "7" * 201, LONG, 200, {}),
    ("event", "event_system", "S" * 201, LONG, 200, {}),
    ("details", "details_inaccurate", PASTE, LONG, 2000, {}),
    ("details", "details_correction", PASTE, LONG, 2000, {}),
    ("details", "details_situation", PASTE, LONG, 2000, {}),
    ("about", "person_name", "", NEEDED, 0, {}),
    ("about", "person_name", "A" * 201, LONG, 200, {}),
    pytest.param("about", "person_name", CONTROLS, NEEDED, 0, {}),
    ("about", "person_other_names", "O" * 201, LONG, 200, {}),
    ("about", "person_birth_date", "31.02.2026", NOT_DATE, 0, {}),
    ("about", "person_birth_date", "yesterday", NOT_DATE, 0, {}),
    ("about", "person_birth_date", "2026-13-01", NOT_DATE, 0, {}),
    ("about", "person_birth_date", TOMORROW, FUTURE, 0, {}),
    ("about", "person_birth_date", "2090-01-01", FUTURE, 0, {}),
    ("about", "person_references", PASTE, LONG, 500, {}),
    ("about", "person_address", PASTE, LONG, 500, {}),
    ("about", "person_address", "", CONTACT, 0, NO_ADDRESS),
    ("about", "person_email", "amal(at)example.org", NOT_EMAIL, 0, {}),
    ("about", "place", "P" * 201, LONG, 200, {}),
    ("representative", "representative_name", "", NEEDED, 0, {}),
    ("representative", "representative_name", "R" * 201, LONG, 200, {}),
    pytest.param("representative", "representative_name", CONTROLS, NEEDED, 0, {}),
    ("representative", "representative_organisation", "O" * 201, LONG, 200, {}),
    ("representative", "representative_address", PASTE, LONG, 500, {}),
    ("representative", "representative_address", "", CONTACT, 0, {"representative_email": ""}),
    ("representative", "representative_email", "jo@@example.org", NOT_EMAIL, 0, {}),
    ("languages", "sent_on", "", NEEDED, 0, {}),
    ("languages", "sent_on", "31.02.2026", NOT_DATE, 0, {}),
    ("languages", "sent_on", "yesterday", NOT_DATE, 0, {}),
    ("languages", "sent_on", "2026-13-01", NOT_DATE, 0, {}),
    ("languages", "sent_on", "1850-01-01", PAST, 0, {}),
    pytest.param("languages", "sent_on", CONTROLS, NEEDED, 0, {}),
]


def without_controls(text: str) -> str:
    return "".join(c for c in text if c not in CONTROLS)


def post_bad(client, lang, answers, step, field, typed, extra):
    fields = {name: answers[name] for name in STEP_FIELDS[step]}
    fields.update(extra)
    fields[field] = typed
    return post_step(client, lang, step, fields, answers), fields


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("step,field,typed,message,limit,extra", CASES)
def test_bad_input_is_shown_next_to_the_field_and_nothing_is_lost(client, full_answers, lang, step, field,
                                                                   typed, message, limit, extra):
    response, fields = post_bad(client, lang, full_answers, step, field, typed, extra)
    assert response.status_code == 200
    assert page(response).html.get("lang") == lang
    assert current_step(response) == step
    shown_errors = errors(response)
    assert set(shown_errors) == {field}, shown_errors
    # The French catalog may still be empty while a translator works: compare with whatever it holds.
    expected = i18n.translations(lang).gettext(message) % ({"max": limit} if limit else {})
    assert shown_errors[field] == expected
    assert has_error_summary(response)
    assert f'href="#{field}"' in response.get_data(as_text=True)  # the summary links to the field
    kept = without_controls(typed)
    assert carried(response) == {**full_answers, **fields, field: kept}
    assert page(response).value(field) == kept  # nothing typed is cleared


# step, field, what is typed (valid once cleaned), what is kept
ACCEPTED = [
    ("about", "person_name", "\x00Amal\x07 Haddad\x1b\u202e", "Amal Haddad"),
    ("about", "person_other_names", CONTROLS, ""),
    ("about", "person_email", "amal\x00@exa\u202emple.org", "amal@example.org"),
    ("about", "person_references", "BAMF\x00 1\r\n\x1b2", "BAMF 1\n2"),
    ("about", "person_birth_date", "12.03.\x001994", "1994-03-12"),
    ("about", "place", "\u202eBerlin\u202c", "Berlin"),
    ("authority", "authority_name", "BA\x07MF", "BAMF"),
    ("authority", "authority_address", "Frankenstraße 1\x0b\n90461 Nürnberg", "Frankenstraße 1\n90461 Nürnberg"),
    ("event", "event_date", "2020-\x0001-15", "2020-01-15"),
    ("event", "event_reference", "\u202e834-1\u202c", "834-1"),
    ("details", "details_situation", "I \x1bam\x07 at risk", "I am at risk"),
    ("representative", "representative_address", CONTROLS, ""),
    ("languages", "sent_on", "23/11/2026", "2026-11-23"),
    pytest.param("about", "person_email", CONTROLS, ""),
    pytest.param("authority", "authority_email", "\u202e", ""),
]
NEXT = {"about": "representative", "authority": "event", "event": "rights", "details": "about",
        "representative": "languages", "languages": "review"}


@pytest.mark.parametrize("step,field,typed,kept", ACCEPTED)
def test_control_characters_are_removed_and_only_controls_count_as_empty(client, full_answers, step, field,
                                                                         typed, kept):
    response, fields = post_bad(client, "en", full_answers, step, field, typed, {})
    assert errors(response) == {}
    assert current_step(response) == NEXT[step]
    answers = carried(response)
    assert answers[field] == kept
    assert not any(c in value for value in map(str, answers.values()) for c in CONTROLS)


def test_a_fixed_error_moves_on_with_every_answer(client, full_answers):
    response, _ = post_bad(client, "en", full_answers, "about", "person_birth_date", "31.02.1994", {})
    response, _ = post_bad(client, "en", carried(response), "about", "person_birth_date", "28.02.1994", {})
    assert errors(response) == {} and current_step(response) == "representative"
    assert carried(response) == {**full_answers, "person_birth_date": "1994-02-28"}


def test_a_letter_date_far_in_the_future_is_refused_on_its_page(client, full_answers):
    response, _ = post_bad(client, "en", full_answers, "languages", "sent_on", "9999-12-31", {})
    assert response.status_code == 200
    assert current_step(response) == "languages" and "sent_on" in errors(response)
