"""Real-browser fixtures: Debian's Chromium driven by Playwright against a live server.

These tests must run in CI: if Chromium is missing they fail with a clear message,
never skip.
"""
from __future__ import annotations

import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from app import create_app

CHROMIUM = os.environ.get("RECOURS_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it with 'apt-get install chromium' "
                    "(make test does this when run as root).")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def live_server():
    """The app served on a free loopback port for the whole session (one per worker)."""
    app = create_app({"TESTING": True})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def phone(browser):
    """A page in a 360 px wide phone viewport with touch."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True,
                                  accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


