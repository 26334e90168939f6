"""Plain-text rendering of a Letter, for an e-mail body, and a ``mailto:`` link carrying it."""
from __future__ import annotations

from urllib.parse import quote

from ..letters.model import Block, Letter


def _block_lines(block: Block) -> list[str]:
    if block.kind == "numbered":
        return [f"{n}. {item}" for n, item in enumerate(block.items, start=1)]
    if block.kind == "bulleted":
        return [f"- {item}" for item in block.items]
    # Headings and paragraphs: a heading stands on its own line, a paragraph keeps its breaks.
    return block.text.split("\n")


def render_text(letter: Letter) -> str:
    """Render ``letter`` as plain text: one section per part, separated by blank lines.

    Lines are not wrapped: mail clients wrap for display, and a hard wrap would break
    citations such as ``Art. 15(3) GDPR`` that are held together by non-breaking spaces.
    Empty parts (a companion sheet has no sender or recipient) leave no blank gap.
    """
    head = [letter.subject, *letter.references] if letter.subject else list(letter.references)
    sections: list[list[str]] = [
        [letter.banner] if letter.banner else [],
        list(letter.sender),
        list(letter.recipient),
        [letter.place_date] if letter.place_date else [],
        head,
        *(_block_lines(block) for block in letter.blocks),
        list(letter.signature),
    ]
    if letter.enclosures:
        sections.append([letter.enclosures_label, *(f"- {item}" for item in letter.enclosures)])
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def mailto_link(letter: Letter) -> str:
    """A ``mailto:`` URL to ``letter.recipient_email`` with the subject and the text as body.

    Per RFC 6068 the body's line ends are CRLF and every reserved character is
    percent-encoded (``safe=""``, so ``&``, ``=``, ``?`` and ``#`` cannot end a field early).
    The address may be empty: the mail client then asks for one.
    """
    body = render_text(letter).replace("\n", "\r\n")
    address = quote(letter.recipient_email.strip(), safe="@+")
    return f"mailto:{address}?subject={quote(letter.subject, safe='')}&body={quote(body, safe='')}"
