"""Which law governs one case: decided from data, never from ``if`` chains on names.

The primary regime comes from the system (per country) or else from the country; an EU
system act (Eurodac, SIS, VIS, EES, ETIAS) adds its own rights article and may set its own
deadline; additional bases (AI Act Art. 86, AsylG §15a, CRPA) are cited beside the primary
regime when they apply to the case's date.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .loader import Catalogue
from .models import Authority, Regime, System


@dataclass(frozen=True)
class Resolution:
    """The legal frame of one letter."""

    regime: Regime
    system: System | None
    system_act: Regime | None
    additional: tuple[Regime, ...]
    deadline_regime: Regime
    controller: Authority | None
    supervisory: Authority | None

    @property
    def deadline_rule(self) -> dict:
        return self.deadline_regime.deadline

    @property
    def regimes(self) -> tuple[Regime, ...]:
        """Every regime the letter may cite, primary first."""
        extra = (self.system_act,) if self.system_act else ()
        return (self.regime, *extra, *self.additional)

    def checked_notes(self) -> list[str]:
        """English texts of the notes (marked V or S) the person should know about."""
        notes = [note["text"]["en"] for regime in self.regimes
                 for note in regime.data.get("notes", {}).values() if note["verified"] != "U"]
        if self.system is not None and self.system.verified != "U":
            notes += list(self.system.notes)
        return notes

    def unverified(self) -> list[tuple[str, dict]]:
        """The facts marked U (unverified) among those this letter relies on, with their notes."""
        found = []
        if self.system is not None and self.system.verified == "U":
            found += [(f"{self.system.id}.note{i}", {"text": {"en": note}, "verified": "U"})
                      for i, note in enumerate(self.system.notes)]
        for regime in self.regimes:
            if regime.data["verified"] == "U":
                found.append((regime.id, regime.data))
            for key, note in regime.data.get("notes", {}).items():
                if note["verified"] == "U":
                    found.append((f"{regime.id}.{key}", note))
            deadline = regime.deadline
            if deadline and deadline.get("verified") == "U":
                found.append((f"{regime.id}.deadline", deadline))
        return found


def applies(regime: Regime, on: dt.date) -> bool:
    """Whether ``regime`` applies on ``on`` (its ``applies_from`` date, if any)."""
    start = regime.data.get("applies_from")
    return not start or on >= dt.date.fromisoformat(start)


def resolve(catalogue: Catalogue, *, country: str, system: str = "", authority: str = "",
            on: dt.date | None = None) -> Resolution:
    """The legal frame for a controller in ``country``, for ``system``, on date ``on``."""
    on = on or dt.date.today()
    found = catalogue.systems.get(system)
    regime = catalogue.regime_for(country, system)
    act = catalogue.regimes[found.system_act] if found and found.system_act else None
    additional = tuple(catalogue.regimes[r] for r in (found.additional if found else ())
                       if applies(catalogue.regimes[r], on))
    deadline_regime = act if act is not None and act.deadline else regime
    controller = catalogue.authorities.get(authority) or _controller(catalogue, found, country)
    return Resolution(regime, found, act, additional, deadline_regime, controller,
                      _supervisory(catalogue, regime, controller, country))


def _controller(catalogue: Catalogue, system: System | None, country: str) -> Authority | None:
    if system is None:
        return None
    key = system.controllers.get(country) or system.controllers.get("default")
    return catalogue.authorities.get(key) if key else None


def _supervisory(catalogue: Catalogue, regime: Regime, controller: Authority | None,
                 country: str) -> Authority | None:
    """Where a complaint goes: the regime's own body (the EDPS), else the controller's, else the country's."""
    named = regime.data.get("complaint", {}).get("authority", "controller")
    if named != "controller":
        return catalogue.authorities.get(named)
    if controller is not None and controller.supervisory:
        return catalogue.authorities[controller.supervisory]
    code = catalogue.countries.get(country)
    return catalogue.authorities.get(code.supervisory) if code and code.supervisory else None
