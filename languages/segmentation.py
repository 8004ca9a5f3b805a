"""Words of languages written without spaces (Japanese, Chinese, Thai), with where each starts and ends.

Why: a place name in such a text can only start and end where a word does; scanning raw characters
finds "京都" inside "東京都庁" and misses nothing but also trusts nothing. The segmenters are
well-kept libraries that carry their dictionaries in their wheels (nothing is downloaded at run time):
fugashi with unidic-lite for Japanese, jieba for Chinese, pythainlp for Thai. Which one a language
uses is data - the ``segmenter`` key of its ``text`` part (languages/data/<code>/text.json) - and its
``place_tags`` are the part-of-speech tags the segmenter gives place names (unidic's 地名, jieba's
ns): such a word is a place by the dictionary's own word, so even a short name counts.
This is the one module that calls those libraries.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import languages


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    place: bool = False    # the segmenter's dictionary tags it as a place name


def segmenter_of(lang: str) -> str | None:
    """The segmenter a language uses (None: its words are separated by spaces)."""
    code = languages.primary(lang)
    return languages.part(code, "text").get("segmenter") if code else None


def _place_tags(lang: str) -> frozenset:
    return frozenset(languages.part(languages.primary(lang), "text").get("place_tags", ()))


@lru_cache(maxsize=1)
def _fugashi():
    import fugashi

    return fugashi.Tagger()


def _fugashi_words(text: str):
    for w in _fugashi()(text):
        yield w.surface, getattr(w.feature, "pos3", None)


def _jieba_words(text: str):
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    for w in jieba.posseg.cut(text):
        yield w.word, w.flag


def _thai_words(text: str):
    from pythainlp.tokenize import word_tokenize

    for w in word_tokenize(text, engine="newmm", keep_whitespace=True):
        yield w, None


READERS = {"fugashi": _fugashi_words, "jieba": _jieba_words, "pythainlp": _thai_words}


def words(text: str, lang: str) -> list[Word]:
    """The words of ``text`` by the language's segmenter, with their offsets ([] without one)."""
    reader = READERS.get(segmenter_of(lang) or "")
    if reader is None or not text:
        return []
    tags = _place_tags(lang)
    out: list[Word] = []
    pos = 0
    for surface, tag in reader(text):
        if not surface or not surface.strip():
            continue
        at = text.find(surface, pos)
        if at < 0:      # the segmenter normalised something: resynchronise on the next word
            continue
        out.append(Word(at, at + len(surface), tag in tags))
        pos = at + len(surface)
    return out
