"""Per-language recognition tables (maps/data/lang/<lang>.json), loaded once and merged with English.

Why: the geoparser's knowledge of a language - which words head a place name (Kota, Lake), which
titles announce a person (Presiden, Mr), which words make a name an organisation (Universitas, Bank)
- is data, so a new language is a new JSON file and no code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent / "data" / "lang"
FALLBACK = "en"


@dataclass(frozen=True)
class LangTables:
    """Recognition cues of one language (already merged with the English fallback where sensible)."""

    lang: str
    country: str | None = None                      # the country most news in it is about
    plural_suffix: str = ""                         # "Mexicans": a demonym in the plural names people
    places_inside_organisations: bool = True        # "Gainesville Police Department": keep Gainesville
    title_places: str = "regions"                   # after a title ("Gubernur Jawa Barat", "Governor of Texas"):
                                                    # "all" places count, "regions" only countries/provinces, "none"
    pre_heads: dict = field(default_factory=dict)    # head text -> kind ("Kabupaten" -> admin2)
    post_heads: dict = field(default_factory=dict)   # "County" -> admin2
    unresolved_ok_heads: frozenset = frozenset()     # heads strong enough to keep an unknown name
    lower_heads: frozenset = frozenset()             # lower-case heads that open a place ("gedung")
    connectors: frozenset = frozenset()              # lower-case words allowed inside a name
    name_particles: frozenset = frozenset()          # "al", "bin": what follows is part of a person's name
    containment_words: frozenset = frozenset()       # "Marawi di Mindanao", "Dublin in Ohio"
    located_in_words: frozenset = frozenset()        # "Loyola University in Los Angeles": the building's city
    list_words: frozenset = frozenset()              # "Ohio and Texas", "Jawa atau Bali": names listed together
    kind_words_after: dict = field(default_factory=dict)  # "Washington state", "Quebec province": lower-case
                                                          # word after a name -> the kind of place it means
    place_preps: frozenset = frozenset()             # words before a name that say "place"
    town_preps: frozenset = frozenset()              # words before a name that say "a town", not a shop or a
                                                     # street ("in Springfield", not "at Maple")
    person_titles: frozenset = frozenset()
    person_after: frozenset = frozenset()
    person_before: frozenset = frozenset()
    given_names: frozenset = frozenset()            # common first names: "Tim Baker" is a person
    org_words: frozenset = frozenset()
    org_prefix: tuple = ()
    acronym_places: frozenset = frozenset()
    not_places: frozenset = frozenset()
    not_place_before: frozenset = frozenset()       # "dollar Singapura": a currency, not a place
    not_place_after: frozenset = frozenset()        # "Singapore dollar"
    aliases: dict = field(default_factory=dict)     # "Ky." -> "Kentucky", "Jabar" -> "Jawa Barat"
    expansions: dict = field(default_factory=dict)  # word-level: "St." -> "Saint" (St. Louis)
    abbreviations: frozenset = frozenset()          # words that keep their dot ("St.", "Ky.", "Jl.")
    head_joiners: frozenset = frozenset()           # "of" ending a lower-case head: "the village of X" names X
    max_head_tokens: int = 2


def _read(lang: str) -> dict:
    path = LANG_DIR / f"{lang}.json"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=16)
def tables(lang: str) -> LangTables:
    """Tables for ``lang``; unknown languages get English, a known one adds English person titles and
    organisation words (news in any language quotes English names) but keeps its own heads."""
    lang = (lang or FALLBACK).split("-")[0].lower()
    own = _read(lang)
    base = _read(FALLBACK) if lang != FALLBACK else {}
    if not own:
        own, base = _read(FALLBACK), {}

    def merged(key: str, with_base: bool) -> frozenset:
        vals = list(own.get(key, []))
        if with_base:
            vals += base.get(key, [])
        return frozenset(vals)

    pre = dict(own.get("pre_heads", {}))
    post = dict(own.get("post_heads", {}))
    heads = list(pre) + list(post)
    return LangTables(
        lang=lang,
        country=own.get("country"),
        title_places=own.get("title_places", "regions"),
        plural_suffix=own.get("plural_suffix", ""),
        places_inside_organisations=bool(own.get("places_inside_organisations", True)),
        pre_heads=pre,
        post_heads=post,
        unresolved_ok_heads=frozenset(h.lower() for h in own.get("unresolved_ok_heads", [])),
        lower_heads=frozenset(h.lower() for h in own.get("lower_heads", [])),
        connectors=merged("connectors", False),
        name_particles=frozenset(w.lower() for w in own.get("name_particles", [])),
        containment_words=frozenset(w.lower() for w in own.get("containment_words", [])),
        list_words=frozenset(w.lower() for w in own.get("list_words", [])),
        located_in_words=frozenset(w.lower() for w in own.get("located_in_words", [])),
        kind_words_after=dict(own.get("kind_words_after", {})),
        place_preps=frozenset(w.lower() for w in own.get("place_preps", [])),
        town_preps=frozenset(w.lower() for w in own.get("town_preps", [])),
        person_titles=merged("person_titles", True),
        person_after=frozenset(w.lower() for w in own.get("person_after", [])),
        person_before=frozenset(w.lower() for w in own.get("person_before", [])),
        given_names=merged("given_names", True),
        org_words=merged("org_words", True),
        org_prefix=tuple(own.get("org_prefix", [])),
        acronym_places=merged("acronym_places", True),
        not_places=merged("not_places", False),
        not_place_before=frozenset(w.lower() for w in own.get("not_place_before", [])),
        not_place_after=frozenset(w.lower() for w in own.get("not_place_after", [])),
        aliases={**base.get("aliases", {}), **own.get("aliases", {})},
        expansions={**base.get("expansions", {}), **own.get("expansions", {})},
        abbreviations=frozenset(w for w in list(own.get("aliases", {})) + list(own.get("expansions", {}))
                                + list(base.get("expansions", {})) + list(base.get("aliases", {})) + heads
                                + list(own.get("person_titles", [])) + list(base.get("person_titles", []))
                                + list(own.get("not_places", [])) if w.endswith(".")),
        head_joiners=frozenset(own.get("head_joiners", [])),
        max_head_tokens=max((len(h.split()) for h in heads), default=1),
    )
