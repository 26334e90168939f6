"""Scenarios for the EU's large-scale IT systems and the EU's own bodies.

Each scenario is a realistic case. Composing it must give the regime that binds the
controller, every expected citation (``Art. 17`` = the primary regime in its own numbering,
``<regime id> <ref>`` = a system act or another regime cited with ``law()``), the
recipient typed by the person, the reply deadline computed by hand (calendar month or days,
then rolled over a Saturday, Sunday or public holiday of the controller's country; the EU's
own bodies have no holiday calendar here, so weekends only), the pre-empted refusals, the
documents named by the system, and no article of a regime that does not bind the controller.
"""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from app.case import KINDS, TOPICS, Case
from app.catalogue import load_catalogue
from app.companion import compose_sheet
from app.letters.compose import available_languages, compose, letter_date, letter_language, resolution_for
from tests.fixtures.readback import document_text

RIGHTS = ("access", "explanation", "contestation", "human_review", "rectification", "erasure",
          "restriction", "objection")
LANGS = available_languages()  # every letter language with templates
PERSON = {"name": "Amal Haddad", "other_names": "Amal Hadad", "birth_date": "1994-03-12",
          "address": "Musterweg 1\n10115 Berlin", "email": "amal@example.org"}
DETAILS = {"inaccurate": "date of birth 1994-12-03", "correction": "1994-03-12",
           "situation": "I fear persecution if these data are passed on"}


def build(kind, country, authority, *, system="", topic="", rights=("access",), sent_on,
          lang="en", event_date="2026-09-14", reference="", authority_id=""):
    data = {
        "kind": kind, "country": country, "letter_language": lang, "sheet_language": "ar",
        "sent_on": sent_on, "rights": list(rights), "system": system, "place": "Berlin",
        "authority": {"id": authority_id, **authority}, "person": PERSON, "details": DETAILS,
        "event": {"topic": topic, "date": event_date, "reference": reference},
    }
    return Case.from_dict(data)


def text_of(letter) -> str:
    # Citations hold no-break spaces; compare on normal spaces.
    return "\n".join(letter.plain_paragraphs()).replace("\u00a0", " ")


BAMF = {"name": "Bundesamt für Migration und Flüchtlinge", "address": "Frankenstraße 210\n90461 Nürnberg"}
BEAUVAU = {"name": "Ministère de l’Intérieur", "address": "Place Beauvau\n75800 Paris Cedex 08"}
POLICE = {"name": "Bundeskriminalamt", "address": "65173 Wiesbaden"}
FARNESINA = {"name": "Ministero degli Affari Esteri e della Cooperazione Internazionale – Centro Visti",
             "address": "Piazzale della Farnesina 1\n00135 Roma"}
POLICIA = {"name": "Comisaría General de Extranjería y Fronteras", "address": "Madrid"}

