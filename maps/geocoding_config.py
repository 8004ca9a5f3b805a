"""What the user asked of the online geocoder, checked once up front, and the geopy object built from it.

Everything here runs before any article is read, so a typo in `--geocoder-option` is a one-line
error (`ValueError`) and not a failure in the middle of a corpus. Nothing here touches the network.

API keys come from the environment, never from the command line (where `ps` and shell history
would show them). For geocoder NAME the first of these that is set is used:

    EVENTMAP_<NAME>_API_KEY        e.g. EVENTMAP_GOOGLEV3_API_KEY, EVENTMAP_OPENCAGE_API_KEY
    the provider's usual variable  e.g. GOOGLE_API_KEY, OPENCAGE_API_KEY (maps/data/geocoding.json)
    EVENTMAP_GEOCODER_API_KEY      whatever geocoder is chosen

and it goes to the geocoder's credential parameter (`api_key`, `apikey`, ...). Keys are never
printed: `GeocoderConfig`'s repr hides them and warnings only name the variable.
"""
from __future__ import annotations

import argparse
import functools
import importlib.metadata
import inspect
import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

MODES = ("fallback", "verify")
_DATA = Path(__file__).parent / "data" / "geocoding.json"
_LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
# Constructor parameters that take Python objects, not text.
_NOT_FROM_TEXT = {"ssl_context", "adapter_factory"}


@functools.lru_cache(maxsize=1)
def geocoding_data() -> dict:
    """The provider policies and kind tables (maps/data/geocoding.json)."""
    with open(_DATA, encoding="utf-8") as f:
        return json.load(f)


def provider_policy(name: str) -> dict:
    """The 'default' entry overlaid with the provider's own entry."""
    providers = geocoding_data()["providers"]
    return {**providers["default"], **providers.get(name, {})}


@dataclass
class GeocoderConfig:
    """One online geocoder and how politely and patiently to use it.

    name        geopy service name (``geopy.geocoders.SERVICE_TO_GEOCODER``), e.g. ``nominatim``.
    options     keyword arguments for the geopy geocoder's constructor (domain, scheme, user_agent, ...).
    mode        ``fallback``: ask only for names the gazetteer could not resolve; ``verify``: also
                re-check resolved places and keep whichever reading fits the article better.
    timeout     seconds to wait for one reply.
    min_delay_seconds  least time between two requests; None = the provider's policy
                (1 s for Nominatim), never below it on the provider's public server.
    max_retries extra tries per name after a timeout, 429 or 5xx / lost connection.
    retry_wait_seconds  first back-off wait; doubles with each retry. A 429's Retry-After wins if longer.
    max_wait_seconds    longest single wait accepted; a Retry-After above it stops the geocoder.
    max_failures        failed requests in a row (retries included) before the circuit breaker
                opens and the run finishes offline; with the defaults a dead server costs < 30 s.
    limit       candidates asked per name (where the geocoder takes a limit), to choose among.
    cache       keep answers (including "nothing found") in the SQLite cache.
    cache_dir   where the cache lives; None = $EVENTMAP_CACHE_DIR or the user cache directory.
    """

    name: str
    options: dict[str, Any] = field(default_factory=dict, repr=False)
    mode: str = "fallback"
    timeout: float = 5.0
    min_delay_seconds: float | None = None
    max_retries: int = 2
    retry_wait_seconds: float = 1.0
    max_wait_seconds: float = 60.0
    max_failures: int = 5
    limit: int = 5
    cache: bool = True
    cache_dir: str | None = None
    api_key_source: str | None = None  # the environment variable the key came from (never the key)

    def __repr__(self) -> str:  # options may hold credentials: show their names only
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
        return f"GeocoderConfig({shown}, options=[{', '.join(sorted(self.options))}])"

    @property
    def delay(self) -> float:
        if self.min_delay_seconds is not None:
            return self.min_delay_seconds
        return float(provider_policy(self.name)["min_delay_seconds"])

    def secrets(self) -> list[str]:
        """Values that must never appear in a message."""
        creds = set(geocoding_data()["credential_parameters"]) | {"password", "secret_key", "auth_token"}
        return [str(v) for k, v in self.options.items() if k in creds and v]


