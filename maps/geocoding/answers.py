"""Turn a geopy answer (a list of `Location`) into eventmap's small candidate dicts.

Each provider puts the name, the kind of place and the country in a different corner of its raw
JSON; where to look is data (maps/geocoding/data/policy.json: name_paths, kind_paths, country_paths,
bbox_paths), so a new provider is a table entry, not a branch. A provider's word for the kind of
place (Nominatim's "village", Google's "locality") is mapped to eventmap's kinds (maps/kinds.py) by
the same table. A candidate is what the cache stores:

    {"name", "lat", "lon", "kind", "country", "bbox", "rank", "address"}
"""
from __future__ import annotations

import math
from typing import Any

from maps.geocoding.policy import policy, provider_policy


def _dig(raw: Any, path: list) -> Any:
    """raw[path[0]][path[1]]...; a number indexes a list; None when any step is missing."""
    for key in path:
        if isinstance(key, int) and isinstance(raw, list) and -len(raw) <= key < len(raw):
            raw = raw[key]
        elif isinstance(key, str) and isinstance(raw, dict) and key in raw:
            raw = raw[key]
        else:
            return None
    return raw


def _first(raw: Any, paths: list[list[str]]) -> Any:
    """The first non-empty value along the paths, in order."""
    for path in paths:
        value = _dig(raw, path)
        if value not in (None, "", []):
            return value
    return None


def _bbox(raw: Any, paths: list[list[str]], order: str) -> list[float] | None:
    """As (south, west, north, east), whatever order the provider uses."""
    value = _first(raw, paths)
    if not isinstance(value, (list, tuple)) or len(value) != 4:
        return None
    try:
        numbers = dict(zip(order, (float(v) for v in value)))
    except (TypeError, ValueError):
        return None
    return [numbers["s"], numbers["w"], numbers["n"], numbers["e"]]


def _country(value: Any) -> str | None:
    """An ISO 3166-1 alpha-2 code in upper case, or None for anything else."""
    if isinstance(value, str) and len(value.strip()) == 2 and value.strip().isalpha():
        return value.strip().upper()
    return None


def _point(location: Any) -> tuple[float, float] | None:
    """(lat, lon) when the location has finite coordinates in range, else None."""
    try:
        lat, lon = float(location.latitude), float(location.longitude)
    except (AttributeError, TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def _kind(word: Any) -> str:
    """eventmap's kind for the provider's word (unknown words: the table's `other_kind`)."""
    table = policy()
    return table["kinds"].get(str(word).lower(), table["other_kind"]) if word else table["other_kind"]


def candidates_from(locations: Any, provider: str) -> list[dict]:
    """geopy's reply (None, one Location or a list) as candidates, best first; points without valid
    coordinates are dropped."""
    if locations is None:
        return []
    if not isinstance(locations, (list, tuple)):
        locations = [locations]
    rules = provider_policy(provider)
    out = []
    for location in locations:
        point = _point(location)
        if point is None:
            continue
        raw = getattr(location, "raw", None)
        address = str(getattr(location, "address", "") or "")
        name = _first(raw, rules["name_paths"]) or address.split(",")[0].strip() or address
        out.append({"name": str(name), "lat": point[0], "lon": point[1], "kind": _kind(_first(raw, rules["kind_paths"])),
                    "country": _country(_first(raw, rules["country_paths"])),
                    "bbox": _bbox(raw, rules["bbox_paths"], rules["bbox_order"]),
                    "rank": len(out), "address": address})
    return out
