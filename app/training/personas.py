"""The training personas: fictional people in situations documented in public reports."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from ..answers import fill_authority
from ..catalogue import load_catalogue

DATA = Path(__file__).parent / "data" / "personas.yaml"
SCHEMA = {
    "type": "object",
    "additionalProperties": {
        "type": "object",
        "required": ["name", "situation", "what_to_do", "sources", "answers"],
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string"},
            "situation": {"type": "string"},
            "what_to_do": {"type": "string"},
            "sources": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "answers": {"type": "object", "required": ["kind", "country", "person_name", "rights"]},
        },
    },
}


@dataclass(frozen=True)
class Persona:
    """A fictional person and the answers that open the wizard for them."""

    id: str
    name: str
    situation: str  # English gettext id
    what_to_do: str  # English gettext id
    sources: tuple[str, ...]
    answers: dict

    def wizard_answers(self, sheet_language: str, *, presenter: bool = False) -> dict:
        """The carried answers for the wizard: the persona's, dated today, marked as training."""
        answers = {**self.answers, "rights_for": self.answers["kind"], "sent_on": dt.date.today().isoformat(),
                   "sheet_language": sheet_language, "training": self.id}
        fill_authority(answers, load_catalogue().authorities)
        return {**answers, "presenter": "y"} if presenter else answers


@functools.cache
def personas() -> dict[str, Persona]:
    """Every persona, schema-checked, in file order."""
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    jsonschema.validate(raw, SCHEMA)
    return {key: Persona(key, item["name"], item["situation"], item["what_to_do"], tuple(item["sources"]),
                         item["answers"]) for key, item in raw.items()}
