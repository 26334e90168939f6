"""Every follow-up letter, for every regime and every letter language, composed and checked.

Each scenario is a case of one legal area; each follow-up the legal frame allows is composed
in every letter language and compared with the English letter: the same citations, the same
structure, the recipient the law names, the first request's date, no template leftovers.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace

import pytest

from app.case import MISSING, Case, CaseError
from app.catalogue import load_catalogue
from app.letters import followups
from app.letters.compose import available_languages, compose, resolution_for
from app.letters.templates import letter_date, letter_language
from app.render import render_docx, render_pdf
from tests.fixtures.readback import document_text

LANGUAGES = available_languages()
REQUEST = "2026-09-01"
WRITTEN = "2026-11-20"

# name: (country, system, authority id, kind, topic, rights, letter languages,
#        regime, complaint recipient id or None)
SCENARIOS = {
    "gdpr_bamf": ("DE", "bamf_biometrics", "bamf", "biometric", "fingerprints",
                  ["access", "explanation", "human_review", "contestation"], LANGUAGES, "gdpr", "bfdi"),
    "gdpr_cnaf_crpa": ("FR", "cnaf_scoring", "cnaf", "decision", "benefits",
                       ["access", "explanation", "human_review"], LANGUAGES, "gdpr", "cnil"),
    "gdpr_nl": ("NL", "", "ind", "decision", "residence", ["access", "rectification"], LANGUAGES, "gdpr", "ap"),
    "eudpr_etias": ("EU", "etias", "etias_central_unit", "decision", "visa",
                    ["access", "explanation", "human_review"], LANGUAGES, "eudpr", "edps"),
    "led_police_nl": ("NL", "police_phone_seizure", "", "phone", "phone",
                      ["access", "erasure", "human_review"], LANGUAGES, "led", "ap"),
    "unhcr": ("DE", "unhcr_registration", "unhcr", "biometric", "fingerprints",
              ["access", "rectification"], LANGUAGES, "unhcr", "unhcr_review"),
    "intl": ("ZZ", "", "", "unsure", "", ["access"], LANGUAGES, "intl", None),
    "uk_gdpr_visa": ("GB", "uk_visa_streaming", "home_office", "decision", "visa",
                     ["access", "explanation", "human_review"], ("en",), "uk_gdpr", "ico"),
    "uk_part3_phone": ("GB", "uk_phone_criminal", "home_office", "phone", "phone",
                       ["access", "erasure"], ("en",), "uk_dpa_part3", "ico"),
}


def base(name: str, lang: str) -> dict:
    country, system, authority, kind, topic, rights, _langs, _regime, _to = SCENARIOS[name]
    return {
        "kind": kind, "country": country, "system": system,
        "authority": {"name": "Test Authority", "address": "1 Test Street\nTest Town", "id": authority},
        "event": {"topic": topic, "date": "2026-08-20" if kind != "unsure" else "", "reference": "REF-77"},
        "rights": rights,
        "person": {"name": "Amal Haddad", "address": "Musterweg 1\n10115 Berlin"},
        "letter_language": lang, "sheet_language": "en", "sent_on": REQUEST,
    }


def followup_for(letter: str) -> dict:
    """A realistic follow-up of each letter: every missing item the frame allows."""
    template, _, route = letter.partition("_")
    data = {"letter": template, "written_on": WRITTEN, "route": route}
    if template == "incomplete":
        data.update(answered_on="2026-10-05", answer_reference="OUT-5")
    if template == "complaint":
        data.update(answer="refused", answered_on="2026-10-05", keep_identity=True,
                    statement="They did not look at my file.")
    if template == "reconsideration":
        data.update(statement="I was never heard.")
    return data


@functools.cache
def composed(name: str, letter: str, lang: str):
    catalogue = load_catalogue()
    data = base(name, lang)
    probe = Case.from_dict(data)
    resolution = resolution_for(probe, catalogue)
    fu = followup_for(letter)
    if fu["letter"] in ("incomplete", "complaint"):
        fu["missing"] = followups.items(resolution, probe.rights)
    case = Case.from_dict({**data, "followup": fu})
    return case, compose(case, kind="followup")


def cases():
    catalogue = load_catalogue()
    out = []
    for name, spec in SCENARIOS.items():
        probe = Case.from_dict(base(name, "en"))
        for letter in followups.letters(resolution_for(probe, catalogue), catalogue):
            out += [(name, letter, lang) for lang in spec[6]]
    return out


CASES = cases()


def test_every_regime_offers_its_follow_ups():
    """Reminders and incomplete answers everywhere; complaints where a body is known; human
    review where the law gives it; the CADA route only with the CRPA."""
    catalogue = load_catalogue()
    offered = {name: followups.letters(resolution_for(Case.from_dict(base(name, "en")), catalogue), catalogue)
               for name in SCENARIOS}
    assert offered["gdpr_bamf"] == ["reminder", "incomplete", "complaint", "reconsideration"]
    assert offered["gdpr_cnaf_crpa"] == ["reminder", "incomplete", "complaint", "complaint_crpa", "reconsideration"]
    assert offered["led_police_nl"] == ["reminder", "incomplete", "complaint", "reconsideration"]
    assert offered["unhcr"] == ["reminder", "incomplete", "complaint"]
    assert offered["intl"] == ["reminder", "incomplete"]
    assert "logic" not in followups.items(resolution_for(Case.from_dict(base("led_police_nl", "en")), catalogue),
                                          ("access", "explanation"))


@pytest.mark.parametrize(("name", "letter", "lang"), CASES)
def test_follow_up_composes_cleanly(name, letter, lang):
    case, result = composed(name, letter, lang)
    text = "\n".join(result.plain_paragraphs())
    assert result.regime == SCENARIOS[name][7]
    if letter != "reconsideration":  # a human review follows the decision, not the request
        assert letter_date(dt.date.fromisoformat(REQUEST), letter_language(lang)) in text
    assert letter_date(dt.date.fromisoformat(WRITTEN), letter_language(lang)) in result.place_date
    for leftover in ("{{", "}}", "{%", "%}", "{#", "#}", "\x01", "\x02", "\x03"):
        assert leftover not in text
    assert not re.search(r"\bNone\b", text)
    for block in result.blocks:
        for line in (block.items or block.text.split("\n")):
            assert line.strip() and "  " not in line, line
    if case.followup.statement:
        assert case.followup.statement in text
    if "OUT-5" in str(case.followup):
        assert "OUT-5" in text


@pytest.mark.parametrize(("name", "letter", "lang"), CASES)
def test_complaint_goes_to_the_body_the_law_names(name, letter, lang):
    case, result = composed(name, letter, lang)
    catalogue = load_catalogue()
    if letter.startswith("complaint"):
        route = case.followup.route
        body = (catalogue.authorities[catalogue.regimes[route].data["complaint"]["authority"]] if route
                else catalogue.authorities[SCENARIOS[name][8]])
        assert result.recipient[0] == body.name
        assert "Test Authority" in "\n".join(result.plain_paragraphs())
    else:
        assert result.recipient[0] == "Test Authority"


@pytest.mark.parametrize(("name", "letter", "lang"), CASES)
def test_the_authority_is_never_named_without_its_article(name, letter, lang):
    """Registry names carry no article ("Bundesamt für Migration und Flüchtlinge", "Home
    Office"), nor do typed ones, and an article depends on the name's gender and the case. So
    in running text the name comes after a role noun, in parentheses ("gegen den
    Verantwortlichen (Bundesamt …)"), and elsewhere only after a label's colon or alone on its
    line (the address)."""
    _, result = composed(name, letter, lang)
    for line in [result.subject, *result.plain_paragraphs()]:
        for found in re.finditer("Test Authority", line):
            before = line[:found.start()]
            assert before == "" or before.endswith(("(", ": ")), line


@pytest.mark.parametrize(("name", "letter", "lang"), [c for c in CASES if c[2] != "en"])
def test_translation_says_what_english_says(name, letter, lang):
    """Same citations, blocks, list items, references and enclosures as the English letter."""
    _, ours = composed(name, letter, lang)
    _, english = composed(name, letter, "en")
    assert ours.citations == english.citations
    assert [(b.kind, len(b.items)) for b in ours.blocks] == [(b.kind, len(b.items)) for b in english.blocks]
    assert (len(ours.references), len(ours.enclosures)) == (len(english.references), len(english.enclosures))


def test_every_citation_of_a_follow_up_is_in_the_catalogue():
    """Follow-up data (items, reasons, indirect, complaint and silence articles) name recorded
    provisions only: compose raises CitationError otherwise, so composing every case checks it."""
    for name, letter, lang in CASES:
        assert composed(name, letter, lang)[1].citations


@pytest.mark.parametrize(("letter", "answer", "field"), [
    ("reminder", "refused", "followup.answer"),
    ("incomplete", "incomplete", "followup.missing"),
])
def test_follow_up_needs_what_it_is_about(letter, answer, field):
    data = {**base("gdpr_nl", "en"), "followup": {"letter": letter, "answer": answer, "written_on": WRITTEN}}
    with pytest.raises(CaseError) as error:
        Case.from_dict(data)
    assert field in error.value.errors


@pytest.mark.parametrize(("written_on", "answered_on", "field"), [
    ("2026-08-01", "", "followup.written_on"),
    (WRITTEN, "2026-08-15", "followup.answered_on"),
    (WRITTEN, "2026-11-21", "followup.answered_on"),
])
def test_follow_up_dates_are_in_order(written_on, answered_on, field):
    data = {**base("gdpr_nl", "en"), "followup": {"letter": "complaint", "written_on": written_on,
                                                   "answered_on": answered_on}}
    with pytest.raises(CaseError) as error:
        Case.from_dict(data)
    assert field in error.value.errors


@pytest.mark.parametrize(("name", "letter", "written_on", "last_day"), [
    ("gdpr_bamf", "complaint", "2026-11-20", "2027-02-22"),      # 20 Feb 2027 is a Saturday
    ("gdpr_bamf", "complaint", "2026-10-01", "2027-01-04"),      # 1 Jan 2027 (Friday): New Year in Germany
    ("gdpr_nl", "complaint", "2026-10-01", "2027-01-04"),        # and in the Netherlands
    ("eudpr_etias", "complaint", "2026-10-01", "2027-01-01"),    # the EDPS: weekends only (no national holidays)
    ("gdpr_nl", "complaint", "2026-11-30", "2027-03-01"),        # no 30 February: the month's last day, a Sunday
    ("led_police_nl", "complaint", "2026-11-20", None),          # LED Art. 53(2): counted under national law, not recorded
    ("gdpr_cnaf_crpa", "complaint_crpa", "2026-11-20", None),    # the CADA: no period in the catalogue
    ("gdpr_bamf", "reminder", "2026-11-20", None),
    ("unhcr", "complaint", "2026-11-20", None),                  # UNHCR's review sets no period
    ("uk_gdpr_visa", "complaint", "2026-11-20", None),           # nor does the catalogue for the ICO
])
def test_the_supervisory_authoritys_last_day_on_a_complaint(name, letter, written_on, last_day):
    """GDPR Art. 78(2), EUDPR Art. 63(3): three months from the complaint, rolled to the next
    working day in the supervisory authority's country (Reg. 1182/71, the catalogue's counting
    source for both); none where the catalogue records no way of counting."""
    catalogue = load_catalogue()
    case, _ = composed(name, letter, "en")
    case = replace(case, followup=replace(case.followup, written_on=dt.date.fromisoformat(written_on)))
    found = followups.silence_deadline(case, resolution_for(case, catalogue), catalogue)
    assert (found.date.isoformat() if found else None) == last_day
    if found:
        assert found.start.isoformat() == written_on and found.reminder == found.date + dt.timedelta(days=1)


@pytest.mark.parametrize(("extension", "written_on", "allowed"), [
    (False, "2026-10-01", False),   # the last day of the period: too early
    (False, "2026-10-02", True),    # the day after: due
    (True, "2026-10-02", False),    # an extension of two months was announced
    (True, "2026-12-02", True),
])
def test_reminder_waits_for_the_end_of_the_period(extension, written_on, allowed):
    data = {**base("gdpr_nl", "en"), "followup": {"letter": "reminder", "written_on": written_on,
                                                   "extension": extension}}
    case = Case.from_dict(data)
    if allowed:
        assert compose(case, kind="followup").kind == "reminder"
    else:
        with pytest.raises(CaseError) as error:
            compose(case, kind="followup")
        assert "followup.written_on" in error.value.errors


def test_reminder_names_the_extended_deadline():
    data = {**base("gdpr_nl", "en"), "followup": {"letter": "reminder", "written_on": "2026-12-02",
                                                   "extension": True}}
    text = "\n".join(compose(Case.from_dict(data), kind="followup").plain_paragraphs())
    assert "1 December 2026" in text and "extension" in text


def test_complaint_asks_to_keep_the_identity_only_when_asked():
    _, asked = composed("gdpr_nl", "complaint", "en")
    data = {**base("gdpr_nl", "en"), "followup": {"letter": "complaint", "written_on": WRITTEN}}
    plain = compose(Case.from_dict(data), kind="followup")
    assert "not to disclose my identity" in "\n".join(asked.plain_paragraphs())
    assert "not to disclose my identity" not in "\n".join(plain.plain_paragraphs())


def test_indirect_exercise_after_a_refusal():
    """LED Art. 17 and BDSG § 34(3): the supervisory authority is asked to act for the person."""
    assert "Art. 17 LED" in "\n".join(composed("led_police_nl", "complaint", "en")[1].plain_paragraphs()) \
        or any("17" in c for c in composed("led_police_nl", "complaint", "en")[1].citations)
    assert "bdsg_34 34(3)" in composed("gdpr_bamf", "complaint", "en")[1].citations


def test_follow_up_round_trips_through_the_case_file():
    case, _ = composed("gdpr_bamf", "complaint", "de")
    assert Case.from_dict(case.to_dict()) == case


def test_every_missing_item_belongs_to_a_right_or_to_none():
    assert set(followups.ITEM_RIGHTS) == set(MISSING)


@pytest.mark.parametrize(("lang", "one", "many"), [("de", "Anlage", "Anlagen"), ("fr", "Pièce jointe", "Pièces jointes"),
                                                    ("it", "Allegato", "Allegati"), ("nl", "Bijlage", "Bijlagen"),
                                                    ("en", "Enclosure", "Enclosures")])
def test_the_enclosures_label_agrees_with_the_list(lang, one, many):
    _, complaint = composed("gdpr_bamf", "complaint", lang)
    assert len(complaint.enclosures) > 1 and complaint.enclosures_label == many
    _, reminder = composed("gdpr_bamf", "reminder", lang)
    assert len(reminder.enclosures) == 1 and reminder.enclosures_label == one


# --- read back: every follow-up rendered and opened again ------------------------------------



def _folded(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize(("name", "letter", "lang"), CASES)
def test_every_follow_up_reads_back_from_docx(name, letter, lang):
    """Every line of the letter is in the Word file, as written."""
    _, result = composed(name, letter, lang)
    text = document_text("docx", render_docx(result))
    for line in result.plain_paragraphs():
        if line.strip():
            assert _folded(line) in text, line


PDF_CASES = [case for index, case in enumerate(CASES) if case[2] == "en" or index % 5 == 0]


@pytest.mark.parametrize(("name", "letter", "lang"), PDF_CASES)
def test_follow_ups_read_back_from_pdf(name, letter, lang):
    """The recipient, the subject, the person, the first request's date and what the person
    wrote are in the PDF's text."""
    case, result = composed(name, letter, lang)
    text = document_text("pdf", render_pdf(result))
    squeezed = text.replace(" ", "")
    for needle in (result.recipient[0], result.subject, case.person.name, case.followup.statement):
        if needle:
            assert _folded(needle).replace(" ", "") in squeezed, needle
    if letter != "reconsideration":
        assert letter_date(dt.date.fromisoformat(REQUEST), letter_language(lang)).replace("\u00a0", "").replace(" ", "") \
            in squeezed
