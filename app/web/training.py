"""Trainer mode: persona cards that open the wizard pre-filled, and the rights explained.

Everything made from a persona is a specimen: the carried answers hold ``training``, and
every download then carries the specimen mark. ``?present=1`` (or the presenter box on the
persona page) switches to large type for a projector; it holds nothing about anyone.
"""
from __future__ import annotations

from io import BytesIO

from flask import Blueprint, abort, render_template, request, send_file
from flask_babel import get_locale
from flask_babel import gettext as _

from ..render import render_pdf
from ..training.handout import articles_text, compose_handout, right_name
from ..training.personas import personas
from ..training.rights import BY_ID, RIGHTS
from .routes import render_step
from .steps import STEPS

bp = Blueprint("training", __name__)


@bp.get("/<lang>/training")
def index():
    """The persona cards, with a link to the rights explained."""
    return render_template("training/index.html", personas=personas().values())


@bp.post("/<lang>/training/<persona>")
def start(persona):
    """Open the wizard for a persona: the first question, every answer already given."""
    found = personas().get(persona)
    if found is None:
        abort(404)
    answers = found.wizard_answers(str(get_locale()), presenter=request.form.get("presenter") == "y")
    return render_step(STEPS[0], answers)


@bp.get("/<lang>/rights")
def rights():
    """Every right, each with its own page."""
    return render_template("training/rights.html", rights=[(r.id, right_name(r.id, _)) for r in RIGHTS])


@bp.get("/<lang>/rights/<right>")
def right(right):
    """One right explained: what it is, the article, what to expect, refusals and answers."""
    explained = BY_ID.get(right) or abort(404)
    lang = str(get_locale())
    return render_template("training/right.html", right=explained, name=right_name(right, _),
                           articles=articles_text(explained, _, lang))


@bp.get("/<lang>/rights/<right>/handout.pdf")
def handout(right):
    """One right, or all of them (``all``), as a printable PDF in the interface language."""
    if right != "all" and right not in BY_ID:
        abort(404)
    lang = str(get_locale())
    letter = compose_handout(lang, None if right == "all" else (right,))
    return send_file(BytesIO(render_pdf(letter)), mimetype="application/pdf", as_attachment=True,
                     download_name=f"rights-{right}-{lang}.pdf", max_age=0)
