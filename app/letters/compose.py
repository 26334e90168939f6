"""compose(case) -> Letter: the legal frame from the catalogue, the wording from templates.

The wording lives in ``letter_templates/<lang>/`` (see its README). Values from the person
enter the templates only as variables, fenced so they can never become markup; the
templates themselves are read from disk, never built from input.
"""
from __future__ import annotations

import functools

from ..case import MISSING, N_, Case, CaseError
from ..catalogue import Catalogue, load_catalogue
from ..catalogue.resolve import Resolution, resolve
from ..deadlines import Deadline, reply_deadline
from . import followups, markup
from .citations import CitationError, Citer
from .model import Letter
from .templates import (
    LetterLanguage,
    available_languages,
    environment,
    letter_date,
    letter_language,
    templates_root,
)

__all__ = ["CitationError", "available_languages", "compose", "deadline_for", "letter_date", "letter_language",
           "resolution_for", "templates_root", "validated_case"]


def resolution_for(case: Case, catalogue: Catalogue) -> Resolution:
    """The legal frame of ``case`` (regime, system act, additional bases, authorities)."""
    return resolve(catalogue, country=case.country, system=case.system, authority=case.authority.id,
                   on=case.event.date or case.sent_on)


def validated_case(data: dict, catalogue: Catalogue | None = None) -> Case:
    """A Case from its JSON form, checked against the ids the catalogue knows and against the
    rights the governing law gives (CaseError with field paths). The web, the CLI and the
    batch reader all build their cases here."""
    catalogue = catalogue or load_catalogue()
    case = Case.from_dict(data, rights=set(catalogue.rights["order"]), countries=catalogue.supported_countries(),
                          languages=set(available_languages()), systems=set(catalogue.systems),
                          authorities=set(catalogue.authorities))
    check_frame(case, catalogue)
    return case


def check_frame(case: Case, catalogue: Catalogue) -> None:
    """Refuse a case whose rights the governing law does not give (CaseError on ``rights``)."""
    regime = resolution_for(case, catalogue).regime
    if any(not regime.offers(right) for right in case.rights):
        raise CaseError({"rights": N_("Some of these rights do not exist under the law that applies "
                                      "to this authority. Please choose again.")})


def deadline_for(case: Case, resolution: Resolution, catalogue: Catalogue) -> Deadline | None:
    """The reply deadline counted from the letter's date, or None where the law sets none."""
    rule = resolution.deadline_rule
    if not rule or rule.get("none"):
        return None
    return reply_deadline(rule, case.sent_on, catalogue.countries[case.country].holidays)


def _render(env, name: str, context: dict) -> str:
    return env.get_template(name).render(context)


def _part(env, context: dict, name: str) -> tuple:
    """Render block ``name`` (subject, signature...) into blocks: from ``parts/<letter>.md``
    where that file defines it (follow-up letters), else from ``parts.md``."""
    template = env.get_template("parts.md")
    own = env.get_or_select_template([f"parts/{context['letter']}.md", "parts.md"])
    if name in own.blocks:
        template = own
    return markup.parse("".join(template.blocks[name](template.new_context(context))))


def _text(blocks: tuple) -> str:
    return " ".join(b.text for b in blocks if b.text)


def _items(blocks: tuple) -> tuple[str, ...]:
    out: list[str] = []
    for block in blocks:
        out.extend(block.items or block.text.split("\n"))
    return tuple(out)


def _lines(*values: str) -> tuple[str, ...]:
    return tuple(line for value in values if value for line in value.split("\n") if line)


def compose(case: Case, catalogue: Catalogue | None = None, *, kind: str = "request",
            banner: str = "") -> Letter:
    """Compose the letter of ``kind`` for ``case`` in the case's letter language: ``request``
    (the first letter) or ``followup`` (the case's follow-up letter, see followups.py)."""
    catalogue = catalogue or load_catalogue()
    resolution = resolution_for(case, catalogue)
    lang = letter_language(case.letter_language)
    env = environment(lang.code, resolution.regime.id)
    citer = Citer({r.id: r for r in resolution.regimes}, resolution.regime.id, lang)
    if kind == "followup":
        followups.check(case, resolution, catalogue)
        kind = case.followup.template
        deadline = followups.deadline(case, resolution, catalogue)
        recipient = followups.recipient(case, resolution, catalogue) or case.authority
        dated = case.followup.written_on
    else:
        deadline = deadline_for(case, resolution, catalogue)
        recipient, dated = case.authority, case.sent_on
    context = _context(case, resolution, lang, citer, deadline)
    context.update(_followup_context(case, resolution, citer, kind, recipient, dated))
    blocks = markup.parse(_render(env, f"{kind}.md", context))
    part = functools.partial(_part, env, context)
    enclosures = _items(part("enclosures"))
    context["enclosure_count"] = len(enclosures)  # the label agrees with the list: Anlage / Anlagen
    writer = case.representative or case.person
    return Letter(
        language=lang.code,
        direction=lang.meta.get("direction", "ltr"),
        sender=_lines(writer.name, getattr(writer, "organisation", ""), writer.address, writer.email),
        recipient=_lines(recipient.name, recipient.address),
        place_date=_text(part("place_date")),
        subject=_text(part("subject")),
        references=_items(part("references")),
        blocks=blocks,
        signature=_items(part("signature")),
        enclosures=enclosures,
        enclosures_label=_text(part("enclosures_label")),
        title=_text(part("subject")),
        deadline=deadline.date if deadline and kind == "request" else None,
        regime=resolution.regime.id,
        citations=tuple(dict.fromkeys(citer.cited)),
        kind=kind,
        recipient_email=recipient.email or "",
        banner=banner,
    )


