"""Which language an article is in: checked when the user says, detected when not.

Detection uses py3langid, a maintained fork of langid.py that ships its model inside the package
(no download at run time) and knows 97 languages. Codes are ISO 639-1, as dateparser and CLDR use.
On a short text its character n-grams are unsure ("Talks resume in Paris on Monday." comes out
Estonian or Nigerian Pidgin about as often as English), so when its best guess is weak the leading
guesses are re-ranked by how common the text's words are in each language (wordfreq's word lists,
already a dependency of the geoparser): whole words of a language outvote letter patterns.
"""
from __future__ import annotations

import re
from functools import lru_cache

import languages


DETECT_CHARS = 6000  # enough text for a stable guess, little enough to stay fast
UNSURE = 0.9         # py3langid's probability below which its guess is checked against word lists
CANDIDATES = 6       # the leading guesses re-ranked by their words
WORDS = 200          # words of the text that vote
# Letters of scripts written without spaces (Thai, Lao, Myanmar, Khmer, kana, CJK, Hangul): each says
# about as much as a word does elsewhere.
_UNSPACED = re.compile(r"[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF"
                       r"\uAC00-\uD7AF\uF900-\uFAFF]")
MIN_LETTERS = 12     # fewer letters than this (a CJK character counting as three): too little to guess from
_WORD = re.compile(r"[^\W\d_]+")


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
    """The primary language subtag of `code` (``pt-BR`` -> ``pt``), or a one-line UnknownLanguage
    (also for a code that is not a string at all, such as a corpus line's ``"lang": 5``)."""
    primary = languages.primary(code) if isinstance(code, str) else ""
    if not primary.isalpha() or not 2 <= len(primary) <= 3 or not _known_language(primary):
        shown = repr(code) if len(repr(code)) <= 40 else repr(code)[:38] + "…'"
        raise UnknownLanguage(f"unknown language {shown}: give an ISO 639-1 code such as 'en' or 'id'")
    return primary


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import LanguageIdentifier, MODEL_FILE

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, default: str = "en") -> str:
    """The most likely language of `text`; `default` only when there is too little text to guess from
    (a weak guess on a short text is still right far more often than a fixed default)."""
    sample = text[:DETECT_CHARS]
    if sum(ch.isalpha() for ch in sample) + 2 * len(_UNSPACED.findall(sample)) < MIN_LETTERS:
        return default
    # only codes the rest of eventmap can use: py3langid also answers 'zxx' ("no linguistic content")
    ranked = [(c, p) for c, p in _identifier().rank(sample) if _known_language(c)][:CANDIDATES]
    if not ranked:
        return default
    code, prob = ranked[0]
    if prob >= UNSURE:
        return code
    return _by_words(sample, ranked) or code


@lru_cache(maxsize=1)
def _word_lists() -> frozenset:
    from wordfreq import available_languages

    return frozenset(available_languages())


def _by_words(sample: str, ranked: list[tuple[str, float]]) -> str | None:
    """The guess whose language uses the text's words most (mean zipf frequency; py3langid's probability
    breaks ties); None when no guess has a word list."""
    from wordfreq import zipf_frequency

    words = [w.lower() for w in _WORD.findall(sample)][:WORDS]
    if len(words) < 2 or len(_UNSPACED.findall(sample)) * 3 > sum(map(len, words)):
        return None     # mostly a script written without spaces (Japanese, Chinese, Thai): no words to count
    best, best_score = None, 0.0
    for code, prob in ranked:
        if code not in _word_lists():
            continue
        try:
            score = sum(zipf_frequency(w, code) for w in words) / len(words) + prob
        except Exception:   # a word list that needs a tokenizer this machine lacks
            continue
        if score > best_score:
            best, best_score = code, score
    return best
