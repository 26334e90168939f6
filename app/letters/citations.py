"""Spelling article references the way each letter language cites law.

References are written in templates in the EU's compact form, ``15(1)(h)``. Each letter
language's ``meta.yaml`` says how to spell the parts (``ref_parts``): English keeps
``15(1)(h)``, German writes ``15 Abs. 1 lit. h``, French ``15, paragraphe 1, point h),``.
"""
from __future__ import annotations

import re

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
