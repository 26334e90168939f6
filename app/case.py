"""The Case: everything one letter needs, validated once, then frozen.

Web forms, the CLI, the batch reader and saved case files all build a Case through
:func:`Case.from_dict`; its JSON form (``Case.to_dict``) is documented in the README and
versioned by the ``schema`` field. Error messages are English gettext message ids (marked
with :func:`N_`) so the web layer can translate them without this module importing Flask.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field, replace

from .text import clean

SCHEMA = "recours.case/1"

KINDS = ("decision", "biometric", "phone", "unsure")
TOPICS = {
    "decision": ("visa", "asylum", "residence", "benefits", "fraud", "detention", "other"),
    "biometric": ("fingerprints", "face", "iris", "several"),
    "phone": ("phone", "computer", "cloud"),
    "unsure": (),
}
# Follow-up letters, what the authority did, and what an answer can leave out.
FOLLOWUPS = ("reminder", "incomplete", "complaint", "reconsideration")
ANSWERS = ("none", "incomplete", "refused")
MISSING = ("copy", "recipients", "source", "logic", "human_review", "legal_basis")
LIMITS = {"short": 200, "email": 254, "address": 500, "long": 2000}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_LANG = re.compile(r"^[a-z]{2,3}$")


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it here (the web layer does)."""
    return message


class CaseError(ValueError):
    """Raised with ``errors``: a mapping of dotted field path to an untranslated message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class Authority:
    """The controller the letter goes to."""

    name: str
    address: str = ""
    email: str = ""
    id: str = ""  # registry id (authorities.yaml) when picked from the list


@dataclass(frozen=True)
class Event:
    """What happened: a decision, a registration or an extraction, with its references."""

    topic: str = ""
    date: dt.date | None = None
    reference: str = ""
    system: str = ""


@dataclass(frozen=True)
class Person:
    """The person whose data are concerned (the data subject)."""

    name: str
    other_names: str = ""
    birth_date: dt.date | None = None
    references: str = ""
    address: str = ""
    email: str = ""


@dataclass(frozen=True)
class Representative:
    """Someone writing on the person's behalf; the mandate is enclosed with the letter."""

    name: str
    organisation: str = ""
    address: str = ""
    email: str = ""


@dataclass(frozen=True)
class Details:
    """Right-specific facts: what is wrong (rectification), why one objects (objection)."""

    inaccurate: str = ""
    correction: str = ""
    situation: str = ""


@dataclass(frozen=True)
class FollowUp:
    """A letter after the first request: what happened since, and what to ask now.

    ``route`` names an additional basis whose own review body receives a complaint (the
    CADA for the French CRPA); empty means the supervisory authority of the governing law.
    """

    letter: str
    written_on: dt.date
    answer: str = "none"
    answered_on: dt.date | None = None
    answer_reference: str = ""
    extension: bool = False
    missing: tuple[str, ...] = ()
    keep_identity: bool = False
    route: str = ""
    statement: str = ""  # the person's own point of view (reconsideration, complaint)

    @property
    def template(self) -> str:
        """The letter template's name: ``complaint``, or ``complaint_crpa`` for a route."""
        return f"{self.letter}_{self.route}" if self.route else self.letter


