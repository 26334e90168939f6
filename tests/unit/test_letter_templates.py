"""Letter templates: every letter language mirrors English in files, variables, blocks,
citations and structure, and its letters read cleanly in that language's typography.

English (``letter_templates/en``) is the reference. A translation may word things its own
way, but it must use the same variables, cite exactly the same references and produce the
same blocks and list items, so that every request of the English letter is also made in
the translated one.
"""
from __future__ import annotations

import collections
import functools
import re
import string
from pathlib import Path

import pytest
from babel import Locale
from jinja2 import meta as jinja_meta
from jinja2 import nodes

from app.case import KINDS, TOPICS, Case
from app.catalogue import load_catalogue
from app.letters.compose import available_languages, compose, letter_date, letter_language
from app.letters.templates import environment

LANGUAGES = available_languages()
TRANSLATIONS = tuple(code for code in LANGUAGES if code != "en")
RIGHTS = tuple(load_catalogue().rights["order"])
DEFAULT_TOPIC = {"decision": "asylum", "biometric": "fingerprints", "phone": "phone", "unsure": ""}
CITING = ("art", "recital", "judgment")
# Quotation marks a letter may contain. U+2019 is left out: it is also the apostrophe.
QUOTE_CHARS = frozenset("\"«»„“”‘‚‹›")
NBSP = "\u00a0"
MARKUP_START = re.compile(r"^(#|[-*+]\s|\d+[.)]\s)")
META_KEYS = ("name", "locale", "direction", "date_format", "quotes", "ref_parts", "cite", "specimen")
CITE_KEYS = ("article", "articles", "and", "recital", "judgment")

# --- template sources ------------------------------------------------------------------

def template_names(code: str) -> set[str]:
    """The general templates of a language (regime folders are checked per regime)."""
    return {name for name in environment(code, "gdpr").list_templates()
            if not name.startswith("regimes/") and name.endswith(".md")}


def parsed(code: str, name: str):
    env = environment(code, "gdpr")
    return env.parse(env.loader.get_source(env, name)[0])


def citation_calls(code: str, name: str) -> collections.Counter:
    """Every ``art(...)``, ``recital(...)``, ``judgment(...)`` call with its arguments."""
    calls = collections.Counter()
    for call in parsed(code, name).find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in CITING:
            args = tuple(arg.value if isinstance(arg, nodes.Const) else "<expr>" for arg in call.args)
            calls[(call.node.name, *args)] += 1
    return calls


def md_templates() -> list[str]:
    return sorted(name for name in template_names("en") if name.endswith(".md"))


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_same_files_as_english(code):
    assert template_names(code) == template_names("en")


@pytest.mark.parametrize("name", md_templates())
@pytest.mark.parametrize("code", TRANSLATIONS)
def test_same_variables_as_english(code, name):
    ours = jinja_meta.find_undeclared_variables(parsed(code, name))
    theirs = jinja_meta.find_undeclared_variables(parsed("en", name))
    assert ours == theirs, f"{code}/{name}: extra {ours - theirs}, missing {theirs - ours}"


@pytest.mark.parametrize("name", md_templates())
@pytest.mark.parametrize("code", TRANSLATIONS)
def test_same_citation_calls_as_english(code, name):
    """Same references, as often as in English (word order may differ)."""
    assert citation_calls(code, name) == citation_calls("en", name)


@pytest.mark.parametrize("name", md_templates())
@pytest.mark.parametrize("code", TRANSLATIONS)
def test_same_includes_as_english(code, name):
    ours = set(jinja_meta.find_referenced_templates(parsed(code, name)))
    assert ours == set(jinja_meta.find_referenced_templates(parsed("en", name)))


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_parts_define_the_same_blocks(code):
    ours = environment(code, "gdpr").get_template("parts.md").blocks
    assert set(ours) == set(environment("en", "gdpr").get_template("parts.md").blocks)


# --- meta.yaml -------------------------------------------------------------------------

def fields(pattern: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(pattern) if name}


