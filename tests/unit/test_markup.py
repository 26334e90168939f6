"""The block markup: structure from the template, never from a person's text."""
import pytest

from app.letters.markup import fence, parse
from app.letters.model import Block


def test_blocks():
    source = "# Title\nA paragraph\nthat wraps.\n\n1. one\n2. two\n   continued\n- a\n- b\n\nLast."
    assert parse(source) == (
        Block("heading", text="Title"),
        Block("paragraph", text="A paragraph that wraps."),
        Block("numbered", items=("one", "two continued")),
        Block("bulleted", items=("a", "b")),
        Block("paragraph", text="Last."),
    )


@pytest.mark.parametrize("typed", ["# 1. heading?", "1. item?", "- bullet?", "x\n\n# new block\n1. y"])
def test_fenced_values_are_literal(typed):
    blocks = parse(f"Name: {fence(typed)}\n")
    assert len(blocks) == 1 and blocks[0].kind == "paragraph"
    assert blocks[0].text == "Name: " + typed


def test_fenced_value_at_line_start_is_not_markup():
    blocks = parse(fence("# not a heading") + "\n")
    assert blocks == (Block("paragraph", text="# not a heading"),)
