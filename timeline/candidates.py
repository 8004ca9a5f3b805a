"""Find date-expression candidates with exact character offsets.

Why: the candidate finder must be fast (it runs over every article) and multilingual, so it is a set of
regular expressions compiled once per language: the language-neutral shapes of timeline/shapes.py filled
with the words of the language table (timeline/lang.py). Only the text around trigger words and digits is
searched. Each match becomes a `Candidate` whose `kind` names the shape and whose `fields` hold the named
parts; the readers (timeline/normalize.py, timeline/readers/) turn those into TIMEX3 values.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from timeline.lang import LangTable, load_language
from timeline.patterns import B, E, alt
from timeline.shapes import SHAPE_CLASSES, bounds, shape_patterns, trigger_pattern


@dataclass
class Candidate:
    """One shape match: text[start:end], the shape's `kind` and `rank` (its place in the shape table: the
    lower, the more specific), the named parts as written (`fields`) and where they are (`spans`)."""

    start: int
    end: int
    kind: str
    fields: dict = field(default_factory=dict)
    rank: int = 0
    spans: dict = field(default_factory=dict)  # group name -> (start, end) in the text


@dataclass
class Grammar:
    """One language's compiled patterns: the shapes, the trigger, and the cues the readers look for around
    a candidate (part and signal words before it, weak-name cues, tense cues)."""

    table: LangTable
    raw: list  # (kind, pattern) of each shape, by rank
    shapes_lower: list  # (kind, compiled regex, rank), case-sensitive, for lower-cased text (faster)
    trigger_lower: re.Pattern
    prefix_part: re.Pattern
    prefix_signal: re.Pattern
    weak_cue: re.Pattern
    signal_tense: re.Pattern
    future_cue: re.Pattern
    past_cue: re.Pattern

    @cached_property
    def shapes(self) -> list:
        """The shapes case-insensitive, for the rare text whose lower-casing changes its length: compiled
        when first needed, since compiling the shapes is most of a language's start-up."""
        return [(kind, re.compile(rx, re.IGNORECASE), i) for i, (kind, rx) in enumerate(self.raw)]

    @cached_property
    def trigger(self) -> re.Pattern:
        return re.compile(self.trigger_lower.pattern, re.IGNORECASE)


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """Compile (once per language) the shapes and the helper patterns."""
    t = load_language(lang)
    raw = shape_patterns(t)
    shapes_lower = [(kind, re.compile(rx), i) for i, (kind, rx) in enumerate(raw)]
    x = t.get
    joiners = alt(x("part_joiners"))   # "the end of (the) 2015" joins a part word to its date
    articles = alt(x("articles"))
    prefix_part = re.compile(rf"(?:^|(?<=[^\w]))(?P<part>{alt(x('parts'))})(?:\s*-\s*|\s+)(?:(?:{joiners})\s+)?$", re.I)
    prefix_signal = re.compile(rf"(?:^|(?<=[^\w]))(?P<sig>{alt(x('signals'))})\s+$", re.I)
    weak_cue = re.compile(rf"(?:^|(?<=[^\w]))(?:{alt(t.weak_name_cues)})(?:\s+(?:{articles}))?[\s-]+$", re.I)
    # future forms by their ending where the language inflects them ("sera", "llegará", "chegarão")
    fut_suffixes = alt(x("future_cue_suffixes"))
    b, e = bounds(t)
    future_cue = re.compile(rf"{b}(?:{alt(x('future_cues'))}|(?-i:[^\W\d_A-Z]\w+?(?:{fut_suffixes}))){e}", re.I)
    suffixes = alt(x("past_cue_suffixes"))
    past_cue = re.compile(rf"{b}(?:{alt(x('past_cues'))}|(?-i:(?P<weak>[^\W\d_A-Z]\w{{2,}}(?:{suffixes})))){e}", re.I)
    trigger_lower = re.compile(trigger_pattern(t))
    signal_tense = re.compile(rf"(?:^|(?<=[^\w]))(?P<sig>{alt(x('signal_tense'))})\s+(?:(?:{articles})\s+)?$", re.I)
    return Grammar(t, raw, shapes_lower, trigger_lower, prefix_part, prefix_signal, weak_cue,
                   signal_tense, future_cue, past_cue)


