"""The pages around the wizard: start, error, e-mail and print views, the page for a country
outside Europe and the page again after an expired token, on a phone and a desktop.

Each is scanned with axe and checked for sideways scrolling, in English and Arabic.
Zoom: the review page at a 2x device scale, and the reflow width of 320 CSS px that
200 % zoom of a 640 px window gives (WCAG 1.4.10).
"""
from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.e2e import checks
from tests.e2e import wizard as w

pytestmark = pytest.mark.e2e

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
ARABIC_ANSWERS = {"person_name": "أمل حداد", "sheet_language": "ar"}


def answers_for(lang: str) -> dict:
    return w.sample_answers(**(ARABIC_ANSWERS if lang == "ar" else {}))


def open_page(page, base: str, lang: str, name: str) -> str:
    """Open page ``name`` as a person would reach it; returns the lang the page must have."""
    if name == "start":
        page.goto(f"{base}/{lang}/")
        return lang
    if name == "error":
        # An unknown language prefix and an unknown page under a known one.
        response = page.goto(f"{base}/xx/" if lang == "en" else f"{base}/{lang}/no-such-page")
        assert response.status == 404
        return ""
    if name in ("outside", "expired"):
        w.start(page, base, lang)
        w.answer_step(page, {"kind": "biometric"})
        w.next(page)
        w.answer_step(page, {"event_topic": "fingerprints"})
        w.next(page)
        if name == "expired":  # the token of a page left open too long: the page again, with a notice
            page.locator("input[name=csrf_token]").evaluate("e => { e.value = 'expired'; }")
        w.answer_step(page, {"country": "ZZ"})
        w.next(page)
        assert w.current_step(page) == ("outside" if name == "outside" else "country")
        assert (page.locator(".notice").count() == 1) == (name == "expired")
        return lang
    w.jump_to_review(page, base, lang, answers_for(lang))
    if name != "review":
        w.press(page, f"main button[formaction$='/letter/{name}']")
    return lang


@pytest.fixture(params=list(VIEWPORTS))
def sized(request, browser):
    context = browser.new_context(viewport=VIEWPORTS[request.param], accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("name", ["start", "error", "review", "email", "print", "outside", "expired"])
def test_page_is_accessible_without_sideways_scroll(sized, live_server, lang, name):
    page = sized
    expected_lang = open_page(page, live_server, lang, name)
    if expected_lang:
        checks.assert_lang_dir(page, expected_lang)
    checks.assert_no_horizontal_scroll(page, name)
    checks.assert_axe_clean(page, f"{name} ({lang}, {page.viewport_size['width']} px)")
    if name == "email":
        text = page.locator("#letter-text").input_value()
        assert "Art.\u00a015 GDPR" in text and answers_for(lang)["person_name"] in text
        assert page.locator("#letter-text").get_attribute("dir") == "ltr"  # an English letter
    if name == "print":
        letter = page.locator(".print-letter")
        assert "Art.\u00a017 GDPR" in letter.inner_text()
        assert letter.get_attribute("lang") == "en" and letter.get_attribute("dir") == "ltr"
    if name == "error" and lang == "ar" and page.viewport_size["width"] == 360:
        page.screenshot(path="/tmp/e2e-ar-404.png", full_page=True)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_review_at_200_percent_zoom(browser, live_server, lang):
    """A 360 px phone at device scale 2: the review page still fits the width."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                  has_touch=True)
    page = context.new_page()
    try:
        w.jump_to_review(page, live_server, lang, answers_for(lang))
        assert page.evaluate("window.devicePixelRatio") == 2
        checks.assert_no_horizontal_scroll(page, "review at 2x")
        # Big text stays inside its box: no button or row is cut off at the inline end.
        overflowing = page.evaluate("""() => [...document.querySelectorAll('main button, main dd, main h2')]
            .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.outerHTML.slice(0, 80))""")
        assert not overflowing, overflowing
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("name", ["start", "review", "email", "print"])
def test_reflow_at_320_css_px(browser, live_server, lang, name):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        open_page(page, live_server, lang, name)
        checks.assert_no_horizontal_scroll(page, f"{name} at 320 px")
    finally:
        context.close()


def test_error_page_keeps_the_interface_language(phone, live_server):
    response = phone.goto(f"{live_server}/ar/no-such-page")
    assert response.status == 404
    checks.assert_lang_dir(phone, "ar")


def test_no_deprecation_warning_while_serving(live_server):
    try:
        status = urllib.request.urlopen(f"{live_server}/en/wizard").status
    except urllib.error.HTTPError as error:
        status = error.code
    assert status == 200
