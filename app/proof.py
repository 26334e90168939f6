"""The proof-of-sending checklist: how to send a letter and what to keep, in the person's language.

Authorities answer late or say a letter never arrived; what protects the person is proof of
the date they sent it and of what it contained. Like the companion sheet, this is a
:class:`Letter` of kind ``proof`` worded through gettext in ``case.sheet_language``.
"""
from __future__ import annotations

from babel.dates import format_date

from . import i18n
from .case import Case
from .catalogue import load_catalogue
from .letters import followups
from .letters.compose import resolution_for
from .letters.model import Block, Letter

_LINE = "________________"


def compose_proof(case: Case, letter: Letter, *, banner: str = "") -> Letter:
    """The checklist for sending ``letter`` (composed from ``case``) and keeping proof."""
    lang = case.sheet_language
    _ = i18n.gettext_for(lang)
    recipient = letter.recipient[0] if letter.recipient else case.authority.name
    dated = case.followup.written_on if case.followup and letter.kind != "request" else case.sent_on
    title = _("Proof of sending: your letter to %(authority)s of %(date)s") % {
        "authority": recipient, "date": format_date(dated, "long", locale=lang)}
    blocks = [
        Block("paragraph", text=_("If the authority says that your letter never arrived, or answers "
                                  "late, your proof counts. Keep this sheet with your copies.")),
        Block("heading", text=_("Before you send it")),
        Block("bulleted", items=_before(case, letter, _)),
        Block("heading", text=_("How to send it")),
        Block("bulleted", items=_how(letter, _)),
        Block("heading", text=_("What to keep")),
        Block("bulleted", items=(
            _("A copy or photo of the signed letter, every page, and of everything you enclosed."),
            _("The receipt of the registered letter and the proof of delivery, or the stamped copy."),
            _("If you sent an e-mail: the sent e-mail, saved or printed, with its date."),
            _("Every answer you receive, with the envelope or e-mail showing its date."),
        )),
        Block("heading", text=_("Write it down")),
        Block("bulleted", items=(
            _("Date sent: %(line)s") % {"line": _LINE},
            _("How it was sent (post, by hand, e-mail): %(line)s") % {"line": _LINE},
            _("Tracking or receipt number: %(line)s") % {"line": _LINE},
            _("Date it arrived: %(line)s") % {"line": _LINE},
        )),
        *_after_a_complaint(case, recipient, lang, _),
    ]
    return Letter(language=lang, direction=i18n.direction(lang), sender=(), recipient=(),
                  place_date="", subject=title, references=(), blocks=tuple(blocks), signature=(),
                  title=title, deadline=None, regime=letter.regime, citations=(), kind="proof",
                  banner=banner)


def _before(case: Case, letter: Letter, _) -> tuple[str, ...]:
    steps = [_("Read the letter again. Sign it by hand where the line is.")]
    if case.representative:
        steps.append(_("Add the authorisation signed by you for %(name)s.") % {"name": case.representative.name})
    if letter.enclosures:
        steps.append(_("Add a copy of each document listed under the letter:") + " "
                     + "; ".join(letter.enclosures))
    steps.append(_("Keep the originals. Send copies only."))
    return tuple(steps)


def _how(letter: Letter, _) -> tuple[str, ...]:
    ways = [_("By registered post with proof of delivery: the safest way."),
            _("By hand at the office: ask for a copy stamped with the date.")]
    if letter.recipient_email:
        ways.append(_("By e-mail to %(email)s: ask for an acknowledgement of receipt.")
                    % {"email": letter.recipient_email})
    return tuple(ways)


def _after_a_complaint(case: Case, authority: str, lang: str, _) -> list[Block]:
    """A complaint's two dates (the supervisory authority's last day, the day the courts
    open), as on its check page; nothing for other letters or where the law sets no period."""
    catalogue = load_catalogue()
    silence = followups.silence_deadline(case, resolution_for(case, catalogue), catalogue) if case.followup else None
    if silence is None:
        return []
    return [Block("heading", text=_("After you send the complaint")),
            Block("paragraph", text=_(
                "Counted from the date of your complaint, the supervisory authority (%(authority)s) must deal with "
                "it, or tell you how it stands, by %(date)s. If it does not, you may go to court from %(day)s. A "
                "lawyer or an advice centre can help.") % {
                "authority": authority, "date": format_date(silence.date, "long", locale=lang),
                "day": format_date(silence.reminder, "long", locale=lang)})]
