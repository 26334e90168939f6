"""JSON schemas the catalogue's data files must satisfy; checked once at start-up."""

_MARK = {"enum": ["V", "S", "U"]}
_SOURCES = {"type": "array", "items": {"type": "string"}, "minItems": 1}
_FACT = {
    "type": "object",
    "required": ["sources", "verified"],
    "properties": {"sources": _SOURCES, "verified": _MARK},
}
_PER_LANG = {"type": "object", "additionalProperties": {"type": "string"}, "required": ["en"]}

REGIME = {
    "type": "object",
    "required": ["id", "instrument", "sources", "verified", "names", "articles", "rights",
                 "deadline", "complaint"],
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
        "instrument": {"type": "string"},
        "sources": _SOURCES,
        "verified": _MARK,
        "names": {"type": "object", "required": ["short", "long"],
                  "properties": {"short": _PER_LANG, "long": _PER_LANG}},
        "articles": {"type": "object", "additionalProperties": _FACT, "minProperties": 1},
        "recitals": {"type": "object", "additionalProperties": _FACT},
        "judgments": {"type": "object", "additionalProperties": {
            "allOf": [_FACT, {"required": ["name", "date", "ecli"],
                              "properties": {"name": _PER_LANG}}]}},
        "rights": {"type": "object", "additionalProperties": {
            "allOf": [_FACT, {"required": ["articles"],
                              "properties": {"articles": {"type": "array", "minItems": 1}}}]}},
        "deadline": {"allOf": [_FACT, {"required": ["article", "months", "counting"]}]},
        "complaint": {"allOf": [_FACT, {"required": ["article"]}]},
    },
}

COUNTRY = {
    "type": "object",
    "required": ["languages", "regimes", "holidays", "sources"],
    "properties": {
        "languages": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "regimes": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "holidays": {"type": "string"},
        "sources": _SOURCES,
    },
}

RIGHTS = {
    "type": "object",
    "required": ["order", "defaults", "details"],
    "properties": {
        "order": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "defaults": {"type": "object", "additionalProperties": {"type": "array"}},
        "details": {"type": "object", "additionalProperties": {"type": "array"}},
    },
}
