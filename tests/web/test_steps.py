"""Walking the wizard: which step follows which, Back, Change from review, defaults, language switch."""
from __future__ import annotations

import pytest

from .helpers import carried, current_step, errors, fields_for, form_fields, has_systems, page, post_step

K, T, C, S, A, E, R, D, AB, RP, L, RV = ("kind", "topic", "country", "system", "authority", "event", "rights",
                                         "details", "about", "representative", "languages", "review")
# (kind, someone else sends it, rights added to the defaults, the steps a person sees in order). The
# system step is asked only when the catalogue lists systems for the kind in the country (here DE).
WALKS = [
    ("decision", False, (), [K, T, C, S, A, E, R, AB, L, RV]),
    ("biometric", False, (), [K, T, C, S, A, E, R, D, AB, L, RV]),
    ("phone", False, (), [K, T, C, S, A, E, R, AB, L, RV]),
    ("unsure", False, (), [K, C, S, A, R, AB, L, RV]),
    ("unsure", True, ("objection",), [K, C, S, A, R, D, AB, RP, L, RV]),
    ("decision", True, ("rectification",), [K, T, C, S, A, E, R, D, AB, RP, L, RV]),
    ("phone", True, (), [K, T, C, S, A, E, R, AB, RP, L, RV]),
]
WALK_IDS = [f"{w[0]}-{'rep' if w[1] else 'self'}-{'+'.join(w[2]) or 'defaults'}" for w in WALKS]
DEFAULTS = {"decision": ["access", "explanation", "contestation", "human_review"],
            "biometric": ["access", "rectification", "erasure"],
            "phone": ["access", "erasure", "restriction"],
            "unsure": ["access"]}


def applicable(kind, steps):
    return [s for s in steps if s != S or has_systems(kind)]


def step_fields(step, kind, someone_else, extra):
    """What a browser posts on ``step``: the valid answers of its visible fields."""
    rights = DEFAULTS[kind] + list(extra)
    fields = fields_for(step, kind, rights=rights, someone_else=someone_else)
    if step == D:
        keep = ({"details_inaccurate", "details_correction"} if "rectification" in rights else set()) | (
            {"details_situation"} if "objection" in rights else set())
        fields = {k: v for k, v in fields.items() if k in keep}
    return fields


def expected_answers(kind, someone_else, extra, steps):
    """Every answer the walk gave; unchecked boxes and unshown details fields count as empty."""
    out = {}
    for step in steps:
        out.update(step_fields(step, kind, someone_else, extra))
        if step == D:
            out = {"details_inaccurate": "", "details_correction": "", "details_situation": "", **out}
    out.update(rights_for=kind, for_someone_else="y" if someone_else else "")
    return out


@pytest.mark.parametrize("kind,someone_else,extra,steps", WALKS, ids=WALK_IDS)
def test_walk_forward(client, kind, someone_else, extra, steps):
    steps, answers = applicable(kind, steps), {}
    for step, following in zip(steps, steps[1:]):
        response = post_step(client, "en", step, step_fields(step, kind, someone_else, extra), answers)
        assert response.status_code == 200
        assert errors(response) == {}, (step, errors(response))
        assert current_step(response) == following, f"after {step}"
        if following == R:
            assert page(response).checked("rights") == DEFAULTS[kind]
        answers = carried(response)
    assert answers == expected_answers(kind, someone_else, extra, steps)
    assert "Get your letter" in response.get_data(as_text=True)  # the review page offers downloads


@pytest.mark.parametrize("kind,someone_else,extra,steps", WALKS, ids=WALK_IDS)
def test_back_goes_to_the_previous_applicable_step(client, kind, someone_else, extra, steps):
    steps = applicable(kind, steps)
    full = expected_answers(kind, someone_else, extra, steps)
    for previous, step in zip(steps, steps[1:]):
        response = post_step(client, "en", step, step_fields(step, kind, someone_else, extra), full, action="back")
        assert response.status_code == 200
        assert current_step(response) == previous, f"back from {step}"
        assert carried(response) == full
        assert errors(response) == {}


def test_back_keeps_what_was_typed_on_the_page_even_if_invalid(client, answers):
    typed = {"person_name": "", "person_email": "amal@", "person_birth_date": "31.02.", "person_address": ""}
    response = post_step(client, "en", AB, typed, answers, action="back")
    assert current_step(response) == R
    assert carried(response) == {**answers, **typed}


# (step, changed fields) for the phone walk of the shared answers, with a representative.
CHANGES = [
    (T, {"event_topic": "cloud"}),
    (C, {"country": "AT"}),
    (A, {**fields_for(A), "authority_name": "Bundespolizeipräsidium"}),
    (E, {**fields_for(E), "event_reference": "NEW-1"}),
    (R, {"rights": ["access", "erasure"]}),
    (AB, {**fields_for(AB), "person_name": "Amal H. Haddad", "for_someone_else": "y"}),
    (RP, {**fields_for(RP), "representative_name": "Sam Other"}),
    (L, {**fields_for(L), "sent_on": "2026-12-01"}),
]


@pytest.mark.parametrize("step,changed", CHANGES, ids=[c[0] for c in CHANGES])
def test_change_from_review_and_return(client, step, changed):
    full = expected_answers("phone", True, (), applicable("phone", WALKS[-1][3]))
    response = post_step(client, "en", RV, {}, full, action=f"change:{step}")
    assert current_step(response) == step
    assert page(response).hidden("return_to") == "review"
    assert "Save and go back to the check page" in response.get_data(as_text=True)
    assert carried(response) == full
    response = post_step(client, "en", step, changed, full, return_to="review")
    assert current_step(response) == RV
    assert page(response).hidden("return_to") is None
    assert carried(response) == {**full, **changed}


