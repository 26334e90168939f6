"""The block markup of letter templates, and its parser.

A template renders to lines of plain text:

    # A heading
    A paragraph, which may run
    over several lines until a blank line.
    1. a numbered item
    - a bulleted item
      an indented line continues the item above

Values that come from a person are fenced by :data:`OPEN`/:data:`CLOSE` (the template
environment's ``finalize`` does it), so a name such as ``# 1. - x`` is printed as typed
and never read as markup. ``clean()`` strips both control characters from all input,
so a person cannot forge a fence.
"""
from __future__ import annotations

import re

from .model import Block

OPEN, CLOSE, BREAK = "\x01", "\x02", "\x03"
_FENCED = re.compile(f"{OPEN}[^{CLOSE}]*{CLOSE}")
_NUMBERED = re.compile(r"^\d+\.\s+")


def fence(value: object) -> str:
    """Wrap an interpolated value so the parser treats it as literal text."""
    return f"{OPEN}{value}{CLOSE}"


def parse(source: str) -> tuple[Block, ...]:
    """Parse rendered template text into blocks (see the module docstring)."""
    protected = _FENCED.sub(lambda m: m.group(0).replace("\n", BREAK), source)
    blocks: list[Block] = []
    current: dict | None = None

    def flush():
        nonlocal current
        if current:
            blocks.append(_finish(current))
        current = None

    for line in protected.split("\n"):
        stripped = line.strip()
        if not stripped:
            flush()
        elif line.startswith("# "):
            flush()
            blocks.append(_finish({"kind": "heading", "parts": [line[2:]]}))
        elif _NUMBERED.match(line) or line.startswith("- "):
            kind = "bulleted" if line.startswith("- ") else "numbered"
            if not current or current["kind"] != kind:
                flush()
                current = {"kind": kind, "items": []}
            current["items"].append([_NUMBERED.sub("", line, count=1) if kind == "numbered" else line[2:]])
        elif current and current["kind"] in ("numbered", "bulleted") and line[:1] == " ":
            current["items"][-1].append(stripped)
        else:
            if not current or current["kind"] != "paragraph":
                flush()
                current = {"kind": "paragraph", "parts": []}
            current["parts"].append(stripped)
    flush()
    return tuple(b for b in blocks if b.text or b.items)


def _unfence(text: str) -> str:
    text = text.replace(OPEN, "").replace(CLOSE, "").replace(BREAK, "\n")
    return re.sub(r"[ ]{2,}", " ", text).strip()


def _finish(raw: dict) -> Block:
    if raw["kind"] in ("heading", "paragraph"):
        return Block(raw["kind"], text=_unfence(" ".join(raw["parts"])))
    items = tuple(_unfence(" ".join(parts)) for parts in raw["items"])
    return Block(raw["kind"], items=tuple(i for i in items if i))
