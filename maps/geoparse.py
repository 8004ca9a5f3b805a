"""Placeholder geoparser (to be replaced by the gazetteer-backed geoparser)."""
from __future__ import annotations

from maps.model import PlaceMention


def find_places(text: str, lang: str) -> list[PlaceMention]:
    return []
