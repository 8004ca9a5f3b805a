"""Words of a text for the place recogniser, with what their letters and position say.

Why its own module: the recogniser decides from capitals ("a capitalised run may be a name"), and a
capital says nothing at the start of a sentence or in a title-case headline, so each token carries
whether it starts a sentence (from the one sentence splitter, languages/sentences.py, plus the marks
after which a capital is grammar: a colon, a bullet, a line break) and which tokens lie in headlines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from languages.sentences import Sentence

# Words: initialisms (U.S., B.C.) first, then words with inner apostrophes/hyphens; a possessive 's
# stays outside the name.
TOKEN_RE = re.compile(r"(?:[^\W\d_][a-z]?\.){2,}|\w+(?:[’'](?![sS]\b)\w+)*")
OPENERS = "\"“‘'([«—–-"
CLAUSE_START = ":;•|\n"     # after these a capital is grammar, as at a sentence start
SENTENCE_STOPS = ".!?"
HEADLINE_SHARE = 0.6        # share of capitalised long words that makes a line a headline
HEADLINE_MAX_CHARS = 300    # a longer line is prose, however capitalised (a headline is a line or two)


@dataclass(slots=True)   # a text makes thousands: slots make them quicker to build and to read
class Token:
    start: int
    end: int
    text: str
    cap: bool          # starts with a capital letter
    upper: bool        # all capitals, 2+ letters (an acronym)
    sent_start: bool   # first word of a sentence or clause (capitalised for grammar, not as a name)


def tokenize(text: str, abbreviations: frozenset = frozenset(),
             sentences: list[Sentence] | None = None) -> list[Token]:
    """The words of ``text``. ``abbreviations`` keep their dot ("St.", "Ky."); ``sentences`` (the
    splitter's, when the caller has them) say where sentences start."""
    starts = _openings(text, sentences) if sentences is not None else None
    toks: list[Token] = []
    for m in TOKEN_RE.finditer(text):
        (s, e), w = m.span(), m.group()
        if e < len(text) and text[e] == "." and (w + ".") in abbreviations:
            w, e = w + ".", e + 1   # Mr. St. Gov. Ky. Jl. - the dot belongs to the abbreviation
        if w in ("s", "S") and s > 0 and text[s - 1] in "'’":
            continue    # the s of a possessive belongs to the word before it
        if w[0].isdigit():
            toks.append(Token(s, e, w, False, False, False))
            continue
        cut = _elision(w) if ("'" in w or "’" in w) else 0
        if cut:   # "dell'Emilia", "l'Italia", "d'Ivoire": the elided word, then the name
            toks.append(Token(s, s + cut, w[:cut], False, False, _starts(text, s, toks, starts)))
            s, w = s + cut, w[cut:]
        upper = w.isupper() and (len(w) - w.count(".")) >= 2
        toks.append(Token(s, e, w, w[0].isupper(), upper, _starts(text, s, toks, starts)))
    return toks


def _elision(w: str) -> int:
    """Where a name starts after an elided article or preposition glued to it ("dell'Emilia" -> 5,
    "d'Ivoire" -> 2); 0 when there is none."""
    for q in "'’":
        head, sep, tail = w.partition(q)
        if sep and 1 <= len(head) <= 4 and head.islower() and tail[:1].isupper():
            return len(head) + 1
    return 0


def _openings(text: str, sentences: list[Sentence]) -> set[int]:
    """Where each sentence's first word begins (after any opening quotes or brackets)."""
    out = set()
    for sent in sentences:
        pos = sent.start
        while pos < sent.end and (text[pos] in OPENERS or text[pos] in " \t\u00a0"):
            pos += 1
        out.add(pos)
    return out


def _starts(text: str, s: int, toks: list[Token], openings: set[int] | None) -> bool:
    """Does the word at ``s`` open a sentence or a clause?"""
    j = s - 1
    while j >= 0 and (text[j] in " \t\u00a0" or text[j] in OPENERS):
        j -= 1
    if j < 0 or text[j] in CLAUSE_START:
        return True
    after_stop = text[j] in SENTENCE_STOPS and \
        not (text[j] == "." and toks and toks[-1].end == j + 1 and toks[-1].text.endswith("."))
    if openings is None:   # without the splitter's sentences: a stop ends a sentence unless it closed an abbreviation
        return after_stop
    # "... epäonnistunut.Kun": a stop glued to the next word (a lost space) ends a sentence too
    return s in openings or (after_stop and j == s - 1)


def headline_tokens(text: str, toks: list[Token]) -> set[int]:
    """Indexes of tokens in title-case lines (headlines), where capitals say nothing about names.
    A headline is short, has mostly capitalised words and does not end like a sentence. Lines are
    found once (tokens come in text order), so a text of one very long line stays linear."""
    out: set[int] = set()
    i, n = 0, len(toks)
    while i < n:
        ls = text.rfind("\n", 0, toks[i].start) + 1
        le = text.find("\n", toks[i].start)
        le = len(text) if le < 0 else le
        j = i
        while j < n and toks[j].start < le:
            j += 1
        if _is_headline(text[ls:le].rstrip(), toks[i:j]):
            out.update(range(i, j))
        i = j
    return out


def _is_headline(line: str, group: list[Token]) -> bool:
    if not line or len(line) > HEADLINE_MAX_CHARS or line[-1] in ".!?\"”'»:;,":
        return False
    words = [t for t in group if t.text[0].isalpha() and len(t.text) > 3]
    return len(words) >= 3 and sum(t.cap for t in words) / len(words) >= HEADLINE_SHARE
