"""PDF rendering of a Letter with WeasyPrint, from the HTML rendering."""
from __future__ import annotations

import threading
from io import BytesIO

from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ..letters.model import Letter
from .html import render_document, stylesheet


class _NoFetch(URLFetcher):
    """Refuse every URL except inline ``data:`` ones.

    A letter is built only from our template and CSS, so nothing should ever be fetched;
    refusing also means a value that slipped through as a URL cannot reach the network
    or the file system (``file:``).
    """

    def __init__(self):
        super().__init__(allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url, headers=None):
        if not url.lower().startswith("data:"):
            raise ValueError("recours: fetching is disabled while rendering letters")
        return super().fetch(url, headers)


class _Tools:
    """What does not change between letters: the fetcher, the fonts and the parsed CSS."""

    def __init__(self):
        self.fetcher = _NoFetch()
        self.fonts = FontConfiguration()
        self.css = CSS(string=stylesheet(), font_config=self.fonts, url_fetcher=self.fetcher)


_local = threading.local()


def _tools() -> _Tools:
    """This thread's tools, built on first use (not at import, which the CLI's text output
    does not need). Per thread because Pango font maps and the fetcher's request state
    must not be shared between threads, and a web server may render in several at once."""
    tools = getattr(_local, "tools", None)
    if tools is None:
        tools = _local.tools = _Tools()
    return tools


def render_pdf(letter: Letter, *, attachments: dict[str, bytes] | None = None) -> bytes:
    """Render ``letter`` as PDF bytes (A4, fonts embedded and subset, nothing fetched).

    The document title comes from ``<title>`` (``letter.title``); the HTML carries no
    author meta element, so the PDF has no author. ``attachments`` (file name -> bytes) are
    embedded only where the caller asks: the person's own sheet carries their case file; a
    letter to an authority never carries anything.
    """
    tools = _tools()
    # base_url=None: relative URLs stay unresolved, and the fetcher refuses the rest.
    html = HTML(string=render_document(letter, css=None), base_url=None, url_fetcher=tools.fetcher)
    files = [Attachment(file_obj=BytesIO(data), name=name, url_fetcher=tools.fetcher)
             for name, data in (attachments or {}).items()] or None
    return html.write_pdf(stylesheets=[tools.css], font_config=tools.fonts, attachments=files)
