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

Failures are returned as None and described through `warn`; the caller keeps its offline result.
"""
from __future__ import annotations

import time
from typing import Any, Callable

from maps.geocoding_answers import candidates_from
from maps.geocoding_config import GeocoderConfig


class _Verdict:
    """What one failed request means: a short reason, and whether to retry or give up on the geocoder."""

    def __init__(self, reason: str, retry: bool = False, fatal: bool = False, retry_after: float | None = None):
        self.reason, self.retry, self.fatal, self.retry_after = reason, retry, fatal, retry_after


def _status(error: BaseException) -> int | None:
    cause = error.__cause__
    return getattr(cause, "status_code", None) or getattr(error, "status_code", None)


def classify(error: BaseException, timeout: float) -> _Verdict:
    from geopy import exc

    status = _status(error)
    http = f"HTTP {status}" if status else None
    if isinstance(error, exc.GeocoderRateLimited):
        return _Verdict(f"rate-limited ({http or 'HTTP 429'})", retry=True, retry_after=error.retry_after)
    if isinstance(error, (exc.GeocoderAuthenticationFailure, exc.GeocoderInsufficientPrivileges)):
        return _Verdict(f"refused the credentials ({http or 'HTTP 401/403'}); check the API key variable",
                        fatal=True)
    if isinstance(error, exc.GeocoderQuotaExceeded):
        return _Verdict(f"quota exceeded ({http or 'HTTP 402'})", fatal=True)
    if isinstance(error, exc.GeocoderTimedOut):
        if status:
            return _Verdict(f"service unavailable ({http})", retry=True)
        return _Verdict(f"timed out after {timeout:g} s", retry=True)
    if isinstance(error, exc.GeocoderUnavailable):
        text = str(error).lower()
        if "refused" in text:
            return _Verdict("connection refused", retry=True)
        if any(w in text for w in ("reset", "aborted", "disconnected", "closed", "broken")):
            return _Verdict("connection dropped by the server", retry=True)
        return _Verdict("could not connect", retry=True)
    if isinstance(error, exc.GeocoderParseError):
        return _Verdict("malformed reply (not the JSON expected)")
    if isinstance(error, exc.GeocoderQueryError):
        return _Verdict(f"rejected the query ({http or 'HTTP 400'})")
    if isinstance(error, exc.GeocoderServiceError):
        return _Verdict(f"server error ({http or 'no status'})", retry=status is None or status >= 500)
    first_line = (str(error).splitlines() or [""])[0][:120]
    return _Verdict(f"unexpected {type(error).__name__}: {first_line}")


class GeocoderClient:
    """`ask(name, lang)` -> candidates (list, [] = nothing found) or None (failed / not asked)."""

    def __init__(self, config: GeocoderConfig, geocoder, warn: Callable[[str], None],
                 sleep: Callable[[float], None] = time.sleep):
        from geopy.extra.rate_limiter import RateLimiter

        self.config, self.geocoder, self._sleep = config, geocoder, sleep
        self._warn_raw = warn
        self._secrets = config.secrets()
        delay = config.delay
        self._limited = RateLimiter(self._send, min_delay_seconds=delay, max_retries=0,
                                    error_wait_seconds=delay, swallow_exceptions=False)
        self._geocode_kwargs = self._supported_kwargs()
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

    def _supported_kwargs(self) -> set[str]:
        import inspect

        params = inspect.signature(self.geocoder.geocode).parameters
        return set(params)

    def _send(self, query: str, kwargs: dict[str, Any]):
        # RateLimiter spaces the *starts* of requests; this also leaves `delay` between the end of one
        # exchange and the start of the next, so the server itself never sees two requests closer
        # than `delay`, however late the first one reached it.
        quiet = self._last_done + self.config.delay - time.monotonic()
        if quiet > 0:
            self._sleep(quiet)
        self.counts["requests"] += 1
        try:
            return self.geocoder.geocode(query, **kwargs)
        finally:
            self._last_done = time.monotonic()

    def _kwargs(self, lang: str | None) -> dict[str, Any]:
        wanted = {"exactly_one": False, "timeout": self.config.timeout, "addressdetails": True,
                  "limit": self.config.limit, "language": lang or None}
        return {k: v for k, v in wanted.items() if k in self._geocode_kwargs and v is not None}

    def _open(self, reason: str) -> None:
        self.open_reason = reason
        self._warn(f"{self.config.name}: stopped asking ({reason}); the rest of the run stays offline")

    def ask(self, query: str, lang: str | None) -> list[dict] | None:
        name = self.config.name
        if self.breaker_open:
            self.counts["not_asked"] += 1
            return None
        reasons: list[str] = []
        verdict = None
        for attempt in range(self.config.max_retries + 1):
            try:
                found = self._limited(query, self._kwargs(lang))
                candidates = candidates_from(found, name)
            except Exception as error:  # noqa: BLE001 - a network fault must never end the run
                verdict = classify(error, self.config.timeout)
            else:
                self.failures_in_row = 0
                self.counts["answered" if candidates else "empty"] += 1
                if reasons:
                    self._warn(f"{name}: {query!r} answered after {attempt + 1} tries ({'; '.join(reasons)})")
                return candidates
            self.failures_in_row += 1
            if verdict.fatal:
                self.counts["failures"] += 1
                self._open(f"{verdict.reason} for {query!r}")
                return None
            if not verdict.retry or attempt == self.config.max_retries \
                    or self.failures_in_row >= self.config.max_failures:
                reasons.append(verdict.reason)
                break
            wait = self.config.retry_wait_seconds * (2 ** attempt)
            how = f"waited {wait:g} s"
            if verdict.retry_after and verdict.retry_after > wait:
                wait, how = float(verdict.retry_after), f"waited {float(verdict.retry_after):g} s as Retry-After asked"
            if wait > self.config.max_wait_seconds:
                self.counts["failures"] += 1
                self._open(f"{verdict.reason} for {query!r}, asked to wait {wait:g} s, more than "
                           f"max_wait_seconds={self.config.max_wait_seconds:g}")
                return None
            reasons.append(f"{verdict.reason}, {how}")
            self.counts["retries"] += 1
            self._sleep(wait)
        self.counts["failures"] += 1
        causes = list(dict.fromkeys(r.split(", waited")[0] for r in reasons))  # distinct, in order
        tries = f", {len(reasons)} tries" if len(reasons) > 1 else ""
        self._warn(f"{name}: no answer for {query!r} ({', then '.join(causes)}{tries}); the offline result stands")
        if self.failures_in_row >= self.config.max_failures:
            self._open(f"{self.failures_in_row} requests in a row failed, the last: {verdict.reason}")
        return None
