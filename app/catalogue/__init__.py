"""The legal knowledge as data: regimes, rights and countries, with their sources."""
from .loader import Catalogue, CatalogueError, load_catalogue

__all__ = ["Catalogue", "CatalogueError", "load_catalogue"]
