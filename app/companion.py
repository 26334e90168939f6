"""The companion sheet: what the letter asks and what happens next, in the person's language.

It is plain and friendly where the letter is formal. It is built as a :class:`Letter`
(kind ``sheet``, no sender or recipient) so the same renderers print it. Its wording is
interface text, translated through gettext in ``case.sheet_language``.
"""
from __future__ import annotations

from babel.dates import format_date

from . import i18n, wording
from .case import Case
from .catalogue import Catalogue, load_catalogue
from .letters.model import Block, Letter


def compose_sheet(case: Case, letter: Letter, catalogue: Catalogue | None = None, *,
                  banner: str = "") -> Letter:
    """Compose the companion sheet for ``letter`` (already composed from ``case``)."""
    catalogue = catalogue or load_catalogue()
    lang = case.sheet_language
    _ = i18n.gettext_for(lang)

    def day(value):
        return format_date(value, "long", locale=lang)

    title = _("Your letter to %(authority)s: what it asks and what happens next") % {
        "authority": case.authority.name}
    blocks = [
        Block("paragraph", text=_("Keep this sheet. It explains your letter in your language. "
                                  "The letter itself is in %(language)s, the language of the authority.")
              % {"language": i18n.language_name(letter.language, lang)}),
        Block("heading", text=_("What the letter asks")),
        Block("bulleted", items=tuple(
            # I18N: one line of the sheet: a right's short name, then what it gives.
            _("%(right)s: %(explanation)s") % {"right": _(wording.RIGHTS[r][0]),
                                              "explanation": _(wording.RIGHTS[r][1])}
            for r in catalogue.rights["order"] if r in case.rights)),
        Block("heading", text=_("The date to remember")),
        Block("paragraph", text=_(
            "The authority must answer within one month after it receives your letter. "
            "If it receives the letter on %(sent)s, the last day for the answer is %(deadline)s.")
            % {"sent": day(case.sent_on), "deadline": day(letter.deadline)}),
        Block("paragraph", text=_(
            "If the letter arrives later, for example by post, the month starts later. "
            "The authority may take two more months if the request is complex, "
            "but it must tell you this, with the reasons, within the first month.")),
        Block("heading", text=_("How to send the letter and keep proof")),
        Block("numbered", items=_sending_steps(case, _)),
        Block("heading", text=_("If there is no answer, or a refusal")),
        Block("bulleted", items=(
            _("No answer by %(deadline)s: send a reminder. You can also complain to the data "
              "protection authority of %(country)s. A complaint is free.")
            % {"deadline": day(letter.deadline), "country": i18n.country_name(case.country, lang)},
            _("An answer that refuses or leaves things out: the authority must give reasons. "
              "Keep the answer. You can complain to the data protection authority."),
            _("Come back to this tool to write the reminder or the complaint."),
        )),
        Block("heading", text=_("Important")),
        Block("paragraph", text=_(
            "This letter does not replace an appeal against a decision. Deadlines for an appeal "
            "can be very short. Ask a lawyer or a legal advice service quickly.")),
    ]
    return Letter(language=lang, direction=i18n.direction(lang), sender=(), recipient=(),
                  place_date="", subject=title, references=(), blocks=tuple(blocks),
                  signature=(), title=title, deadline=letter.deadline, regime=letter.regime,
                  citations=(), kind="sheet", banner=banner)


def _sending_steps(case: Case, _) -> tuple[str, ...]:
    steps = [_("Check the letter. Sign it by hand where the line is.")]
    if case.representative:
        steps.append(_("Sign the authorisation for %(name)s and add it to the letter.")
                     % {"name": case.representative.name})
    steps += [
        _("Make a copy or take a photo of the signed letter and keep it."),
        _("Send it by registered post with proof of delivery, or hand it in and ask for a "
          "stamped copy."),
    ]
    if case.authority.email:
        steps.append(_("Or send it by e-mail to %(email)s and keep the sent e-mail.")
                     % {"email": case.authority.email})
    steps.append(_("Write down the date you sent it, and keep the proof with this sheet."))
    return tuple(steps)
