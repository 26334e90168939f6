"""Case validation: the JSON form round-trips; every bad value is refused with a path."""
import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.case import SCHEMA, Case, CaseError
from app.catalogue import load_catalogue
from app.letters.compose import available_languages
from tests.fixtures.cases import CASE


def build(data):
    catalogue = load_catalogue()
    return Case.from_dict(data, rights=set(catalogue.rights["order"]),
                          countries=set(catalogue.countries), languages=set(available_languages()))


def with_change(path, value):
    data = copy.deepcopy(CASE)
    node = data
    parts = path.split(".")
    for part in parts[:-1]:
        node = node[part]
    node[parts[-1]] = value
    return data


def test_round_trip(case):
    again = build(json.loads(json.dumps(case.to_dict())))
    assert again == case
    assert case.to_dict()["schema"] == SCHEMA


@pytest.mark.parametrize("path, value, error_path", [
    ("kind", "dream", "kind"),
    ("country", "XX", "country"),
    ("country", "Germany", "country"),
    ("authority.name", "", "authority.name"),
    ("authority.name", "x" * 201, "authority.name"),
    ("authority.email", "not-an-address", "authority.email"),
    ("person.name", "\x00\x07\x1b", "person.name"),
    ("person.birth_date", "31.02.2026", "person.birth_date"),
    ("person.birth_date", "2999-01-01", "person.birth_date"),
    ("person.birth_date", "1850-01-01", "person.birth_date"),
    ("rights", [], "rights"),
    ("rights", ["access", "telepathy"], "rights"),
    ("rights", "access", "rights"),
    ("letter_language", "xx", "letter_language"),
    ("event.topic", "fingerprints", "event.topic"),
    ("details.situation", "x" * 2001, "details.situation"),
    ("schema", "recours.case/99", "schema"),
    ("person.name", {"nested": "object"}, "person.name"),
])
def test_bad_values_are_refused(path, value, error_path):
    with pytest.raises(CaseError) as caught:
        build(with_change(path, value))
    assert error_path in caught.value.errors


def test_no_contact_for_the_answer_is_refused():
    data = with_change("person.address", "")
    data["person"]["email"] = ""
    with pytest.raises(CaseError) as caught:
        build(data)
    assert "person.address" in caught.value.errors


def test_representative_contact_replaces_the_persons():
    data = with_change("person.address", "")
    data["person"]["email"] = ""
    data["representative"] = {"name": "Legal Clinic", "organisation": "", "address": "Street 1", "email": ""}
    assert build(data).representative.name == "Legal Clinic"


@pytest.mark.parametrize("raw, cleaned", [
    ("Amal\x00 Haddad", "Amal Haddad"),
    ("  Amal   Haddad  ", "Amal Haddad"),
    ("Ama\u0301l", "Amál"),                 # NFC: combining accent composed
    ("evil\u202ename", "evilname"),          # bidi override removed
    ("two\nlines", "two lines"),             # single-line field folds breaks
])
def test_text_is_cleaned(raw, cleaned):
    assert build(with_change("person.name", raw)).person.name == cleaned


def test_not_an_object_is_refused():
    with pytest.raises(CaseError):
        Case.from_dict(["not", "a", "dict"])


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(list(CASE)), st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=300),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=10)))
def test_any_json_gives_a_case_or_a_case_error(changes):
    data = {**copy.deepcopy(CASE), **changes}
    try:
        build(data)
    except CaseError as error:
        assert error.errors
