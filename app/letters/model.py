"""The renderer-neutral Letter: what it says, never how it looks."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """One paragraph-level block: ``heading``, ``paragraph``, ``numbered`` or ``bulleted``.

    ``text`` holds a heading's or paragraph's text (``\\n`` marks a line break inside it);
    ``items`` holds a list's entries.
    """

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Letter:
    """A composed letter. Renderers turn it into bytes and decide nothing about content."""

    language: str
    direction: str
    sender: tuple[str, ...]
    recipient: tuple[str, ...]
    place_date: str
    subject: str
    references: tuple[str, ...]
    blocks: tuple[Block, ...]
    signature: tuple[str, ...]
    enclosures: tuple[str, ...] = ()
    enclosures_label: str = ""
    title: str = ""
    deadline: dt.date | None = None
    regime: str = ""
    citations: tuple[str, ...] = field(default_factory=tuple)
    kind: str = "request"
    recipient_email: str = ""
    banner: str = ""

    def plain_paragraphs(self) -> list[str]:
        """All the letter's text in reading order, one string per line or list item."""
        lines = [*self.sender, "", *self.recipient, "", self.place_date, "", self.subject]
        lines += list(self.references)
        for block in self.blocks:
            lines.append("")
            if block.kind in ("heading", "paragraph"):
                lines += block.text.split("\n")
            else:
                lines += list(block.items)
        lines += ["", *self.signature]
        if self.enclosures:
            lines += ["", self.enclosures_label, *self.enclosures]
        return lines
