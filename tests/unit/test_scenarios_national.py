"""Scenarios for the national systems: Germany (BAMF phone evaluation, asylum registration
biometrics), France (CNAF risk score), the Netherlands (benefit risk profiling) and phone
extraction in Austria, Belgium, Denmark and Norway.

Each scenario composes a letter from a realistic case and checks the regime, every expected
citation, the recipient, the deadline (computed by hand below, with the weekend and public
holiday roll-over of the controller's country), the named documents, the pre-empted refusals,
and that no provision of a law that does not bind the controller is cited.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from app.case import Case
from app.catalogue import load_catalogue
from app.letters.compose import (
    available_languages,
    compose,
    letter_date,
    letter_language,
    resolution_for,
)
from tests.fixtures.readback import document_text

CATALOGUE = load_catalogue()

# Citations allowed in every letter: the GDPR (primary regime), its recitals and the CJEU.
GDPR_CITATION = re.compile(r"^(Art\. \d|Recital \d|C-\d)")

@dataclass
class Scenario:
    id: str
    case: dict
    regime: str
    recipient: tuple[str, ...]
    deadline: str                   # ISO date, computed by hand (see the comment of each scenario)
    cited: tuple[str, ...]          # citations that must all be present
    phrases: tuple[str, ...]        # pre-empted refusals and other wording that must appear
    documents: tuple[str, ...] = ()  # document ids from the system, named in the letter
    other_regimes: tuple[str, ...] = ()  # regimes (besides gdpr) whose provisions may be cited
    supervisory: str = ""           # id of the authority a complaint goes to
    unverified: tuple[str, ...] = field(default_factory=tuple)  # U facts the letter relies on


def case(*, system, country, lang, kind, topic, rights, sent_on, event_date, authority,
         details=None, reference="", name="Amal Haddad"):
    data = {
        "schema": "recours.case/1", "kind": kind, "country": country, "system": system,
        "authority": authority,
        "event": {"topic": topic, "date": event_date, "reference": reference, "system": ""},
        "rights": list(rights),
        "person": {"name": name, "birth_date": "1994-03-12", "email": "amal@example.org",
                   "address": "Musterweg 1\n10115 Berlin"},
        "letter_language": lang, "sheet_language": "ar", "sent_on": sent_on, "place": "",
    }
    if details:
        data["details"] = details
    return data


def registry(authority_id):
    """The authority as the wizard fills it in from the registry."""
    entry = CATALOGUE.authorities[authority_id]
    return {"id": authority_id, "name": entry.name, "address": entry.address, "email": entry.email}


PHONE_RIGHTS = ("access", "erasure", "restriction")

# The phrases that pre-empt refusals, per letter language (handling.md and the rights sections).
REFUSALS = {
    "en": ("the burden of demonstrating this lies with you", "reasonable doubts about my identity",
           "please name that measure and the provision you rely on",
           "should not lead to a refusal to provide all information"),
    "fr": ("il vous incombe d’en apporter la preuve", "doutes raisonnables quant à mon identité",
           "je vous prie d’indiquer cette mesure et la disposition sur laquelle vous vous fondez",
           "ne devraient pas conduire à me refuser toute communication d’informations"),
    "de": ("tragen Sie hierfür die Nachweislast", "begründete Zweifel an meiner Identität",
           "so benennen Sie bitte diese Maßnahme und die Vorschrift, auf die Sie sich stützen",
           "dürfen nicht dazu führen, dass mir jegliche Auskunft verweigert wird"),
}

SCENARIOS = [
    # 1. BAMF read out and evaluated the phone in September 2026 (after the 2024 wording of
    #    § 15a AsylG took effect). Letter of Wednesday 25 Nov 2026: + 1 month = Friday 25 Dec 2026,
    #    Christmas Day; Saturday 26 Dec is the Second Day of Christmas; Sunday 27 Dec; so Monday
    #    28 Dec 2026.
    Scenario(
        id="de-bamf-phone",
        case=case(system="bamf_phone", country="DE", lang="de", kind="phone", topic="phone",
                  rights=PHONE_RIGHTS, sent_on="2026-11-25", event_date="2026-09-15",
                  authority=registry("bamf"), reference="7654321-438"),
        regime="gdpr",
        recipient=("Bundesamt für Migration und Flüchtlinge", "Frankenstraße 210", "90461 Nürnberg"),
        deadline="2026-12-28",
        cited=("Art. 15(3)", "Art. 17(1)(a)", "Art. 17(1)(d)", "Art. 18(1)(a)", "Art. 12(3)",
               "Art. 23", "Recital 63", "C-487/21",
               "asylg_15a 15a", "asylg_15a 15a(1)", "asylg_15a 15a(2)", "asylg_15a 15a(3)",
               "bdsg_34 34", "bdsg_34 34(2)", "bdsg_34 34(3)"),
        phrases=REFUSALS["de"] + (
            "§\u00a015a Abs.\u00a02 AsylG", "nicht durch mildere Mittel erreicht werden kann",
            "welche milderen Mittel Sie zuvor eingesetzt haben",
            "ob diese Person die Befähigung zum Richteramt besitzt",
            "an welcher Stelle meiner Asylakte",
            "BVerwG, Urteil vom 16. Februar 2023 – 1 C 19.21",
            "die Gründe der Auskunftsverweigerung zu dokumentieren",
            "dem Bundesbeauftragten für den Datenschutz und die Informationsfreiheit erteilt wird",
            "§\u00a034 Abs.\u00a03 BDSG"),
        documents=("bamf_readout_record", "bamf_result_report", "bamf_identity_means",
                   "bamf_15a_file_entries"),
        other_regimes=("asylg_15a", "bdsg_34"),
        supervisory="bfdi",
        unverified=("bdsg_34.federal_restrictions",),
    ),
    # 2. The same system for a phone read out in May 2023: the 2024 paragraphs of § 15a AsylG are
    #    not cited, BDSG § 34 still is. Letter of Monday 2 Nov 2026 -> Wednesday 2 Dec 2026.
    Scenario(
        id="de-bamf-phone-before-2024",
        case=case(system="bamf_phone", country="DE", lang="en", kind="phone", topic="phone",
                  rights=("access",), sent_on="2026-11-02", event_date="2023-05-10",
                  authority=registry("bamf")),
        regime="gdpr",
        recipient=("Bundesamt für Migration und Flüchtlinge", "Frankenstraße 210", "90461 Nürnberg"),
        deadline="2026-12-02",
        cited=("Art. 15", "Art. 15(3)", "bdsg_34 34(2)", "bdsg_34 34(3)"),
        phrases=REFUSALS["en"] + ("section\u00a034(3) BDSG",),
        documents=("bamf_readout_record", "bamf_result_report"),
        other_regimes=("bdsg_34",),
        supervisory="bfdi",
    ),
    # 3. Correction of the data recorded at asylum registration (fingerprints and photo in the
    #    core data system). Letter of Friday 6 Mar 2026: + 1 month = Monday 6 Apr 2026, Easter
    #    Monday, so Tuesday 7 Apr 2026.
    Scenario(
        id="de-bamf-fingerprints-rectification",
        case=case(system="bamf_biometrics", country="DE", lang="de", kind="biometric",
                  topic="fingerprints", rights=("access", "rectification"), sent_on="2026-03-06",
                  event_date="2026-02-10", authority=registry("bamf"),
                  details={"inaccurate": "Geburtsdatum 12.12.1994", "correction": "12.03.1994"}),
        regime="gdpr",
        recipient=("Bundesamt für Migration und Flüchtlinge", "Frankenstraße 210", "90461 Nürnberg"),
        deadline="2026-04-07",
        cited=("Art. 15", "Art. 16", "Art. 19", "bdsg_34 34(2)", "bdsg_34 34(3)"),
        phrases=REFUSALS["de"] + ("Geburtsdatum 12.12.1994", "12.03.1994",
                                  "Kerndatensystem des Ausländerzentralregisters"),
        documents=("kds_record", "kds_comparisons", "kds_photo"),
        other_regimes=("bdsg_34",),
        supervisory="bfdi",
    ),
    # 4. CNAF risk score, letter to the director of the person's Caf (the route caf.fr gives).
    #    Letter of Tuesday 14 Apr 2026: + 1 month = Thursday 14 May 2026, Ascension Day, so
    #    Friday 15 May 2026.
    pytest.param(Scenario(
        id="fr-cnaf-score",
        case=case(system="cnaf_scoring", country="FR", lang="fr", kind="decision", topic="fraud",
                  rights=("access", "explanation", "contestation", "human_review"),
                  sent_on="2026-04-14", event_date="2026-03-20",
                  authority={"name": "Caf du Var – À l’attention de Monsieur le Directeur – RGPD / Informatique et Libertés",
                             "address": "BP 1405\n83056 Toulon Cedex"},
                  reference="allocataire 1234567"),
        regime="gdpr",
        recipient=("Caf du Var – À l’attention de Monsieur le Directeur – RGPD / Informatique et Libertés",
                   "BP 1405", "83056 Toulon Cedex"),
        deadline="2026-05-15",
        cited=("Art. 15(1)(h)", "Art. 22(3)", "Art. 22(2)(b)", "Recital 71", "C-203/22", "C-634/21",
               "crpa L311-3-1", "crpa R311-3-1-1", "crpa R311-3-1-2", "crpa L312-1-3",
               "crpa R311-13", "crpa R343-1"),
        phrases=REFUSALS["fr"] + (
            "sous une forme intelligible",
            "le degré et le mode de contribution du traitement algorithmique à la prise de décision",
            "les données traitées et leurs sources",
            "les paramètres de traitement et, le cas échéant, leur pondération, appliqués à ma situation",
            "les opérations effectuées par le traitement",
            "Commission d’accès aux documents administratifs (CADA) dans un délai de deux mois",
            "article\u00a0L311-3-1 du CRPA", "modèle de datamining"),
        documents=("cnaf_risk_score", "cnaf_score_variables", "cnaf_check_file"),
        other_regimes=("crpa",),
        supervisory="cnil",
        unverified=("crpa.lil_47",),
    ), marks=(), id="fr-cnaf-score"),
    # 5. Dutch allowance risk profiling, English letter to Dienst Toeslagen (no Dutch templates
    #    yet). Letter of Friday 27 Mar 2026: + 1 month = Monday 27 Apr 2026, King's Day, so
    #    Tuesday 28 Apr 2026.
    Scenario(
        id="nl-toeslagen-risk",
        case=case(system="nl_benefit_risk", country="NL", lang="en", kind="decision",
                  topic="benefits", rights=("access", "explanation", "objection"),
                  sent_on="2026-03-27", event_date="2026-02-20", authority=registry("toeslagen"),
                  details={"situation": "the selection cut off the childcare allowance I depend on"}),
        regime="gdpr",
        recipient=("Dienst Toeslagen (Ministerie van Financiën)",
                   "T.a.v. Functionaris voor Gegevensbescherming", "Postbus 20201", "2500 EE Den Haag"),
        deadline="2026-04-28",
        cited=("Art. 15(1)(h)", "Art. 21(1)", "Art. 6(1)(e)", "C-203/22", "C-634/21"),
        phrases=REFUSALS["en"] + ("whether my nationality, my origin or any other special category",
                                  "including profiling"),
        documents=("nl_risk_result", "nl_risk_indicators", "nl_fraud_markers", "nl_review_notes"),
        supervisory="ap",
    ),
    # 6-9. Phone extraction in Austria, Belgium, Denmark and Norway: the GDPR only.
    # AT, German letter. Sunday 8 Nov 2026 + 1 month = Tuesday 8 Dec 2026, Immaculate Conception,
    # so Wednesday 9 Dec 2026.
    Scenario(
        id="at-phone",
        case=case(system="phone_extraction_at", country="AT", lang="de", kind="phone",
                  topic="phone", rights=PHONE_RIGHTS, sent_on="2026-11-08", event_date="2026-10-20",
                  authority={"name": "Bundesamt für Fremdenwesen und Asyl"}),
        regime="gdpr",
        recipient=("Bundesamt für Fremdenwesen und Asyl",),
        deadline="2026-12-09",
        cited=("Art. 15(3)", "Art. 17(1)(d)", "Art. 18(1)(c)"),
        phrases=REFUSALS["de"] + ("auf welche Vorschrift des österreichischen Rechts",),
        documents=("phone_seizure_record", "phone_extraction_report", "phone_evaluation_result",
                   "phone_deletion_record"),
    ),
    # BE, French letter. Sunday 21 Jun 2026 + 1 month = Tuesday 21 Jul 2026, National Day, so
    # Wednesday 22 Jul 2026.
    Scenario(
        id="be-phone",
        case=case(system="phone_extraction_be", country="BE", lang="fr", kind="phone",
                  topic="phone", rights=PHONE_RIGHTS, sent_on="2026-06-21", event_date="2026-05-30",
                  authority={"name": "Office des étrangers"}),
        regime="gdpr",
        recipient=("Office des étrangers",),
        deadline="2026-07-22",
        cited=("Art. 15(3)", "Art. 17(1)(d)", "Art. 18(1)(c)"),
        phrases=REFUSALS["fr"] + ("sur quelle disposition du droit belge",),
        documents=("phone_seizure_record", "phone_extraction_report", "phone_evaluation_result",
                   "phone_deletion_record"),
    ),
    # DK, English letter. Monday 2 Mar 2026 + 1 month = Thursday 2 Apr 2026, Maundy Thursday;
    # Good Friday 3 Apr; Saturday 4; Easter Sunday 5; Easter Monday 6; so Tuesday 7 Apr 2026.
    Scenario(
        id="dk-phone",
        case=case(system="phone_extraction_dk", country="DK", lang="en", kind="phone",
                  topic="phone", rights=PHONE_RIGHTS, sent_on="2026-03-02", event_date="2026-02-01",
                  authority={"name": "Udlændingestyrelsen"}),
        regime="gdpr",
        recipient=("Udlændingestyrelsen",),
        deadline="2026-04-07",
        cited=("Art. 15(3)", "Art. 17(1)(d)", "Art. 18(1)(c)"),
        phrases=REFUSALS["en"] + ("which provision of Danish law",),
        documents=("phone_seizure_record", "phone_extraction_report", "phone_evaluation_result",
                   "phone_deletion_record"),
    ),
    # NO (GDPR through the EEA), English letter. Wednesday 1 Apr 2026 + 1 month = Friday 1 May
    # 2026, Labour Day; Saturday 2; Sunday 3; so Monday 4 May 2026.
    Scenario(
        id="no-phone",
        case=case(system="phone_extraction_no", country="NO", lang="en", kind="phone",
                  topic="phone", rights=PHONE_RIGHTS, sent_on="2026-04-01", event_date="2026-03-10",
                  authority={"name": "Utlendingsdirektoratet (UDI)"}),
        regime="gdpr",
        recipient=("Utlendingsdirektoratet (UDI)",),
        deadline="2026-05-04",
        cited=("Art. 15(3)", "Art. 17(1)(d)", "Art. 18(1)(c)"),
        phrases=REFUSALS["en"] + ("which provision of Norwegian law",),
        documents=("phone_seizure_record", "phone_extraction_report", "phone_evaluation_result",
                   "phone_deletion_record"),
    ),
]


def scenario_id(item):
    return item.id if isinstance(item, Scenario) else None


def build(scenario: Scenario) -> Case:
    return Case.from_dict(scenario.case, rights=set(CATALOGUE.rights["order"]),
                          systems=set(CATALOGUE.systems), authorities=set(CATALOGUE.authorities))


def text_of(letter) -> str:
    return "\n".join(letter.plain_paragraphs())


@pytest.mark.parametrize("scenario", SCENARIOS, ids=scenario_id)
def test_scenario(scenario: Scenario):
    built = build(scenario)
    letter = compose(built, CATALOGUE)
    text = text_of(letter)
    flat = " ".join(text.split())

    assert letter.regime == scenario.regime
    assert letter.language == scenario.case["letter_language"]
    assert letter.recipient == scenario.recipient
    assert letter.deadline is not None and letter.deadline.isoformat() == scenario.deadline
    # The deadline is written out in the letter, in the letter's language.
    assert letter_date(letter.deadline, letter_language(letter.language)) in text

    missing = [c for c in scenario.cited if c not in letter.citations]
    assert not missing, f"missing citations {missing}; cited {letter.citations}"
    for citation in letter.citations:
        allowed = GDPR_CITATION.match(citation) or citation.split(" ")[0] in scenario.other_regimes
        assert allowed, f"{citation!r} belongs to a regime that does not bind this controller"

    for phrase in scenario.phrases:
        assert " ".join(phrase.split()) in flat, f"missing {phrase!r}"

    # The national sections keep the typography of the letter language.
    quotes = set("\"«»„“”‘‚‹›") & set(text)
    assert quotes <= set("".join(letter_language(letter.language).meta["quotes"]))
    if letter.language == "fr":
        assert not re.search(r" [:;?!»]", text) and "'" not in text

    phrases = letter_language(letter.language).documents
    for document in scenario.documents:
        assert phrases[document] in text, f"document {document} not named"

    resolution = resolution_for(built, CATALOGUE)
    assert resolution.system is not None and resolution.system.id == scenario.case["system"]
    if scenario.supervisory:
        assert resolution.supervisory is not None and resolution.supervisory.id == scenario.supervisory
    unverified = {key for key, _ in resolution.unverified()}
    assert set(scenario.unverified) <= unverified


@pytest.mark.parametrize("system", ["phone_extraction_at", "phone_extraction_be",
                                    "phone_extraction_dk", "phone_extraction_no"])
def test_phone_extraction_rests_on_the_gdpr_and_says_the_law_is_unverified(system):
    entry = CATALOGUE.systems[system]
    assert entry.regimes == {"default": "gdpr"} and not entry.additional and not entry.system_act
    assert entry.raw["verified"] == "U"
    assert "The national law allowing the seizure was not verified; this letter relies on the GDPR." in entry.notes


@pytest.mark.parametrize("country, expected", [("NL", "nl"), ("BE", "nl"), ("LU", "fr"), ("AT", "de")])
def test_letters_default_to_the_first_official_language_with_templates(country, expected):
    assert CATALOGUE.default_letter_language(country, set(available_languages())) == expected


def test_a_country_without_templates_in_its_language_gets_english():
    assert CATALOGUE.default_letter_language("PL", {"en", "de", "fr"}) == "en"


def test_registry_supervisors():
    authorities = CATALOGUE.authorities
    assert authorities["bamf"].supervisory == "bfdi"
    assert authorities["cnaf"].supervisory == "cnil"
    for controller in ("ind", "uwv", "toeslagen"):
        assert authorities[controller].supervisory == "ap"
    # Germany has no single authority: the BfDI supervises federal bodies, the Länder their own.
    assert CATALOGUE.countries["DE"].supervisory == ""
    assert CATALOGUE.countries["FR"].supervisory == "cnil"
    assert CATALOGUE.countries["NL"].supervisory == "ap"
    # Two addresses were found for the BfDI: both are kept, the letters use Graurheindorfer Straße.
    bfdi = authorities["bfdi"]
    assert bfdi.address.startswith("Graurheindorfer Straße 153")
    assert any("Husarenstraße 30" in d["value"] for d in bfdi.disagreements)


def test_national_systems_offer_their_kind_in_their_country():
    assert [s.id for s in CATALOGUE.systems_for("phone", "DE") if s.id == "bamf_phone"] == ["bamf_phone"]
    assert "bamf_phone" not in [s.id for s in CATALOGUE.systems_for("phone", "AT")]
    assert "cnaf_scoring" in [s.id for s in CATALOGUE.systems_for("decision", "FR")]
    assert "nl_benefit_risk" in [s.id for s in CATALOGUE.systems_for("decision", "NL")]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_bamf_phone_letter_reads_back_from_docx_and_pdf(fmt):

    from app.cli import render

    letter = compose(build(SCENARIOS[0]), CATALOGUE)
    flat = document_text(fmt, render(letter, fmt))
    assert "Bundesamt für Migration und Flüchtlinge" in flat
    assert "§ 15a Abs. 2 AsylG" in flat
    assert "§ 34 Abs. 3 BDSG" in flat
    assert "28. Dezember 2026" in flat
    assert "Ergebnisreport" in flat
