"""JSON schemas the catalogue's data files must satisfy; checked once at start-up."""
from ..case import MISSING

_MARK = {"enum": ["V", "S", "U"]}
_SOURCES = {"type": "array", "items": {"type": "string"}, "minItems": 1}
_FACT = {
    "type": "object",
    "required": ["sources", "verified"],
    "properties": {"sources": _SOURCES, "verified": _MARK},
}
_PER_LANG = {"type": "object", "additionalProperties": {"type": "string"}, "required": ["en"]}
_REFS = {"type": "array", "items": {"type": "string"}}
_NAME = {"oneOf": [{"type": "string"}, _PER_LANG]}

# A period: N months or N days, or no fixed period at all (the LED leaves it to national law).
_DEADLINE = {"allOf": [_FACT, {
    "required": ["article"],
    "properties": {
        "months": {"type": "integer", "minimum": 1},
        "days": {"type": "integer", "minimum": 1},
        "none": {"const": True},
        "extension_months": {"type": "integer", "minimum": 0},
    },
    "oneOf": [{"required": ["months"]}, {"required": ["days"]}, {"required": ["none"]}],
}]}

REGIME = {
    "type": "object",
    "required": ["id", "kind", "instrument", "sources", "verified", "names", "articles"],
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9_]+$"},
        # primary: binds the controller and carries the letter; system: an EU IT system act
        # adding its own rights article and deadline; additional: an extra basis cited beside
        # the primary regime; policy: rules that are not law (UNHCR).
        "kind": {"enum": ["primary", "system", "additional", "policy"]},
        "instrument": {"type": "string"},
        "sources": _SOURCES,
        "verified": _MARK,
        "names": {"type": "object", "required": ["short", "long"],
                  "properties": {"short": _PER_LANG, "long": _PER_LANG}},
        "articles": {"type": "object", "additionalProperties": _FACT, "minProperties": 1},
        "concordance": {"type": "object", "additionalProperties": {"type": "string"}},
        "recital_concordance": {"type": "object", "additionalProperties": {"type": "string"}},
        "cite_style": {"enum": ["article", "section"]},
        # Citation formats of this regime per letter language, where they differ from the
        # language's defaults (French "de la directive").
        "cite": {"type": "object", "additionalProperties": {
            "type": "object", "additionalProperties": {"type": "string"}}},
        "recitals": {"type": "object", "additionalProperties": _FACT},
        "judgments": {"type": "object", "additionalProperties": {
            "allOf": [_FACT, {"required": ["name", "date", "ecli"], "properties": {"name": _NAME}}]}},
        "rights": {"type": "object", "additionalProperties": {
            "allOf": [_FACT, {"required": ["articles"],
                              "properties": {"articles": {"type": "array"}}}]}},
        "deadline": _DEADLINE,
        "complaint": {"allOf": [_FACT, {"required": ["authority"]}]},
        # What follow-up letters cite, in the regime's own numbering: the duty to give reasons
        # for not acting, the provision behind each item an answer may leave out, and the
        # provisions that let a supervisory authority check a refusal for the person.
        "followup": {"allOf": [_FACT, {"properties": {
            "reasons": _REFS,
            "items": {"type": "object", "propertyNames": {"enum": list(MISSING)},
                      "additionalProperties": _REFS},
            "indirect": _REFS,
            "judgments": {"type": "object", "propertyNames": {"enum": list(MISSING)},
                          "additionalProperties": _REFS},
        }}]},
        "applies_from": {"type": "string"},
        "notes": {"type": "object", "additionalProperties": {
            "allOf": [_FACT, {"required": ["text"], "properties": {"text": _PER_LANG}}]}},
    },
    "if": {"properties": {"kind": {"const": "primary"}}},
    "then": {"required": ["rights", "deadline", "complaint"]},
}

COUNTRY = {
    "type": "object",
    "required": ["languages", "regimes", "holidays", "sources"],
    "properties": {
        "languages": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "regimes": {"type": "array", "items": {"type": "string"}},
        "holidays": {"type": ["string", "null"]},
        "sources": _SOURCES,
        "supervisory_authority": {"type": "string"},
        "name": {"type": "string"},      # English gettext msgid where CLDR has no name
        "outside": {"type": "boolean"},  # no European law: the wizard says so before going on
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

SYSTEM = {
    "type": "object",
    "required": ["kind", "name", "regimes", "documents", "sources", "verified"],
    "properties": {
        # One kind, or several (a VIS refusal is a biometric record and a decision). Never
        # "unsure": a person who is not sure gets a plain access request, with no system step.
        "kind": {"oneOf": [{"enum": ["decision", "biometric", "phone"]},
                           {"type": "array", "minItems": 1,
                            "items": {"enum": ["decision", "biometric", "phone"]}}]},
        "name": {"type": "string"},            # English; a gettext msgid (see extract.py)
        "description": {"type": "string"},     # English; a gettext msgid
        "countries": {"type": "array", "items": {"type": "string"}},
        # The primary regime: per country code, with "default" for the others.
        "regimes": {"type": "object", "required": ["default"],
                    "additionalProperties": {"type": "string"}},
        "system_act": {"type": "string"},
        "additional": {"type": "array", "items": {"type": "string"}},
        "documents": {"type": "array", "items": {"type": "string"}},
        "controllers": {"type": "object", "additionalProperties": {"type": "string"}},
        "notes": {"type": "array", "items": {"type": "string"}},
        "sources": _SOURCES,
        "verified": _MARK,
    },
}

AUTHORITY = {
    "type": "object",
    "required": ["name", "country", "role", "languages", "sources", "checked"],
    "properties": {
        "name": {"type": "string"},
        "country": {"type": "string"},
        "role": {"enum": ["controller", "supervisory", "review"]},
        "address": {"type": "string"},
        "email": {"type": "string"},
        "form": {"type": "string"},
        "phone": {"type": "string"},
        "supervisory": {"type": "string"},
        "notes": {"type": "array", "items": {"type": "string"}},
        "languages": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "sources": _SOURCES,
        "checked": {"type": "string"},
        "verified": _MARK,
        # Where two sources disagree, both are kept and shown; templates use `address`.
        "disagreements": {"type": "array", "items": {
            "type": "object", "required": ["field", "value", "sources"],
            "properties": {"field": {"type": "string"}, "value": {"type": "string"}, "sources": _SOURCES}}},
    },
}
