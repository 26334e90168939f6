"""Error pages that are calm, translated, and never show what was typed."""
from __future__ import annotations

from flask import Flask, current_app, g, render_template, request
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException

from .. import i18n


def _language_from_path() -> None:
    """Errors before routing (an unknown page) still speak the language of the URL prefix."""
    if request.url_rule is None or "lang" not in g:
        prefix = request.path.strip("/").split("/", 1)[0]
        g.lang = prefix if prefix in i18n.interface_languages() else "en"


def init_errors(app: Flask) -> None:
    """Install the handlers for HTTP errors and for unexpected exceptions."""

    @app.errorhandler(HTTPException)
    def http_error(error):
        _language_from_path()
        messages = {
            404: _("This page does not exist."),
            405: _("This page cannot be opened this way. Go back to the start."),
            413: _("What you sent is too large."),
        }
        message = messages.get(error.code, _("Something went wrong. Please try again."))
        return render_template("error.html", title=str(error.code), message=message), error.code

    @app.errorhandler(Exception)
    def unexpected(error):
        _language_from_path()
        # The log filter removes the exception's message (it may quote an answer).
        current_app.logger.error("Unexpected error on %s", request.path, exc_info=error)
        return render_template("error.html", title=_("Sorry"),
                               message=_("Something went wrong on our side. Nothing you typed was kept. "
                                         "Go back with your browser and try again.")), 500