@dataclass(frozen=True)
class Case:
    """One letter's worth of facts. Build it with :meth:`from_dict`, never by hand."""

    kind: str
    country: str
    authority: Authority
    rights: tuple[str, ...]
    person: Person
    letter_language: str
    sheet_language: str
    sent_on: dt.date
    event: Event = field(default_factory=Event)
    details: Details = field(default_factory=Details)
    representative: Representative | None = None
    place: str = ""
    system: str = ""  # catalogue id (systems.yaml), or empty for "other / not sure"
    followup: FollowUp | None = None

    @classmethod
    def from_dict(cls, data: dict, *, rights: set[str] | None = None,
                  countries: set[str] | None = None, languages: set[str] | None = None,
                  systems: set[str] | None = None, authorities: set[str] | None = None) -> "Case":
        """Validate ``data`` (the JSON form) and return a Case, or raise :class:`CaseError`.

        ``rights``, ``countries``, ``languages``, ``systems`` and ``authorities`` are the ids
        the catalogue knows; when given, values outside them are refused.
        """
        if not isinstance(data, dict):
            raise CaseError({"": N_("The case is not a JSON object.")})
        v = _Validator(data)
        if data.get("schema", SCHEMA) != SCHEMA:
            v.errors["schema"] = N_("This case file was made by another version of the tool.")
        kind = v.choice("kind", KINDS)
        country = v.pattern("country", _COUNTRY, N_("Choose a country."), upper=True)
        if countries is not None and country and country not in countries:
            v.errors["country"] = N_("Choose a country from the list.")
        case = cls(
            kind=kind,
            country=country,
            authority=Authority(
                name=v.text("authority.name", "short", required=True),
                address=v.text("authority.address", "address", multiline=True),
                email=v.email("authority.email"),
                id=v.known("authority.id", authorities),
            ),
            rights=v.rights(rights),
            person=Person(
                name=v.text("person.name", "short", required=True),
                other_names=v.text("person.other_names", "short"),
                birth_date=v.date("person.birth_date", past=True),
                references=v.text("person.references", "address", multiline=True),
                address=v.text("person.address", "address", multiline=True),
                email=v.email("person.email"),
            ),
            letter_language=v.language("letter_language", languages),
            sheet_language=v.language("sheet_language", None),
            sent_on=v.date("sent_on", ahead=366) or dt.date.today(),
            event=Event(
                topic=v.choice("event.topic", TOPICS.get(kind, ()), required=False),
                date=v.date("event.date", past=True),
                reference=v.text("event.reference", "short"),
                system=v.text("event.system", "short"),
            ),
            details=Details(
                inaccurate=v.text("details.inaccurate", "long", multiline=True),
                correction=v.text("details.correction", "long", multiline=True),
                situation=v.text("details.situation", "long", multiline=True),
            ),
            representative=v.representative(),
            place=v.text("place", "short"),
            system=v.known("system", systems),
        )
        case = replace(case, followup=v.followup(case.sent_on))
        v.check_contact(case)
        if v.errors:
            raise CaseError(v.errors)
        return case

    def to_dict(self) -> dict:
        """Return the JSON form (dates as ISO strings), the inverse of :meth:`from_dict`."""
        raw = asdict(self)
        raw["rights"] = list(self.rights)
        if self.followup is None:
            del raw["followup"]
        else:
            raw["followup"]["missing"] = list(self.followup.missing)
        return {"schema": SCHEMA, **_iso_dates(raw)}