def _context(case: Case, resolution: Resolution, lang: LetterLanguage, citer: Citer,
             deadline: Deadline | None) -> dict:
    regime = resolution.regime
    system = resolution.system
    documents = [lang.documents[d] for d in (system.documents if system else ())]
    return {
        "case": case,
        "person": case.person,
        "authority": case.authority,
        "event": case.event,
        "details": case.details,
        "representative": case.representative,
        "rights": [r for r in regime.data["rights"] if r in case.rights and regime.offers(r)],
        "supervisory": resolution.supervisory.name if resolution.supervisory else "",
        "kind": case.kind,
        "topic": case.event.topic,
        "regime_short": regime.short(lang.code),
        "regime_long": regime.long(lang.code),
        "regime": regime.data,
        "regime_id": regime.id,
        "system": system.id if system else "",
        "system_act": resolution.system_act.id if resolution.system_act else "",
        "additional": [r.id for r in resolution.additional],
        "documents": documents,
        "deadline": citer.date(deadline.date) if deadline else "",
        **_deadline_terms(resolution, lang),
        "deadline_moved": bool(deadline and deadline.moved_because),
        "sent_on": citer.date(case.sent_on),
        "place": case.place,
        "art": citer.art,
        "has_art": citer.has,
        "law": citer.law,
        "recital": citer.recital,
        "judgment": citer.judgment,
        "title": lambda article: regime.title(article, lang.code),
        "official": lambda article, fallback: _official_title(regime, article, lang) or fallback,
        "date": citer.date,
        "right_articles": lambda right: citer.own(*regime.right_articles(right)),
        "subject_articles": lambda: citer.own(*_subject_refs(regime, case.rights)),
        "q": lambda text: f"{lang.meta['quotes'][0]}{text}{lang.meta['quotes'][1]}",
    }


def _followup_context(case: Case, resolution: Resolution, citer: Citer, letter: str,
                      recipient, dated) -> dict:
    """What follow-up templates use beyond the request's context; citations are functions so
    that only what a template prints is recorded."""
    regime = resolution.regime
    data = regime.data.get("followup", {})
    complaint = regime.data.get("complaint", {})
    followup = case.followup
    rule = resolution.deadline_rule or {}
    indirect = [(r.id, r.data["followup"]["indirect"]) for r in resolution.regimes
                if r.data.get("followup", {}).get("indirect")]
    own_article = complaint.get("article") if regime.has_article(complaint.get("article", "")) else ""
    route = followup.route if followup else ""
    route_data = next((r.data["complaint"] for r in resolution.additional if r.id == route), {})
    return {
        "letter": letter,
        "followup": followup,
        "sent_on": citer.date(dated),
        "request_date": citer.date(case.sent_on),
        "answered_on": citer.date(followup.answered_on) if followup else "",
        "controller": case.authority,
        "recipient": recipient,
        "missing": [m for m in MISSING if followup and m in followup.missing],
        "item_cite": lambda item: _item_cite(citer, data, item),
        "reasons": bool(data.get("reasons")),
        "cite_reasons": lambda: citer.own(*data["reasons"]),
        "has_complaint_article": bool(own_article),
        "complaint_cite": lambda: citer.own(own_article),
        "has_silence_article": bool(complaint.get("silence_article")),
        "silence_cite": lambda: citer.own(complaint["silence_article"]),
        "silence_months": complaint.get("court_after_silence_months", 0),
        "indirect": bool(indirect),
        "indirect_cite": lambda: "; ".join(citer.law(rid, *refs) for rid, refs in indirect),
        "deadline_checked": rule.get("verified") in ("V", "S"),
        "deadline_cite": lambda: citer.law(resolution.deadline_regime.id, rule["article"]),
        "route_cite": lambda: citer.law(route, route_data["article"]),
        "offers": regime.offers,
    }


def _item_cite(citer: Citer, data: dict, item: str) -> str:
    """The provisions (and judgments) behind one item an answer left out, or "" if none."""
    refs = data.get("items", {}).get(item, [])
    if not refs:
        return ""
    cited = [citer.own(*refs), *(citer.judgment(j) for j in data.get("judgments", {}).get(item, []))]
    return citer.lang.meta["cite"].get("separator", "; ").join(cited)


def _deadline_terms(resolution: Resolution, lang: LetterLanguage) -> dict:
    """How the handling text names the period when a system act, not the regime, sets it."""
    rule = resolution.deadline_rule or {}
    act = resolution.deadline_regime
    unit = "months" if "months" in rule else "days"
    count = rule.get(unit, 0)
    words = lang.meta["period"][unit]
    return {
        "deadline_act": act.id if act is not resolution.regime else "",
        "deadline_article": rule.get("article", ""),
        "deadline_period": words["one"] if count == 1 else words["other"].format(n=count),
        "deadline_extension": bool(rule.get("extension_months")),
    }


def _official_title(regime, article: str, lang: LetterLanguage) -> str:
    """The official title of a GDPR-numbered article under ``regime`` in ``lang``, or "".

    The Formex source writes apostrophes as ASCII; the letter uses its language's own.
    """
    own = regime.own_ref(article)
    title = regime.titles.get(own, {}).get(lang.code, "") if own else ""
    return title.replace("'", lang.meta.get("apostrophe", "'"))


def _subject_refs(regime, rights) -> list[str]:
    """The distinct base articles behind the chosen rights, in article order (own numbering)."""
    bases = {ref.split("(")[0] for right in rights if regime.offers(right)
             for ref in regime.right_articles(right)}
    return sorted(bases, key=lambda ref: (int("".join(ch for ch in ref if ch.isdigit()) or 0), ref))
