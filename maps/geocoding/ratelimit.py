"""geopy's `RateLimiter` on an injectable clock.

Why a subclass: geopy's RateLimiter (request slots `min_delay_seconds` apart, thread-safe) reads the
time and sleeps through two methods of its own, `_clock` and `_sleep` - geopy's own tests replace
them the same way. Pointing them at a `maps.geocoding.clock.Clock` lets a test run a whole paced
session on a fake clock, in no wall time. Kept apart from clock.py because importing geopy costs
~0.15 s, which an offline run should not pay: the client imports this module only when it is built.
"""
from __future__ import annotations

from geopy.extra.rate_limiter import RateLimiter

from maps.geocoding.clock import Clock


class ClockedRateLimiter(RateLimiter):
    """RateLimiter whose time and sleep come from `clock`."""

    def __init__(self, func, clock: Clock, **options):
        self._time = clock  # first: RateLimiter's own constructor may come to read the clock
        super().__init__(func, **options)

    def _clock(self) -> float:
        return self._time.monotonic()

    def _sleep(self, seconds: float) -> None:
        self._time.sleep(seconds)
