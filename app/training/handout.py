"""The rights explained as a printable handout (a Letter of kind ``handout``), in any
interface language, rendered by the same PDF renderer as the letters."""
from __future__ import annotations

from babel.lists import format_list

from .. import i18n, wording
from ..case import N_
from ..letters.model import Block, Letter
from .rights import BY_ID, RIGHTS, Explained

# I18N: the name of the right to complain, beside the rights of wording.RIGHTS.
COMPLAINT = N_("Complain to the data protection authority")


def right_name(right: str, _) -> str:
    """The right's short name in the language of ``_``."""
    return _(COMPLAINT) if right == "complaint" else _(wording.RIGHTS[right][0])


def articles_text(explained: Explained, _, lang: str) -> str:
    """``Article 15 GDPR`` (translated), for each article the right rests on."""
    # I18N: one article of the GDPR, e.g. "Article 15(1)(h) GDPR".
    cited = [_("Article %(number)s GDPR") % {"number": ref} for ref in explained.articles()]
    return format_list(cited, locale=lang)


def blocks_for(explained: Explained, _, lang: str) -> list[Block]:
    """The blocks that explain one right."""
    return [
        Block("heading", text=right_name(explained.id, _)),
        Block("paragraph", text=_(explained.what)),
        Block("paragraph", text=_("Where the law says it: %(articles)s.") % {
            "articles": articles_text(explained, _, lang)}),
        Block("paragraph", text=_("What to expect: %(text)s") % {"text": _(explained.expect)}),
        Block("bulleted", items=tuple(_("If the authority says %(refusal)s — %(answer)s") % {
            "refusal": _(refusal), "answer": _(answer)} for refusal, answer in explained.refusals)),
    ]


def compose_handout(lang: str, rights: tuple[str, ...] | None = None) -> Letter:
    """A handout of ``rights`` (all of them by default) in interface language ``lang``."""
    _ = i18n.gettext_for(lang)
    chosen = [BY_ID[r] for r in rights] if rights else list(RIGHTS)
    title = right_name(chosen[0].id, _) if len(chosen) == 1 else _("Your rights over your data")
    blocks = [Block("paragraph", text=_(
        "These rights exist in the European Union and the European Economic Area (the GDPR) and, with "
        "some differences, in the United Kingdom. Police and EU agencies follow similar rules."))]
    for explained in chosen:
        blocks += blocks_for(explained, _, lang)
    return Letter(language=lang, direction=i18n.direction(lang), sender=(), recipient=(), place_date="",
                  subject=title, references=(), blocks=tuple(blocks), signature=(), title=title,
                  kind="handout")