# Config fields a `--geocoder-option KEY=VALUE` may set (the rest go to geopy's constructor).
_TUNABLE = {"timeout": float, "min_delay_seconds": float, "max_retries": int, "retry_wait_seconds": float,
            "max_wait_seconds": float, "max_failures": int, "limit": int}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the online-geocoding options to a command's parser (all off by default: fully offline)."""
    g = parser.add_argument_group(
        "online geocoding (optional; default: none, fully offline)",
        "Asks a geopy geocoder about place names the offline gazetteer cannot resolve. Answers, including "
        "'not found', are cached in the user cache directory (EVENTMAP_CACHE_DIR overrides), so a second run "
        "sends no requests. API keys are read from the environment: EVENTMAP_<NAME>_API_KEY, the provider's "
        "usual variable (e.g. GOOGLE_API_KEY), or EVENTMAP_GEOCODER_API_KEY.")
    g.add_argument("--geocoder", metavar="NAME",
                   help="a geopy geocoder by its geopy name: nominatim, photon, arcgis, pelias, googlev3, "
                        "opencage, ... (see geopy.geocoders.SERVICE_TO_GEOCODER)")
    g.add_argument("--geocoder-option", metavar="KEY=VALUE", action="append", default=[],
                   help="repeatable; passed to the geocoder's constructor, e.g. domain=127.0.0.1:8080, "
                        "scheme=http, user_agent='myapp/1.0 (me@example.org)'. These keys tune eventmap "
                        "itself instead: " + ", ".join(sorted(_TUNABLE)) +
                        ". Default user agent: eventmap/VERSION; geopy's default agent is refused.")
    g.add_argument("--geocoder-mode", choices=MODES, default="fallback",
                   help="fallback (default): ask only for names the gazetteer cannot resolve; verify: also "
                        "re-check every resolved place and keep the reading that fits the article better "
                        "(the offline one when in doubt)")
    g.add_argument("--geocoder-timeout", metavar="SECONDS", type=float,
                   help="seconds to wait for one reply (default 5)")
    g.add_argument("--no-geocoder-cache", action="store_true",
                   help="neither read nor write the geocoding cache")


def _parse_value(key: str, text: str, default: Any) -> Any:
    if isinstance(default, bool):
        low = text.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
        raise ValueError(f"--geocoder-option {key}: expected true or false, got {text!r}")
    for kind in (int, float):
        if isinstance(default, kind):
            try:
                return kind(text)
            except ValueError:
                raise ValueError(f"--geocoder-option {key}: expected a number, got {text!r}") from None
    return text


def _geocoder_class(name: str):
    from geopy.exc import GeocoderNotFound
    from geopy.geocoders import SERVICE_TO_GEOCODER, get_geocoder_for_service

    try:
        return get_geocoder_for_service(name.strip().lower())
    except GeocoderNotFound:
        raise ValueError(f"unknown geocoder {name!r}; geopy knows: {', '.join(sorted(SERVICE_TO_GEOCODER))}") from None


def _constructor_parameters(cls) -> tuple[dict[str, inspect.Parameter], bool]:
    params = dict(inspect.signature(cls.__init__).parameters)
    params.pop("self", None)
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())
    return {k: p for k, p in params.items() if p.kind is not inspect.Parameter.VAR_KEYWORD}, takes_any


def _default_user_agent() -> str:
    try:
        version = importlib.metadata.version("eventmap")
    except importlib.metadata.PackageNotFoundError:
        version = "dev"
    return f"eventmap/{version}"


def _check_user_agent(name: str, agent: str) -> None:
    from geopy.geocoders import options as geopy_options

    rejected = set(geocoding_data()["rejected_user_agents"]) | {geopy_options.default_user_agent}
    if agent.strip() in rejected or agent.strip().lower().startswith("geopy/"):
        raise ValueError(f"--geocoder-option user_agent={agent!r} is a default or sample agent that {name}'s "
                         "usage policy refuses; name your application, e.g. user_agent='myapp/1.0 (me@example.org)'")


def _api_key_from_environment(name: str) -> tuple[str, str] | None:
    names = [f"EVENTMAP_{name.upper()}_API_KEY", *provider_policy(name)["api_key_env"], "EVENTMAP_GEOCODER_API_KEY"]
    for var in names:
        value = os.environ.get(var, "").strip()
        if value:
            return var, value
    return None


