"""Loads and checks the catalogue once; a broken catalogue stops start-up, not a request."""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from . import schema
from .models import Country, Regime

DATA = Path(__file__).resolve().parent / "data"


class CatalogueError(RuntimeError):
    """The catalogue's data are inconsistent; the message says which file and why."""


@dataclass(frozen=True)
class Catalogue:
    """All legal knowledge the letters use, checked for consistency."""

    regimes: dict[str, Regime]
    countries: dict[str, Country]
    rights: dict
    sources: dict[str, str]

    def regime_for(self, country: str) -> Regime:
        """The regime that binds a public authority in ``country``."""
        return self.regimes[self.countries[country].regimes[0]]

    def default_rights(self, kind: str) -> list[str]:
        """The rights a letter about this kind of event starts with."""
        return list(self.rights["defaults"][kind])

    def default_letter_language(self, country: str, available: set[str]) -> str:
        """The first official language of ``country`` that has letter templates, else English."""
        for lang in self.countries[country].languages:
            if lang in available:
                return lang
        return "en"


def _read_yaml(path: Path, rules: dict | None = None):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if rules is not None:
            jsonschema.validate(data, rules)
    except (yaml.YAMLError, jsonschema.ValidationError) as exc:
        raise CatalogueError(f"catalogue file {path.name}: {exc}") from exc
    return data


def _titles(path: Path) -> dict:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {row.pop("article"): row for row in rows}


def _check_sources(name: str, node, sources: dict) -> None:
    """Every ``sources`` list anywhere in ``node`` must name keys of sources.yaml."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("sources", "counting_sources"):
                missing = set(value) - set(sources)
                if missing:
                    raise CatalogueError(f"{name}: unknown source keys {sorted(missing)}")
            else:
                _check_sources(name, value, sources)


@functools.lru_cache(maxsize=4)
def load_catalogue(data_dir: Path = DATA) -> Catalogue:
    """Load, schema-check and cross-check the catalogue under ``data_dir``."""
    sources = _read_yaml(data_dir / "sources.yaml")
    rights = _read_yaml(data_dir / "rights.yaml", schema.RIGHTS)
    regimes = {}
    for path in sorted((data_dir / "regimes").glob("*.yaml")):
        raw = _read_yaml(path, schema.REGIME)
        _check_sources(path.name, raw, sources)
        titles_path = data_dir / f"{raw['id']}-article-titles.tsv"
        titles = _titles(titles_path) if titles_path.exists() else {}
        regimes[raw["id"]] = Regime(raw["id"], raw, titles)
        missing = set(rights["order"]) - set(raw["rights"])
        if missing:
            raise CatalogueError(f"{path.name}: no articles for rights {sorted(missing)}")
    countries = {}
    for code, raw in _read_yaml(data_dir / "countries.yaml").items():
        jsonschema.validate(raw, schema.COUNTRY)
        _check_sources(f"countries.yaml:{code}", raw, sources)
        unknown = set(raw["regimes"]) - set(regimes)
        if unknown:
            raise CatalogueError(f"countries.yaml: {code} names unknown regimes {sorted(unknown)}")
        countries[str(code)] = Country(str(code), tuple(raw["languages"]), tuple(raw["regimes"]),
                                       raw["holidays"])
    return Catalogue(regimes, countries, rights, sources)
