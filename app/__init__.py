"""recours: draft the letters that enforce data rights, keeping nothing about anyone."""
from __future__ import annotations

from flask import Flask, g, request
from flask_babel import Babel, Domain, format_date
from flask_wtf import CSRFProtect

from . import i18n
from .catalogue import load_catalogue
from .config import load_config
from .security import MemoryRequest, init_security

csrf = CSRFProtect()


class _CatalogDomain(Domain):
    """Flask-Babel domain that takes catalogs from :mod:`app.i18n` (``.po`` or ``.mo``)."""

    def get_translations(self):
        return i18n.translations(str(g.get("lang", "en")))


def _fast_template_gettext(app: Flask) -> None:
    """Templates call gettext often (tens of times a page); look the catalog up directly
    rather than through Flask-Babel's per-call context search. Same catalogs, same results."""

    def gettext(message: str) -> str:
        return i18n.translations(str(g.get("lang", "en"))).gettext(message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return i18n.translations(str(g.get("lang", "en"))).ngettext(singular, plural, n)

    app.jinja_env.install_gettext_callables(gettext, ngettext, newstyle=True)


def create_app(config: dict | None = None) -> Flask:
    """Application factory: configuration, catalogue check, i18n, CSRF, security, views."""
    app = Flask(__name__)
    app.request_class = MemoryRequest
    app.config.update(load_config(config))
    load_catalogue()  # a broken catalogue stops start-up here, not in a request
    babel = Babel(app, locale_selector=lambda: g.get("lang", "en"))
    babel.domain_instance = _CatalogDomain()

    @app.before_request
    def batch_limits():
        # Runs before the CSRF check reads the form: batch pages take larger bodies.
        if request.endpoint in ("batch.check", "batch.letters"):
            request.max_content_length = app.config["BATCH_MAX_BYTES"]
            request.max_form_memory_size = app.config["BATCH_MAX_BYTES"]

    csrf.init_app(app)
    init_security(app)
    _fast_template_gettext(app)

    @app.context_processor
    def language_context():
        lang = g.get("lang", "en")
        return {"lang": lang, "dir": i18n.direction(lang), "languages": i18n.interface_languages(),
                "native_name": i18n.native_name, "format_date": format_date}

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    from .web import init_web
    init_web(app)
    return app
