"""The legal frame as the wizard sees it, worked out from the answers given so far."""
from __future__ import annotations

from ..case import Case, CaseError
from ..catalogue import load_catalogue
from ..catalogue.models import Authority, Regime, System
from ..catalogue.resolve import resolve
from ..letters import followups
from ..letters.compose import validated_case
from . import state as carried


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


def build_case(answers: dict, *, followup: bool = False) -> Case:
    """Validate the carried answers into a Case (raises CaseError with field paths); with
    ``followup``, the follow-up letter's answers too."""
    return validated_case(carried.to_case_dict(answers, followup=followup))


def _resolution(state: dict):
    """The resolution of these answers, or None while they do not make a valid case."""
    try:
        case = build_case(state)
    except CaseError:
        return None, None
    return case, resolve(load_catalogue(), country=case.country, system=case.system,
                         authority=case.authority.id, on=case.event.date or case.sent_on)


def followup_letters(state: dict) -> list[str]:
    """The follow-up letters the law of these answers allows (reminder and incomplete answer
    whenever the case is not yet complete)."""
    _case, resolution = _resolution(state)
    if resolution is None:
        return ["reminder", "incomplete"]
    return followups.letters(resolution, load_catalogue())


def missing_items(state: dict) -> list[str]:
    """The items an answer can leave out, for the rights of these answers."""
    case, resolution = _resolution(state)
    if resolution is None:
        return []
    return followups.items(resolution, case.rights)
