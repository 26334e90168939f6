"""The web layer: the wizard and the downloads, with the language in the URL prefix."""
from __future__ import annotations

import functools

from flask import Flask, abort, g, request, url_for
from markupsafe import Markup, escape

from .. import i18n


def init_web(app: Flask) -> None:
    """Register the blueprints and the ``/<lang>/`` URL prefix handling on ``app``."""
    from . import batch, casefile, downloads, errors, routes, training

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
    app.register_blueprint(training.bp)
    errors.init_errors(app)

    @app.context_processor
    def page_context():
        return {"presenting": _presenting(), "switch_url": _switch_url, "language_buttons": _language_buttons}


# GET pages whose language switch stays on the same page (the others go to the start page).
SAME_PAGE = {"web.start", "web.wizard_start", "casefile.open_form", "batch.upload", "batch.columns",
             "training.index", "training.rights", "training.right"}


def _language_buttons() -> Markup:
    """The wizard's language buttons (they re-post the page): the same on every wizard page of
    one language, so they are built once per language."""
    return _buttons(g.get("lang", "en"), request.script_root)


@functools.lru_cache(maxsize=64)
def _buttons(current: str, _script_root: str) -> Markup:
    items = []
    for code in i18n.interface_languages():
        current_mark = ' aria-current="true"' if code == current else ""
        items.append(f'<li><button form="wizard" type="submit" formaction="{escape(url_for("web.wizard", lang=code))}"'
                     f' name="action" value="stay" lang="{code}"{current_mark}>{escape(i18n.native_name(code))}'
                     "</button></li>")
    # Built from our own language codes and names, each escaped.
    return Markup("<ul>" + "".join(items) + "</ul>")  # nosec B704


def _presenting() -> bool:
    """Large type for a projector, asked for in the page address (wizard pages carry it in
    their answers instead, see base.html)."""
    return request.args.get("present") == "1"


def _switch_url(code: str) -> str:
    """The same page in language ``code`` where that is a plain GET page, else its start page."""
    if request.method == "GET" and request.endpoint in SAME_PAGE:
        args = {**(request.view_args or {}), **({"present": "1"} if request.args.get("present") == "1" else {})}
        return url_for(request.endpoint, lang=code, **args)
    return url_for("web.start", lang=code)
