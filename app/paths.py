"""Where the data directories live, in a checkout and in an installed wheel alike."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the directory ``name`` (``letter_templates`` or ``locales``).

    In a wheel they are installed inside the package; in a checkout they sit at the top
    level beside ``app/`` so that lawyers and translators find them without reading Python.
    """
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"recours: data directory {name!r} not found beside {_PACKAGE}")
