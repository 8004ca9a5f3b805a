"""Which language an article is in: checked when the user says, detected when not.

Detection uses py3langid, a maintained fork of langid.py that ships its model inside the package
(no download at run time) and knows 97 languages. Codes are ISO 639-1, as dateparser and CLDR use.
"""
from __future__ import annotations

from functools import lru_cache

import languages


DETECT_CHARS = 6000  # enough text for a stable guess, little enough to stay fast


@lru_cache(maxsize=None)
def _known_language(code: str) -> bool:
    from babel import Locale
    from babel.core import UnknownLocaleError

    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return False
    return True


class UnknownLanguage(ValueError):
    """A language code that neither ISO 639 nor CLDR knows; the message is one line for the user."""


def check_language(code: str) -> str:
    """The primary language subtag of `code` (``pt-BR`` -> ``pt``), or a one-line UnknownLanguage."""
    primary = languages.primary(code)
    if not primary.isalpha() or not 2 <= len(primary) <= 3 or not _known_language(primary):
        raise UnknownLanguage(f"unknown language {code!r}: give an ISO 639-1 code such as 'en' or 'id'")
    return primary


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import LanguageIdentifier, MODEL_FILE

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, default: str = "en") -> str:
    """The most likely language of `text`; `default` only when there is too little text to guess from
    (a weak guess on a short text is still right far more often than a fixed default)."""
    sample = text[:DETECT_CHARS]
    if sum(ch.isalpha() for ch in sample) < 12:
        return default
    code, _prob = _identifier().classify(sample)
    return code
