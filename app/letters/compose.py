"""compose(case) -> Letter: picks the regime, the articles and the deadline, fills the wording.

The wording lives in ``letter_templates/<lang>/`` (see its README). Values from the person
enter the templates only as variables, fenced so they can never become markup; the
templates themselves are read from disk, never built from input.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from babel.dates import format_date
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from ..case import Case
from ..catalogue import Catalogue, load_catalogue
from ..catalogue.models import Regime
from ..deadlines import Deadline, reply_deadline
from ..paths import data_dir
from . import markup
from .citations import spell
from .model import Letter

NBSP = "\u00a0"


class CitationError(LookupError):
    """A template cited an article, recital or judgment the catalogue does not record."""


@dataclass(frozen=True)
class LetterLanguage:
    """One folder of letter templates: its environment and its ``meta.yaml``."""

    code: str
    meta: dict
    env: SandboxedEnvironment


def templates_root() -> Path:
    """The directory holding one folder of letter templates per letter language."""
    return data_dir("letter_templates")


def available_languages() -> tuple[str, ...]:
    """Letter languages that have templates, sorted by code."""
    return tuple(sorted(p.parent.name for p in templates_root().glob("*/meta.yaml")))


@functools.lru_cache(maxsize=16)
def letter_language(code: str) -> LetterLanguage:
    """Load (once) the templates and phrases of letter language ``code``."""
    folder = templates_root() / code
    meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8"))
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(folder)),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        finalize=markup.fence,
    )
    return LetterLanguage(code, meta, env)


class _Citer:
    """Formats citations in the letter's language and records each one for the metadata."""

    def __init__(self, regime: Regime, lang: LetterLanguage):
        self.regime, self.lang, self.cited = regime, lang, []
        self.formats = lang.meta["cite"]

    def _fmt(self, key: str, **values) -> str:
        return self.formats[key].format(short=self.regime.short(self.lang.code), **values)

    def art(self, *refs: str) -> str:
        """``Art. 15(3) GDPR`` or ``Arts 15 and 22 GDPR`` with non-breaking spaces."""
        for ref in refs:
            if not self.regime.has_article(ref):
                raise CitationError(f"{self.regime.id} has no article {ref!r}")
            self.cited.append(f"Art. {ref}")
        spelled = [spell(ref, self.lang.meta["ref_parts"]) for ref in refs]
        if len(spelled) == 1:
            return self._fmt("article", ref=spelled[0])
        joined = self.formats["and"].join([", ".join(spelled[:-1]), spelled[-1]])
        return self._fmt("articles", refs=joined)

    def recital(self, ref: str) -> str:
        if ref not in self.regime.data.get("recitals", {}):
            raise CitationError(f"{self.regime.id} has no recital {ref!r}")
        self.cited.append(f"Recital {ref}")
        return self._fmt("recital", ref=ref)

    def judgment(self, ref: str) -> str:
        found = self.regime.data.get("judgments", {}).get(ref)
        if not found:
            raise CitationError(f"{self.regime.id} records no judgment {ref!r}")
        self.cited.append(ref)
        name = found["name"]
        name = name.get(self.lang.code, name["en"]) if isinstance(name, dict) else name
        return self.formats["judgment"].format(id=ref.replace(" ", NBSP), name=name,
                                               date=self.date(found["date"]))

    def title(self, article: str) -> str:
        return self.regime.title(article, self.lang.code)

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        return letter_date(value, self.lang)


def letter_date(value: dt.date, lang: LetterLanguage) -> str:
    """A date as the letter language writes it (``1er juin 2026``, ``1. Juni 2026``)."""
    text = format_date(value, format=lang.meta.get("date_format", "long"), locale=lang.meta["locale"])
    first = lang.meta.get("first_day")
    if first and value.day == 1 and text.startswith("1 "):
        text = first + text[1:]
    return text


def _render(lang: LetterLanguage, name: str, context: dict) -> str:
    return lang.env.get_template(name).render(context)


def _part(lang: LetterLanguage, context: dict, name: str) -> tuple:
    """Render block ``name`` of ``parts.md`` (subject, signature...) into blocks."""
    template = lang.env.get_template("parts.md")
    return markup.parse("".join(template.blocks[name](template.new_context(context))))


def _text(blocks: tuple) -> str:
    return " ".join(b.text for b in blocks if b.text)


def _items(blocks: tuple) -> tuple[str, ...]:
    out: list[str] = []
    for block in blocks:
        out.extend(block.items or block.text.split("\n"))
    return tuple(out)


def _lines(*values: str) -> tuple[str, ...]:
    return tuple(line for value in values if value for line in value.split("\n") if line)


def compose(case: Case, catalogue: Catalogue | None = None, *, kind: str = "request",
            banner: str = "") -> Letter:
    """Compose the letter of ``kind`` for ``case`` in the case's letter language."""
    catalogue = catalogue or load_catalogue()
    regime = catalogue.regime_for(case.country)
    lang = letter_language(case.letter_language)
    citer = _Citer(regime, lang)
    deadline = reply_deadline(regime.deadline, case.sent_on, catalogue.countries[case.country].holidays)
    context = _context(case, regime, lang, citer, deadline)
    blocks = markup.parse(_render(lang, f"{kind}.md", context))
    part = functools.partial(_part, lang, context)
    writer = case.representative or case.person
    return Letter(
        language=lang.code,
        direction=lang.meta.get("direction", "ltr"),
        sender=_lines(writer.name, getattr(writer, "organisation", ""), writer.address, writer.email),
        recipient=_lines(case.authority.name, case.authority.address),
        place_date=_text(part("place_date")),
        subject=_text(part("subject")),
        references=_items(part("references")),
        blocks=blocks,
        signature=_items(part("signature")),
        enclosures=_items(part("enclosures")),
        enclosures_label=_text(part("enclosures_label")),
        title=_text(part("subject")),
        deadline=deadline.date,
        regime=regime.id,
        citations=tuple(dict.fromkeys(citer.cited)),
        kind=kind,
        recipient_email=case.authority.email,
        banner=banner,
    )


def _context(case: Case, regime: Regime, lang: LetterLanguage, citer: _Citer,
             deadline: Deadline) -> dict:
    return {
        "case": case,
        "person": case.person,
        "authority": case.authority,
        "event": case.event,
        "details": case.details,
        "representative": case.representative,
        "rights": [r for r in catalogue_order(regime) if r in case.rights],
        "kind": case.kind,
        "topic": case.event.topic,
        "regime_short": regime.short(lang.code),
        "regime_long": regime.long(lang.code),
        "regime": regime.data,
        "deadline": citer.date(deadline.date),
        "deadline_moved": bool(deadline.moved_because),
        "sent_on": citer.date(case.sent_on),
        "place": case.place,
        "art": citer.art,
        "recital": citer.recital,
        "judgment": citer.judgment,
        "title": citer.title,
        "date": citer.date,
        "right_articles": lambda right: citer.art(*regime.right_articles(right)),
        "subject_articles": lambda: citer.art(*_subject_refs(regime, case.rights)),
        "q": lambda text: f"{lang.meta['quotes'][0]}{text}{lang.meta['quotes'][1]}",
    }


def catalogue_order(regime: Regime) -> list[str]:
    """Rights in the order a letter lists them (the order of the regime's data)."""
    return list(regime.data["rights"])


def _subject_refs(regime: Regime, rights) -> list[str]:
    """The distinct base articles behind the chosen rights, in article order."""
    bases = {ref.split("(")[0] for right in rights for ref in regime.right_articles(right)}
    return sorted(bases, key=lambda ref: int("".join(ch for ch in ref if ch.isdigit())))
