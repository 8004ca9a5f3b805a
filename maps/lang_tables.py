"""Per-language recognition tables: the ``places`` part of a language (languages/data/<lang>/places.json).

Why: the geoparser's knowledge of a language - which words head a place name (Kota, Lake), which
titles announce a person (Presiden, Mr), which words make a name an organisation (Universitas, Bank)
- is data, so a new language is a new JSON file and no code. The `languages` loader applies the one
fallback rule (a language without a table reads English's; English titles, first names, organisation
words and aliases are added to every language's own); this module only shapes the words for the
recogniser (sets, lower case, head lengths).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import languages


@dataclass(frozen=True)
class LangTables:
    """Recognition cues of one language (already merged with the English fallback where sensible)."""

    lang: str
    country: str | None = None                      # the country most news in it is about
    plural_suffix: str = ""                         # "Mexicans": a demonym in the plural names people
    places_inside_organisations: bool | str = True  # "Gainesville Police Department": keep Gainesville;
                                                    # "after_connector": only "Procura di Trani"
    local_alternates: bool = False                  # GeoNames' alternate names are how this language's news
                                                    # names places ("Borgå", "Nuova York"), not only variants
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
    nouns_capitalised: bool = False                 # German: a capitalised noun beside a name is no name
    lower_demonyms: tuple = ()                      # endings of place adjectives written in lower case
                                                    # ("российский", "московском"), which name their place
    compound_heads: dict = field(default_factory=dict)  # ends of compound names -> kind ("straat" -> street)
    articles: dict = field(default_factory=dict)    # definite articles and the prepositions fused with
                                                    # them -> the plain article ("del" -> "il")
    hyphen_compounds: bool = False                  # a name hyphenated to a lower-case noun is one word
                                                    # of the language ("Lokeren-trainer"), not a place
    numbered_heads: frozenset = frozenset()         # heads after which a number is part of the name
                                                    # ("SMK Negeri 1 Makassar")
    proclitics: tuple = ()                          # letters written onto the next word ("و" and, "ב" in):
                                                    # "والإسكندرية" holds the name "الإسكندرية"
    enclitics: tuple = ()                           # endings written onto a name (Bengali "ঢাকায়" in Dhaka,
                                                    # Tamil "சென்னையில்" in Chennai)
    max_head_tokens: int = 2


@lru_cache(maxsize=16)
def tables(lang: str) -> LangTables:
    """Tables for ``lang`` (an unknown language gets English's)."""
    code = languages.primary(lang) or "en"
    own = languages.part(code, "places")

    def words(key: str) -> frozenset:
        return frozenset(own.get(key, []))

    pre = dict(own.get("pre_heads", {}))
    post = dict(own.get("post_heads", {}))
    heads = list(pre) + list(post)
    return LangTables(
        lang=code,
        country=own.get("country"),
        title_places=own.get("title_places", "regions"),
        plural_suffix=own.get("plural_suffix", ""),
        places_inside_organisations=own.get("places_inside_organisations", True),
        local_alternates=bool(own.get("local_alternates", False)),
        pre_heads=pre,
        post_heads=post,
        unresolved_ok_heads=frozenset([h.lower() for h in own.get("unresolved_ok_heads", [])]
                                      + list(own.get("compound_heads", {}))),
        lower_heads=frozenset(h.lower() for h in own.get("lower_heads", [])),
        connectors=words("connectors"),
        name_particles=frozenset(w.lower() for w in own.get("name_particles", [])),
        containment_words=frozenset(w.lower() for w in own.get("containment_words", [])),
        list_words=frozenset(w.lower() for w in own.get("list_words", [])),
        located_in_words=frozenset(w.lower() for w in own.get("located_in_words", [])),
        kind_words_after=dict(own.get("kind_words_after", {})),
        place_preps=frozenset(w.lower() for w in own.get("place_preps", [])),
        town_preps=frozenset(w.lower() for w in own.get("town_preps", [])),
        person_titles=words("person_titles"),
        person_after=frozenset(w.lower() for w in own.get("person_after", [])),
        person_before=frozenset(w.lower() for w in own.get("person_before", [])),
        given_names=words("given_names"),
        org_words=words("org_words"),
        org_prefix=tuple(own.get("org_prefix", [])),
        acronym_places=words("acronym_places"),
        not_places=words("not_places"),
        not_place_before=frozenset(w.lower() for w in own.get("not_place_before", [])),
        not_place_after=frozenset(w.lower() for w in own.get("not_place_after", [])),
        aliases=dict(own.get("aliases", {})),
        expansions=dict(own.get("expansions", {})),
        abbreviations=frozenset(w for w in list(own.get("aliases", {})) + list(own.get("expansions", {})) + heads
                                + list(own.get("person_titles", [])) + list(own.get("not_places", []))
                                if w.endswith(".")),
        head_joiners=frozenset(own.get("head_joiners", [])),
        numbered_heads=frozenset(own.get("numbered_heads", [])),
        compound_heads=dict(own.get("compound_heads", {})),
        lower_demonyms=tuple(own.get("lower_demonyms", ())),
        nouns_capitalised=bool(own.get("nouns_capitalised", False)),
        proclitics=tuple(sorted(own.get("proclitics", []), key=len, reverse=True)),
        enclitics=tuple(sorted(own.get("enclitics", []), key=len, reverse=True)),
        hyphen_compounds=bool(own.get("hyphen_compounds", False)),
        articles={k.lower(): v for k, v in own.get("articles", {}).items()},
        max_head_tokens=max((len(h.split()) for h in heads), default=1),
    )