def test_change_with_an_error_then_a_fix_still_returns_to_review(client, answers):
    response = post_step(client, "en", RV, {}, answers, action="change:about")
    response = post_step(client, "en", AB, {**fields_for(AB), "person_name": ""}, carried(response),
                         return_to=page(response).hidden("return_to"))
    assert current_step(response) == AB and "person_name" in errors(response)
    kept = page(response).hidden("return_to")  # a browser posts the hidden field only if it is there
    response = post_step(client, "en", AB, fields_for(AB), carried(response), **({"return_to": kept} if kept else {}))
    assert current_step(response) == RV


@pytest.mark.parametrize("first,then", [("phone", "decision"), ("decision", "biometric"),
                                        ("biometric", "unsure"), ("unsure", "phone")])
def test_changing_the_kind_later_resets_the_default_rights(client, first, then):
    steps = applicable(then, WALKS[[w[0] for w in WALKS].index(then)][3])
    answers = expected_answers(first, False, (), applicable(first, WALKS[[w[0] for w in WALKS].index(first)][3]))
    response = post_step(client, "en", K, {"kind": then}, answers)
    assert "event_topic" not in carried(response) or carried(response)["event_topic"] == ""
    for step in steps[1:steps.index(R)]:
        assert current_step(response) == step
        response = post_step(client, "en", step, step_fields(step, then, False, ()), carried(response))
    assert current_step(response) == R
    assert page(response).checked("rights") == DEFAULTS[then]
    # ... but the rights of the same kind, once chosen, are kept when coming back to the page.
    chosen = post_step(client, "en", R, {"rights": ["access", "objection"]}, carried(response))
    again = post_step(client, "en", D, {}, carried(chosen), action="back")
    assert current_step(again) == R and page(again).checked("rights") == ["access", "objection"]


def test_changing_the_kind_from_review_does_not_keep_the_old_kinds_rights(client, answers):
    response = post_step(client, "en", RV, {}, answers, action="change:kind")
    response = post_step(client, "en", K, {"kind": "decision"}, carried(response), return_to="review")
    # A new kind of event: the person is walked through topic, system and rights again.
    assert current_step(response) == T
    assert "rights" not in carried(response) and "event_topic" not in carried(response)
    for _ in range(8):  # topic, system, authority, event: each re-posts what it shows
        step = current_step(response)
        if step == R:
            break
        state = carried(response)
        typed = {"event_topic": "asylum"} if step == T else {
            name: state.get(name, "") for name in form_fields(step)}
        response = post_step(client, "en", step, typed, state)
    assert current_step(response) == R
    assert page(response).checked("rights") == DEFAULTS["decision"]


# (step, what is typed on the page when the language is switched, some of it invalid or half-typed)
SWITCH = [
    (K, {"kind": "biometric"}),
    (T, {"event_topic": "cloud"}),
    (C, {"country": "FR"}),
    (A, {"authority_id": "", "authority_name": "Bundes", "authority_address": "Franken-\nstraße", "authority_email": "post@"}),
    (E, {"event_date": "31.02.", "event_reference": "76543", "event_system": ""}),
    (R, {"rights": ["objection"]}),
    (D, {"details_inaccurate": "x" * 3000, "details_correction": "", "details_situation": "<b>I</b>"}),
    (AB, {"person_name": "", "person_email": "amal(at)", "person_birth_date": "yesterday",
          "person_address": "Musterweg", "for_someone_else": "y"}),
    (RP, {"representative_name": "J", "representative_email": "jo@ex"}),
    (L, {"letter_language": "de", "sheet_language": "fr", "sent_on": "2026-13-01"}),
]
TEXT_STEPS = (A, E, D, AB, RP, L)


@pytest.mark.parametrize("lang,direction", [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
@pytest.mark.parametrize("step,typed", SWITCH, ids=[s[0] for s in SWITCH])
def test_language_switch_keeps_every_answer(client, full_answers, step, typed, lang, direction):
    response = post_step(client, lang, step, typed, full_answers, action="stay", return_to="review")
    assert response.status_code == 200
    shown = page(response)
    assert shown.html.get("lang") == lang and shown.html.get("dir") == direction
    assert current_step(response) == step
    assert shown.hidden("return_to") == "review"
    assert errors(response) == {}, "switching the language must not judge the answers yet"
    expected = {**full_answers, **typed}
    if step == AB:
        expected["for_someone_else"] = "y"
    if step == R:
        expected["rights_for"] = full_answers["kind"]
    if step == K:  # a new kind drops the topic, system and rights chosen for the old one
        for stale in ("event_topic", "system", "rights", "rights_for"):
            expected.pop(stale, None)
    assert carried(response) == expected
    for name, value in typed.items():
        if name == "for_someone_else":
            assert shown.checked(name) == ["y"]
        elif step in TEXT_STEPS and name not in ("letter_language", "sheet_language", "authority_id"):  # selects
            assert shown.value(name) == value, name
    if step in (K, T, R):
        name = next(iter(typed))
        assert shown.checked(name) == (typed[name] if step == R else [typed[name]])
