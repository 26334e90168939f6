"""A Babel extractor for the interface strings held in catalogue data (system names).

babel.cfg maps ``app/catalogue/data/systems/*.yaml`` to :func:`extract_systems`, so
``make translations`` puts each system's ``name`` and ``description`` into messages.pot
beside the strings of the code, and translators see them like any other.
"""
from __future__ import annotations

import yaml

FIELDS = ("name", "description")


def extract_systems(fileobj, keywords, comment_tags, options):
    """Yield ``(lineno, funcname, message, comments)`` for each system's visible texts."""
    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    for key, entry in data.items():
        for note in entry.get("notes") or ():
            yield 0, "_", note, [f"I18N: a note about the system '{key}'"]
        for field in FIELDS:
            text = entry.get(field)
            if text:
                yield 0, "_", text, [f"I18N: {field} of the system '{key}' in the wizard"]


def extract_notes(fileobj, keywords, comment_tags, options):
    """Yield the notes of systems and authorities (English; shown to the person)."""
    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    for key, entry in data.items():
        for note in entry.get("notes") or ():
            yield 0, "_", note, [f"I18N: a note about '{key}' shown with the letter"]


def extract_country_names(fileobj, keywords, comment_tags, options):
    """Yield the catalogue's own country labels (where CLDR has no name)."""
    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    for code, entry in data.items():
        if entry.get("name"):
            yield 0, "_", entry["name"], [f"I18N: the country choice {code} in the wizard"]


def extract_regime_notes(fileobj, keywords, comment_tags, options):
    """Yield the English text of each regime note (shown to the person, so translated)."""
    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    name = ((data.get("names") or {}).get("long") or {}).get("en")
    if name:
        yield 0, "_", name, [f"I18N: the name of a law ({data.get('id', '?')}), on the check page"]
    for key, note in (data.get("notes") or {}).items():
        text = (note.get("text") or {}).get("en")
        if text:
            yield 0, "_", text, [f"I18N: a note about {data.get('id', '?')} ({key}) shown with the letter"]


def extract_personas(fileobj, keywords, comment_tags, options):
    """Yield the training personas' situations and what their letters ask (app/training/data)."""
    data = yaml.safe_load(fileobj.read().decode("utf-8")) or {}
    for key, persona in data.items():
        for field in ("situation", "what_to_do"):
            if persona.get(field):
                yield 0, "_", persona[field], [f"I18N: training persona {key} ({persona.get('name', '')}), a fictional person"]
