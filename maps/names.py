"""The one name normaliser: how two spellings of a place name are found to be the same name.

The gazetteer stores every name under this key, the recogniser looks names up by it, the resolver
groups an article's mentions by it and the geocoding cache files its questions under it, so
"St. Louis", "St Louis" and "ST LOUIS", or "Köln" and "Koln", are one name everywhere.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CHAR_MAP = {ord(k): v for k, v in {
    "’": "'", "‘": "'", "‛": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "′": "'", "ʹ": "'",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-", "﹣": "-", "－": "-",
    "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th",
    "Þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "ħ": "h", "Ħ": "h",
    ".": "", "\u00a0": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\u00ad": "",
}.items()}
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+(?:['-]\w+)*")


def normalize(name: str) -> str:
    """The lookup key of a name: no accents, casefolded, one apostrophe and one dash, no periods
    (so "U.S." == "US" and "St. Louis" == "St Louis"), single spaces."""
    s = name
    if not s.isascii():   # ASCII has no accents to take off: NFKD and the filter would change nothing
        s = unicodedata.normalize("NFKD", s)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.translate(_CHAR_MAP).casefold()
    return _SPACES.sub(" ", s).strip()


def key_tokens(key: str) -> list[str]:
    """The words of a normalised key, as a longest-match recogniser counts them (inner - and ' bind)."""
    return _TOKEN.findall(key)


@lru_cache(maxsize=32)
def country_names(lang: str) -> frozenset:
    """CLDR country names in ``lang`` and English, normalised: an exonym from another language
    ("Marawi" is Malawi somewhere, not in Indonesian) is weaker evidence than the reader's own word."""
    from babel import Locale

    names = set()
    for loc in {lang, "en"}:
        try:
            names.update(normalize(n) for n in Locale.parse(loc).territories.values())
        except Exception:   # a language CLDR does not know
            continue
    return frozenset(names)