SCENARIOS = [
    # A Eurodac 'hit' led to a Dublin transfer from Germany; the person writes to the BAMF.
    # GDPR Art 12(3): 25 Nov 2026 + 1 month = Fri 25 Dec 2026 (Christmas), Sat 26 Dec (second
    # day of Christmas), Sun 27 Dec -> Mon 28 Dec 2026.
    dict(id="eurodac_de_dublin", kind="biometric", topic="fingerprints", country="DE", system="eurodac",
         authority=BAMF, sent_on="2026-11-25", event_date="2025-10-02", lang="de",
         rights=("access", "rectification", "erasure"),
         regime="gdpr", deadline=dt.date(2026, 12, 28),
         citations=("Art. 15", "Art. 15(3)", "Art. 16", "Art. 17", "Art. 12(3)", "Art. 77",
                    "eurodac_2024 43(1)", "eurodac_2024 43(2)", "eurodac_2024 62"),
         phrases=("Kapitel III der DSGVO", "Gefahr für die innere Sicherheit",
                  "Verordnung (EU) Nr. 603/2013", "offenkundig unbegründet oder exzessiv",
                  "begründete Zweifel an meiner Identität"),
         documents=("eurodac_record", "eurodac_transmitting_state", "eurodac_security_flag", "eurodac_hits"),
         supervisory="country", absent=("eudpr",)),
    # A SIS alert led to a refusal of entry at a French border; French letter to the Ministry.
    # GDPR Art 12(3) (SIS 2018/1861 sets no own period here): 1 Oct 2026 + 1 month = Sun 1 Nov
    # 2026 (All Saints' Day) -> Mon 2 Nov 2026.
    dict(id="sis_fr_refusal", kind="decision", topic="other", country="FR", system="sis",
         authority=BEAUVAU, sent_on="2026-10-01", event_date="2026-09-20", lang="fr",
         rights=("access", "rectification", "erasure"),
         regime="gdpr", deadline=dt.date(2026, 11, 2),
         citations=("Art. 15", "Art. 12(3)", "Art. 23", "sis_1861 53(1)", "sis_1861 53(2)",
                    "sis_1861 53(3)", "sis_1861 54"),
         phrases=("État signalant", "nécessaire et proportionnée", "manifestement infondée ou excessive",
                  "doutes raisonnables"),
         documents=("sis_alert", "sis_alert_basis", "sis_hit"),
         supervisory="country", absent=("eudpr", "sis_1862")),
    # A police SIS alert found at a check in Germany; German letter; period of Art 67(4) of
    # Regulation 2018/1862 (= GDPR Art 12(3)): 24 Dec 2026 + 1 month = Sun 24 Jan 2027 -> Mon 25 Jan.
    dict(id="sis_police_de", kind="unsure", topic="", country="DE", system="sis_police",
         authority=POLICE, sent_on="2026-12-24", event_date="2026-11-02", lang="de",
         rights=("access",),
         regime="gdpr", deadline=dt.date(2027, 1, 25),
         citations=("Art. 15", "sis_1862 67(1)", "sis_1862 67(2)", "sis_1862 67(4)", "sis_1862 68"),
         phrases=("Gelegenheit zur Stellungnahme", "Art. 12 Abs. 3 der Verordnung (EU) 2016/679"),
         documents=("sis_alert", "sis_alert_basis", "sis_hit"),
         supervisory="country", absent=("eudpr", "sis_1861")),
    # A visa refused in Italy; English letter (no Italian templates); VIS Art 38(1): one month,
    # no extension: 8 Nov 2026 + 1 month = Tue 8 Dec 2026 (Immaculate Conception) -> Wed 9 Dec.
    dict(id="vis_it_refusal", kind="biometric", topic="several", country="IT", system="vis",
         authority=FARNESINA, sent_on="2026-11-08", event_date="2026-10-15", lang="en",
         rights=("access", "rectification"),
         regime="gdpr", deadline=dt.date(2026, 12, 9),
         citations=("Art. 15", "Art. 16", "vis 38(1)", "vis 38(2)", "vis 38(3)", "vis 38(4)", "vis 40"),
         phrases=("provides for no extension", "within seven days", "administrative decision",
                  "manifestly unfounded or excessive"),
         documents=("vis_file", "vis_decision", "vis_consultations"),
         supervisory="country", absent=("eudpr",)),
    # A refusal of entry recorded in the EES at a Spanish border; English letter; EES Art 52(1):
    # 45 days: 22 Nov 2026 + 45 days = Wed 6 Jan 2027 (Epiphany) -> Thu 7 Jan 2027.
    dict(id="ees_es_refusal", kind="biometric", topic="several", country="ES", system="ees",
         authority=POLICIA, sent_on="2026-11-22", event_date="2026-11-10", lang="en",
         rights=("access", "erasure"),
         regime="gdpr", deadline=dt.date(2027, 1, 7),
         citations=("Art. 15", "Art. 17", "ees 52(1)", "ees 52(2)", "ees 52(3)", "ees 52(4)",
                    "ees 52(5)", "ees 52(6)", "ees 54"),
         phrases=("within 45 days", "duly justified cases", "substantive doubts about my identity"),
         documents=("ees_records", "ees_refusal", "ees_biometrics"),
         supervisory="country", absent=("eudpr",)),
    # An ETIAS travel authorisation refused; the request goes to the ETIAS Central Unit at
    # Frontex (EUDPR). ETIAS Art 64(2): 30 days: 26 Nov 2026 + 30 days = Sat 26 Dec 2026 ->
    # Mon 28 Dec 2026 (weekends only for EU bodies).
    dict(id="etias_central_unit", kind="decision", topic="other", country="EU", system="etias",
         authority_id="etias_central_unit", sent_on="2026-11-26", event_date="2026-11-03", lang="en",
         reference="ETIAS-7XK-4411", rights=("access", "explanation", "contestation", "human_review"),
         regime="eudpr", deadline=dt.date(2026, 12, 28),
         citations=("Art. 17", "Art. 17(1)", "Art. 17(3)", "Art. 17(1)(h)", "Art. 24(2)(b)",
                    "Art. 24(3)", "Art. 14(4)", "Art. 14(5)", "Art. 14(6)", "Art. 25", "Art. 63",
                    "etias 64(2)", "etias 21", "etias 25(1)", "eudpr 99", "eudpr 25(6)"),
         phrases=("European Data Protection Supervisor", "No fee may be charged",
                  "authorised by Union law", "Recital 43 EUDPR", "Recital 37 EUDPR",
                  "internal rule of your institution or body", "reasonable doubts"),
         documents=("etias_file", "etias_hits", "etias_hit_state", "etias_manual"),
         supervisory="edps", absent=("gdpr", "GDPR")),
    # The same refusal, but the request goes to the ETIAS National Unit in Germany (GDPR).
    # 30 days: 26 Nov 2026 + 30 = Sat 26 Dec 2026 (also second day of Christmas) -> Mon 28 Dec.
    dict(id="etias_national_unit", kind="decision", topic="other", country="DE", system="etias",
         authority={"name": "ETIAS-Nationalstelle, Bundespolizeipräsidium", "address": "Potsdam"},
         sent_on="2026-11-26", event_date="2026-11-03", lang="de", rights=("access",),
         regime="gdpr", deadline=dt.date(2026, 12, 28),
         citations=("Art. 15", "etias 64(2)", "etias 21", "etias 25(1)"),
         phrases=("innerhalb von 30 Tagen",),
         documents=("etias_file", "etias_hits", "etias_hit_state", "etias_manual"),
         supervisory="country", absent=("eudpr",)),
    # What does the EU Agency for Asylum hold about me? No system; the EUDPR binds the EUAA;
    # Art 14(3): 29 Jan 2027 + 1 month = 28 Feb 2027 (no 29 Feb), a Sunday -> Mon 1 Mar 2027.
    # Complaint: EDPS, Art 63.
    dict(id="euaa_unsure", kind="unsure", topic="", country="EU", system="", authority_id="euaa",
         sent_on="2027-01-29", event_date="2026-06-30", lang="fr",
         rights=("access", "rectification", "erasure", "restriction", "objection"),
         regime="eudpr", deadline=dt.date(2027, 3, 1),
         citations=("Art. 17", "Art. 18", "Art. 19", "Art. 20", "Art. 23(1)", "Art. 14(3)",
                    "Art. 63", "eudpr 5(1)(a)", "eudpr 25(6)"),
         phrases=("Contrôleur européen de la protection des données", "Aucun paiement ne peut être exigé",
                  "considérant 37 du règlement (UE) 2018/1725"),
         documents=(), supervisory="edps", absent=("RGPD", "gdpr")),
]


