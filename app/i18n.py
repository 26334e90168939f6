"""Interface translations without Flask: used by the web layer and by companion sheets.

The interface languages are the folders of ``locales/`` plus English (the source
language). Catalogs are read from compiled ``.mo`` files when they are up to date, else
compiled in memory from the ``.po`` files, so an installed wheel or a fresh checkout works
without a build step and nothing is written at run time.
"""
from __future__ import annotations

import functools
from io import BytesIO

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from .paths import data_dir

SOURCE_LANGUAGE = "en"


@functools.lru_cache(maxsize=1)
def interface_languages() -> tuple[str, ...]:
    """Codes of every interface language, English first, then in code order."""
    found = sorted(p.parent.parent.name for p in data_dir("locales").glob("*/LC_MESSAGES/messages.po"))
    return (SOURCE_LANGUAGE, *[code for code in found if code != SOURCE_LANGUAGE])


def preferred(accepted) -> str:
    """The interface language a browser asks for: its languages in its own order, each matched
    by its base code (``de-DE`` -> ``de``), else English."""
    available = interface_languages()
    for value, _quality in accepted:
        base = value.split("-")[0].split("_")[0].lower()
        if base in available:
            return base
    return SOURCE_LANGUAGE


@functools.lru_cache(maxsize=64)
def translations(lang: str) -> NullTranslations:
    """The gettext catalog of ``lang`` (a null catalog for English or an unknown code)."""
    folder = data_dir("locales") / lang / "LC_MESSAGES"
    po, mo = folder / "messages.po", folder / "messages.mo"
    if lang == SOURCE_LANGUAGE or not po.exists():
        return NullTranslations()
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as handle:
            return Translations(handle)
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def gettext_for(lang: str):
    """A ``gettext`` function bound to ``lang``, for text made outside a request."""
    return translations(lang).gettext


@functools.lru_cache(maxsize=256)
def direction(lang: str) -> str:
    """``rtl`` or ``ltr`` for ``lang``, from CLDR."""
    order = Locale.parse(lang).character_order
    return "rtl" if order == "right-to-left" else "ltr"


@functools.lru_cache(maxsize=256)
def native_name(lang: str) -> str:
    """The language's name in itself (``العربية`` for ``ar``), from CLDR."""
    locale = Locale.parse(lang)
    name = locale.get_display_name(locale) or lang
    return name[:1].upper() + name[1:] if locale.language not in ("ar", "fa", "ps") else name


def language_name(lang: str, in_lang: str) -> str:
    """The name of ``lang`` in the language ``in_lang`` (``Allemand`` for de in fr)."""
    name = Locale.parse(lang).get_display_name(Locale.parse(in_lang)) or lang
    return name[:1].upper() + name[1:]


def country_name(code: str, in_lang: str) -> str:
    """The name of country ``code`` in ``in_lang``, from CLDR."""
    return Locale.parse(in_lang).territories.get(code, code)
