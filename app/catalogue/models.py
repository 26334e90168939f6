"""Read-only views of the catalogue's data."""
from __future__ import annotations

import re
from dataclasses import dataclass

_ARTICLE = re.compile(r"^(\d+[a-z]?)")


@dataclass(frozen=True)
class Regime:
    """One legal regime (e.g. the GDPR): its articles, rights, deadline and complaint route."""

    id: str
    data: dict
    titles: dict  # article number -> {language: official title}

    def short(self, lang: str) -> str:
        """The regime's abbreviation in ``lang`` (English where none is recorded)."""
        names = self.data["names"]["short"]
        return names.get(lang, names["en"])

    def long(self, lang: str) -> str:
        """The regime's full name in ``lang``."""
        names = self.data["names"]["long"]
        return names.get(lang, names["en"])

    def has_article(self, ref: str) -> bool:
        """Whether ``ref`` (e.g. ``15(1)(h)``) points into an article this regime records."""
        match = _ARTICLE.match(ref)
        return bool(match) and match.group(1) in self.data["articles"]

    def title(self, article: str, lang: str) -> str:
        """The official title of ``article`` in ``lang``; KeyError if not recorded."""
        return self.titles[article][lang]

    def right_articles(self, right: str) -> list[str]:
        """The article references a right rests on under this regime."""
        return list(self.data["rights"][right]["articles"])

    @property
    def deadline(self) -> dict:
        return self.data["deadline"]


@dataclass(frozen=True)
class Country:
    """A country where a supported regime binds public authorities."""

    code: str
    languages: tuple[str, ...]
    regimes: tuple[str, ...]
    holidays: str
