"""The web layer: the wizard and the downloads, with the language in the URL prefix."""
from __future__ import annotations

from flask import Flask, abort, g

from .. import i18n


def init_web(app: Flask) -> None:
    """Register the blueprints and the ``/<lang>/`` URL prefix handling on ``app``."""
    from . import batch, casefile, downloads, errors, routes

    @app.url_value_preprocessor
    def pull_lang(endpoint, values):
        lang = (values or {}).pop("lang", None)
        if lang is not None and lang not in i18n.interface_languages():
            abort(404)
        g.lang = lang or "en"

    @app.url_defaults
    def add_lang(endpoint, values):
        if "lang" not in values and endpoint not in ("web.index", "static", "downloads.letter_css"):
            values["lang"] = g.get("lang", "en")

    app.register_blueprint(routes.bp)
    app.register_blueprint(downloads.bp)
    app.register_blueprint(casefile.bp)
    app.register_blueprint(batch.bp)
    errors.init_errors(app)
