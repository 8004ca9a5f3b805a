"""Shared helpers for the geocoding tests: hand-made mentions over hand-written sentences, and an
`OnlineGeocoding` pointed at the local Nominatim test server with small timeouts and waits."""
from __future__ import annotations

import copy

from maps.geocoding import OnlineGeocoding, make_config
from maps.model import Place, PlaceMention


def mention(text: str, name: str, place: Place | None = None, nth: int = 0, **kw) -> PlaceMention:
    """The `nth` occurrence of `name` in `text`, with char offsets."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return PlaceMention(start, start + len(name), name, place, **kw)


def gazetteer_place(name: str, lat: float, lon: float, country: str, kind: str = "city") -> Place:
    return Place(name=name, lat=lat, lon=lon, kind=kind, country=country, source="gazetteer", confidence=0.9)


def online(domain: str, cache_dir, warnings: list[str] | None = None, mode: str = "fallback",
           options: tuple[str, ...] = (), **tunables) -> OnlineGeocoding:
    """Fast settings unless a test says otherwise: no pacing, 10 ms back-off, 0.5 s timeout."""
    settings = {"min_delay_seconds": 0, "retry_wait_seconds": 0.01, "max_wait_seconds": 5, "timeout": 0.5,
                **tunables}
    config = make_config("nominatim", [f"domain={domain}", "scheme=http", *options], mode=mode, **settings)
    config.cache_dir = str(cache_dir)
    return OnlineGeocoding(config, warn=(warnings.append if warnings is not None else None))


def snapshot(mentions: list[PlaceMention]) -> list[dict]:
    return copy.deepcopy([m.to_dict() for m in mentions])


def spans(mentions: list[PlaceMention]) -> set[tuple[int, int, str]]:
    return {(m.start, m.end, m.text) for m in mentions}
