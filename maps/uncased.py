"""Place names in scripts without capital letters (Chinese, Japanese, Korean, Arabic, Hebrew, Thai, Hindi ...).

Why: the recogniser (maps/recognize.py) starts from capitalised words, which these scripts do not have,
and Chinese, Japanese and Thai do not even put spaces between words. Here the gazetteer itself is the
recogniser: its names in these scripts (GeoNames' alternate names, CLDR's country names in every locale)
are loaded once into a set, and the text is read for the longest name at each word. Where the article's
language has a segmenter (languages/segmentation.py: fugashi for Japanese, jieba for Chinese, pythainlp
for Thai) a name must start and end where its words do, and a word the segmenter's dictionary tags as a
place name counts however short; elsewhere every character may start a name, and only names that are
safe without other evidence are kept (a country, a province, a region, a big city, or a long name),
because a short name such as a two-character town can hide inside any word.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from languages.segmentation import words as segmented_words
from maps import kinds
from maps.lang_tables import tables
from maps.names import normalize
from maps.recognize import Span, common_in, major

FIRST_UNCASED = "\u0590"     # Hebrew; every script from here on has no letter case (Greek, Cyrillic come before)
# Scripts written without spaces between words: a name may start and end anywhere inside a run of letters.
UNSPACED = re.compile(r"[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF"
                      r"\uAC00-\uD7AF\uF900-\uFAFF]")
HIRAGANA = re.compile(r"[\u3040-\u309F]")
# Korean puts spaces between words and writes its particles after a name, never before: a name in Hangul
# starts a word ("리가", Riga, is no place inside "다리가", the bridge + a particle)
HANGUL = re.compile(r"[\uAC00-\uD7AF]")
SAFE_KINDS = kinds.SAFE_ALONE
SAFE_POPULATION = kinds.BIG_TOWN
SAFE_LENGTH = 4              # characters: a name this long is rarely a piece of another word
FUNCTION_WORD = 6.0          # zipf frequency of a language's commonest words ("two", "from", "that")
MAX_NAME = 24                # characters


_HIGH = re.compile("[^\x00-\u058f]+")


def has_uncased_letters(text: str) -> bool:
    """Whether the scan is worth running: most articles are Latin, Cyrillic or Greek throughout - and a
    letter past Hebrew that has a capital (Vietnamese "ế", polytonic Greek "ἀ") is read by the cased
    recogniser, so it does not call for the scan (nor for loading its names)."""
    return any(any(_uncased(ch) for ch in m.group()) for m in _HIGH.finditer(text))


def _uncased(ch: str) -> bool:
    return ch.isalpha() and ch.lower() == ch.upper()


@lru_cache(maxsize=1)
def _names(gaz) -> tuple[frozenset, dict]:
    """The gazetteer's keys in uncased scripts, and for each first character the lengths that occur."""
    keys = frozenset(k for k in gaz.keys_from(FIRST_UNCASED) if 2 <= len(k) <= MAX_NAME)
    lengths: dict[str, set] = {}
    for k in keys:   # keys are decomposed (Hangul into jamo, ド into ト and a mark): measure them as written
        w = unicodedata.normalize("NFC", k)
        lengths.setdefault(w[0], set()).add(len(w))
    return keys, {ch: sorted(v, reverse=True) for ch, v in lengths.items()}


def _start_ok(text: str, start: int, proclitics: tuple = ()) -> bool:
    """In a spaced script a name starts a word - or follows one of the language's proclitics at a word's
    start ("و" + "الإسكندرية"); in an unspaced one anything goes (a Hangul name starts a word, though)."""
    if start > 0 and _in_word(text[start - 1]) and not (UNSPACED.match(text[start - 1]) and UNSPACED.match(text[start])) \
            and not _after_proclitic(text, start, proclitics):
        return False
    return not (start > 0 and HANGUL.match(text[start]) and HANGUL.match(text[start - 1]))


def _end_ok(text: str, end: int, enclitics: tuple = ()) -> bool:
    """In a spaced script a name ends a word - or is followed by one of the language's enclitics at a
    word's end ("ঢাকা" + "য়")."""
    return not (end < len(text) and _in_word(text[end]) and not (UNSPACED.match(text[end]) and UNSPACED.match(text[end - 1]))
                and not _before_enclitic(text, end, enclitics))


