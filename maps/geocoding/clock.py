"""The time the geocoder waits on, passed in so that tests can drive it instead of sleeping.

Why: pacing (one request a second for Nominatim), back-off between retries and a 429's Retry-After
are all waits. Read from `time` directly they make every test of them as slow as the wait itself, and
tests that shorten the waits no longer test the real numbers. Everything in this package that waits
or reads the time does it through a `Clock`: a run uses `SystemClock`, a test a fake one whose
`sleep` only moves its own time on.
"""
from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Monotonic seconds and a way to let them pass."""

    def monotonic(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real clock: `time.monotonic` and `time.sleep`."""

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)
