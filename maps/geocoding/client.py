"""Ask a geopy geocoder one name at a time, politely and without ever letting a network fault escape.

- Pace: every request (retries included) goes through geopy's `RateLimiter`, so two requests never
  start closer than `min_delay_seconds` (1 s for Nominatim by default); on top of that the same delay
  is kept between the end of one exchange and the next request, so network jitter cannot make two
  requests arrive closer than that at the server.
- Patience: a timeout, a 429, a 5xx or a lost connection is retried up to `max_retries` times, waiting
  `retry_wait_seconds`, doubling each time; a 429's Retry-After is honoured when it asks for longer.
  A wait above `max_wait_seconds` is not sat out: the geocoder is given up instead.
- Circuit breaker: after `max_failures` requests in a row failed (retries count: a dead server is
  given up within max_failures x timeout), or at once on refused credentials, an exhausted quota
  or a Retry-After beyond `max_wait_seconds`, no more requests are sent for the rest of the run.

Every wait and every reading of the time goes through the `Clock` given (maps/geocoding/clock.py),
so tests run all of this on a fake clock. Failures are returned as None and described through
`warn` (with any secret masked); the caller keeps its offline result.
"""
from __future__ import annotations

import inspect
from typing import Any, Callable

from maps.geocoding.answers import candidates_from
from maps.geocoding.clock import Clock, SystemClock
from maps.geocoding.config import GeocoderConfig
from maps.geocoding.failures import Verdict, classify


class GeocoderClient:
    """`ask(name, lang)` -> candidates (list, [] = nothing found) or None (failed / not asked)."""

    def __init__(self, config: GeocoderConfig, geocoder, warn: Callable[[str], None], clock: Clock | None = None):
        from maps.geocoding.ratelimit import ClockedRateLimiter  # imports geopy: only when going online

        self.config, self.geocoder, self.clock = config, geocoder, clock or SystemClock()
        self._warn_raw = warn
        self._secrets = config.secrets()
        delay = config.delay
        self._limited = ClockedRateLimiter(self._send, self.clock, min_delay_seconds=delay, max_retries=0,
                                           error_wait_seconds=delay, swallow_exceptions=False)
        self._geocode_kwargs = set(inspect.signature(geocoder.geocode).parameters)
        self._last_done = float("-inf")
        self.failures_in_row = 0
        self.open_reason: str | None = None
        self.counts = {"requests": 0, "answered": 0, "empty": 0, "failures": 0, "retries": 0, "not_asked": 0}

    @property
    def breaker_open(self) -> bool:
        return self.open_reason is not None

    def _warn(self, message: str) -> None:
        for secret in self._secrets:
            message = message.replace(secret, "***")
        self._warn_raw(message)

    def _send(self, query: str, kwargs: dict[str, Any]):
        """One request. RateLimiter spaces the *starts* of requests; this also leaves `delay` between
        the end of one exchange and the start of the next, so the server itself never sees two
        requests closer than `delay`, however late the first one reached it."""
        quiet = self._last_done + self.config.delay - self.clock.monotonic()
        if quiet > 0:
            self.clock.sleep(quiet)
        self.counts["requests"] += 1
        try:
            return self.geocoder.geocode(query, **kwargs)
        finally:
            self._last_done = self.clock.monotonic()

    def _kwargs(self, lang: str | None) -> dict[str, Any]:
        """The geocode() arguments this geocoder takes: several candidates, in the article's language."""
        wanted = {"exactly_one": False, "timeout": self.config.timeout, "addressdetails": True,
                  "limit": self.config.limit, "language": lang or None}
        return {k: v for k, v in wanted.items() if k in self._geocode_kwargs and v is not None}

    def ask(self, query: str, lang: str | None) -> list[dict] | None:
        """Candidates for one name, retrying what is worth retrying; None when no answer came."""
        if self.breaker_open:
            self.counts["not_asked"] += 1
            return None
        reasons: list[tuple[str, str]] = []   # (what went wrong, how long was waited after it)
        for attempt in range(self.config.max_retries + 1):
            try:
                candidates = candidates_from(self._limited(query, self._kwargs(lang)), self.config.name)
            except Exception as error:  # noqa: BLE001 - a network fault must never end the run
                verdict = classify(error, self.config.timeout)
            else:
                return self._answered(query, candidates, reasons)
            self.failures_in_row += 1
            if verdict.fatal:
                return self._give_up(f"{verdict.reason} for {query!r}")
            if not verdict.retry or attempt == self.config.max_retries \
                    or self.failures_in_row >= self.config.max_failures:
                reasons.append((verdict.reason, ""))
                break
            wait, how = self._retry_wait(verdict, attempt)
            if wait > self.config.max_wait_seconds:
                return self._give_up(f"{verdict.reason} for {query!r}, asked to wait {wait:g} s, more than "
                                     f"max_wait_seconds={self.config.max_wait_seconds:g}")
            reasons.append((verdict.reason, how))
            self.counts["retries"] += 1
            self.clock.sleep(wait)
        return self._no_answer(query, reasons, verdict)

    def _retry_wait(self, verdict: Verdict, attempt: int) -> tuple[float, str]:
        """(seconds to wait before the next try, how that is said): the back-off, or a longer Retry-After."""
        wait = self.config.retry_wait_seconds * (2 ** attempt)
        if verdict.retry_after and verdict.retry_after > wait:
            return float(verdict.retry_after), f"waited {float(verdict.retry_after):g} s as Retry-After asked"
        return wait, f"waited {wait:g} s"

    def _answered(self, query: str, candidates: list[dict], reasons: list[tuple[str, str]]) -> list[dict]:
        self.failures_in_row = 0
        self.counts["answered" if candidates else "empty"] += 1
        if reasons:
            told = "; ".join(f"{reason}, {how}" for reason, how in reasons)
            self._warn(f"{self.config.name}: {query!r} answered after {len(reasons) + 1} tries ({told})")
        return candidates

    def _no_answer(self, query: str, reasons: list[tuple[str, str]], last: Verdict) -> None:
        """Warn that this name got no answer; open the breaker if too many requests failed in a row."""
        self.counts["failures"] += 1
        causes = list(dict.fromkeys(reason for reason, _ in reasons))  # distinct, in order
        tries = f", {len(reasons)} tries" if len(reasons) > 1 else ""
        self._warn(f"{self.config.name}: no answer for {query!r} ({', then '.join(causes)}{tries}); "
                   "the offline result stands")
        if self.failures_in_row >= self.config.max_failures:
            self._open(f"{self.failures_in_row} requests in a row failed, the last: {last.reason}")
        return None

    def _give_up(self, reason: str) -> None:
        """This name failed and the geocoder is given up for the rest of the run."""
        self.counts["failures"] += 1
        self._open(reason)
        return None

    def _open(self, reason: str) -> None:
        self.open_reason = reason
        self._warn(f"{self.config.name}: stopped asking ({reason}); the rest of the run stays offline")
