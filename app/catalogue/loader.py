"""Loads and checks the catalogue once; a broken catalogue stops start-up, not a request."""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import yaml

from . import schema
from .models import Authority, Country, Regime, System

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
    systems: dict[str, System]
    authorities: dict[str, Authority]

    def regime_for(self, country: str, system: str = "") -> Regime:
        """The primary regime for a controller in ``country`` (for ``system`` if given)."""
        if system in self.systems:
            return self.regimes[self.systems[system].regime_in(country)]
        regimes = self.countries[country].regimes
        if not regimes:
            raise KeyError(f"no supported regime in {country}")
        return self.regimes[regimes[0]]

    def supported_countries(self) -> set[str]:
        """Countries (and EU) where a supported regime binds the authorities."""
        return {code for code, country in self.countries.items() if country.regimes}

    def default_rights(self, kind: str) -> list[str]:
        """The rights a letter about this kind of event starts with (access if the kind is unknown)."""
        return list(self.rights["defaults"].get(kind, ["access"]))

    def default_letter_language(self, country: str, available: set[str]) -> str:
        """The first official language of ``country`` that has letter templates, else English."""
        for lang in self.countries[country].languages:
            if lang in available:
                return lang
        return "en"

    def systems_for(self, kind: str, country: str) -> list[System]:
        """The systems of this kind that can concern a person in ``country``."""
        return [s for s in self.systems.values()
                if kind in s.kinds and (not s.countries or country in s.countries)]


def _read_yaml(path: Path, rules: dict | None = None):
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if rules is not None:
            jsonschema.validate(data, rules)
    except (yaml.YAMLError, jsonschema.ValidationError) as exc:
        raise CatalogueError(f"catalogue file {path.name}: {exc}") from exc
    return data


def _each(path: Path, rules: dict) -> dict:
    """A YAML mapping of id -> entry, each entry checked against ``rules``."""
    data = _read_yaml(path) or {}
    for key, entry in data.items():
        try:
            jsonschema.validate(entry, rules)
        except jsonschema.ValidationError as exc:
            raise CatalogueError(f"catalogue file {path.name}, entry {key}: {exc.message}") from exc
    return {str(k): v for k, v in data.items()}


def _each_in(folder: Path, rules: dict) -> dict:
    """Merge the mappings of every YAML file in ``folder``; an id used twice is an error."""
    merged: dict = {}
    for path in sorted(folder.glob("*.yaml")):
        entries = _each(path, rules)
        twice = set(entries) & set(merged)
        if twice:
            raise CatalogueError(f"{folder.name}/{path.name}: ids already defined elsewhere: {sorted(twice)}")
        merged.update(entries)
    return merged


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
    elif isinstance(node, list):
        for value in node:
            _check_sources(name, value, sources)


def _load_regimes(data_dir: Path, rights: dict, sources: dict) -> dict[str, Regime]:
    regimes = {}
    for path in sorted((data_dir / "regimes").glob("*.yaml")):
        raw = _read_yaml(path, schema.REGIME)
        _check_sources(path.name, raw, sources)
        if raw["id"] != path.stem:
            raise CatalogueError(f"{path.name}: id {raw['id']!r} differs from the file name")
        titles_path = data_dir / f"{raw['id']}-article-titles.tsv"
        titles = _titles(titles_path) if titles_path.exists() else {}
        regimes[raw["id"]] = Regime(raw["id"], raw, titles)
        if raw["kind"] == "primary":
            missing = set(rights["order"]) - set(raw["rights"])
            if missing:
                raise CatalogueError(f"{path.name}: no entry for rights {sorted(missing)}")
    return regimes


def _cross_check(catalogue: Catalogue) -> None:
    """References between files must resolve: regimes, authorities, countries."""
    for code, country in catalogue.countries.items():
        for regime in country.regimes:
            if catalogue.regimes.get(regime, None) is None or catalogue.regimes[regime].kind != "primary":
                raise CatalogueError(f"countries.yaml: {code} names {regime!r}, not a primary regime")
        if country.supervisory and country.supervisory not in catalogue.authorities:
            raise CatalogueError(f"countries.yaml: {code} names unknown authority {country.supervisory!r}")
    for key, system in catalogue.systems.items():
        for regime in system.regime_ids():
            if regime not in catalogue.regimes:
                raise CatalogueError(f"systems.yaml: {key} names unknown regime {regime!r}")
        for country, authority in system.controllers.items():
            if authority not in catalogue.authorities:
                raise CatalogueError(f"systems.yaml: {key} names unknown controller {authority!r} for {country}")
    for key, authority in catalogue.authorities.items():
        if authority.supervisory and authority.supervisory not in catalogue.authorities:
            raise CatalogueError(f"authorities.yaml: {key} names unknown supervisory authority")


@functools.lru_cache(maxsize=4)
def load_catalogue(data_dir: Path = DATA) -> Catalogue:
    """Load, schema-check and cross-check the catalogue under ``data_dir``."""
    sources = _read_yaml(data_dir / "sources.yaml")
    rights = _read_yaml(data_dir / "rights.yaml", schema.RIGHTS)
    regimes = _load_regimes(data_dir, rights, sources)
    countries = {code: Country.from_data(code, raw)
                 for code, raw in _each(data_dir / "countries.yaml", schema.COUNTRY).items()}
    systems = {key: System.from_data(key, raw)
               for key, raw in _each_in(data_dir / "systems", schema.SYSTEM).items()}
    authorities = {key: Authority.from_data(key, raw)
                   for key, raw in _each_in(data_dir / "authorities", schema.AUTHORITY).items()}
    for name, table in (("countries", countries), ("systems", systems), ("authorities", authorities)):
        for key, entry in table.items():
            _check_sources(f"{name}.yaml:{key}", entry.raw, sources)
    catalogue = Catalogue(regimes, countries, rights, sources, systems, authorities)
    _cross_check(catalogue)
    return catalogue
