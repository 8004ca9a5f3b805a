"""Online geocoding through geopy: an optional fallback that never breaks the offline result.

The offline geoparser (`maps.find_places`) resolves what the gazetteer knows and hands over the
place-like names it could not resolve (PlaceMention with place=None). With `--geocoder NAME`,
`OnlineGeocoding.resolve` asks a geopy geocoder about those names (mode ``fallback``), or about every
place (mode ``verify``), and returns new lists; whatever goes wrong on the network, the offline
result comes back intact and `warn` says what happened.

    parser = argparse.ArgumentParser(); add_arguments(parser)
    config = config_from_args(parser.parse_args())          # None: stay offline
    online = OnlineGeocoding(config, warn=print)            # clock=... to drive time in tests
    places, unresolved = online.resolve(text, lang, places, unresolved)
    online.stats   # {"requests": 3, "cache_hits": 5, "failures": 0, "breaker_open": False, ...}
    online.last_warnings   # the warnings of that resolve() call (also sent to `warn` as they happen)

Mentions placed online carry ``basis=Basis.GEOCODER`` and a place whose ``source`` is the geocoder's
name, with typed runner-ups (`Alternative`) and a note for people; names nobody could resolve come
back in the second list. In verify mode a replaced reading keeps the gazetteer's one among its
``alternatives``, and every checked mention gets a note (agrees / kept / replaced). Notes are free
text for the reader: no code reads them.

stats keys: requests (HTTP attempts, retries and refused connections included), cache_hits,
answered / empty (names the geocoder answered with / without a result), failures (names that got no
answer), retries, not_asked (names skipped because the circuit breaker was open), resolved (mentions
geocoded), confirmed / kept / replaced (verify mode), breaker_open, breaker_reason, cache (its path).

Modules, in the order a request meets them:
  config     what the user asked (options, tunables, API keys from the environment), checked up front
  policy     the provider table and thresholds (data/policy.json)
  geocoders  geopy's class for a name, built with eventmap's transport settings
  online     OnlineGeocoding: per-run memo, cache and the choice of readings
  queries    what to ask for a name ("Desa X", then "X") and the kind its head word promises
  cache      SQLite answers, negative ones included
  client     one name at a time: pace, retries, Retry-After, circuit breaker
  clock      the time every wait goes through (SystemClock, or a test's fake one)
  ratelimit  geopy's RateLimiter on that clock
  failures   what a failed request means (retry? give up?)
  answers    geopy replies -> candidate dicts
  choice     which candidate fits the article; verify mode's keep / replace rule
"""
from maps.geocoding.clock import Clock, SystemClock
from maps.geocoding.config import GeocoderConfig, add_arguments, config_from_args, make_config
from maps.geocoding.online import OnlineGeocoding

__all__ = ["Clock", "GeocoderConfig", "OnlineGeocoding", "SystemClock", "add_arguments", "config_from_args",
           "make_config"]
