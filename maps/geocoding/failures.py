"""What a failed request means: a short reason for the warning, and whether to retry or give up.

Why its own module: the client's loop decides *when* to retry; this decides *whether*, from geopy's
exception classes and the HTTP status or socket error underneath them - never from the wording of
an error message, which differs between libraries and versions.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """reason: for people; retry: worth another try; fatal: give up on the geocoder for the run;
    retry_after: the seconds a 429 asked to wait, if it said."""

    reason: str
    retry: bool = False
    fatal: bool = False
    retry_after: float | None = None


def _status(error: BaseException) -> int | None:
    cause = error.__cause__
    return getattr(cause, "status_code", None) or getattr(error, "status_code", None)


def _causes(error: BaseException):
    """The error and everything underneath it: chained exceptions, urllib3's `reason`, and
    exceptions carried in `args` (requests wraps urllib3's errors that way)."""
    seen, todo = set(), [error]
    while todo:
        e = todo.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [e.__cause__, e.__context__, getattr(e, "reason", None)]
        todo += [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]


def _connection_reason(error: BaseException) -> str:
    for cause in _causes(error):
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)):
            return "connection dropped by the server"
    return "could not connect"


def classify(error: BaseException, timeout: float) -> Verdict:
    """The verdict on one exception raised by a geopy geocoder."""
    from geopy import exc

    status = _status(error)
    http = f"HTTP {status}" if status else None
    if isinstance(error, exc.GeocoderRateLimited):
        return Verdict(f"rate-limited ({http or 'HTTP 429'})", retry=True, retry_after=error.retry_after)
    if isinstance(error, (exc.GeocoderAuthenticationFailure, exc.GeocoderInsufficientPrivileges)):
        return Verdict(f"refused the credentials ({http or 'HTTP 401/403'}); check the API key variable", fatal=True)
    if isinstance(error, exc.GeocoderQuotaExceeded):
        return Verdict(f"quota exceeded ({http or 'HTTP 402'})", fatal=True)
    if isinstance(error, exc.GeocoderTimedOut):
        return Verdict(f"service unavailable ({http})" if status else f"timed out after {timeout:g} s", retry=True)
    if isinstance(error, exc.GeocoderUnavailable):
        return Verdict(_connection_reason(error), retry=True)
    if isinstance(error, exc.GeocoderParseError):
        return Verdict("malformed reply (not the JSON expected)")
    if isinstance(error, exc.GeocoderQueryError):
        return Verdict(f"rejected the query ({http or 'HTTP 400'})")
    if isinstance(error, exc.GeocoderServiceError):
        return Verdict(f"server error ({http or 'no status'})", retry=status is None or status >= 500)
    first_line = (str(error).splitlines() or [""])[0][:120]
    return Verdict(f"unexpected {type(error).__name__}: {first_line}")
