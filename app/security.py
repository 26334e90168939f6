"""Security headers, and logging that never carries what a person typed."""
from __future__ import annotations

import io
import logging

from flask import Flask, Request, request

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; "
       "object-src 'none'")

HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class MemoryRequest(Request):
    """A request whose uploaded files stay in memory.

    Werkzeug spools an upload larger than 500 KB to a temporary file on disk; a batch of
    clients' data must never touch the disk, so every file part is read into memory (the
    body size is capped first, see ``BATCH_MAX_BYTES``).
    """

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


def add_security_headers(response):
    """Set the strict headers on every response; nothing with answers is ever cached."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.method == "POST" or "Cache-Control" not in response.headers or response.mimetype != "text/css":
        response.headers["Cache-Control"] = "no-store"
    return response


class NoFormValues(logging.Filter):
    """Drop exception messages and tracebacks from app log records.

    An exception's message may quote a value the person typed (``KeyError('…')``), so
    records keep only the exception type and the place it was raised. The app's own log
    calls pass only paths and counts as arguments, never form values.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            exc_type, exc, tb = record.exc_info
            where = ""
            while tb is not None:
                where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}"
                tb = tb.tb_next
            record.msg = f"{record.msg} [{exc_type.__name__} at {where}]"
            record.exc_info = None
            record.exc_text = None
        return True


def init_security(app: Flask) -> None:
    """Install headers and the log filter on ``app``."""
    app.after_request(add_security_headers)
    app.logger.addFilter(NoFormValues())
    logging.getLogger("werkzeug").addFilter(_PathOnly())


class _PathOnly(logging.Filter):
    """Werkzeug's request log: drop the query string (nothing should be there anyway)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple) and isinstance(record.args[0], str):
            first = record.args[0].split("?", 1)[0]
            record.args = (first, *record.args[1:])
        return True
