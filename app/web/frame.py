"""The legal frame as the wizard sees it, worked out from the answers given so far."""
from __future__ import annotations

from ..catalogue import load_catalogue
from ..catalogue.models import Authority, Regime, System


def outside_europe(state: dict) -> bool:
    """Whether the chosen country is one where no European data protection law applies."""
    country = load_catalogue().countries.get(state.get("country", ""))
    return bool(country and country.raw.get("outside"))


def systems_for(state: dict) -> list[System]:
    """The systems the person can pick for their kind of event and country."""
    catalogue = load_catalogue()
    country = state.get("country", "")
    if country not in catalogue.supported_countries():
        return []
    return catalogue.systems_for(state.get("kind", ""), country)


def regime_for(state: dict) -> Regime | None:
    """The primary regime for these answers, or None before the country is known."""
    catalogue = load_catalogue()
    country = state.get("country", "")
    if country not in catalogue.supported_countries():
        return None
    system = state.get("system", "")
    return catalogue.regime_for(country, system if system in catalogue.systems else "")


def registry_for(state: dict) -> list[Authority]:
    """Authorities from the registry to offer: the system's controller first, then the country's."""
    catalogue = load_catalogue()
    country = state.get("country", "")
    found: dict[str, Authority] = {}
    system = catalogue.systems.get(state.get("system", ""))
    if system:
        for key in (system.controllers.get(country), system.controllers.get("default")):
            if key in catalogue.authorities:
                found[key] = catalogue.authorities[key]
    for key, authority in sorted(catalogue.authorities.items(), key=lambda kv: kv[1].name):
        if authority.country == country and authority.role == "controller":
            found.setdefault(key, authority)
    return list(found.values())


def offered_rights(state: dict) -> list[str]:
    """The rights the regime lets a letter invoke, in catalogue order."""
    catalogue = load_catalogue()
    regime = regime_for(state)
    order = catalogue.rights["order"]
    return [r for r in order if regime is None or regime.offers(r)]
