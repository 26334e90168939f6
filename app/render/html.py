"""HTML rendering of a Letter: the web print view (a fragment) and WeasyPrint's input (a document)."""
from __future__ import annotations

import functools
from importlib import resources

from jinja2 import DictLoader, Environment, StrictUndefined
from markupsafe import Markup, escape

from ..letters.model import Letter

# The templates live here rather than in a .html file so that the wheel needs no extra
# package data. Every value is escaped by autoescape; none is ever compiled as a template.
_ARTICLE = """\
<article class="letter letter-{{ letter.kind }}" lang="{{ letter.language }}" dir="{{ direction }}">
{% if letter.banner %}
<p class="banner" role="note">{{ letter.banner }}</p>
<p class="watermark" aria-hidden="true">{{ letter.banner.split(" — ")[0] }}</p>
{% endif %}
{% if letter.sender or letter.recipient %}
<header class="addresses">
{% if letter.sender %}
<address class="sender">{{ lines(letter.sender) }}</address>
{% endif %}
{% if letter.recipient %}
<div class="recipient"><p>{{ lines(letter.recipient) }}</p></div>
{% endif %}
</header>
{% endif %}
{% if letter.place_date %}
<p class="place-date">{{ letter.place_date }}</p>
{% endif %}
{% if letter.subject %}
<h1>{{ letter.subject }}</h1>
{% endif %}
{% if letter.references %}
<ul class="references">
{% for ref in letter.references %}
<li>{{ ref }}</li>
{% endfor %}
</ul>
{% endif %}
{% for block in letter.blocks %}
{% if block.kind == "heading" %}
<h2>{{ block.text }}</h2>
{% elif block.kind == "numbered" or block.kind == "bulleted" %}
<{{ "ol" if block.kind == "numbered" else "ul" }}>
{% for item in block.items %}
<li>{{ item }}</li>
{% endfor %}
</{{ "ol" if block.kind == "numbered" else "ul" }}>
{% else %}
<p>{{ lines(block.text.split("\\n")) }}</p>
{% endif %}
{% endfor %}
{% if letter.signature %}
<div class="signature"><p>{{ lines(letter.signature) }}</p></div>
{% endif %}
{% if letter.enclosures %}
<section class="enclosures">
<h2>{{ letter.enclosures_label }}</h2>
<ul>
{% for item in letter.enclosures %}
<li>{{ item }}</li>
{% endfor %}
</ul>
</section>
{% endif %}
</article>
"""

_DOCUMENT = """\
<!DOCTYPE html>
<html lang="{{ letter.language }}" dir="{{ direction }}">
<head>
<meta charset="utf-8">
<title>{{ letter.title or letter.subject }}</title>
{% if css %}
<style>{{ css }}</style>
{% endif %}
</head>
<body>
{% include "article.html" %}
</body>
</html>
"""


@functools.cache
def _environment() -> Environment:
    env = Environment(
        loader=DictLoader({"article.html": _ARTICLE, "document.html": _DOCUMENT}),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    env.globals["lines"] = _lines
    return env


def _lines(values) -> str:
    """Escape each line and join them with ``<br>`` (the only markup we add inside text)."""
    return Markup("<br>\n").join(escape(v) for v in values)


@functools.cache
def stylesheet() -> str:
    """The text of ``letter.css`` (read once)."""
    return resources.files(__package__).joinpath("letter.css").read_text(encoding="utf-8")


def _direction(letter: Letter) -> str:
    # Only two values are meaningful; anything else would be a composing bug, shown as LTR.
    return "rtl" if letter.direction == "rtl" else "ltr"


def render_document(letter: Letter, *, css: str | None) -> str:
    """A full HTML document; ``css`` is embedded in ``<style>`` unless it is empty or None.

    The PDF renderer calls this with ``css=None`` and hands WeasyPrint a pre-parsed
    stylesheet instead, so the CSS is not parsed again for every letter.
    """
    template = _environment().get_template("document.html")
    # The CSS is our own file, not input: mark it safe so quotes in it survive.
    return template.render(letter=letter, direction=_direction(letter),
                           css=Markup(css) if css else "")  # nosec B704 - our own stylesheet file


def render_html(letter: Letter, *, standalone: bool = True) -> str:
    """Render ``letter`` as HTML.

    ``standalone=True`` gives a complete document with ``letter.css`` embedded (self-contained,
    suitable for WeasyPrint or saving); ``standalone=False`` gives only the
    ``<article class="letter">`` fragment, for the web print view, which links the CSS itself.
    """
    if standalone:
        return render_document(letter, css=stylesheet())
    return _environment().get_template("article.html").render(letter=letter,
                                                                direction=_direction(letter))


def render_fragment(letter: Letter) -> Markup:
    """The ``<article>`` fragment as Markup, for inclusion in the app's own pages.

    Safe to mark: it comes from this module's autoescaping environment, in which every
    value of the letter (and so everything a person typed) has been escaped.
    """
    return Markup(render_html(letter, standalone=False))  # nosec B704 - autoescaped above