def _in_word(ch: str) -> bool:
    """A letter, or a mark written on one: Devanagari's vowel signs ("ी" in "दिल्ली") are marks, not letters."""
    return ch.isalpha() or unicodedata.category(ch)[0] == "M"


def _after_proclitic(text: str, start: int, proclitics: tuple) -> bool:
    """Is the text between the word's start and ``start`` one of the language's proclitics?"""
    for p in proclitics:
        ws = start - len(p)
        if ws >= 0 and text[ws:start] == p and (ws == 0 or not _in_word(text[ws - 1])):
            return True
    return False


def _before_enclitic(text: str, end: int, enclitics: tuple) -> bool:
    """Is the text between ``end`` and the word's end one of the language's enclitics?"""
    for e in enclitics:
        we = end + len(e)
        if text[end:we] == e and (we == len(text) or not _in_word(text[we])):
            return True
    return False


def _safe(cands) -> bool:
    """A reading safe without other evidence: a large unit or a big city, not a village whose short name
    can hide inside any word."""
    c = cands[0]
    kind = getattr(c, "kind", "")
    return kind in SAFE_KINDS or (getattr(c, "population", 0) or 0) >= SAFE_POPULATION


def find_uncased(text: str, index, lang: str = "") -> list[Span]:
    """Spans of place names written in uncased scripts, longest first at each position, never overlapping."""
    if not hasattr(index.gaz, "keys_from") or not has_uncased_letters(text):
        return []
    keys, lengths = _names(index.gaz)
    clitics = (tables(lang).proclitics, tables(lang).enclitics) if lang else ((), ())
    words = segmented_words(text, lang) if lang else []
    starts = {w.start: w for w in words}
    ends = {w.end for w in words}
    spans: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch < FIRST_UNCASED or not _uncased(ch) or HIRAGANA.match(ch) or (
                words and i not in starts and UNSPACED.match(ch)):
            i += 1
            continue
        found = _name_at(text, i, index, keys, lengths.get(unicodedata.normalize("NFC", normalize(ch))[:1], ()), starts, ends if words else None, clitics, lang)
        if found is not None:
            spans.append(found)
            i = found.end
        else:
            i += 1
    return spans


def _name_at(text: str, i: int, index, keys, lengths, starts: dict, ends: set | None,
             clitics: tuple = ((), ()), lang: str = "") -> Span | None:
    """The longest safe gazetteer name starting at ``i`` (ending at a word's end, when the text's words
    are known)."""
    n = len(text)
    if not _start_ok(text, i, clitics[0]):
        return None     # checked once here, not once for each length: most positions are inside words
    for L in lengths:
        e = i + L
        if e > n or not _in_word(text[e - 1]) or (ends is not None and UNSPACED.match(text[e - 1]) and e not in ends) \
                or not _end_ok(text, e, clitics[1]):
            continue    # the cheap tests first: most lengths end inside a word
        piece = text[i:e]
        if HIRAGANA.search(piece):   # Japanese grammar words; names are written in kanji or katakana
            continue
        if normalize(piece) in keys:
            cands = list(index.lookup(piece))
            tagged = i in starts and starts[i].place and starts[i].end == i + L
            if cands and (_safe(cands) or L >= SAFE_LENGTH or tagged) and not _grammar_word(text, i, i + L, cands, lang):
                return Span(i, i + L, piece, lookup=piece, candidates=cands)
    return None


def _grammar_word(text: str, start: int, end: int, cands, lang: str) -> bool:
    """A whole word of a spaced script that is one of the language's commonest words (Persian "دو", two,
    is listed as another name of a town): the word, not the place - unless the place is a city of a
    million or a unit with an office, whose name is common because the news names it (تهران, ישראל)."""
    if not lang or UNSPACED.match(text[start]) or (start > 0 and _in_word(text[start - 1])) \
            or (end < len(text) and _in_word(text[end])):
        return False
    return common_in(text[start:end], lang, "small") >= FUNCTION_WORD and not major(cands[0])


def merge_spans(cased: list[Span], uncased: list[Span]) -> list[Span]:
    """Both lists together by start; an uncased span that overlaps a cased one yields."""
    if not uncased:
        return cased
    taken = [(s.start, s.end) for s in cased]
    extra = [u for u in uncased if not any(a < u.end and u.start < b for a, b in taken)]
    return sorted(cased + extra, key=lambda s: s.start)