# Every Unicode decimal digit (Persian, Devanagari, full-width ...) read as its ASCII digit.
ASCII_DIGITS = {cp: str(unicodedata.digit(chr(cp))) for cp in range(0x80, 0x1FBFA)
                if unicodedata.category(chr(cp)) == "Nd"}
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
# The capital dotted I of Turkish and Azerbaijani lower-cases by Unicode's default rule to two characters
# (i and a combining dot), so "İki gün sonra" matched no word of a table; read as I, it lower-cases to i.
DOTTED_I = {0x130: "I"}


_last: tuple[str, str, list[Candidate]] | None = None   # the text read last, its language and candidates


def find_candidates(text: str, lang: str) -> list[Candidate]:
    """Every shape match, ordered by start, longest first, then by shape rank (overlaps are resolved later).

    The last text's matches are kept: an article without a publication date is searched for its
    anchor (`infer_anchor`) and then for its dates, the same text twice in a row, and the search is a
    sixth of the time an article takes. Each caller gets its own copies (the tagger writes into a
    candidate's fields), so what one reads never depends on what another did."""
    global _last
    last = _last
    if last is not None and last[1] == lang and last[0] == text:
        found = last[2]
    else:
        found = _search(text, lang)
        _last = (text, lang, found)
    return [Candidate(c.start, c.end, c.kind, dict(c.fields), c.rank, dict(c.spans)) for c in found]


def _search(text: str, lang: str) -> list[Candidate]:
    g = grammar(lang)
    found = []
    if _OTHER_DIGIT.search(text):   # ۲۰۱۷, ２０１７ -> 2017: one character for one, offsets unchanged
        text = text.translate(ASCII_DIGITS)
    if "\u0130" in text:
        text = text.translate(DOTTED_I)
    low = text.lower()
    if len(low) == len(text):      # the usual case: match the lower-cased text without IGNORECASE
        searched, shapes, trigger = low, g.shapes_lower, g.trigger_lower
    else:                          # a few characters change length when lower-cased
        searched, shapes, trigger = text, g.shapes, g.trigger
    regions = _regions(searched, trigger, g.table)
    unspaced = bool(g.table.get("unspaced"))   # words run together: a trigger may hide another ("下周三")
    for kind, rx, rank in shapes:
        for lo, hi in regions["any" if unspaced else SHAPE_CLASSES.get(kind, "word")]:
            _scan(text, searched, lo, hi, kind, rx, rank, found)
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.rank))
    return found


LEFT, RIGHT = 40, 80  # context searched around a trigger: the longest shapes start or end this far from it


def _regions(text: str, trigger: re.Pattern, t: LangTable) -> dict[str, list[tuple[int, int]]]:
    """Merged windows around trigger words and digits, per trigger class and for all ("any")."""
    out: dict[str, list[list[int]]] = {"any": [], "digit": [], "word": [], "month": [], "weekday": [], "spelled": [],
                                       "pod": []}
    spelled = {w.lower() for w in list(t.get("spelled_centuries")) + list(t.get("spelled_millennia"))
               + list(t.get("spelled_decades"))}
    pods = {w.lower() for w in t.get("pods")}
    for m in trigger.finditer(text):
        lo, hi = max(0, m.start() - LEFT), min(len(text), m.end() + RIGHT)
        classes = ["any"]
        if m.group("num") is not None:
            classes.append("digit")
        else:
            classes.append("word")
            w = re.sub(r"\s+", " ", m.group("word").lower())
            if w in t.months:
                classes.append("month")
            if w in t.weekdays:
                classes.append("weekday")
            if w in spelled:
                classes.append("spelled")
            if w in pods:
                classes.append("pod")
        for cls in classes:
            spans = out[cls]
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
    return {k: [(a, b) for a, b in v] for k, v in out.items()}


def _scan(text: str, searched: str, lo: int, hi: int, kind: str, rx: re.Pattern, rank: int, found: list) -> None:
    """Run one shape over searched[lo:hi]; the fields are cut from the original text (its case matters)."""
    for m in rx.finditer(searched, lo, hi):
        if m.end() > m.start():
            spans = {k: m.span(k) for k, v in m.groupdict().items() if v is not None}
            fields = {k: text[a:b] for k, (a, b) in spans.items()}
            found.append(Candidate(m.start(), m.end(), kind, fields, rank, spans))
