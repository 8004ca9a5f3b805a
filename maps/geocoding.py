"""Online geocoding through geopy: an optional fallback that never breaks the offline result.

The offline geoparser (`maps.find_places`) resolves what the gazetteer knows and hands over the
place-like names it could not resolve (PlaceMention with place=None). With `--geocoder NAME`,
`OnlineGeocoding.resolve` asks a geopy geocoder about those names (mode ``fallback``), or about every
place (mode ``verify``), and returns new lists; whatever goes wrong on the network, the offline
result comes back intact and `warn` says what happened.

    parser = argparse.ArgumentParser(); add_arguments(parser)
    config = config_from_args(parser.parse_args())          # None: stay offline
    online = OnlineGeocoding(config, warn=print)
    places, unresolved = online.resolve(text, lang, places, unresolved)
    online.stats   # {"requests": 3, "cache_hits": 5, "failures": 0, "breaker_open": False, ...}
    online.last_warnings   # the warnings of that resolve() call (also sent to `warn` as they happen)

Places found online carry ``source`` = the geocoder name and a note saying so; names nobody could
resolve come back in the second list. In verify mode a replaced reading keeps the gazetteer's one
among its ``alternatives``, and every checked mention gets a note (agrees / kept / replaced).

stats keys: requests (HTTP attempts, retries and refused connections included), cache_hits,
answered / empty (names the geocoder answered with / without a result), failures (names that got no
answer), retries, not_asked (names skipped because the circuit breaker was open), resolved (mentions
geocoded), confirmed / kept / replaced (verify mode), breaker_open, breaker_reason, cache (its path).

Pieces:
geocoding_config (options, API keys, policies), geocoding_client (pace, retries, circuit breaker),
geocoding_cache (SQLite answers), geocoding_answers (geopy replies -> candidates),
geocoding_choice (which reading fits the article), geocoding_queries (the bare name after "Desa X").
"""
from __future__ import annotations

import dataclasses
import sqlite3
from typing import Callable

from maps.geocoding_cache import GeocodingCache, normalise_query
from maps.geocoding_choice import ArticleContext, choose, to_place, verdict
from maps.geocoding_client import GeocoderClient
from maps.geocoding_config import (GeocoderConfig, add_arguments, build_geocoder, cache_key_domain,
                                   config_from_args, geocoding_data, make_config)
from maps.geocoding_queries import query_variants
from maps.model import Alternative, Basis, PlaceMention

__all__ = ["GeocoderConfig", "OnlineGeocoding", "add_arguments", "config_from_args", "make_config"]