@pytest.mark.parametrize("code", LANGUAGES)
def test_meta(code):
    meta = letter_language(code).meta
    assert set(META_KEYS) <= set(meta)
    assert Locale.parse(meta["locale"]).language == code
    assert meta["direction"] in ("ltr", "rtl")
    assert meta["date_format"] in ("short", "medium", "long", "full")
    assert len(meta["quotes"]) == 2 and all(q.strip() for q in meta["quotes"])
    english = letter_language("en").meta["cite"]
    for key in CITE_KEYS:
        assert fields(meta["cite"][key]) == fields(english[key]), key
    for key in ("article", "articles", "recital"):
        label, _, _ = meta["cite"][key].partition("{ref")
        assert label.endswith(NBSP), f"{code} cite.{key}: the label must be tied to the number"


# --- composed letters ------------------------------------------------------------------

def case_data(code, kind, rights, *, topic=None, full=True, name="Amal Haddad"):
    data = {
        "kind": kind, "country": "DE", "letter_language": code, "sheet_language": "ar",
        "sent_on": "2026-11-23", "rights": list(rights),
        "authority": {"name": "Bundesamt für Migration und Flüchtlinge"},
        "person": {"name": name, "email": "amal@example.org"},
        "event": {"topic": DEFAULT_TOPIC[kind] if topic is None else topic},
    }
    if full:
        data["place"] = "Berlin"
        data["authority"]["address"] = "Frankenstraße 210\n90461 Nürnberg"
        data["person"].update(other_names="Amal Hadad", birth_date="1994-03-12",
                              references="BAMF 7654321-438", address="Musterweg 1\n10115 Berlin")
        data["event"].update(date="2026-10-01", reference="7654321-438", system="Eurodac")
        data["details"] = {"inaccurate": "date of birth 1994-12-03", "correction": "1994-03-12",
                           "situation": "I fear persecution if these data are passed on"}
        data["representative"] = {"name": "Jana Berger", "organisation": "Refugee Law Clinic",
                                  "address": "Beratungsstelle, Hauptstraße 5\n10115 Berlin"}
    return data


@functools.lru_cache(maxsize=None)
def letter(code, kind, rights, topic=None, full=True, name="Amal Haddad"):
    return compose(Case.from_dict(case_data(code, kind, rights, topic=topic, full=full, name=name)))


def structure(composed):
    """What must match English: the sequence of blocks, list lengths, parts present."""
    return (
        [(block.kind, len(block.items)) for block in composed.blocks],
        len(composed.references), len(composed.signature), len(composed.enclosures),
        bool(composed.place_date), bool(composed.subject), bool(composed.enclosures_label),
    )


def body_lines(composed):
    for block in composed.blocks:
        yield from (block.text.split("\n") if block.text else block.items)


def check_letter(code, composed, name="Amal Haddad"):
    lines = composed.plain_paragraphs()
    text = "\n".join(lines)
    deadline = letter_date(composed.deadline, letter_language(code))
    assert deadline in text, f"deadline {deadline!r} missing"
    assert name in text
    for leftover in ("{{", "}}", "{%", "%}", "{#", "#}", "\x01", "\x02", "\x03"):
        assert leftover not in text, f"leftover {leftover!r}"
    assert not re.search(r"\bNone\b", text)
    for line in body_lines(composed):
        assert line.strip(), "empty paragraph or list item"
        assert not MARKUP_START.match(line), f"unparsed markup: {line[:60]!r}"
        assert "  " not in line, f"double space: {line[:60]!r}"


def rights_kinds():
    return [(right, kind) for right in RIGHTS for kind in KINDS]


@pytest.mark.parametrize(("right", "kind"), rights_kinds())
@pytest.mark.parametrize("code", LANGUAGES)
def test_each_right_and_kind(code, right, kind):
    composed = letter(code, kind, (right,))
    check_letter(code, composed)
    english = letter("en", kind, (right,))
    assert set(composed.citations) == set(english.citations)
    assert structure(composed) == structure(english)


def topics():
    return [(kind, topic) for kind in KINDS for topic in (TOPICS[kind] or ("",))]


