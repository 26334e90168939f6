"""Letter languages: their templates, phrases and formats, loaded once from letter_templates/."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.dates import format_date
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..paths import data_dir
from . import markup


@dataclass(frozen=True)
class LetterLanguage:
    """One folder of letter templates: its ``meta.yaml`` and phrase tables."""

    code: str
    meta: dict
    documents: dict
    folder: Path


def templates_root() -> Path:
    """The directory holding one folder of letter templates per letter language."""
    return data_dir("letter_templates")


def available_languages() -> tuple[str, ...]:
    """Letter languages that have templates, sorted by code."""
    return tuple(sorted(p.parent.name for p in templates_root().glob("*/meta.yaml")))


@functools.lru_cache(maxsize=16)
def letter_language(code: str) -> LetterLanguage:
    """Load (once) the phrases of letter language ``code``."""
    folder = templates_root() / code
    meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8"))
    documents: dict = {}
    for path in sorted((folder / "documents").glob("*.yaml")):
        documents.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return LetterLanguage(code, meta, documents, folder)


@functools.lru_cache(maxsize=64)
def environment(code: str, regime: str) -> SandboxedEnvironment:
    """The template environment of language ``code`` for ``regime``.

    Templates in ``<code>/regimes/<regime>/`` replace the general ones of the same name, so
    a regime whose letters differ (the Law Enforcement Directive, UK law) is a folder of
    templates, not a branch in code. Every interpolated value is fenced (see markup.py).
    """
    folder = letter_language(code).folder
    search = [str(folder / "regimes" / regime), str(folder)]
    return SandboxedEnvironment(
        loader=FileSystemLoader(search),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=markup.fence,
    )


def letter_date(value: dt.date, lang: LetterLanguage) -> str:
    """A date as the letter language writes it (``1er juin 2026``, ``1. Juni 2026``)."""
    text = format_date(value, format=lang.meta.get("date_format", "long"), locale=lang.meta["locale"])
    first = lang.meta.get("first_day")
    if first and value.day == 1 and text.startswith("1 "):
        text = first + text[1:]
    return text
