"""`OnlineGeocoding`: one geocoder for a whole run - what to ask, in what order, and what to do with
the answers - without ever costing the offline result.

Why one object per run: many articles share its cache, its pace and its circuit breaker, so a dead
server is given up once, not once per article. Within an article a name is asked at most once
(answers and failures are remembered), and a reading found online is chosen by how well it fits the
article's other places (choice.py).
"""
from __future__ import annotations

import dataclasses
import sqlite3
from typing import Callable

from maps import kinds
from maps.geocoding.cache import GeocodingCache
from maps.geocoding.choice import ArticleContext, choose, to_place, verdict
from maps.geocoding.client import GeocoderClient
from maps.geocoding.clock import Clock
from maps.geocoding.config import GeocoderConfig
from maps.geocoding.geocoders import build_geocoder, cache_key_domain
from maps.geocoding.queries import query_variants
from maps.model import Alternative, Basis, PlaceMention
from maps.names import normalize

# Offline placements that are only approximate (maps/placement.py): a geocoder is asked for these too.
GUESSED = frozenset({Basis.WITHIN, Basis.NEARBY, Basis.COUNTRY})


class OnlineGeocoding:
    """One geocoder for a whole run (many articles share its cache, pace and circuit breaker).

    `clock` is what every wait goes through (pacing, back-off, Retry-After); None = the real clock.
    """

    def __init__(self, config: GeocoderConfig, warn: Callable[[str], None] | None = None,
                 clock: Clock | None = None):
        self.config = config
        self._warn_to = warn or (lambda message: None)
        self.last_warnings: list[str] = []  # what the latest resolve() warned about, for that document's export
        geocoder = build_geocoder(config)
        self._domain = cache_key_domain(config, geocoder)
        self._client = GeocoderClient(config, geocoder, self._warn, clock)
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
        """The cached answer, or None; a broken cache is dropped with a warning, never raised."""
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
        key = (normalize(query), lang)
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
        not_asked_before = self._client.counts["not_asked"]
        out_places = [self._verify(m, lang, places) if self.config.mode == "verify" else m for m in places]
        context = ArticleContext.of([m.place for m in places if m.place is not None])
        for i, m in enumerate(out_places):
            if m.basis in GUESSED:   # placed only approximately offline: a geocoder may know it
                out_places[i] = self._place_online(m, lang, context) or m
        still: list[PlaceMention] = []
        for mention in unresolved:
            found = self._place_online(mention, lang, context)
            if found is None:
                still.append(mention)
            else:
                out_places.append(found)
        skipped = self._client.counts["not_asked"] - not_asked_before
        if skipped:
            self._warn(f"{self.config.name}: {skipped} name(s) not asked because the geocoder was given up "
                       f"({self._client.open_reason}); they keep their offline result")
        return out_places, still

    def _place_online(self, mention: PlaceMention, lang: str, context: ArticleContext) -> PlaceMention | None:
        """The unresolved mention placed at its best reading online, or None when nothing was found."""
        queries, kind_hint = query_variants(mention.text, lang)
        for query in queries:  # "Desa Sukamaju", then "Sukamaju" if that found nothing
            candidates = self.lookup(query, lang)
            if candidates is None or candidates:
                break
        if not candidates:
            return None
        best, confidence, runners = choose(candidates, context, kind_hint)
        self._counts["resolved"] += 1
        name = self.config.name
        note = f"{name}: not in the gazetteer; geocoded online as {best['address'] or best['name']}"
        return dataclasses.replace(mention, place=to_place(best, name, confidence, runners),
                                   basis=Basis.GEOCODER, located_at=None, notes=[*mention.notes, note])

    def _verify(self, mention: PlaceMention, lang: str, places: list[PlaceMention]) -> PlaceMention:
        """Verify mode: ask about a resolved mention and keep, confirm or replace its reading."""
        offline = mention.place
        if mention.demonym or offline is None or offline.kind in kinds.BROAD:
            return mention
        candidates = self.lookup(mention.text, lang)
        if not candidates:
            return mention
        key = normalize(mention.text)
        context = ArticleContext.of([m.place for m in places if m.place is not None and normalize(m.text) != key])
        best, confidence, runners = choose(candidates, context)
        outcome, apart = verdict(offline, best, context)
        self._counts[{"agree": "confirmed", "keep": "kept", "replace": "replaced"}[outcome]] += 1
        name, where = self.config.name, best["address"] or best["name"]
        if outcome == "agree":
            return dataclasses.replace(mention, notes=[*mention.notes, f"{name}: agrees ({apart:.0f} km apart)"])
        if outcome == "keep":
            note = f"{name}: reads it as {where} ({best['country'] or '?'}), {apart:.0f} km away; offline reading kept"
            return dataclasses.replace(mention, notes=[*mention.notes, note])
        was = Alternative(offline.name, offline.country, round(offline.lat, 5), round(offline.lon, 5), offline.kind,
                          source=offline.source)
        note = (f"{name}: replaced the {offline.source} reading {offline.name} ({offline.country or '?'}) with "
                f"{where}, which fits the article's other places better")
        return dataclasses.replace(mention, place=to_place(best, name, confidence, [was, *runners]),
                                   basis=Basis.GEOCODER, located_at=None, notes=[*mention.notes, note])
