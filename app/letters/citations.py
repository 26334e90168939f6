"""Spelling article references the way each letter language cites law.

References are written in templates in the EU's compact form, ``15(1)(h)``. Each letter
language's ``meta.yaml`` says how to spell the parts (``ref_parts``): English keeps
``15(1)(h)``, German writes ``15 Abs. 1 lit. h``, French ``15, paragraphe 1, point h),``.
"""
from __future__ import annotations

import re

from .templates import letter_date

_PART = re.compile(r"\(([^)]+)\)")
_ROMAN = re.compile(r"^[ivx]+$")


def split_ref(ref: str) -> tuple[str, list[str]]:
    """``15(1)(h)`` -> (``15``, [``1``, ``h``])."""
    article = ref.split("(", 1)[0]
    return article, _PART.findall(ref)


def spell(ref: str, style: dict) -> str:
    """Spell ``ref`` with a language's ``ref_parts`` style."""
    article, parts = split_ref(ref)
    if not parts:
        return article
    out, previous = article + style["first"], ""
    for index, part in enumerate(parts):
        if part.isdigit():
            kind, text = "number", style["number"].format(n=part)
        elif previous == "letter" and _ROMAN.match(part):
            kind, text = "roman", style["roman"].format(i=part)
        else:
            kind, text = "letter", style["letter"].format(x=part)
        if index:
            out += style["roman_between"] if kind == "roman" else style["between"]
        out += text
        previous = kind
    return out + style["after"]


class CitationError(LookupError):
    """A template cited an article, recital or judgment the catalogue does not record."""


class Citer:
    """Formats citations in the letter's language and records each one for the metadata.

    ``art`` cites the primary regime, in GDPR numbering mapped through the regime's
    concordance; ``law`` cites another regime of the letter (a system act or an
    additional basis) in that regime's own numbering.
    """

    def __init__(self, regimes: dict, primary: str, lang):
        self.regimes, self.primary, self.lang, self.cited = regimes, primary, lang, []

    def _format(self, regime, key: str, **values) -> str:
        """A citation format: the regime's own for this language if it has one (French "de la
        directive"), else the letter language's."""
        own = regime.data.get("cite", {}).get(self.lang.code, {})
        pattern = own.get(key) or self.lang.meta["cite"][key]
        return pattern.format(short=regime.short(self.lang.code), **values)

    def _joined(self, regime, refs: list[str], style: str) -> str:
        spelled = [spell(ref, self.lang.meta["ref_parts"]) for ref in refs]
        if len(spelled) == 1:
            return self._format(regime, style, ref=spelled[0])
        joined = self.lang.meta["cite"]["and"].join([", ".join(spelled[:-1]), spelled[-1]])
        return self._format(regime, style + "s", ref=joined, refs=joined)

    def art(self, *refs: str) -> str:
        """``Art. 15(3) GDPR`` (or ``Art. 17(3) EUDPR`` under a concordance)."""
        regime = self.regimes[self.primary]
        own = [regime.own_ref(ref) for ref in refs]
        for ref, mapped in zip(refs, own):
            if not mapped or not regime.has_article(mapped):
                raise CitationError(f"{regime.id} has no article for {ref!r}")
            self.cited.append(f"Art. {mapped}")
        return self._joined(regime, own, "article")

    def _cite(self, regime, refs, label: str) -> str:
        """Check each ref exists in ``regime``, record it under ``label``, format them together."""
        for ref in refs:
            if not regime.has_article(ref):
                raise CitationError(f"{regime.id} has no article {ref!r}")
            self.cited.append(f"{label}{ref}")
        return self._joined(regime, list(refs), regime.data.get("cite_style", "article"))

    def own(self, *refs: str) -> str:
        """Articles of the primary regime already in its own numbering (rights, subject line)."""
        return self._cite(self.regimes[self.primary], refs, "Art. ")

    def has(self, ref: str) -> bool:
        """Whether the primary regime has an article for ``ref`` (GDPR numbering)."""
        regime = self.regimes[self.primary]
        mapped = regime.own_ref(ref)
        return bool(mapped) and regime.has_article(mapped)

    def law(self, regime_id: str, *refs: str) -> str:
        """A provision of another regime of this letter, in its own numbering and style."""
        regime = self.regimes.get(regime_id)
        if regime is None:
            raise CitationError(f"{regime_id!r} is not a regime of this letter")
        return self._cite(regime, refs, f"{regime.id} ")

    def recital(self, ref: str) -> str:
        """A recital of the primary regime, GDPR numbering mapped by ``recital_concordance``."""
        regime = self.regimes[self.primary]
        ref = regime.data.get("recital_concordance", {}).get(ref, ref)
        if ref not in regime.data.get("recitals", {}):
            raise CitationError(f"{regime.id} has no recital {ref!r}")
        self.cited.append(f"Recital {ref}")
        return self._format(regime, "recital", ref=ref)

    def judgment(self, ref: str) -> str:
        for regime in self.regimes.values():
            found = regime.data.get("judgments", {}).get(ref)
            if found:
                break
        else:
            raise CitationError(f"no regime of this letter records judgment {ref!r}")
        self.cited.append(ref)
        name = found["name"]
        name = name.get(self.lang.code, name["en"]) if isinstance(name, dict) else name
        return self.lang.meta["cite"]["judgment"].format(id=ref.replace(" ", "\u00a0"), name=name,
                                                         date=self.date(found["date"]))

    def date(self, value) -> str:
        return letter_date(value, self.lang) if value else ""
