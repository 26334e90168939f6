"""Random input on every field, in the carried answers, the step and the button: never a 5xx."""
from __future__ import annotations

import json
import os
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wtforms import BooleanField

from app.web.steps import STEPS as WIZARD

from .helpers import carried, current_step, form_fields, page, post_step

# FUZZ_N=400 for a longer hunt; no example database is written into the project.
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_N", 40)), deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
STEPS = [step.name for step in WIZARD]  # every step, and every field of its form
FIELDS = {name: form_fields(name) for name in STEPS}
INJECTIONS = ["{{7*7}}", "{% for x in y %}{{x}}{% endfor %}", "{{ config }}", "<script>alert(1)</script>",
              '"><img src=x onerror=alert(1)>', "${7*7}", "%(max)d %s {0}", '{"kind": "x"}', "[[[", "&#0; &amp;",
              "\x00\x01\u202e\ufeff", "# 1. - x", "\u200fعربي\u200e שלום", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🏳️‍🌈",
              "e\u0301\u0301\u0301"]
SCALAR = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
JSON = st.recursive(SCALAR, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(max_size=12), inner, max_size=4), max_leaves=12)
TEXT = st.one_of(
    st.text(max_size=300),
    st.sampled_from(INJECTIONS),
    st.builds(lambda s, n: (s * n)[:20000], st.text(min_size=1, max_size=30), st.integers(1, 20000)),
    JSON.map(json.dumps),
    st.builds(lambda a, b: a + "{{7*7}}" + b, st.text(max_size=20), st.text(max_size=20)),
)
VALUE = st.one_of(TEXT, st.lists(TEXT, max_size=3))
ANSWER_KEYS = sorted(({name for names in FIELDS.values() for name in names} | {"rights_for"}) - {"kind"})
# The kinds the wizard offers, and anything else (test_an_unknown_kind_is_not_a_server_error has the
# first such case hypothesis found): weighted towards the real ones so later steps are reached.
KIND = st.sampled_from(["decision", "biometric", "phone", "unsure", ""]) | st.text(max_size=20)
FIELD_VALUE = {"kind": KIND}
ANSWERS = st.one_of(
    st.builds(lambda d, k: json.dumps({**d, **k}),
              st.dictionaries(st.sampled_from(ANSWER_KEYS) | st.text(max_size=50).filter(lambda k: k != "kind"),
                              JSON | TEXT, max_size=12),
              st.fixed_dictionaries({}, optional={"kind": KIND})),
    JSON.filter(lambda v: not (isinstance(v, dict) and "kind" in v)).map(json.dumps),
    st.text(max_size=200),
    st.lists(st.lists(st.lists(st.integers()))).map(json.dumps),
)
STEP = st.sampled_from(STEPS) | st.text(max_size=20)
ACTION = st.sampled_from(["next", "back", "stay", "download", "followup"]) | st.builds(
    "change:{}".format, st.sampled_from(STEPS) | st.text(max_size=12)) | st.text(max_size=20)
SHOWN_STEPS = set(STEPS)
# A checkbox is only ever "y" or "": what was typed into it is not carried.
CHECKBOXES = {name for step in WIZARD for name, unbound in vars(step.form).items()
              if getattr(unbound, "field_class", None) is BooleanField}


def post_raw(client, app, url, pairs):
    """Post form pairs exactly as a browser would; returns the response and whether the body was too large."""
    body = urlencode(pairs, doseq=True).encode()
    response = client.post(url, data=body, content_type="application/x-www-form-urlencoded")
    return response, len(body) > app.config["MAX_CONTENT_LENGTH"]


def assert_calm(response, too_large):
    assert response.status_code < 500, response.status_code
    if too_large:
        assert response.status_code == 413 and "What you sent is too large." in response.get_data(as_text=True)
        return False
    assert response.status_code in (200, 400)
    assert current_step(response) in SHOWN_STEPS
    return True


