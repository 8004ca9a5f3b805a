"""Shared helpers for the geocoding tests: hand-made mentions over hand-written sentences, a fake
clock, and an `OnlineGeocoding` pointed at the local Nominatim test server.

Time in these tests is fake: every wait of the geocoder (pacing, back-off, Retry-After) goes through
a `FakeClock`, whose sleep moves its own time on at once, so the tests use the real numbers (one
request a second for Nominatim, 1 s then 2 s of back-off) and take no wall time. `no_wall_sleep`
makes any sleep on the real clock fail the test. Only socket timeouts are real (the server really
does not answer), so the tests that need them keep them small.
"""
from __future__ import annotations

import copy
import threading
import time

import pytest

from maps.geocoding import OnlineGeocoding, make_config
from maps.model import Place, PlaceMention


class FakeClock:
    """Monotonic time that passes only when someone sleeps. Thread-safe: the test server reads it
    (and sleeps on it, for latency) from its own threads while the client waits for the reply."""

    def __init__(self, start: float = 1000.0):
        self._now = start
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self._now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            self._now += max(0.0, seconds)


@pytest.fixture
def no_wall_sleep(monkeypatch):
    """Fail the test if anything sleeps on the real clock (time.sleep, or geopy's own import of it)."""
    import geopy.extra.rate_limiter

    def refuse(seconds):
        if seconds > 0:  # pytest.fail raises a BaseException: the geocoder's own `except Exception` lets it by
            pytest.fail(f"slept {seconds} s on the wall clock")

    monkeypatch.setattr(time, "sleep", refuse)
    monkeypatch.setattr(geopy.extra.rate_limiter, "sleep", refuse)


def mention(text: str, name: str, place: Place | None = None, nth: int = 0, **kw) -> PlaceMention:
    """The `nth` occurrence of `name` in `text`, with char offsets."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return PlaceMention(start, start + len(name), name, place, **kw)


def gazetteer_place(name: str, lat: float, lon: float, country: str, kind: str = "city") -> Place:
    return Place(name=name, lat=lat, lon=lon, kind=kind, country=country, source="gazetteer", confidence=0.9)


def online(domain: str, cache_dir, warnings: list[str] | None = None, mode: str = "fallback",
           options: tuple[str, ...] = (), clock=None, **tunables) -> OnlineGeocoding:
    """eventmap's real settings for Nominatim (1 s pace, 1 s then 2 s back-off, 5 s timeout) with
    the waits on a fake clock (a new one unless given). A test of replies that never come sets a
    short `timeout`: that one is waited for in real time, on the socket."""
    config = make_config("nominatim", [f"domain={domain}", "scheme=http", *options], mode=mode, **tunables)
    config.cache_dir = str(cache_dir)
    return OnlineGeocoding(config, warn=(warnings.append if warnings is not None else None),
                           clock=clock or FakeClock())


def snapshot(mentions: list[PlaceMention]) -> list[dict]:
    return copy.deepcopy([m.to_dict() for m in mentions])


def spans(mentions: list[PlaceMention]) -> set[tuple[int, int, str]]:
    return {(m.start, m.end, m.text) for m in mentions}
