"""The geopy side of a geocoder: find its class by name, read what its constructor takes, build it.

Why apart from config.py: config checks what the user asked; this module is the one that knows how
geopy's classes are shaped (constructor parameters, adapters, proxies), so a geopy change is fixed
here. geopy is imported inside the functions: an offline run never pays for importing it.
`config` below is a `maps.geocoding.config.GeocoderConfig` (not imported: config imports this module).
"""
from __future__ import annotations

import functools
import inspect

_LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def geocoder_class(name: str):
    """geopy's class for a service name; ValueError (one line, listing the names) if there is none."""
    from geopy.exc import GeocoderNotFound
    from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service

    try:
        return get_geocoder_for_service(name.strip().lower())
    except GeocoderNotFound:
        raise ValueError(f"unknown geocoder {name!r}; geopy knows: {', '.join(sorted(SERVICE_TO_GEOCODER))}") from None


def constructor_parameters(cls) -> tuple[dict[str, inspect.Parameter], bool]:
    """(named constructor parameters, whether it also takes **kwargs)."""
    params = dict(inspect.signature(cls.__init__).parameters)
    params.pop("self", None)
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    return {k: p for k, p in params.items() if p.kind is not inspect.Parameter.VAR_KEYWORD}, takes_any


def _host(domain: str) -> str:
    domain = domain.split("/", 1)[0]
    if domain.startswith("["):
        return domain.split("]")[0] + "]"
    return domain.rsplit(":", 1)[0] if domain.count(":") == 1 else domain


def _transport_options(config, params: dict, takes_any: bool) -> dict:
    """geopy's own transport retries off (eventmap retries, paced, so every request is counted), no
    proxy for a loopback server, and eventmap's timeout."""
    from geopy.adapters import RequestsAdapter

    kwargs = {}
    if ("adapter_factory" in params or takes_any) and RequestsAdapter.is_available:
        kwargs["adapter_factory"] = functools.partial(RequestsAdapter, max_retries=0)
    if ("proxies" in params or takes_any) and "proxies" not in config.options \
            and _host(str(config.options.get("domain") or "")) in _LOOPBACK_HOSTS:
        kwargs["proxies"] = {}
    if "timeout" in params or takes_any:
        kwargs["timeout"] = config.timeout
    return kwargs


def build_geocoder(config):
    """The geopy geocoder object; a constructor's complaint becomes a one-line ValueError with any
    secret masked."""
    from geopy.exc import GeopyError

    cls = geocoder_class(config.name)
    params, takes_any = constructor_parameters(cls)
    kwargs = {**config.options, **_transport_options(config, params, takes_any)}
    try:
        return cls(**kwargs)
    except (GeopyError, TypeError, ValueError) as e:
        text = str(e).splitlines()[0] if str(e) else type(e).__name__
        text = text.split(". ")[0].rstrip(".")  # the first sentence says it
        for secret in config.secrets():
            text = text.replace(secret, "***")
        raise ValueError(f"cannot set up geocoder {config.name}: {text[:200]}") from None


def cache_key_domain(config, geocoder) -> str:
    """The server part of the cache key: answers from a test server never stand in for the real one."""
    return str(getattr(geocoder, "domain", None) or config.options.get("domain") or "")