@pytest.mark.parametrize("step", STEPS)
@given(data=st.data())
@FUZZ
@example(data=None)  # the deterministic injections first
def test_random_input_on_every_field(app, client, step, data):
    if data is None:
        fields = {name: "{{7*7}} {% for %} <b>x</b>" for name in FIELDS[step]}
        answers, posted_step, action = json.dumps({"person_name": "{{7*7}}"}), step, "next"
    else:
        fields = data.draw(st.fixed_dictionaries({n: FIELD_VALUE.get(n, VALUE) for n in FIELDS[step]}), label="fields")
        answers = data.draw(ANSWERS, label="answers")
        posted_step = data.draw(st.just(step) | STEP, label="step")
        action = data.draw(ACTION, label="action")
    pairs = [("answers", answers), ("step", posted_step), ("action", action), *fields.items()]
    response, too_large = post_raw(client, app, "/en/wizard", pairs)
    if not assert_calm(response, too_large):
        return
    if posted_step != step or step in ("review", "followup_review") or action not in ("next", "back", "stay"):
        return
    kept = carried(response)
    for name, value in fields.items():
        first = value if name == "rights" else (value[:1] or [""])[0] if isinstance(value, list) else value
        if name not in CHECKBOXES and "{{7*7}}" in _text(first):
            assert "{{7*7}}" in _text(kept[name])  # carried as typed: never evaluated as a template
            assert "49" in _text(first) or "49" not in _text(kept[name])


def _text(value) -> str:
    # Joined, not str(list): a list's repr escapes unprintable characters ("\U00049000" holds "49").
    return " ".join(value) if isinstance(value, list) else str(value)


@pytest.mark.parametrize("text", INJECTIONS)
def test_injections_are_carried_and_printed_literally(client, answers, text):
    fields = {"person_name": f"A {text} B", "person_address": f"{text}\nBerlin", "person_email": "a@b.org",
              "person_other_names": text, "person_birth_date": "", "person_references": text, "place": text}
    response = post_step(client, "en", "about", fields, answers)
    assert current_step(response) == "languages"
    kept = carried(response)
    letter = client.post("/en/letter/txt", data={"answers": json.dumps(kept)})
    assert letter.status_code == 200, current_step(letter)
    body = letter.get_data(as_text=True)
    assert kept["person_name"] in body  # the name as typed (cleaned), never rendered as template or markup
    assert "{{7*7}}" not in text or "{{7*7}}" in kept["person_name"]
    assert "<script>" not in response.get_data(as_text=True)


FORMATS = ["docx", "pdf", "txt", "email", "print", "sheet"]
ATTACHMENT = {"docx": "application/vnd.openxmlformats", "pdf": "application/pdf", "txt": "text/plain",
              "sheet": "application/pdf"}


@pytest.mark.parametrize("fmt", FORMATS)
@given(data=st.data())
@FUZZ
def test_random_answers_to_every_download(app, client, answers, fmt, data):
    if data.draw(st.booleans(), label="junk"):
        carried_answers = data.draw(ANSWERS, label="answers")
    else:  # a valid letter with some answers changed: reaches compose and the renderers
        changed = data.draw(st.dictionaries(st.sampled_from(ANSWER_KEYS), VALUE, min_size=1, max_size=3),
                            label="change")
        carried_answers = json.dumps({**answers, **changed})
    pairs = [("answers", carried_answers), ("action", "download")]
    response, too_large = post_raw(client, app, f"/en/letter/{fmt}", pairs)
    assert response.status_code < 500
    if too_large:
        assert response.status_code == 413
    elif response.headers.get("Content-Disposition", "").startswith("attachment"):
        assert fmt in ATTACHMENT and response.mimetype.startswith(ATTACHMENT[fmt].split(";")[0])
        assert response.data
    else:
        assert response.status_code == 200 and current_step(response) == "review"
        if fmt not in ("email", "print"):  # a file was asked for: the review page says what is missing
            assert 'class="error-summary"' in response.get_data(as_text=True)


@pytest.mark.parametrize("junk", ["[" * 50000, '{"a":' * 10000])
def test_deeply_nested_answers_are_not_a_server_error(client, junk):
    response = post_step(client, "en", "kind", {"kind": "phone"}, junk)
    assert response.status_code == 200 and current_step(response) == "topic"
    assert page(response).hidden("answers") is not None


@pytest.mark.parametrize("how", ["carried", "posted"])
def test_an_unknown_kind_is_not_a_server_error(client, answers, how):
    if how == "carried":
        response = post_step(client, "en", "review", {}, {**answers, "kind": "robot"}, action="change:rights")
    else:
        response = post_step(client, "en", "kind", {"kind": "robot"}, answers, action="change:rights")
    assert response.status_code == 200 and current_step(response) == "rights"
