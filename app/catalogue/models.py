"""Read-only views of the catalogue's data."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# An article or section number: 15, 22A, 15a, L311-3-1 (CRPA), R*311-12 (a decree article).
_ARTICLE = re.compile(r"^((?:[A-Z]\*?)?\d+(?:-\d+)*[A-Za-z]?)")


@dataclass(frozen=True)
class Regime:
    """One legal regime (e.g. the GDPR): its articles, rights, deadline and complaint route.

    Letter templates cite articles in GDPR numbering; a regime whose articles mirror the
    GDPR's under other numbers (Regulation 2018/1725) maps them with ``concordance``.
    """

    id: str
    data: dict
    titles: dict  # article number -> {language: official title}

    @property
    def kind(self) -> str:
        return self.data["kind"]

    def short(self, lang: str) -> str:
        """The regime's abbreviation in ``lang`` (English where none is recorded)."""
        names = self.data["names"]["short"]
        return names.get(lang, names["en"])

    def long(self, lang: str) -> str:
        """The regime's full name in ``lang``."""
        names = self.data["names"]["long"]
        return names.get(lang, names["en"])

    def own_ref(self, ref: str) -> str:
        """``ref`` in this regime's own numbering (``15(3)`` -> ``17(3)`` under the EUDPR)."""
        mapping = self.data.get("concordance")
        if not mapping:
            return ref
        base, rest = _split(ref)
        if base not in mapping:
            return ""
        return mapping[base] + rest

    def has_article(self, ref: str) -> bool:
        """Whether ``ref`` (e.g. ``15(1)(h)``, in this regime's numbering) is recorded."""
        base, _ = _split(ref)
        return bool(base) and base in self.data["articles"]


    def title(self, article: str, lang: str) -> str:
        """The official title of ``article`` in ``lang``; KeyError if not recorded."""
        return self.titles[article][lang]

    def right_articles(self, right: str) -> list[str]:
        """The article references a right rests on under this regime (own numbering)."""
        return list(self.data["rights"][right]["articles"])

    def offers(self, right: str) -> bool:
        """Whether a letter under this regime can invoke ``right``."""
        return bool(self.data.get("rights", {}).get(right, {}).get("articles"))

    @property
    def deadline(self) -> dict:
        return self.data.get("deadline", {})


def _split(ref: str) -> tuple[str, str]:
    match = _ARTICLE.match(ref)
    if not match:
        return "", ""
    return match.group(1), ref[match.end():]


@dataclass(frozen=True)
class Country:
    """A country (or, with code EU, the Union's own bodies) and the regime binding its authorities."""

    code: str
    languages: tuple[str, ...]
    regimes: tuple[str, ...]
    holidays: str | None
    supervisory: str = ""
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_data(cls, code: str, raw: dict) -> "Country":
        return cls(code, tuple(raw["languages"]), tuple(raw["regimes"]), raw.get("holidays"),
                   raw.get("supervisory_authority", ""), raw)


@dataclass(frozen=True)
class System:
    """A system that touched the person: its kind, its law, who controls it, what to ask for."""

    id: str
    kinds: tuple[str, ...]
    name: str
    description: str
    countries: tuple[str, ...]
    regimes: dict
    system_act: str
    additional: tuple[str, ...]
    documents: tuple[str, ...]
    controllers: dict
    notes: tuple[str, ...]
    verified: str = "V"
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_data(cls, key: str, raw: dict) -> "System":
        kinds = (raw["kind"],) if isinstance(raw["kind"], str) else tuple(raw["kind"])
        return cls(key, kinds, raw["name"], raw.get("description", ""),
                   tuple(raw.get("countries", ())), dict(raw["regimes"]), raw.get("system_act", ""),
                   tuple(raw.get("additional", ())), tuple(raw["documents"]),
                   dict(raw.get("controllers", {})), tuple(raw.get("notes", ())), raw["verified"], raw)

    @property
    def kind(self) -> str:
        """The main kind of event (the first listed)."""
        return self.kinds[0]

    def regime_in(self, country: str) -> str:
        """The primary regime for this system's controller in ``country``."""
        return self.regimes.get(country, self.regimes["default"])

    def regime_ids(self) -> set[str]:
        ids = set(self.regimes.values()) | set(self.additional)
        return ids | ({self.system_act} if self.system_act else set())


@dataclass(frozen=True)
class Authority:
    """A controller or supervisory authority from the registry."""

    id: str
    name: str
    country: str
    role: str
    address: str
    email: str
    form: str
    languages: tuple[str, ...]
    supervisory: str
    sources: tuple[str, ...]
    checked: str
    disagreements: tuple[dict, ...]
    notes: tuple[str, ...] = ()
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_data(cls, key: str, raw: dict) -> "Authority":
        return cls(key, raw["name"], raw["country"], raw["role"], raw.get("address", ""),
                   raw.get("email", ""), raw.get("form", ""), tuple(raw["languages"]),
                   raw.get("supervisory", ""), tuple(raw["sources"]), raw["checked"],
                   tuple(raw.get("disagreements", ())), tuple(raw.get("notes", ())), raw)
