"""python -m bench.load [SECONDS] [CLIENTS]: recours under gunicorn (2 workers) and a load.

1. Throughput of one wizard step (a POST that validates a page and renders the next) against
   a Flask hello-world under the same gunicorn, with the same 8 clients, each server measured
   alone, in turns over five rounds (medians reported); and, as a third reference, the floor
   of the stack (``bench/floor.py``: a one-question Flask-WTF form with the CSRF check, no
   translations, no accessible markup).
2. The load test: CLIENTS concurrent clients for SECONDS over the wizard and the downloads
   (every step, the review page, a PDF and a DOCX letter), counting errors, and the memory
   of gunicorn's processes after a warm-up and after the run.
Reports requests per second per core, so an operator can size a deployment.
"""
from __future__ import annotations

import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKERS = 2
STEP = {"kind": "phone", "event_topic": "phone", "country": "DE", "authority_name": "Bundesamt",
        "authority_address": "Frankenstraße 210\n90461 Nürnberg", "rights": ["access", "erasure"], "rights_for": "phone",
        "person_name": "Load Test", "person_address": "Teststraße 1\n10115 Berlin", "letter_language": "de",
        "sheet_language": "en", "sent_on": time.strftime("%Y-%m-%d"), "event_date": "2026-10-01"}


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start(app: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "RECOURS_SECRET_KEY": "x" * 64}
    process = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "--workers", str(WORKERS),
                                "--bind", f"127.0.0.1:{port}", "--log-level", "warning", app],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("gunicorn did not start")


def _rss_mb(process: subprocess.Popen) -> float:
    """Resident memory of gunicorn's master and workers together."""
    pids = [process.pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(process.pid)],
                                                           check=False, capture_output=True, text=True).stdout.split()]
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/status") as handle:
            total += next(int(line.split()[1]) for line in handle if line.startswith("VmRSS"))
    return total / 1024


class Client:
    """One browser: a cookie, a CSRF token, and a connection per request (gunicorn's sync workers close it)."""

    def __init__(self, port: int):
        self.port, self.cookie, self.token = port, "", ""

    def request(self, method: str, path: str, fields: dict | None = None) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode({**fields, "csrf_token": self.token}, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        connection.close()
        return response.status, data

    def start(self) -> None:
        _status, page = self.request("GET", "/en/wizard")
        found = re.search(rb'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"', page)
        self.token = (found.group(1) or found.group(2)).decode() if found else ""  # none on hello-world


def _run(port: int, clients: int, seconds: float, work) -> tuple[int, int, float]:
    """``clients`` threads doing ``work(client)`` until time is up; (requests, errors, seconds)."""
    counts, errors, stop = [0] * clients, [0] * clients, time.monotonic() + seconds

    def loop(index: int) -> None:
        client = Client(port)
        try:
            client.start()
        except Exception:  # noqa: BLE001 - an error to count, not to stop the benchmark
            errors[index] += 1
            return
        while time.monotonic() < stop:
            for status in work(client):
                counts[index] += 1
                errors[index] += status != 200  # every scripted request expects a page or a file
    threads = [threading.Thread(target=loop, args=(i,)) for i in range(clients)]
    begin = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts), sum(errors), time.monotonic() - begin


def _safe(call):
    try:
        return call()[0]
    except Exception:  # noqa: BLE001
        return 0


def wizard_step(client: Client):
    yield _safe(lambda: client.request("POST", "/en/wizard", {"answers": "{}", "step": "kind", "action": "next",
                                                              "kind": "phone"}))


def hello(client: Client):
    yield _safe(lambda: client.request("GET", "/"))


def floor_step(client: Client):
    yield _safe(lambda: client.request("POST", "/en/wizard", {"kind": "phone"}))


ROUNDS, ROUND_SECONDS = 5, 6

THROUGHPUT = (  # name, gunicorn app, the request measured, the warm-up
    ("hello", "bench.hello:app", hello, hello),
    ("floor", "bench.floor:app", floor_step, floor_step),
    ("step", "app:create_app()", wizard_step, None),
)


def _throughputs() -> dict[str, tuple[float, int]]:
    """Requests per second (median of ROUNDS) and errors for each of THROUGHPUT, 8 clients.

    The three servers are measured in turns, round after round, so that a slow spell of the
    machine weighs on all three alike rather than on whichever ran during it."""
    servers = {}
    try:
        for name, app, _work, warm_up in THROUGHPUT:
            port = _port()
            servers[name] = (_start(app, port), port)
            _run(port, 8, 3, warm_up or journey)  # the wizard warms up on the whole journey
        rates = {name: [] for name in servers}
        errors = dict.fromkeys(servers, 0)
        for _ in range(ROUNDS):
            for name, _app, work, _warm_up in THROUGHPUT:
                count, failed, elapsed = _run(servers[name][1], 8, ROUND_SECONDS, work)
                rates[name].append(count / elapsed)
                errors[name] += failed
    finally:
        for process, _port_number in servers.values():
            process.terminate()
            process.wait()
    return {name: (statistics.median(rates[name]), errors[name]) for name in rates}


def journey(client: Client):
    """The wizard from the first question to the review page, then a PDF and a DOCX letter."""
    answers = json.dumps(STEP)
    for step, fields in (("kind", {"kind": "phone"}), ("topic", {"event_topic": "phone"}), ("country", {"country": "DE"}),
                         ("about", {"person_name": "Load Test", "person_address": "Teststraße 1"}),
                         ("review", {})):
        yield _safe(lambda s=step, f=fields: client.request("POST", "/en/wizard",
                                                             {"answers": answers, "step": s, "action": "next", **f}))
    for fmt in ("pdf", "docx"):
        yield _safe(lambda f=fmt: client.request("POST", f"/en/letter/{f}", {"answers": answers}))


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    rates = _throughputs()
    (hello_rps, hello_errors), (floor_rps, floor_errors), (step_rps, step_errors) = (
        rates["hello"], rates["floor"], rates["step"])
    port = _port()
    server = _start("app:create_app()", port)
    try:
        _run(port, 8, 3, journey)  # warm-up: every template, font and letter path once
        warm = _rss_mb(server)
        count, errors, elapsed = _run(port, clients, seconds, journey)
        after = _rss_mb(server)
    finally:
        server.terminate()
        server.wait()
    rps = count / elapsed
    print(f"hello-world: {hello_rps:.0f} req/s ({hello_errors} errors); wizard step: {step_rps:.0f} req/s "
          f"({step_errors} errors); ratio {step_rps / hello_rps:.2f}")
    print(f"stack floor (bench/floor.py): {floor_rps:.0f} req/s ({floor_errors} errors), "
          f"{floor_rps / hello_rps:.2f} of the hello-world; the wizard step is {step_rps / floor_rps:.2f} of the floor")
    print(f"load: {clients} clients, {elapsed:.0f} s: {count} requests, {errors} errors, {rps:.1f} req/s, "
          f"{rps / WORKERS:.1f} req/s per core (worker)")
    print(f"memory: {warm:.0f} MB after warm-up, {after:.0f} MB after the run ({(after / warm - 1) * 100:+.1f} %)")


if __name__ == "__main__":
    main()
