"""The article text view: the text cut into plain runs, marked dates and places, and event sentences.

Why pieces and not HTML: the cutting (which mention wins an overlap, where a sentence starts) is
decided here on the typed document; templates/article.html writes the pieces, escaping every bit
of article text. Every character of the article is in exactly one piece, in order.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from eventmap.model import Document
from eventmap.page.when import date_words
from eventmap.page.words import page_words

DATE, PLACE, UNRESOLVED = "date", "place", "unresolved"


@dataclass(frozen=True)
class Mark:
    """A mention in the text: ``kind`` date, place or unresolved; ``index`` into that list of the document."""

    kind: str
    index: int
    text: str
    title: str


@dataclass(frozen=True)
class Sentence:
    """An event's sentence (``n``: its number on the page), holding the pieces inside it."""

    n: int
    events: str   # the ids of the events it is the sentence of, space-separated
    pieces: list  # of str and Mark


def article_pieces(doc: Document, locale: str = "en") -> list:
    """The article as a list of str, Mark and Sentence, in text order, together the whole text."""
    text = doc.article.text
    mentions = _mentions(doc, locale)
    starts = [m[0] for m in mentions]
    out: list = []
    pos = 0
    for n, (s, e, ids) in enumerate(_sentences(doc)):
        out.extend(_cut(text, pos, s, mentions, starts))
        out.append(Sentence(n, " ".join(ids), _cut(text, s, e, mentions, starts)))
        pos = e
    out.extend(_cut(text, pos, len(text), mentions, starts))
    return out


def _mentions(doc: Document, locale: str) -> list[tuple[int, int, Mark]]:
    """Date and place mentions as (start, end, Mark), overlaps dropped (the longer one stays)."""
    words = page_words(locale)
    n = len(doc.article.text)
    found = []
    for i, m in enumerate(doc.dates):
        found.append((m.start, m.end, Mark(DATE, i, m.text, f"{date_words(m.span, locale)} · {m.span.value}")))
    for i, m in enumerate(doc.places):
        p = m.place
        title = ", ".join(x for x in ((p.name, p.kind, p.country) if p else ()) if x)
        found.append((m.start, m.end, Mark(PLACE, i, m.text, title)))
    for i, m in enumerate(doc.unresolved):
        found.append((m.start, m.end, Mark(UNRESOLVED, i, m.text, words("unresolved_place"))))
    found = [t for t in found if 0 <= t[0] < t[1] <= n]
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, Mark]] = []
    for t in found:
        if not kept or t[0] >= kept[-1][1]:
            kept.append(t)
    return kept


def _sentences(doc: Document) -> list[tuple[int, int, list[str]]]:
    """Event sentences as non-overlapping (start, end, event ids), in text order."""
    n = len(doc.article.text)
    by_range: dict[tuple[int, int], list[str]] = {}
    for e in doc.events:
        s, t = max(0, e.sentence[0]), min(n, e.sentence[1])
        if s < t:
            by_range.setdefault((s, t), []).append(e.id)
    out: list[tuple[int, int, list[str]]] = []
    for (s, t), ids in sorted(by_range.items()):
        if out and s < out[-1][1]:
            s = out[-1][1]  # overlapping events: the later one starts where the earlier ends
        if s < t:
            out.append((s, t, ids))
    return out


def _cut(text: str, start: int, end: int, mentions: list[tuple[int, int, Mark]], starts: list[int]) -> list:
    """text[start:end] as plain runs and the marks wholly inside it (``starts``: the mentions' starts,
    sorted, so that only the mentions inside are looked at - a long text stays linear)."""
    out: list = []
    pos = start
    for s, e, mark in mentions[bisect_left(starts, start):bisect_left(starts, end)]:
        if e > end:
            continue  # crosses a sentence edge: left plain rather than breaking the nesting
        if s > pos:
            out.append(text[pos:s])
        out.append(mark)
        pos = e
    if end > pos:
        out.append(text[pos:end])
    return out