class OnlineGeocoding:
    """One geocoder for a whole run (many articles share its cache, pace and circuit breaker)."""

    def __init__(self, config: GeocoderConfig, warn: Callable[[str], None] | None = None):
        self.config = config
        self._warn_to = warn or (lambda message: None)
        self.last_warnings: list[str] = []  # what the latest resolve() warned about, for that document's export
        geocoder = build_geocoder(config)
        self._domain = cache_key_domain(config, geocoder)
        self._client = GeocoderClient(config, geocoder, self._warn)
        self._memo: dict[tuple[str, str], list[dict]] = {}
        self._failed_now: set[tuple[str, str]] = set()
        self._counts = {"cache_hits": 0, "resolved": 0, "confirmed": 0, "replaced": 0, "kept": 0}
        self._cache: GeocodingCache | None = None
        if config.cache:
            try:
                self._cache = GeocodingCache(config.cache_dir)
            except (sqlite3.Error, OSError) as e:
                self._warn(f"{config.name}: geocoding cache unusable ({e}); every name will be asked")
        self._startup_warnings = list(self.last_warnings)  # reported again with the first document

    def _warn(self, message: str) -> None:
        self.last_warnings.append(message)
        self._warn_to(message)

    @property
    def stats(self) -> dict:
        """Requests sent (retries included), cache hits, failures, whether the breaker is open, ..."""
        return {"geocoder": self.config.name, "mode": self.config.mode, **self._client.counts,
                **self._counts, "breaker_open": self._client.breaker_open,
                "breaker_reason": self._client.open_reason,
                "cache": str(self._cache.path) if self._cache else None}

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def __enter__(self) -> "OnlineGeocoding":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- asking ---------------------------------------------------------------------------------
    def _cache_get(self, query: str, lang: str) -> list[dict] | None:
        if self._cache is None:
            return None
        try:
            return self._cache.get(self.config.name, self._domain, query, lang)
        except (sqlite3.Error, ValueError) as e:
            self._warn(f"{self.config.name}: geocoding cache unreadable ({e}); going on without it")
            self._cache = None
            return None

    def _cache_put(self, query: str, lang: str, candidates: list[dict]) -> None:
        if self._cache is None:
            return
        try:
            self._cache.put(self.config.name, self._domain, query, lang, candidates)
        except sqlite3.Error as e:
            self._warn(f"{self.config.name}: geocoding cache not writable ({e}); going on without it")
            self._cache = None

    def lookup(self, query: str, lang: str | None) -> list[dict] | None:
        """Candidates for one name: from this run, the cache, or the geocoder; None when it failed."""
        lang = lang or ""
        key = (normalise_query(query), lang)
        if key in self._memo:
            return self._memo[key]
        if key in self._failed_now:
            return None
        found = self._cache_get(query, lang)
        if found is not None:
            self._counts["cache_hits"] += 1
        else:
            found = self._client.ask(query, lang)
            if found is None:
                self._failed_now.add(key)
                return None
            self._cache_put(query, lang, found)
        self._memo[key] = found
        return found

    # -- resolving ------------------------------------------------------------------------------
    def resolve(self, text: str, lang: str, places: list[PlaceMention],
                unresolved: list[PlaceMention]) -> tuple[list[PlaceMention], list[PlaceMention]]:
        """(places, still_unresolved). Never raises on network faults; the inputs are not modified.
        Should anything else go wrong in here, the offline lists come back unchanged, with a warning."""
        self._failed_now.clear()  # a name that failed is not asked twice per article
        self.last_warnings, self._startup_warnings = self._startup_warnings, []
        try:
            return self._resolve(lang, places, unresolved)
        except Exception as e:  # noqa: BLE001 - online geocoding is optional; it must not cost the offline result
            self._warn(f"{self.config.name}: online geocoding failed ({type(e).__name__}: "
                       f"{(str(e).splitlines() or [''])[0][:120]}); the offline result is used as it was")
            return list(places), list(unresolved)

    def _resolve(self, lang: str, places: list[PlaceMention],
                 unresolved: list[PlaceMention]) -> tuple[list[PlaceMention], list[PlaceMention]]:
        name = self.config.name
        not_asked_before = self._client.counts["not_asked"]
        offline = [m.place for m in places if m.place is not None]
        out_places: list[PlaceMention] = []
        for mention in places:
            if self.config.mode == "verify":
                mention = self._verify(mention, lang, places)
            out_places.append(mention)
        context = ArticleContext.of(offline)
        still: list[PlaceMention] = []
        for mention in unresolved:
            queries, kind_hint = query_variants(mention.text, lang)
            for query in queries:  # "Desa Sukamaju", then "Sukamaju" if that found nothing
                candidates = self.lookup(query, lang)
                if candidates is None or candidates:
                    break
            if not candidates:
                still.append(mention)
                continue
            best, confidence, runners = choose(candidates, context, kind_hint)
            self._counts["resolved"] += 1
            note = f"{name}: not in the gazetteer; geocoded online as {best['address'] or best['name']}"
            out_places.append(dataclasses.replace(mention, place=to_place(best, name, confidence, runners),
                                                  basis=Basis.GEOCODER, notes=[*mention.notes, note]))
        skipped = self._client.counts["not_asked"] - not_asked_before
        if skipped:
            self._warn(f"{name}: {skipped} name(s) not asked because the geocoder was given up "
                       f"({self._client.open_reason}); they keep their offline result")
        return out_places, still

    def _verify(self, mention: PlaceMention, lang: str, places: list[PlaceMention]) -> PlaceMention:
        offline = mention.place
        if mention.demonym or offline is None or offline.kind in geocoding_data()["verify"]["skip_kinds"]:
            return mention
        candidates = self.lookup(mention.text, lang)
        if not candidates:
            return mention
        key = normalise_query(mention.text)
        others = [m.place for m in places if m.place is not None and normalise_query(m.text) != key]
        context = ArticleContext.of(others)
        best, confidence, runners = choose(candidates, context)
        outcome, apart = verdict(offline, best, context)
        name = self.config.name
        where = best["address"] or best["name"]
        if outcome == "agree":
            self._counts["confirmed"] += 1
            return dataclasses.replace(mention, notes=[*mention.notes, f"{name}: agrees ({apart:.0f} km apart)"])
        if outcome == "keep":
            self._counts["kept"] += 1
            note = f"{name}: reads it as {where} ({best['country'] or '?'}), {apart:.0f} km away; offline reading kept"
            return dataclasses.replace(mention, notes=[*mention.notes, note])
        self._counts["replaced"] += 1
        was = Alternative(offline.name, offline.country, round(offline.lat, 5), round(offline.lon, 5), offline.kind,
                          source=offline.source)
        note = (f"{name}: replaced the {offline.source} reading {offline.name} ({offline.country or '?'}) with "
                f"{where}, which fits the article's other places better")
        return dataclasses.replace(mention, place=to_place(best, name, confidence, [was, *runners]),
                                   basis=Basis.GEOCODER, located_at=None, notes=[*mention.notes, note])
