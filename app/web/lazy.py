"""Labels defined at import time, translated when shown, in the request's interface language.

The same as Flask-Babel's ``lazy_gettext``, but looking the catalog up directly: a wizard
page shows dozens of labels, and Flask-Babel's per-call context search was a measurable
part of every page (see the README's speed figures).
"""
from __future__ import annotations

from flask import g, has_app_context
from flask_babel.speaklater import LazyString

from .. import i18n


def _now(message: str, **variables) -> str:
    # Outside a request (tests, the CLI) the English source is shown, as Flask-Babel does.
    lang = str(g.get("lang", "en")) if has_app_context() else "en"
    text = i18n.translations(lang).gettext(message)
    return text % variables if variables else text


def lazy_gettext(message: str, **variables) -> LazyString:
    """``message`` translated each time it is shown (with ``%(name)s`` values, if any)."""
    return LazyString(_now, message, **variables)
