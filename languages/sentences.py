"""Split an article into sentences and paragraphs, keeping character offsets.

Why one splitter: events are built per sentence and every item on the page points back to one;
the date tagger reads the tense words of a date's sentence; the place recogniser needs to know which
capitals only open a sentence. All three use this split, made once per article, with exact offsets
into the article text. A small rule-based splitter is enough for news prose: it breaks at paragraph
breaks (a blank line, a bullet), at a line break before anything but a lower-case letter (news text
puts one paragraph or one headline on a line), and at . ! ? … followed by a capital, a digit or an
opening quote - except after known abbreviations (the language's ``text`` part:
languages/data/<lang>/text.json plus the multilingual list), initials, and - in a language that writes a
day as an ordinal with a full stop ("am 14. Juli", "14. heinäkuuta": ``ordinal_dot`` in its text part) -
a day number before a month name (dateparser's names for the language); CJK stops need no space.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import languages
from languages.calendar_names import MONTHS, dateparser_info

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*|\n(?=[ \t]*[-•*]\s)")
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[]?[\w¿¡])"
                       r"|([。！？]+)([”」』）]*)(\s*)(?=\S)"   # CJK stops need no space after them
                       r"|[ \t]*(\n)\s*(?=\S)", re.UNICODE)
_WORD_BEFORE = re.compile(r"([\w.]+)$", re.UNICODE)
_WORD_AFTER = re.compile(r"[\"'“‘«(\[]?(\w+)", re.UNICODE)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    return frozenset(languages.part(lang, "text").get("abbreviations", []))


@lru_cache(maxsize=None)
def _ordinal_months(lang: str) -> frozenset[str]:
    """Month names after which a day's full stop ends no sentence (empty: the language has no such days)."""
    if not languages.part(lang, "text").get("ordinal_dot"):
        return frozenset()
    info = dateparser_info(languages.primary(lang))
    return frozenset(n.lower().rstrip(".") for m in MONTHS for n in info.get(m, []) if n)


def _is_break(text: str, m: re.Match, abbrev: frozenset[str], months: frozenset[str] = frozenset()) -> bool:
    nxt = text[m.end():m.end() + 1]
    if m.group(7) is not None or "\n" in m.group(3):
        return not nxt.islower()   # a new line, unless the sentence runs on in lower case
    if m.group(1) != ".":
        return True
    w = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())  # bounded: long paragraphs stay linear
    word = w.group(1).lower().rstrip(".") if w else ""
    if word in abbrev:
        return False
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return False
    if months and word.isdigit() and len(word) <= 2:   # "am 14. Juli": a day, not a sentence's end
        after = _WORD_AFTER.match(text, m.end())
        if after and after.group(1).lower() in months:
            return False
    if nxt.islower():
        return False
    return True


def split_sentences(text: str, lang: str = "en") -> list[Sentence]:
    """Sentences in order, trimmed of surrounding white space, each with its paragraph number."""
    abbrev, months = _abbreviations(lang), _ordinal_months(lang)
    out: list[Sentence] = []
    para = 0
    pos = 0
    blocks = []
    for m in _PARAGRAPH.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for bstart, bend in blocks:
        block = text[bstart:bend]
        if not block.strip():
            continue
        cut = 0
        for m in _BOUNDARY.finditer(block):
            if m.group(4) is not None:  # a CJK stop
                _add(out, text, bstart + cut, bstart + m.end(5), para)
                cut = m.end()
            elif _is_break(block, m, abbrev, months):
                _add(out, text, bstart + cut, bstart + (m.start(7) if m.group(7) is not None else m.end(2)), para)
                cut = m.end()
        _add(out, text, bstart + cut, bend, para)
        para += 1
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, para))


class SentenceIndex:
    """Which sentence a span of the text lies in, by bisection over the split's starts."""

    def __init__(self, sentences: list[Sentence], text_length: int):
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.length = text_length

    def around(self, start: int, end: int) -> tuple[int, int]:
        """From the start of the sentence holding ``start`` to the end of the one holding ``end``."""
        k = bisect_right(self.starts, start) - 1
        lo = self.sentences[k].start if k >= 0 else 0
        k2 = bisect_right(self.starts, max(start, end - 1)) - 1
        hi = self.sentences[k2].end if k2 >= 0 else self.length
        return min(lo, start), max(hi, end)

