"""What the user asked of the online geocoder, checked once up front.

Why up front: everything here runs before any article is read, so a typo in `--geocoder-option`
is a one-line error (`ValueError`) and not a failure in the middle of a corpus. Nothing here
touches the network.

API keys come from the environment, never from the command line (where `ps` and shell history
would show them). For geocoder NAME the first of these that is set is used:

    EVENTMAP_<NAME>_API_KEY        e.g. EVENTMAP_GOOGLEV3_API_KEY, EVENTMAP_OPENCAGE_API_KEY
    the provider's usual variable  e.g. GOOGLE_API_KEY, OPENCAGE_API_KEY (data/policy.json)
    EVENTMAP_GEOCODER_API_KEY      whatever geocoder is chosen

and it goes to the geocoder's credential parameter (`api_key`, `apikey`, ...). Keys are never
printed: `GeocoderConfig`'s repr hides them and warnings only name the variable.
"""
from __future__ import annotations

import argparse
import importlib.metadata
import os
from dataclasses import dataclass, field, fields
from typing import Any

from maps.geocoding.geocoders import build_geocoder, constructor_parameters, geocoder_class
from maps.geocoding.policy import policy, provider_policy

MODES = ("fallback", "verify")
# Constructor parameters that take Python objects, not text.
_NOT_FROM_TEXT = {"ssl_context", "adapter_factory"}
# Config fields a `--geocoder-option KEY=VALUE` may set (the rest go to geopy's constructor).
_TUNABLE = {"timeout": float, "min_delay_seconds": float, "max_retries": int, "retry_wait_seconds": float,
            "max_wait_seconds": float, "max_failures": int, "limit": int}


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
    cache_dir   where the cache lives; None = maps.cachedir.cache_dir() ($EVENTMAP_CACHE_DIR or
                the user cache directory).
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
        """Seconds between two requests: the user's setting, else the provider's policy."""
        if self.min_delay_seconds is not None:
            return self.min_delay_seconds
        return float(provider_policy(self.name)["min_delay_seconds"])

    def secrets(self) -> list[str]:
        """Values that must never appear in a message."""
        creds = set(policy()["credential_parameters"]) | {"password", "secret_key", "auth_token"}
        return [str(v) for k, v in self.options.items() if k in creds and v]


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


def make_config(name: str, option_texts: list[str] | tuple[str, ...] = (), mode: str = "fallback",
                timeout: float | None = None, cache: bool = True, **tunables: Any) -> GeocoderConfig:
    """Check everything the user gave and return the config; ValueError with a one-line message if not."""
    cls = geocoder_class(name)
    name = name.strip().lower()
    if mode not in MODES:
        raise ValueError(f"--geocoder-mode must be one of {', '.join(MODES)}, not {mode!r}")
    params, takes_any = constructor_parameters(cls)
    config = GeocoderConfig(name=name, mode=mode, cache=cache)
    _read_options(config, option_texts, params, takes_any, tunables)
    if timeout is not None:
        tunables["timeout"] = timeout
    for key, value in tunables.items():
        setattr(config, key, _tunable(key, value))
    _apply_provider_policy(config, params, takes_any)
    _check_it_builds(config, params)
    return config


def _read_options(config: GeocoderConfig, texts, params: dict, takes_any: bool, tunables: dict) -> None:
    """Sort each KEY=VALUE into eventmap's own tunables or the geopy constructor's options."""
    for text in texts:
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
            raise ValueError(f"--geocoder-option: {config.name} has no option {key!r} (known: {', '.join(known)})")


def _parse_value(key: str, text: str, default: Any) -> Any:
    """A constructor option's text as the type of its default (bool, int, float), else the text."""
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


def _tunable(key: str, value: Any) -> float | int:
    """One of eventmap's own settings, as a number in its range."""
    if key not in _TUNABLE:
        raise ValueError(f"unknown geocoding setting {key!r}")
    try:
        number = _TUNABLE[key](value)
    except (TypeError, ValueError):
        raise ValueError(f"--geocoder-option {key}: expected a number, got {value!r}") from None
    if number < 0 or (key in ("timeout", "limit", "max_failures") and number <= 0):
        raise ValueError(f"--geocoder-option {key}: must be {'positive' if key != 'min_delay_seconds' else '>= 0'}"
                         f", got {value!r}")
    return number


def _apply_provider_policy(config: GeocoderConfig, params: dict, takes_any: bool) -> None:
    """A real user agent, the API key from the environment, and the public server's pace."""
    rules = provider_policy(config.name)
    if "user_agent" in params or takes_any:
        agent = config.options.setdefault("user_agent", _default_user_agent())
        if rules.get("requires_real_user_agent"):
            _check_user_agent(config.name, str(agent))
    creds = _credential_parameters(params)
    if creds and not any(config.options.get(p) for p in creds):
        found = _api_key_from_environment(config.name)
        if found:
            config.api_key_source, config.options[creds[0]] = found
    domain = str(config.options.get("domain") or "")
    public = rules.get("public_domain")
    if public and (domain or public) == public and config.delay < float(rules["min_delay_seconds"]):
        raise ValueError(f"{public} allows at most one request every {rules['min_delay_seconds']} s; "
                         f"min_delay_seconds={config.min_delay_seconds} is too fast")


def _credential_parameters(params: dict) -> list[str]:
    """The constructor's named parameters that take an API key."""
    return [p for p in policy()["credential_parameters"] if p in params]


def _check_it_builds(config: GeocoderConfig, params: dict) -> None:
    """Build the geopy object once, so a missing required domain or key surfaces now, naming the
    variables an API key is read from."""
    try:
        build_geocoder(config)
    except ValueError as e:
        creds = _credential_parameters(params)
        if creds and not any(config.options.get(p) for p in creds) and "key" in str(e).lower():
            raise ValueError(f"{e} (an API key is read from {' or '.join(_api_key_variables(config.name))})") from None
        raise


def _default_user_agent() -> str:
    try:
        version = importlib.metadata.version("eventmap")
    except importlib.metadata.PackageNotFoundError:
        version = "dev"
    return f"eventmap/{version}"


def _check_user_agent(name: str, agent: str) -> None:
    """Refuse the sample and default agents a provider's usage policy forbids."""
    from geopy.geocoders import options as geopy_options

    rejected = set(policy()["rejected_user_agents"]) | {geopy_options.default_user_agent}
    if agent.strip() in rejected or agent.strip().lower().startswith("geopy/"):
        raise ValueError(f"--geocoder-option user_agent={agent!r} is a default or sample agent that {name}'s "
                         "usage policy refuses; name your application, e.g. user_agent='myapp/1.0 (me@example.org)'")


def _api_key_variables(name: str) -> list[str]:
    """Where an API key for `name` is looked for, first match wins."""
    return [f"EVENTMAP_{name.upper()}_API_KEY", *provider_policy(name)["api_key_env"], "EVENTMAP_GEOCODER_API_KEY"]


def _api_key_from_environment(name: str) -> tuple[str, str] | None:
    """(variable, key) of the first variable that is set, or None."""
    for var in _api_key_variables(name):
        value = os.environ.get(var, "").strip()
        if value:
            return var, value
    return None
