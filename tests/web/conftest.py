"""Fixtures for the web tests: an app with CSRF on, and answers that make every step apply."""
from __future__ import annotations

import pytest

from app import create_app

from .helpers import FIELDS


@pytest.fixture
def csrf_app():
    """The app as it runs in production: CSRF protection enabled."""
    return create_app({"TESTING": True})


@pytest.fixture
def full_answers(answers):
    """The shared valid answers, with rights that need details and a representative: all steps apply."""
    return {**answers, "rights": ["access", "erasure", "restriction", "rectification", "objection"],
            "for_someone_else": "y", "system": "", "authority_id": "", **FIELDS["details"],
            **FIELDS["representative"]}
