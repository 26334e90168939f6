"""The benchmark's references serve what they claim, so the throughput ratios compare like with like."""
from __future__ import annotations

import json
import re

import pytest

from app import create_app
from bench import floor, hello, load


def _token(page: bytes) -> str:
    return re.search(rb'name="csrf_token" value="([^"]+)"', page).group(1).decode()


def test_the_hello_world_says_hello():
    assert hello.app.test_client().get("/").get_data(as_text=True) == "hello"


@pytest.mark.parametrize(("with_token", "status"), [(True, 200), (False, 400)])
def test_the_stack_floor_checks_the_token_and_the_answer(with_token, status):
    client = floor.app.test_client()
    token = _token(client.get("/en/wizard").data)
    response = client.post("/en/wizard", data={"kind": "phone", **({"csrf_token": token} if with_token else {})})
    assert response.status_code == status
    if with_token:
        assert re.search(r'value="phone" checked', response.get_data(as_text=True))
        missing = client.post("/en/wizard", data={"csrf_token": token}).get_data(as_text=True)
        assert "This field is required." in missing


def test_the_measured_wizard_step_is_a_real_step_with_the_token_checked():
    client = create_app({"TESTING": True}).test_client()
    token = _token(client.get("/en/wizard").data)
    fields = {"answers": "{}", "step": "kind", "action": "next", "kind": "phone"}
    assert client.post("/en/wizard", data=fields).status_code == 400
    response = client.post("/en/wizard", data={**fields, "csrf_token": token})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'name="step" value="topic"' in page
    assert json.loads(re.search(r'name="answers" value="([^"]*)"', page).group(1).replace("&#34;", '"')) == {
        "kind": "phone"}


def test_the_journey_posts_answers_the_wizard_accepts():
    # A typo in the load test's answers would make it measure error pages.
    client = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False}).test_client()
    answers = json.dumps(load.STEP)
    response = client.post("/en/wizard", data={"answers": answers, "step": "review", "action": "next"})
    assert response.status_code == 200
    for fmt, magic in (("pdf", b"%PDF"), ("docx", b"PK")):
        download = client.post(f"/en/letter/{fmt}", data={"answers": answers})
        assert download.status_code == 200 and download.data.startswith(magic)
