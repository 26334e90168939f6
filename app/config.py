"""Configuration: safe defaults, overridden by ``RECOURS_*`` environment variables."""
from __future__ import annotations

import os
import secrets


class ConfigError(RuntimeError):
    """The configuration is unsafe (e.g. no secret key outside testing)."""


def load_config(overrides: dict | None = None) -> dict:
    """Build the Flask config from defaults, the environment and ``overrides``."""
    config = {
        "SECRET_KEY": os.environ.get("RECOURS_SECRET_KEY", ""),
        "MAX_CONTENT_LENGTH": int(os.environ.get("RECOURS_MAX_BYTES", 256 * 1024)),
        "MAX_FORM_MEMORY_SIZE": int(os.environ.get("RECOURS_MAX_BYTES", 256 * 1024)),
        # Batch uploads (legal clinics): a larger body, and a cap on the number of rows.
        "BATCH_MAX_BYTES": int(os.environ.get("RECOURS_BATCH_MAX_BYTES", 5 * 1024 * 1024)),
        "BATCH_MAX_ROWS": int(os.environ.get("RECOURS_BATCH_MAX_ROWS", 500)),
        # Processes that render one batch (each row's letters in parallel; 1 = in the worker).
        "BATCH_PROCESSES": int(os.environ.get("RECOURS_BATCH_PROCESSES", os.cpu_count() or 1)),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("RECOURS_COOKIE_SECURE", "0") == "1",
        "SESSION_COOKIE_NAME": "recours",
        # The token is tied to the session cookie; a long pause on one page must not
        # lose work, so tokens do not expire by time (a failed check re-renders the page).
        "WTF_CSRF_TIME_LIMIT": None,
        "BABEL_DEFAULT_LOCALE": "en",
        "TESTING": False,
    }
    config.update(overrides or {})
    if not config["SECRET_KEY"]:
        if config["TESTING"] or os.environ.get("RECOURS_DEV") == "1":
            # Development and tests: a fresh random key per process is safe and
            # simply invalidates old CSRF tokens on restart.
            config["SECRET_KEY"] = secrets.token_hex(32)
        else:
            raise ConfigError("Set RECOURS_SECRET_KEY to a long random value "
                              "(for example: python -c 'import secrets; print(secrets.token_hex(32))').")
    return config
