"""Small helpers for posting wizard steps and reading the rendered page back."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from app.catalogue import load_catalogue

# Valid answers for every field of every step (event_topic and rights depend on the kind).
TOPIC = {"decision": "visa", "biometric": "fingerprints", "phone": "phone"}
FIELDS = {
    "country": {"country": "DE"},
    "system": {"system": ""},  # "Another system, or I do not know"
    "authority": {"authority_id": "", "authority_name": "Bundesamt für Migration und Flüchtlinge",
                  "authority_address": "Frankenstraße 210\n90461 Nürnberg",
                  "authority_email": "poststelle@bamf.bund.de"},
    "event": {"event_date": "2025-10-01", "event_reference": "7654321-438", "event_system": "MARiS"},
    "details": {"details_inaccurate": "My birth date is 01.01.1990.",
                "details_correction": "It is 12.03.1991.", "details_situation": "I am at risk."},
    "about": {"person_name": "Amal Haddad", "person_other_names": "Amel Hadad",
              "person_birth_date": "1994-03-12", "person_references": "BAMF 7654321-438",
              "person_address": "Musterweg 1\n10115 Berlin", "person_email": "amal@example.org",
              "place": "Berlin"},
    "representative": {"representative_name": "Jo Beispiel", "representative_organisation": "Refugee Law Clinic",
                       "representative_address": "Hauptstraße 5\n10117 Berlin",
                       "representative_email": "jo@example.org"},
    "languages": {"letter_language": "en", "sheet_language": "ar", "sent_on": "2026-11-23"},
    "review": {},
}


def default_rights(kind: str) -> list[str]:
    return load_catalogue().default_rights(kind)


def has_systems(kind: str, country: str = "DE") -> bool:
    """Whether the catalogue lists systems for this kind and country (then the system step is asked)."""
    return bool(load_catalogue().systems_for(kind, country))


def form_fields(step: str) -> list[str]:
    """The names of the fields of ``step``'s form, in order (without the CSRF token)."""
    from wtforms.fields.core import UnboundField

    from app.web.steps import BY_NAME
    fields = [(v.creation_counter, k) for cls in reversed(BY_NAME[step].form.__mro__)
              for k, v in vars(cls).items() if isinstance(v, UnboundField)]
    return [name for _, name in sorted(fields)]


def fields_for(step: str, kind: str = "phone", rights=None, someone_else: bool = False) -> dict:
    """Valid fields of ``step`` for a person whose answer to the first question is ``kind``."""
    if step == "kind":
        return {"kind": kind}
    if step == "topic":
        return {"event_topic": TOPIC[kind]}
    if step == "rights":
        return {"rights": list(rights or default_rights(kind))}
    if step == "about":
        return {**FIELDS["about"], **({"for_someone_else": "y"} if someone_else else {})}
    return dict(FIELDS[step])


def post_step(client, lang, step, fields, answers, action="next", **extra):
    """Press ``action`` on ``step`` with the page's ``fields`` and the carried ``answers``."""
    data = {"answers": answers if isinstance(answers, str) else json.dumps(answers),
            "step": step, "action": action, **extra, **fields}
    return client.post(f"/{lang}/wizard", data=data)


class Page(HTMLParser):
    """What a test needs from a page: form controls, field errors and the <html> attributes."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.html, self.inputs, self.textareas, self.errors = {}, [], {}, {}
        self._into, self._skip, self._buffer = None, 0, []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "html":
            self.html = a
        elif tag == "input":
            self.inputs.append(a)
        elif tag == "textarea" and "name" in a:
            self._into, self._buffer = ("textarea", a["name"]), []
        elif tag == "p" and "error-message" in a.get("class", "").split():
            self._into, self._buffer = ("error", a.get("id", "").removesuffix("-error")), []
        elif tag == "span" and self._into and "visually-hidden" in a.get("class", ""):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "span" and self._skip:
            self._skip -= 1
        elif self._into and tag in ("textarea", "p"):
            kind, key = self._into
            text = "".join(self._buffer)
            if kind == "textarea":
                self.textareas[key] = text[2:] if text.startswith("\r\n") else text.removeprefix("\n")
            else:
                self.errors[key] = re.sub(r"[ \t\r\n]+", " ", text).strip()  # keep no-break spaces
            self._into = None

    def handle_data(self, data):
        if self._into and not self._skip:
            self._buffer.append(data)

    def hidden(self, name: str):
        return next((i.get("value", "") for i in self.inputs
                     if i.get("type") == "hidden" and i.get("name") == name), None)

    def value(self, name: str):
        """The value shown in the text input or text area ``name`` (None if there is none)."""
        if name in self.textareas:
            return self.textareas[name]
        return next((i.get("value", "") for i in self.inputs
                     if i.get("name") == name and i.get("type") not in ("hidden", "radio", "checkbox")), None)

    def checked(self, name: str) -> list[str]:
        return [i.get("value", "") for i in self.inputs if i.get("name") == name and "checked" in i]


def page(response) -> Page:
    return Page(response.get_data(as_text=True))


def carried(response) -> dict:
    """The answers the page carries in its hidden ``answers`` field."""
    value = page(response).hidden("answers")
    assert value is not None, "the page carries no answers field"
    return json.loads(value)


def current_step(response):
    return page(response).hidden("step")


def errors(response) -> dict[str, str]:
    """Error messages shown next to fields, keyed by the field id."""
    return page(response).errors


def has_error_summary(response) -> bool:
    return 'class="error-summary"' in response.get_data(as_text=True)


def walk(client, lang, steps):
    """Walk ``steps`` ((name, fields) pairs) from the first page as a browser does: every post
    carries the previous page's answers and CSRF token. Returns every response, GET first."""
    responses = [client.get(f"/{lang}/wizard")]
    for step, fields in steps:
        shown = page(responses[-1])
        assert shown.hidden("step") == step, (step, shown.errors)
        token = shown.hidden("csrf_token")
        responses.append(post_step(client, lang, step, fields, json.loads(shown.hidden("answers")),
                                   **({"csrf_token": token} if token else {})))
    return responses