@pytest.mark.parametrize("full", [True, False], ids=["full", "minimal"])
@pytest.mark.parametrize(("kind", "topic"), topics())
@pytest.mark.parametrize("code", LANGUAGES)
def test_all_rights_every_topic(code, kind, topic, full):
    composed = letter(code, kind, RIGHTS, topic, full)
    check_letter(code, composed)
    english = letter("en", kind, RIGHTS, topic, full)
    assert set(composed.citations) == set(english.citations)
    assert structure(composed) == structure(english)


@pytest.mark.parametrize("code", LANGUAGES)
def test_markup_in_a_name_stays_text(code):
    name = "# 1. - {{ x }} Amal"
    composed = letter(code, "decision", RIGHTS, name=name)
    assert name in composed.signature
    assert any(name in item for block in composed.blocks for item in block.items)
    assert structure(composed) == structure(letter("en", "decision", RIGHTS, name=name))


# --- typography ------------------------------------------------------------------------

def all_letters(code):
    return [letter(code, kind, RIGHTS, topic, full) for kind, topic in topics() for full in (True, False)]


@pytest.mark.parametrize("code", LANGUAGES)
def test_quotation_marks_are_the_languages_own(code):
    own = set("".join(letter_language(code).meta["quotes"])) - {" ", NBSP, "\u202f"}
    for composed in all_letters(code):
        used = set("\n".join(composed.plain_paragraphs())) & QUOTE_CHARS
        assert used <= own, f"{code}: foreign quotation marks {sorted(used - own)}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_space_before_comma_or_full_stop(code):
    for composed in all_letters(code):
        for line in body_lines(composed):
            assert not re.search(r"\s[,.]", line), f"{code}: {line[:80]!r}"


def test_french_no_break_spaces_and_apostrophes():
    """French typography: no-break space before : ; ? ! and inside « », apostrophe ’."""
    if "fr" not in LANGUAGES:
        pytest.skip("no French templates")
    for composed in all_letters("fr"):
        text = "\n".join(composed.plain_paragraphs())
        assert not re.search(r" [:;?!»]", text), re.search(r".{30} [:;?!»]", text)
        assert "« " not in text
        assert "'" not in text


def test_german_letter_starts_in_lower_case_after_the_salutation():
    if "de" not in LANGUAGES:
        pytest.skip("no German templates")
    for composed in all_letters("de"):
        salutation, first = composed.blocks[0].text, composed.blocks[1].text
        assert salutation == "Sehr geehrte Damen und Herren,"
        assert first[:1].islower(), first[:40]


# --- official GDPR article titles --------------------------------------------------------

OFFICIAL_TABLE = Path(__file__).resolve().parents[3] / "shared" / "docs" / "gdpr-article-titles.tsv"
TITLED = {"access": "15", "rectification": "16", "erasure": "17", "restriction": "18", "objection": "21"}


def official_titles() -> dict:
    """The official table (shared/docs when beside the checkout, else the catalogue's copy)."""
    import csv

    from app.catalogue.loader import DATA

    path = OFFICIAL_TABLE if OFFICIAL_TABLE.exists() else DATA / "gdpr-article-titles.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row.pop("article"): row for row in csv.DictReader(handle, delimiter="\t")}


def _normal(text: str) -> str:
    """Compare as the brief says: the same text whatever the apostrophe and spaces."""
    return " ".join(text.replace("\u2019", "'").replace("\u00a0", " ").split())


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c in official_titles()["15"]])
def test_headings_carry_the_official_gdpr_article_titles(code):
    titles = official_titles()
    composed = letter(code, "decision", tuple(TITLED), full=True)
    headings = [_normal(b.text) for b in composed.blocks if b.kind == "heading"]
    for right, article in TITLED.items():
        title = _normal(titles[article][code])
        assert any(h.startswith(title + " (") for h in headings), (code, article, title, headings)


def test_every_letter_language_with_an_official_table_column_is_checked():
    assert {"en", "fr", "de", "es", "it", "nl"} <= set(LANGUAGES)
