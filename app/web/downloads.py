"""Downloads: the letter (DOCX, PDF, text, print view) and the companion sheet (PDF).

Every download is a POST carrying the answers; the files are made in memory and sent
with ``Cache-Control: no-store``. File names hold no personal data.
"""
from __future__ import annotations

from io import BytesIO

from flask import Blueprint, Response, render_template, request, send_file

from .. import casefile, i18n
from ..case import N_, CaseError
from ..companion import compose_sheet
from ..letters.compose import compose, letter_language
from ..proof import compose_proof
from ..render import mailto_link, render_docx, render_pdf, render_text
from ..render.html import render_fragment, stylesheet
from . import state as carried
from .review import build_case, following_up, followup_review_page, review_page

bp = Blueprint("downloads", __name__)

# I18N: printed on every page of a sheet made in training mode, so it cannot pass as real.
SPECIMEN = N_("SPECIMEN — training — not a real letter")

MIMETYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "txt": "text/plain; charset=utf-8",
}


def _letter_and_case():
    answers = carried.load(request.form)
    try:
        case = build_case(answers, followup=following_up())
    except CaseError:
        return answers, None, None
    banner = letter_language(case.letter_language).meta["specimen"] if answers.get("training") else ""
    return answers, case, compose(case, kind="followup" if following_up() else "request", banner=banner)


def _sheet_banner(answers, case) -> str:
    """The specimen mark in the person's language, for sheets made in training mode."""
    return i18n.gettext_for(case.sheet_language)(SPECIMEN) if answers.get("training") else ""


def _back_step() -> str:
    return "followup_review" if following_up() else "review"


def _page(answers):
    return followup_review_page(answers) if following_up() else review_page(answers)


def _file(data: bytes, name: str, fmt: str):
    return send_file(BytesIO(data), mimetype=MIMETYPES[fmt], as_attachment=True,
                     download_name=name, max_age=0)


@bp.get("/letter.css")
def letter_css():
    """The letter's own stylesheet, shared by the PDF and the print view."""
    return Response(stylesheet(), mimetype="text/css", headers={"Cache-Control": "public, max-age=3600"})


@bp.post("/<lang>/letter/<fmt>")
def letter(fmt):
    """The letter as DOCX, PDF or plain text file; the e-mail and print pages; the sheet."""
    answers, case, composed = _letter_and_case()
    if composed is None:
        return _page(answers)
    dated = case.followup.written_on if following_up() else case.sent_on
    stem = f"{composed.kind.replace('_', '-')}-{composed.language}-{dated.isoformat()}"
    if composed.kind == "request":
        stem = f"letter-{composed.language}-{dated.isoformat()}"
    if fmt == "docx":
        return _file(render_docx(composed), f"{stem}.docx", "docx")
    if fmt == "pdf":
        return _file(render_pdf(composed), f"{stem}.pdf", "pdf")
    if fmt == "txt":
        return _file(render_text(composed).encode("utf-8"), f"{stem}.txt", "txt")
    if fmt == "email":
        return render_template("wizard/email.html", text=render_text(composed),
                               mailto=mailto_link(composed), letter=composed,
                               answers=carried.dump(answers), back_step=_back_step())
    if fmt == "print":
        return render_template("wizard/print.html", letter_html=render_fragment(composed),
                               letter=composed, answers=carried.dump(answers), back_step=_back_step())
    if fmt == "sheet":
        sheet = compose_sheet(case, composed, banner=_sheet_banner(answers, case))
        # The person's own sheet carries their case, so keeping it is enough to come back.
        # A training sheet carries no case: a fictional person must never come back as a real one.
        kept = {} if answers.get("training") else {casefile.ATTACHMENT: casefile.dump(case)}
        data = render_pdf(sheet, attachments=kept)
        return _file(data, f"sheet-{case.sheet_language}-{case.sent_on.isoformat()}.pdf", "pdf")
    if fmt == "proof":
        return _file(render_pdf(compose_proof(case, composed, banner=_sheet_banner(answers, case))),
                     f"proof-of-sending-{case.sheet_language}-{dated.isoformat()}.pdf", "pdf")
    return _page(answers)