def scenario_case(s):
    authority = s.get("authority")
    if authority is None:
        entry = load_catalogue().authorities[s["authority_id"]]
        authority = {"name": entry.name, "address": entry.address, "email": entry.email}
    return build(s["kind"], s["country"], authority, system=s["system"], topic=s["topic"],
                 rights=s["rights"], sent_on=s["sent_on"], lang=s["lang"], event_date=s["event_date"],
                 reference=s.get("reference", ""), authority_id=s.get("authority_id", ""))


@pytest.mark.parametrize("s", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_scenario(s):
    case = scenario_case(s)
    letter = compose(case)
    text = text_of(letter)
    assert letter.regime == s["regime"]
    for citation in s["citations"]:
        assert citation in letter.citations, citation
    assert letter.recipient[0] == case.authority.name
    assert letter.deadline == s["deadline"]
    assert letter_date(s["deadline"], letter_language(s["lang"])).replace("\u00a0", " ") in text
    for phrase in s["phrases"]:
        assert phrase in text, phrase
    phrases = letter_language(s["lang"]).documents
    for document in s["documents"]:
        assert phrases[document].replace("\u00a0", " ") in text, document
    for foreign in s["absent"]:
        assert not any(c.startswith(foreign) for c in letter.citations), foreign
        if foreign.isupper():
            assert foreign not in text
    # Complaint route: the EDPS for EU bodies (Art 63 EUDPR); for national authorities the
    # data protection authority of the country (whatever countries.yaml records for it).
    catalogue = load_catalogue()
    resolution = resolution_for(case, catalogue)
    expected = catalogue.countries[s["country"]].supervisory or None if s["supervisory"] == "country" \
        else s["supervisory"]
    assert (resolution.supervisory.id if resolution.supervisory else None) == expected


def test_eudpr_letters_cite_only_the_eudpr():
    """Under the EUDPR every article citation exists in the EUDPR (through the concordance)."""
    catalogue = load_catalogue()
    eudpr = catalogue.regimes["eudpr"]
    for kind in KINDS:
        case = build(kind, "EU", {"name": "Frontex", "address": "Warsaw"}, topic=(TOPICS[kind] or ("",))[0],
                     rights=RIGHTS, sent_on="2026-11-23", authority_id="frontex")
        letter = compose(case)
        assert letter.regime == "eudpr"
        for citation in letter.citations:
            if citation.startswith("Art. "):
                assert eudpr.has_article(citation[5:]), citation
            else:
                assert re.match(r"^(eudpr \S+|C-\d+/\d+)$", citation), citation
        # GDPR-only numbers never appear as articles of the EUDPR letter.
        assert not {"Art. 15", "Art. 22", "Art. 77", "Art. 12(3)"} & set(letter.citations)


@pytest.mark.parametrize("kind", KINDS)
def test_a_full_eudpr_letter_composes_in_every_language(kind):
    """Every right, every kind, under the EUDPR: same citations and structure in en, fr, de."""
    letters = {}
    for lang in LANGS:
        case = build(kind, "EU", {"name": "Frontex", "address": "Warsaw"}, topic=(TOPICS[kind] or ("",))[0],
                     rights=RIGHTS, sent_on="2026-11-23", lang=lang, authority_id="frontex")
        letters[lang] = compose(case)
    english = letters["en"]
    for lang, letter in letters.items():
        text = "\n".join(letter.plain_paragraphs())
        assert letter_date(letter.deadline, letter_language(lang)) in text
        assert letter.deadline == dt.date(2026, 12, 23)
        assert set(letter.citations) == set(english.citations), lang
        assert [(b.kind, len(b.items)) for b in letter.blocks] == [(b.kind, len(b.items)) for b in english.blocks]
        for leftover in ("{{", "}}", "{%", "%}", "{#", "#}"):
            assert leftover not in text
        assert "  " not in text
        if lang == "fr":
            assert not re.search(r" [:;?!»]", text)
            assert "'" not in text


@pytest.mark.parametrize("system", ["eurodac", "sis", "sis_police", "vis", "ees", "etias"])
def test_system_paragraphs_match_across_languages(system):
    """Each system paragraph cites the same provisions and keeps its structure in en, fr, de."""
    catalogue = load_catalogue()
    entry = catalogue.systems[system]
    country = "DE"
    letters = {}
    for lang in LANGS:
        case = build(entry.kind, country, BAMF, system=system, topic=(TOPICS[entry.kind] or ("",))[0],
                     rights=RIGHTS, sent_on="2026-11-23", lang=lang)
        letters[lang] = compose(case)
    english = letters["en"]
    assert any(c.startswith(entry.system_act + " ") for c in english.citations)
    for lang, letter in letters.items():
        text = "\n".join(letter.plain_paragraphs())
        assert set(letter.citations) == set(english.citations), lang
        assert [(b.kind, len(b.items)) for b in letter.blocks] == [(b.kind, len(b.items)) for b in english.blocks]
        assert letter_date(letter.deadline, letter_language(lang)) in text
        if lang == "fr":
            assert not re.search(r" [:;?!»]", text)
            assert "'" not in text


from app.i18n import translations  # noqa: E402


def test_unverified_facts_reach_the_companion_sheet():
    """The Eurodac letter relies on Art 43(1)-(2); the sheet says 43(3) onwards is unchecked."""
    s = SCENARIOS[0]
    case = scenario_case(s)
    sheet = compose_sheet(case, compose(case))
    english = load_catalogue().regimes["eurodac_2024"].data["notes"]["eurodac_43_later"]["text"]["en"]
    # The sheet is in the person's language: the note appears translated.
    expected = translations(case.sheet_language).gettext(english)
    assert expected != english or case.sheet_language == "en"
    assert any(expected in item for block in sheet.blocks for item in block.items)


def test_catalogue_entries():
    catalogue = load_catalogue()
    assert catalogue.regime_for("EU").id == "eudpr"
    assert catalogue.countries["EU"].supervisory == "edps"
    assert catalogue.regimes["eudpr"].data["complaint"]["authority"] == "edps"
    assert catalogue.regime_for("EU", "etias").id == "eudpr"
    assert catalogue.regime_for("FR", "etias").id == "gdpr"
    assert catalogue.regimes["vis"].deadline == {**catalogue.regimes["vis"].deadline, "months": 1}
    assert "extension_months" not in catalogue.regimes["vis"].deadline
    assert catalogue.regimes["ees"].deadline["days"] == 45
    assert catalogue.regimes["etias"].deadline["days"] == 30
    assert "deadline" not in catalogue.regimes["eurodac_2024"].data
    assert "GB" not in catalogue.systems["eurodac"].countries
    for key in ("edps", "frontex", "etias_central_unit", "euaa"):
        assert catalogue.authorities[key].checked == "2026-11-22"
        assert catalogue.authorities[key].country == "EU"
    for system in ("eurodac", "sis", "sis_police", "vis", "ees", "etias"):
        entry = catalogue.systems[system]
        for country in entry.countries:
            assert catalogue.regimes[entry.regime_in(country)].kind == "primary", (system, country)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_etias_letter_reads_back_from_docx_and_pdf(tmp_path, fmt):
    from click.testing import CliRunner

    from app.cli import main

    case = scenario_case(SCENARIOS[5])
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case.to_dict(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / f"letter.{fmt}"
    result = CliRunner().invoke(main, ["letter", "--case", str(path), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = document_text(fmt, out.read_bytes())
    assert "ETIAS Central Unit, Frontex" in text
    assert "Art. 64(2) ETIAS Regulation" in text
    assert "28 December 2026" in text
    assert "European Data Protection Supervisor (Art. 63 EUDPR)" in text
