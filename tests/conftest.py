"""Shared fixtures: the app, its test client, a valid case, and the answers that build it."""
from __future__ import annotations

import copy

import pytest

from app import create_app
from app.case import Case

from tests.fixtures.cases import CASE


@pytest.fixture
def case_dict():
    """A fresh, valid case in its JSON form (tests may change it)."""
    return copy.deepcopy(CASE)


@pytest.fixture
def case(case_dict):
    return Case.from_dict(case_dict)


@pytest.fixture
def app():
    return create_app({"TESTING": True, "WTF_CSRF_ENABLED": False})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def answers():
    """Flat wizard answers equivalent to CASE, as the hidden field carries them."""
    return {
        "kind": "phone", "event_topic": "phone", "country": "DE",
        "authority_name": CASE["authority"]["name"], "authority_address": CASE["authority"]["address"],
        "authority_email": CASE["authority"]["email"], "event_date": "2026-10-01",
        "event_reference": "7654321-438", "event_system": "", "rights": ["access", "erasure", "restriction"],
        "rights_for": "phone", "person_name": "Amal Haddad", "person_other_names": "",
        "person_birth_date": "1994-03-12", "person_references": "BAMF 7654321-438",
        "person_address": "Musterweg 1\n10115 Berlin", "person_email": "amal@example.org",
        "place": "Berlin", "for_someone_else": "", "letter_language": "en", "sheet_language": "ar",
        "sent_on": "2026-11-23",
    }