def make_config(name: str, option_texts: list[str] | tuple[str, ...] = (), mode: str = "fallback",
                timeout: float | None = None, cache: bool = True, **tunables: Any) -> GeocoderConfig:
    """Check everything the user gave and return the config; ValueError with a one-line message if not."""
    cls = _geocoder_class(name)
    name = name.strip().lower()
    if mode not in MODES:
        raise ValueError(f"--geocoder-mode must be one of {', '.join(MODES)}, not {mode!r}")
    params, takes_any = _constructor_parameters(cls)
    config = GeocoderConfig(name=name, mode=mode, cache=cache)
    for text in option_texts:
        key, sep, value = text.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ValueError(f"--geocoder-option expects KEY=VALUE, got {text!r}")
        if key in _TUNABLE:
            tunables.setdefault(key, value)
        elif key in _NOT_FROM_TEXT:
            raise ValueError(f"--geocoder-option {key} cannot be given as text")
        elif key in params or takes_any:
            default = params[key].default if key in params else None
            config.options[key] = _parse_value(key, value, default)
        else:
            known = sorted(set(params) - _NOT_FROM_TEXT) + sorted(_TUNABLE)
            raise ValueError(f"--geocoder-option: {name} has no option {key!r} (known: {', '.join(known)})")
    if timeout is not None:
        tunables["timeout"] = timeout
    for key, value in tunables.items():
        if key not in _TUNABLE:
            raise ValueError(f"unknown geocoding setting {key!r}")
        try:
            number = _TUNABLE[key](value)
        except (TypeError, ValueError):
            raise ValueError(f"--geocoder-option {key}: expected a number, got {value!r}") from None
        if number < 0 or (key in ("timeout", "limit", "max_failures") and number <= 0):
            raise ValueError(f"--geocoder-option {key}: must be {'positive' if key != 'min_delay_seconds' else '>= 0'}"
                             f", got {value!r}")
        setattr(config, key, number)

    policy = provider_policy(name)
    if "user_agent" in params or takes_any:
        agent = config.options.setdefault("user_agent", _default_user_agent())
        if policy.get("requires_real_user_agent"):
            _check_user_agent(name, str(agent))
    creds = [p for p in geocoding_data()["credential_parameters"] if p in params]
    if creds and not any(config.options.get(p) for p in creds):
        found = _api_key_from_environment(name)
        if found:
            config.api_key_source, config.options[creds[0]] = found
    domain = str(config.options.get("domain") or "")
    public = policy.get("public_domain")
    if public and (domain or public) == public and config.delay < float(policy["min_delay_seconds"]):
        raise ValueError(f"{public} allows at most one request every {policy['min_delay_seconds']} s; "
                         f"min_delay_seconds={config.min_delay_seconds} is too fast")
    try:
        build_geocoder(config)  # constructor errors (a missing required domain or key, ...) surface now
    except ValueError as e:
        if creds and not any(config.options.get(p) for p in creds) and "key" in str(e).lower():
            names = [f"EVENTMAP_{name.upper()}_API_KEY", *policy["api_key_env"], "EVENTMAP_GEOCODER_API_KEY"]
            raise ValueError(f"{e} (an API key is read from {' or '.join(names)})") from None
        raise
    return config


def config_from_args(args: argparse.Namespace) -> GeocoderConfig | None:
    """The config for the options `add_arguments` added; None when no --geocoder was given."""
    name = getattr(args, "geocoder", None)
    if not name:
        given = [flag for flag, value in (("--geocoder-option", getattr(args, "geocoder_option", None)),
                                          ("--geocoder-timeout", getattr(args, "geocoder_timeout", None)))
                 if value]
        if given:   # settings for a geocoder nobody asked for: say so rather than ignore them
            raise ValueError(f"{given[0]} needs --geocoder NAME (geocoding is off without it)")
        return None
    return make_config(name, getattr(args, "geocoder_option", None) or [],
                       mode=getattr(args, "geocoder_mode", None) or "fallback",
                       timeout=getattr(args, "geocoder_timeout", None),
                       cache=not getattr(args, "no_geocoder_cache", False))


def _host(domain: str) -> str:
    domain = domain.split("/", 1)[0]
    if domain.startswith("["):
        return domain.split("]")[0] + "]"
    return domain.rsplit(":", 1)[0] if domain.count(":") == 1 else domain


def build_geocoder(config: GeocoderConfig):
    """The geopy geocoder object. geopy's own transport retries are turned off (eventmap retries,
    spaced by the rate limiter, so every request is counted and paced), and a loopback server is
    never reached through a proxy."""
    from geopy.adapters import RequestsAdapter
    from geopy.exc import GeopyError

    cls = _geocoder_class(config.name)
    params, takes_any = _constructor_parameters(cls)
    kwargs = dict(config.options)
    if ("adapter_factory" in params or takes_any) and RequestsAdapter.is_available:
        kwargs["adapter_factory"] = functools.partial(RequestsAdapter, max_retries=0)
    if ("proxies" in params or takes_any) and "proxies" not in kwargs \
            and _host(str(kwargs.get("domain") or "")) in _LOOPBACK_HOSTS:
        kwargs["proxies"] = {}
    if "timeout" in params or takes_any:
        kwargs["timeout"] = config.timeout
    try:
        return cls(**kwargs)
    except (GeopyError, TypeError, ValueError) as e:
        text = str(e).splitlines()[0] if str(e) else type(e).__name__
        text = text.split(". ")[0].rstrip(".")  # the first sentence says it
        for secret in config.secrets():
            text = text.replace(secret, "***")
        raise ValueError(f"cannot set up geocoder {config.name}: {text[:200]}") from None


def cache_key_domain(config: GeocoderConfig, geocoder) -> str:
    """The server part of the cache key: answers from a test server never stand in for the real one."""
    return str(getattr(geocoder, "domain", None) or config.options.get("domain") or "")
