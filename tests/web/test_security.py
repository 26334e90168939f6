"""Security headers, downloads, CSRF, the session cookie, language redirects and calm error pages."""
from __future__ import annotations

import json
import re
import warnings

import pytest

from app import create_app
from app.config import ConfigError

from .helpers import FIELDS, carried, current_step, fields_for, has_systems, page, post_step, walk

CSP = {"default-src": "'self'", "script-src": "'self'", "style-src": "'self'", "img-src": "'self' data:",
       "font-src": "'self'", "form-action": "'self'", "base-uri": "'none'", "frame-ancestors": "'none'",
       "object-src": "'none'"}
FORMATS = ["docx", "pdf", "txt", "email", "print", "sheet"]
FILES = {"docx": "letter-en-2026-11-23.docx", "pdf": "letter-en-2026-11-23.pdf",
         "txt": "letter-en-2026-11-23.txt", "sheet": "sheet-ar-2026-11-23.pdf"}


def requests(answers):
    """(method, url, form data) of every kind of page: start, steps, review, downloads, errors."""
    data = {"answers": json.dumps(answers)}
    return ([("GET", "/en/", None), ("GET", "/ar/wizard", None), ("GET", "/xx/", None),
             ("POST", "/en/wizard", {**data, "step": "about", "action": "next"}),
             ("POST", "/fr/wizard", {**data, "step": "review", "action": "next"}),
             ("POST", "/ar/wizard", {**data, "step": "kind", "action": "stay"}),
             ("POST", "/en/wizard", {"answers": "not json", "step": "authority", "authority_name": ""})]
            + [("POST", f"/en/letter/{fmt}", data) for fmt in FORMATS]
            + [("POST", "/en/letter/txt", {"answers": "{}"}), ("POST", "/en/letter/zip", data)])


def test_security_headers_on_every_response(client, answers):
    for method, url, data in requests(answers):
        response = client.open(url, method=method, data=data)
        directives = dict(d.strip().split(" ", 1) for d in response.headers["Content-Security-Policy"].split(";"))
        assert directives == CSP, url
        assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert all(c.startswith("recours=") for c in response.headers.getlist("Set-Cookie"))
        if method == "POST":
            assert response.headers["Cache-Control"] == "no-store", url
        if response.mimetype == "text/html":
            assert "<script>" not in response.get_data(as_text=True)  # no inline script anywhere


def test_pages_load_only_what_the_app_serves(client, answers):
    """No third-party requests and nothing inline that the CSP would block."""
    for method, url, data in requests(answers):
        response = client.open(url, method=method, data=data)
        if response.mimetype != "text/html":
            continue
        body = response.get_data(as_text=True)
        assert not re.search(r"<style|<script>| style=\"| on[a-z]+=\"", body), url
        for resource in re.findall(r'<(?:script|img)[^>]* src="([^"]*)"|<link[^>]* href="([^"]*)"', body):
            target = "".join(resource)
            assert target.startswith("/") and not target.startswith("//"), target
            served = client.get(target)
            served.close()  # static files are streamed
            assert served.status_code == 200, target


