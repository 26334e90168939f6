"""The canary through a real gunicorn (two workers, the access log format of `make serve` and
the Dockerfile): nothing typed reaches its access or error log, or any file written."""
from __future__ import annotations

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORMAT = re.search(r"--access-logformat '([^']+)'", (ROOT / "Makefile").read_text()).group(1)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    port = _free_port()
    access, error = tmp_path / "access.log", tmp_path / "error.log"
    env = {**os.environ, "RECOURS_SECRET_KEY": uuid.uuid4().hex * 2}
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--access-logfile", str(access), "--error-logfile", str(error), "--access-logformat", FORMAT,
         "--log-level", "debug", "app:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("gunicorn did not start")
    yield base, access, error, process
    process.terminate()
    process.wait(timeout=10)


def test_nothing_typed_reaches_gunicorns_logs(gunicorn, answers):
    base, access, error, process = gunicorn
    canary = f"CANARY-{uuid.uuid4().hex}"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/en/wizard").read().decode()
    token = re.search(r'<input[^>]*name="csrf_token"[^>]*>', page).group(0)
    token = re.search(r'value="([^"]+)"', token).group(1)
    typed = {**answers, "person_name": canary, "person_references": canary}

    def post(path, fields):
        body = urllib.parse.urlencode({"csrf_token": token, "answers": json.dumps(typed), **fields}).encode()
        try:
            return opener.open(f"{base}{path}", data=body).read()
        except urllib.error.HTTPError as failure:
            return failure.read()

    assert canary.encode() in post("/en/wizard", {"step": "about", "action": "next", "person_name": canary,
                                                   "person_address": "x", "place": canary})
    for fmt in ("pdf", "docx", "txt", "email", "sheet"):
        post(f"/en/letter/{fmt}", {})
    post("/en/case/save", {})
    post("/en/wizard", {"step": "nowhere", "action": canary})
    opener.open(f"{base}/en/wizard").read()
    process.terminate()
    out, err = process.communicate(timeout=10)
    logged = access.read_text() + error.read_text() + out.decode() + err.decode()
    assert "POST /en/letter/pdf" in logged  # the access log was written
    assert canary not in logged
    assert "amal@example.org" not in logged and "Musterweg" not in logged
