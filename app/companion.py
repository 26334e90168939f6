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
from .letters.compose import resolution_for
from .letters.model import Block, Letter


def compose_sheet(case: Case, letter: Letter, catalogue: Catalogue | None = None, *,
                  banner: str = "") -> Letter:
    """Compose the companion sheet for ``letter`` (already composed from ``case``)."""
    catalogue = catalogue or load_catalogue()
    resolution = resolution_for(case, catalogue)
    lang = case.sheet_language
    _ = i18n.gettext_for(lang)
    ngettext = i18n.translations(lang).ngettext

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
        *_deadline_blocks(case, letter, resolution.deadline_rule, _, ngettext, day),
        Block("heading", text=_("How to send the letter and keep proof")),
        Block("numbered", items=_sending_steps(case, _)),
        Block("heading", text=_("If there is no answer, or a refusal")),
        Block("bulleted", items=(
            _no_answer(case, letter, resolution, _, day, lang),
            _("An answer that refuses or leaves things out: the authority must give reasons. "
              "Keep the answer. You can complain to the data protection authority."),
            _("Come back to this tool to write the reminder or the complaint."),
        )),
        *_good_to_know(resolution, _),
        *_unverified_blocks(resolution, _),
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


def _deadline_blocks(case, letter, rule, _, ngettext, day) -> list[Block]:
    """What the law says about the reply period, in plain words, with the date."""
    if letter.deadline is None:
        return [Block("paragraph", text=_(
            "The law sets no fixed number of days for this authority. It must answer without undue "
            "delay. If you have no answer after a few weeks, ask a legal advice service what to do."))]
    if "months" in rule:
        period = ngettext("The authority must answer within %(num)d month after it receives your letter.",
                          "The authority must answer within %(num)d months after it receives your letter.",
                          rule["months"]) % {"num": rule["months"]}
    else:
        period = ngettext("The authority must answer within %(num)d day after it receives your letter.",
                          "The authority must answer within %(num)d days after it receives your letter.",
                          rule["days"]) % {"num": rule["days"]}
    blocks = [Block("paragraph", text=period + " " + _(
        "If it receives the letter on %(sent)s, the last day for the answer is %(deadline)s.")
        % {"sent": day(case.sent_on), "deadline": day(letter.deadline)})]
    later = _("If the letter arrives later, for example by post, the period starts later.")
    if rule.get("extension_months"):
        later += " " + _("The authority may take more time if the request is complex, but it must "
                         "tell you this, with the reasons, within the first month.")
    blocks.append(Block("paragraph", text=later))
    return blocks


def country_label(code: str, lang: str, _) -> str:
    """A country's name in ``lang``: the catalogue's own label where CLDR has none (outside Europe)."""
    named = load_catalogue().countries[code].raw.get("name")
    return _(named) if named else i18n.country_name(code, lang)


def _no_answer(case, letter, resolution, _, day, lang) -> str:
    authority = resolution.supervisory.name if resolution.supervisory else ""
    if letter.deadline is None:
        first = _("No answer after a few weeks: send a reminder.")
    else:
        first = _("No answer by %(deadline)s: send a reminder.") % {"deadline": day(letter.deadline)}
    if authority:
        second = _("You can also complain to %(authority)s. A complaint is free.") % {"authority": authority}
    elif load_catalogue().countries[case.country].raw.get("outside"):
        second = _("A lawyer or a human rights organisation can tell you where you can complain.")
    else:
        second = _("You can also complain to the data protection authority of %(country)s. "
                   "A complaint is free.") % {"country": country_label(case.country, lang, _)}
    return f"{first} {second}"


def _good_to_know(resolution, _) -> list[Block]:
    """Checked facts about this system or law that help the person (who else to ask, etc.)."""
    notes = [_(text) for text in resolution.checked_notes()]
    if not notes:
        return []
    return [Block("heading", text=_("Good to know")), Block("bulleted", items=tuple(notes))]


def _unverified_blocks(resolution, _) -> list[Block]:
    """Facts this letter relies on that we could not check against an official text."""
    english = [note["text"]["en"] for _key, note in resolution.unverified() if "text" in note]
    notes = [_(text) for text in english]
    if not notes:
        return []
    return [Block("heading", text=_("What we could not check")), Block("bulleted", items=tuple(notes))]