def _iso_dates(value):
    if isinstance(value, dict):
        return {k: _iso_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_iso_dates(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _Validator:
    """Reads dotted paths out of the raw dict, cleaning text and collecting errors."""

    def __init__(self, data: dict):
        self.data = data
        self.errors: dict[str, str] = {}

    def raw(self, path: str):
        node = self.data
        for part in path.split("."):
            if not isinstance(node, dict):
                return None
            node = node.get(part)
        return node

    def text(self, path, limit, *, multiline=False, required=False) -> str:
        raw = self.raw(path)
        if raw is not None and not isinstance(raw, (str, int, float)):
            self.errors[path] = N_("This answer has the wrong form.")
            return ""
        value = clean(raw, multiline=multiline)
        if required and not value:
            self.errors[path] = N_("This answer is needed.")
        elif len(value) > LIMITS[limit]:
            self.errors[path] = N_("This answer is too long.")
            value = value[: LIMITS[limit]]
        return value

    def known(self, path, ids) -> str:
        """An optional catalogue id: empty, or one of ``ids`` (any id when ``ids`` is None)."""
        value = clean(self.raw(path))[:60]
        if value and ids is not None and value not in ids:
            self.errors[path] = N_("Choose one of the options.")
            return ""
        return value

    def email(self, path) -> str:
        value = self.text(path, "email")
        if value and path not in self.errors and not _EMAIL.match(value):
            self.errors[path] = N_("This is not an e-mail address.")
        return value

    def choice(self, path, options, *, required=True) -> str:
        value = clean(self.raw(path))
        if value in options or (not value and not required):
            return value
        self.errors[path] = N_("Choose one of the options.")
        return ""

    def pattern(self, path, regex, message, *, upper=False) -> str:
        value = clean(self.raw(path))
        value = value.upper() if upper else value
        if not regex.match(value):
            self.errors[path] = message
            return ""
        return value

    def language(self, path, known) -> str:
        value = self.pattern(path, _LANG, N_("Choose a language."))
        if value and known is not None and value not in known:
            self.errors[path] = N_("Choose a language from the list.")
        return value

    def date(self, path, *, required=False, past=False, ahead=None) -> dt.date | None:
        raw = clean(self.raw(path))
        if not raw:
            if required:
                self.errors[path] = N_("This answer is needed.")
            return None
        try:
            value = dt.date.fromisoformat(raw)
        except ValueError:
            self.errors[path] = N_("This is not a date. Use the form 2026-01-31.")
            return None
        if value.year < 1900:
            self.errors[path] = N_("This date is too far in the past.")
            return None
        if past and value > dt.date.today():
            self.errors[path] = N_("This date is in the future.")
            return None
        if ahead is not None and value > dt.date.today() + dt.timedelta(days=ahead):
            self.errors[path] = N_("This date is too far in the future.")
            return None
        return value

    def rights(self, known) -> tuple[str, ...]:
        raw = self.raw("rights")
        if not isinstance(raw, (list, tuple)) or not raw:
            self.errors["rights"] = N_("Choose at least one right.")
            return ()
        values = tuple(dict.fromkeys(clean(r) for r in raw))
        if known is not None and not set(values) <= known:
            self.errors["rights"] = N_("Choose rights from the list.")
            return ()
        return values

    def representative(self) -> Representative | None:
        if not self.raw("representative"):
            return None
        return Representative(
            name=self.text("representative.name", "short", required=True),
            organisation=self.text("representative.organisation", "short"),
            address=self.text("representative.address", "address", multiline=True),
            email=self.email("representative.email"),
        )

    def flag(self, path) -> bool:
        """A yes/no answer: JSON true/false, or the web's "y"/""."""
        raw = self.raw(path)
        return raw is True or (isinstance(raw, str) and clean(raw).lower() in ("y", "yes", "true", "1"))

    def followup(self, request_date: dt.date) -> FollowUp | None:
        """The follow-up section, checked against the first request's date, or None."""
        if not isinstance(self.raw("followup"), dict):
            return None
        written = self.date("followup.written_on", ahead=366) or dt.date.today()
        if written < request_date:
            self.errors["followup.written_on"] = N_("This letter cannot be dated before your first letter.")
        answered = self.date("followup.answered_on", past=True)
        if answered and not request_date <= answered <= written:
            self.errors["followup.answered_on"] = N_(
                "The answer must be dated between your first letter and this one.")
        raw_missing = self.raw("followup.missing") or []
        missing = tuple(dict.fromkeys(clean(m) for m in raw_missing if isinstance(m, str))) \
            if isinstance(raw_missing, (list, tuple)) else ()
        if not set(missing) <= set(MISSING):
            self.errors["followup.missing"] = N_("Choose one of the options.")
            missing = ()
        letter = self.choice("followup.letter", FOLLOWUPS)
        answer = self.choice("followup.answer", ANSWERS, required=False) or "none"
        if letter == "incomplete" and answer == "none":
            answer = "incomplete"  # the letter itself says an answer came
        followup = FollowUp(
            letter=letter,
            written_on=written,
            answer=answer,
            answered_on=answered,
            answer_reference=self.text("followup.answer_reference", "short"),
            extension=self.flag("followup.extension"),
            missing=missing,
            keep_identity=self.flag("followup.keep_identity"),
            route=self.known("followup.route", None),
            statement=self.text("followup.statement", "long", multiline=True),
        )
        self.check_followup(followup)
        return followup

    def check_followup(self, followup: FollowUp) -> None:
        """What each follow-up needs: a reminder has had no answer; an incomplete answer
        names what is missing."""
        if followup.letter == "reminder" and followup.answer != "none":
            self.errors["followup.answer"] = N_(
                "You have had an answer, so a reminder does not fit. Choose the letter about an "
                "incomplete answer, or a complaint.")
        if followup.letter == "incomplete" and not followup.missing:
            self.errors["followup.missing"] = N_("Tick at least one thing the answer leaves out.")

    def check_contact(self, case: Case) -> None:
        """Someone must be reachable for the answer: the person or their representative."""
        who = case.representative or case.person
        prefix = "representative" if case.representative else "person"
        if not (who.address or who.email) and f"{prefix}.address" not in self.errors:
            self.errors[f"{prefix}.address"] = N_(
                "Give a postal address or an e-mail address for the answer.")
