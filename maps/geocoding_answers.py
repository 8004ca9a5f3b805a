"""Turn a geopy answer (a list of `Location`) into eventmap's small candidate dicts.

Each provider puts the name, the kind of place and the country in a different corner of its raw
JSON; where to look is data (maps/data/geocoding.json: name_paths, kind_paths, country_paths,
bbox_paths), so a new provider is a table entry, not a branch. A candidate is what the cache stores:

    {"name", "lat", "lon", "kind", "country", "bbox", "rank", "address"}
"""
from __future__ import annotations

import math
from typing import Any

from maps.geocoding_config import geocoding_data, provider_policy


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
    if isinstance(value, str) and len(value.strip()) == 2 and value.strip().isalpha():
        return value.strip().upper()
    return None


def candidates_from(locations: Any, provider: str) -> list[dict]:
    """geopy's reply (None, one Location or a list) as candidates, best first; points without valid
    coordinates are dropped."""
    if locations is None:
        return []
    if not isinstance(locations, (list, tuple)):
        locations = [locations]
    policy = provider_policy(provider)
    data = geocoding_data()
    out = []
    for location in locations:
        try:
            lat, lon = float(location.latitude), float(location.longitude)
        except (AttributeError, TypeError, ValueError):
            continue
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        raw = getattr(location, "raw", None)
        address = str(getattr(location, "address", "") or "")
        name = _first(raw, policy["name_paths"]) or address.split(",")[0].strip() or address
        kind_word = _first(raw, policy["kind_paths"])
        kind = data["kinds"].get(str(kind_word).lower(), data["other_kind"]) if kind_word else data["other_kind"]
        out.append({"name": str(name), "lat": lat, "lon": lon, "kind": kind,
                    "country": _country(_first(raw, policy["country_paths"])),
                    "bbox": _bbox(raw, policy["bbox_paths"], policy["bbox_order"]),
                    "rank": len(out), "address": address})
    return out
