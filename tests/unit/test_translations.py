"""The interface catalogs: complete, not fuzzy, compilable, and safe to format.

Every language folder under ``locales/`` is checked against a fresh extraction of the
code (the same method map as ``babel.cfg`` and the keywords of ``make translations``), so a
string added to the code without a translation fails here, not in front of a person.
"""
from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages import checkers
from babel.messages.catalog import TranslationError
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from babel.support import Translations

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "locales"
LANGUAGES = sorted(p.parent.parent.name for p in LOCALES.glob("*/LC_MESSAGES/messages.po"))

# The keywords of `make translations` (_l, N_, lazy_gettext) plus the gettext functions
# that the code and the templates call directly.
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "N_": None,
            "lazy_gettext": None}

# A printf-style placeholder, named or not: %(name)s, %(number)d, %s, %5.2f ...
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]")

# Latin examples that an RTL translation must keep inside isolates (U+2068 ... U+2069),
# or the bidi algorithm may reorder them: e-mail addresses and numeric dates.
LATIN_EXAMPLE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\d{1,4}[.\-/]\d{1,2}[.\-/]\d{1,4}")
RTL_LANGUAGES = {"ar", "fa", "he", "ps", "ur", "ckb"}


def _po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / "messages.po"


def _read(lang: str):
    with _po_path(lang).open("rb") as handle:
        return read_po(handle)  # no locale given: the catalog says its own language


def _strings(value) -> tuple[str, ...]:
    if isinstance(value, (tuple, list)):
        return tuple(value)
    return (value,)


def _placeholders(text: str) -> set[str]:
    return {m.group(0) for m in PLACEHOLDER.finditer(text) if m.group(0) != "%%"}


def _messages(catalog):
    return [message for message in catalog if message.id]


@pytest.fixture(scope="module")
def extracted() -> dict[str, set[str]]:
    """msgid -> the source locations of a fresh extraction of the code."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, "babel.cfg")
    found: dict[str, set[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT, method_map, options_map, keywords=KEYWORDS, comment_tags=("I18N:",)):
        for msgid in _strings(message)[:1]:
            if msgid:
                found.setdefault(msgid, set()).add(f"{filename}:{lineno}")
    assert found, "the extraction found no message at all: is babel.cfg right?"
    return found


def test_there_are_interface_languages():
    assert LANGUAGES, f"no catalog under {LOCALES}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_parses_and_compiles(lang):
    catalog = _read(lang)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    translations = Translations(buffer)
    for message in _messages(catalog):
        if isinstance(message.id, str):
            assert translations.gettext(message.id) == message.string, message.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_header_matches_folder(lang):
    catalog = _read(lang)
    headers = dict(catalog.mime_headers)
    assert headers.get("Language") == lang
    assert str(catalog.locale) == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms_header(lang):
    catalog = _read(lang)
    headers = dict(catalog.mime_headers)
    expected = get_plural(lang).num_plurals
    assert f"nplurals={expected};" in headers.get("Plural-Forms", "").replace(" ", ""), headers.get("Plural-Forms")
    assert catalog.num_plurals == expected
    # The expression must pick every form, and only existing ones.
    from gettext import c2py
    plural = c2py(catalog.plural_expr)
    assert {plural(n) for n in range(0, 2000)} == set(range(expected))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nothing_is_fuzzy(lang):
    catalog = _read(lang)
    assert not catalog.fuzzy, "the catalog header is marked fuzzy"
    fuzzy = [message.id for message in _messages(catalog) if message.fuzzy]
    assert not fuzzy, f"fuzzy entries in {lang}: {fuzzy}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_obsolete_entries(lang):
    assert not _read(lang).obsolete, "run `make translations` (it drops obsolete entries)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_of_the_code_is_in_the_catalog(lang, extracted):
    catalog = _read(lang)
    ids = {_strings(message.id)[0] for message in _messages(catalog)}
    missing = {msgid: sorted(where) for msgid, where in extracted.items() if msgid not in ids}
    assert not missing, f"{lang} lacks {len(missing)} message(s); run `make translations`: {missing}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_translation_is_empty(lang):
    catalog = _read(lang)
    empty = [message.id for message in _messages(catalog)
             if not all(s and s.strip() for s in _strings(message.string))]
    assert not empty, f"untranslated in {lang}: {empty}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_are_kept(lang):
    catalog = _read(lang)
    wrong = []
    for message in _messages(catalog):
        expected = set().union(*(_placeholders(s) for s in _strings(message.id)))
        for translated in _strings(message.string):
            if translated and _placeholders(translated) != expected:
                wrong.append((message.id, translated))
    assert not wrong, wrong


@pytest.mark.parametrize("lang", LANGUAGES)
def test_babel_checkers(lang):
    catalog = _read(lang)
    errors = []
    for message in _messages(catalog):
        for check in (checkers.python_format, checkers.num_plurals):
            try:
                check(catalog, message)
            except TranslationError as error:
                errors.append((message.id, str(error)))
    errors += [(message.id, [str(e) for e in errs]) for message, errs in catalog.check()]
    assert not errors, errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_format_with_the_msgid_arguments(lang):
    """Formatting each translation with values for its msgid's placeholders works."""
    catalog = _read(lang)
    for message in _messages(catalog):
        if "python-format" not in message.flags:
            continue
        names = re.findall(r"%\(([^)]+)\)([a-z])", " ".join(_strings(message.id)))
        values = {name: (7 if kind in "di" else "X") for name, kind in names}
        for translated in _strings(message.string):
            translated % values


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang.split("_")[0] in RTL_LANGUAGES])
def test_rtl_translations_isolate_latin_examples(lang):
    """E-mail addresses and numeric dates in an RTL text are wrapped in FSI ... PDI."""
    catalog = _read(lang)
    bare = []
    for message in _messages(catalog):
        for translated in _strings(message.string):
            for match in LATIN_EXAMPLE.finditer(translated or ""):
                before, after = translated[: match.start()], translated[match.end():]
                if not (before.endswith("\u2068") and after.startswith("\u2069")):
                    bare.append((message.id, match.group(0)))
    assert not bare, bare