@pytest.mark.parametrize("fmt", FORMATS)
def test_downloads_are_not_stored_and_named_without_personal_data(client, answers, fmt):
    response = client.post(f"/en/letter/{fmt}", data={"answers": json.dumps(answers), "action": "download"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    disposition = response.headers.get("Content-Disposition", "")
    if fmt in FILES:
        assert disposition == f"attachment; filename={FILES[fmt]}"
        assert response.data[:4] in (b"PK\x03\x04", b"%PDF") or fmt == "txt"
    else:
        assert disposition == "" and response.mimetype == "text/html"
    for value in ("Amal", "Haddad", "Musterweg", "amal@example.org", "7654321", "1994"):
        assert value not in disposition


@pytest.mark.parametrize("letter_language,expected", [("de", "letter-de-2026-11-23.pdf"),
                                                      ("fr", "letter-fr-2026-11-23.pdf")])
def test_download_name_follows_the_letter_language(client, answers, letter_language, expected):
    data = {"answers": json.dumps({**answers, "letter_language": letter_language})}
    response = client.post("/en/letter/pdf", data=data)
    assert response.headers["Content-Disposition"] == f"attachment; filename={expected}"


@pytest.mark.parametrize("fresh", [False, True], ids=["token-missing", "no-cookie-at-all"])
def test_missing_csrf_token_keeps_every_answer_and_a_fresh_token_works(csrf_app, answers, fresh):
    client = csrf_app.test_client()
    if not fresh:
        client.get("/en/wizard")
    fields = {**fields_for("about"), "person_name": "Amal Haddad-Nour"}
    response = post_step(client, "en", "about", fields, answers)
    assert response.status_code == 400
    assert current_step(response) == "about"
    assert carried(response) == {**answers, **fields}
    assert 'class="notice"' in response.get_data(as_text=True)
    assert page(response).value("person_name") == "Amal Haddad-Nour"
    token = page(response).hidden("csrf_token")
    assert token
    again = post_step(client, "en", "about", fields, carried(response), csrf_token=token)
    assert again.status_code == 200 and current_step(again) == "languages"
    assert carried(again) == {**answers, **fields}


@pytest.mark.parametrize("token", ["forged-token", "stale"], ids=["forged", "from-another-session"])
def test_a_wizard_step_with_a_bad_token_is_refused_and_keeps_the_answers(csrf_app, answers, token):
    # The step forms carry no token check of their own: CSRFProtect's check before every
    # view is the only one, so it must refuse these.
    if token == "stale":
        other = csrf_app.test_client()
        token = page(other.get("/en/wizard")).hidden("csrf_token")
    client = csrf_app.test_client()
    client.get("/en/wizard")
    fields = {**fields_for("about"), "person_name": "Amal Haddad-Nour"}
    response = post_step(client, "en", "about", fields, answers, csrf_token=token)
    assert response.status_code == 400
    assert current_step(response) == "about"
    assert carried(response) == {**answers, **fields}
    assert page(response).hidden("csrf_token") not in ("", token)


@pytest.mark.parametrize("token", ["", "forged-token"])
def test_download_without_a_valid_token_shows_the_review_page(csrf_app, answers, token):
    client = csrf_app.test_client()
    client.get("/en/wizard")
    response = client.post("/en/letter/pdf", data={"answers": json.dumps(answers), "csrf_token": token})
    assert response.status_code == 400 and current_step(response) == "review"
    assert carried(response) == answers and 'class="notice"' in response.get_data(as_text=True)
    fresh = page(response).hidden("csrf_token")
    retry = client.post("/en/letter/pdf", data={"answers": json.dumps(answers), "csrf_token": fresh})
    assert retry.status_code == 200 and retry.data.startswith(b"%PDF")


def test_the_session_cookie_holds_only_the_csrf_token(csrf_app, answers):
    client = csrf_app.test_client()
    names = ["country", *(["system"] if has_systems("phone") else []), "authority", "event", "rights", "about",
             "representative", "languages"]
    steps = [("kind", {"kind": "phone"}), ("topic", {"event_topic": "phone"})] + [
        (s, fields_for(s, "phone", someone_else=True)) for s in names]
    responses = walk(client, "en", steps)
    assert current_step(responses[-1]) == "review"
    token = page(responses[-1]).hidden("csrf_token")
    responses.append(client.post("/en/letter/docx", data={"answers": page(responses[-1]).hidden("answers"),
                                                          "csrf_token": token}))
    assert responses[-1].status_code == 200
    for response in responses:
        for cookie in response.headers.getlist("Set-Cookie"):
            assert cookie.startswith("recours="), cookie
            assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert any(r.headers.getlist("Set-Cookie") for r in responses)
    value = client.get_cookie("recours").value
    session = csrf_app.session_interface.get_signing_serializer(csrf_app).loads(value)
    assert set(session) == {"csrf_token"}
    assert [c.key for c in client._cookies.values()] == ["recours"]


@pytest.mark.parametrize("accept,target", [("ar", "/ar/"), ("ar-SY,ar;q=0.9,en;q=0.5", "/ar/"), ("fr", "/fr/"),
                                           ("fr-CH, de;q=0.8", "/fr/"), ("xx", "/en/"), ("", "/en/"),
                                           ("de-DE,en;q=0.3", "/de/"), ("es-ES,en;q=0.5", "/es/"),
                                           ("pt-BR,xx;q=0.9", "/en/"), ("en-GB,ar;q=0.9", "/en/")])
def test_start_redirects_to_the_browser_language(client, accept, target):
    response = client.get("/", headers={"Accept-Language": accept} if accept else {})
    assert response.status_code in (302, 303)
    assert re.sub(r"^https?://[^/]+", "", response.headers["Location"]) == target


NOT_FOUND, WRONG_WAY = "This page does not exist.", "This page cannot be opened this way."


@pytest.mark.parametrize("method,url,code,message", [
    ("GET", "/xx/", 404, NOT_FOUND), ("GET", "/xx/wizard", 404, NOT_FOUND), ("POST", "/xx/wizard", 404, NOT_FOUND),
    ("POST", "/xx/letter/pdf", 404, NOT_FOUND), ("GET", "/en/nothing-here", 404, NOT_FOUND),
    ("GET", "/en/letter/pdf", 405, WRONG_WAY), ("PUT", "/en/wizard", 405, WRONG_WAY)])
def test_unknown_pages_are_calm(client, method, url, code, message):
    response = client.open(url, method=method, data={"answers": json.dumps({"person_name": "Amal"})})
    body = response.get_data(as_text=True)
    assert response.status_code == code
    assert message in body and 'href="/en/"' in body
    assert "Traceback" not in body and "werkzeug" not in body.lower() and "Amal" not in body


@pytest.mark.parametrize("csrf", [False, True])
@pytest.mark.parametrize("url", ["/en/wizard", "/en/letter/pdf"])
def test_a_too_large_request_is_a_calm_413(answers, csrf, url):
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": csrf})
    size = app.config["MAX_CONTENT_LENGTH"]
    response = app.test_client().post(url, data={"answers": json.dumps(answers), "step": "about",
                                                 "person_name": "x" * (size + 1)})
    assert response.status_code == 413
    body = response.get_data(as_text=True)
    assert "What you sent is too large." in body and "Traceback" not in body
    assert "x" * 100 not in body


@pytest.mark.parametrize("dev", ["", "0"])
def test_no_secret_key_outside_testing_refuses_to_start(monkeypatch, dev):
    monkeypatch.delenv("RECOURS_SECRET_KEY", raising=False)
    monkeypatch.setenv("RECOURS_DEV", dev)
    with pytest.raises(ConfigError):
        create_app()
    monkeypatch.setenv("RECOURS_SECRET_KEY", "k" * 64)
    assert create_app().config["SECRET_KEY"] == "k" * 64


@pytest.mark.parametrize("step,fields", [("kind", {"kind": "phone"}), ("topic", {"event_topic": "phone"}),
                                         ("country", FIELDS["country"]), ("rights", {"rights": ["access"]}),
                                         ("languages", FIELDS["languages"])])
def test_choice_fields_use_no_deprecated_api(client, answers, step, fields):
    """WTForms 3.3 deprecates (value, label) tuples as choices; 3.4 removes them."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        response = post_step(client, "en", step, fields, answers, action="stay")
    assert response.status_code == 200
    assert [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)] == []
