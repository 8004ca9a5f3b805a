"""Which of GeoNames' alternate names are a language's own names for a place.

Why its own module: GeoNames keeps a place under one canonical name (Turin, Ostend, Porvoo) and lists
the rest - its name in Italian, Dutch or Swedish, transliterations, old spellings, and words that only
happen to be listed - as alternates. Where a language's news names places by such alternates
(``local_alternates`` in its places table), the recogniser must tell "Torino" (Turin's own name in
Italian) from "Liga" (listed for Riga, but a Spanish word). The tests are general: the place's own
country's languages (CLDR), how common the word is in the language (wordfreq), the place's size, and
whether the two spellings are recognisably one name.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from maps import kinds
from maps.names import normalize

RARE_ALTERNATE = 3.5     # zipf frequency below which a local alternate name is no word of the language
OWN_COUNTRY_WORD = 4.3   # ... below which a town's alternate in its own country's language is its name
                         # ("Oostende"), not a word ("Paz", "Salud")
WORDLIKE_ALTERNATE = 4.5  # ... from which it is as likely a word ("Liga", "indien") unless it is recognisably
                          # the place's own name ("Londra", "Brussel")
SAME_NAME = 0.6          # difflib ratio from which two spellings are one name in two languages


def large(c) -> bool:
    """A place big enough to be named in foreign news: a unit with an office or a town of 100,000."""
    return (getattr(c, "population", 0) or 0) >= kinds.BIG_TOWN or getattr(c, "kind", "") in kinds.LARGE


def local_alternate(c, key: str, rec) -> bool:
    """Is GeoNames' alternate name ``key`` how this language's news names the place ``c``? A rare word
    ("Hangö"), or a large place's name that is no common word of the language ("Luik" for Liège) or is
    recognisably its own name ("Roma", "Londra") - not a word that happens to be listed ("Liga" for Riga).
    An alternate name in a language of the place's own country is its name there ("Oostende")."""
    freq = rec.common(key)
    if rec.lang in official_languages(getattr(c, "country", None)) and (large(c) or freq < OWN_COUNTRY_WORD):
        return True     # "Oostende", "Borgå", "Torino": the place's name in its own country's language
    if freq < RARE_ALTERNATE or (" " in key and large(c)):   # "Nueva York": no phrase is a common word
        return True
    return large(c) and (freq < WORDLIKE_ALTERNATE or _same_name(key, normalize(c.name)))


@lru_cache(maxsize=512)
def official_languages(cc: str | None) -> frozenset:
    """The languages a country writes its own place names in (CLDR's official and de facto languages)."""
    if not cc:
        return frozenset()
    from babel.languages import get_official_languages

    try:
        return frozenset(get_official_languages(cc, de_facto=True))
    except Exception:   # a code CLDR does not know
        return frozenset()


def _same_name(key: str, name: str) -> bool:
    """"Torino" and Turin, "Londra" and London: the same name in two languages (same first letter and
    mostly the same letters), not another word ("Liga" and Riga)."""
    return key[:1] == name[:1] and (key[:3] == name[:3] or SequenceMatcher(None, key, name).ratio() >= SAME_NAME)


def local_first(cands: tuple, key: str, rec) -> tuple:
    """A large place's name in the language ("Genova") before small places whose own name it is
    (Génova, Colombia)."""
    def first(c) -> bool:
        return getattr(c, "match", "") == "alt" and large(c) and local_alternate(c, key, rec)
    lead = [c for c in cands if first(c)]
    if not lead or lead[0] is cands[0]:
        return cands
    return tuple(lead) + tuple(c for c in cands if not first(c))
