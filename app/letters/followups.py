"""Follow-up letters: which ones a case can use, to whom they go, and when.

A follow-up is composed like the first request (``compose(case, kind=...)``) from the
templates ``<letter>.md``; this module holds the legal choices around it, read from the
catalogue: the complaint routes (the supervisory authority of the governing law, and the
review body of an additional basis such as the CADA for the French CRPA), the items an
answer can leave out, the day from which a reminder is due, and the day after which a
supervisory authority's silence on a complaint opens the courts.
"""
from __future__ import annotations

import datetime as dt

from ..case import MISSING, N_, Case, CaseError
from ..catalogue import Catalogue
from ..catalogue.models import Authority
from ..catalogue.resolve import Resolution
from ..deadlines import Deadline, months_deadline, reply_deadline

# The right an item of an answer belongs to: it is missing only if the person asked for it.
ITEM_RIGHTS = {"copy": "access", "recipients": "access", "source": "access",
               "logic": "explanation", "human_review": "human_review", "legal_basis": None}


def routes(resolution: Resolution, catalogue: Catalogue) -> dict[str, Authority]:
    """Where a complaint can go: ``""`` the supervisory authority, else an additional basis's
    own review body (keyed by that basis's id)."""
    found = {"": resolution.supervisory} if resolution.supervisory else {}
    for regime in resolution.additional:
        body = regime.data.get("complaint", {}).get("authority")
        if body in catalogue.authorities:
            found[regime.id] = catalogue.authorities[body]
    return found


def letters(resolution: Resolution, catalogue: Catalogue) -> list[str]:
    """The follow-up letters this legal frame allows, as template names, in a sensible order."""
    names = ["reminder", "incomplete"]
    names += [f"complaint_{key}" if key else "complaint" for key in routes(resolution, catalogue)]
    if resolution.regime.offers("human_review"):
        names.append("reconsideration")
    return names


def items(resolution: Resolution, rights) -> list[str]:
    """The items an answer can leave out, for the rights the person asked for."""
    known = resolution.regime.data.get("followup", {}).get("items", {})
    return [item for item in MISSING if item in known
            and (ITEM_RIGHTS[item] is None or ITEM_RIGHTS[item] in rights)]


def recipient(case: Case, resolution: Resolution, catalogue: Catalogue) -> Authority | None:
    """Who receives the follow-up: the complaint body for a complaint, else None (the
    authority of the first request)."""
    followup = case.followup
    if followup is None or followup.letter != "complaint":
        return None
    return routes(resolution, catalogue).get(followup.route)


def deadline(case: Case, resolution: Resolution, catalogue: Catalogue) -> Deadline | None:
    """The reply deadline of the first request, extended if the authority said it needed
    more time and the law allows it; None where the law sets no period."""
    rule = dict(resolution.deadline_rule or {})
    if not rule or rule.get("none"):
        return None
    if case.followup and case.followup.extension and rule.get("extension_months"):
        rule["months"] = rule["months"] + rule["extension_months"]
    return reply_deadline(rule, case.sent_on, catalogue.countries[case.country].holidays)


def check(case: Case, resolution: Resolution, catalogue: Catalogue) -> None:
    """Refuse a follow-up the legal frame does not allow, or a reminder sent too early."""
    followup = case.followup
    if followup is None:
        raise CaseError({"followup.letter": N_("Choose one of the options.")})
    errors = {}
    if followup.template not in letters(resolution, catalogue):
        errors["followup.letter"] = N_("This letter is not available for this authority. Please choose again.")
    if not set(followup.missing) <= set(items(resolution, case.rights)):
        errors["followup.missing"] = N_("Choose one of the options.")
    due = deadline(case, resolution, catalogue)
    if followup.letter == "reminder" and due is not None and followup.written_on < due.reminder:
        errors["followup.written_on"] = N_(
            "The period for the answer has not ended yet. A reminder can be dated from the day shown on this page.")
    if errors:
        raise CaseError(errors)


def reminder_day(case: Case, resolution: Resolution, catalogue: Catalogue) -> dt.date | None:
    """The first day a reminder can say the period has ended, or None without a period."""
    due = deadline(case, resolution, catalogue)
    return due.reminder if due else None


def silence_deadline(case: Case, resolution: Resolution, catalogue: Catalogue) -> Deadline | None:
    """The last day for the supervisory authority to deal with a complaint or say how it
    stands (GDPR Art. 78(2), EUDPR Art. 63(3): the regime's
    ``complaint.court_after_silence_months``), counted from the complaint's date in the
    authority's country; None for other letters, the CADA route, or where the catalogue
    records no period or no way of counting it."""
    followup = case.followup
    months = resolution.regime.data.get("complaint", {}).get("court_after_silence_months")
    # A date needs the law's way of counting periods too (Reg. 1182/71 for the GDPR and the
    # EUDPR); where the catalogue records none (the LED: national law), no day is given.
    counted = resolution.regime.data.get("deadline", {}).get("counting_sources")
    if followup is None or followup.letter != "complaint" or followup.route or not months or not counted:
        return None
    body = recipient(case, resolution, catalogue)
    country = catalogue.countries.get(body.country if body else "") or catalogue.countries[case.country]
    return months_deadline(followup.written_on, int(months), country.holidays)
