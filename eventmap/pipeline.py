"""The pipeline: article -> mentions -> events -> Document. One direction, each stage reads only
what the stage before it produced.

This is also the Python API:

    >>> from eventmap import analyse, read_article
    >>> doc = analyse(read_article("story.txt", lang="id"))
    >>> doc.events[0].when.value
"""
from __future__ import annotations

import gc
from bisect import bisect_right
from contextlib import contextmanager
from itertools import accumulate
from typing import Callable

from eventmap.article import clean_text
from eventmap.decoding import replace_lone_surrogates
from eventmap.events import build_events
from eventmap.limits import calendar_edge_note, within_limit
from eventmap.model import Article, Document
from languages.sentences import split_sentences
from maps import find_places
from timeline import find_dates, infer_anchor


def settle_anchor(article: Article, sentences=None) -> None:
    """Relative dates are read against the publication date; when none is known, against the latest
    full date the article itself gives (marked "inferred")."""
    if article.anchor is None:
        inferred = infer_anchor(article.text, article.lang, sentences)
        if inferred is not None:
            article.anchor = inferred
            article.anchor_source = "inferred"


def prepare_text(article: Article) -> list[str]:
    """Make the text safe to read and to write, the same for every stage: lone surrogates replaced
    (an Article built by hand may hold them), a text over eventmap's limit cut (eventmap/limits.py).
    Returns the notes for the user: those of reading (``article.notes``) and these."""
    article.id, article.title = (replace_lone_surrogates(v)[0] for v in (article.id, article.title))
    article.text, notes = clean_text(article.text, article.id)
    article.text, cut = within_limit(article.text, article.id)
    return list(article.notes) + notes + ([cut] if cut else [])


@contextmanager
def cyclic_gc_paused():
    """Reading an article makes hundreds of thousands of small objects (tokens, gazetteer readings,
    scores), nearly all freed by reference counting as soon as they are done with. Python's cyclic
    collector would still walk them again and again while they live: on a long text (300 KB of
    town names) that was a third of the time. It is paused while one article is read and resumed
    after, so any cycle is collected then; results do not depend on it."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def outside_dates(mentions: list, dates: list) -> list:
    """The place mentions that lie outside every date mention. A name inside a date is the date's word,
    which the date reader has read: a month that is also a town ("مايو" in "3 مايو 2023" is May, not
    Mayo), a weekday or a holiday. Dates and places are found apart, so this is where they meet."""
    spans = sorted((d.start, d.end) for d in dates)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))   # the furthest end of any date starting so far
    keep = []
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        if i < 0 or reach[i] < m.end:
            keep.append(m)
    return keep


def analyse(article: Article, geocoding=None, warn: Callable[[str], None] | None = None) -> Document:
    """Read one article. `geocoding` is an optional `maps.geocoding.OnlineGeocoding`."""
    with cyclic_gc_paused():
        return _analyse(article, geocoding, warn)


def _analyse(article: Article, geocoding, warn: Callable[[str], None] | None) -> Document:
    warnings: list[str] = []

    def note(msg: str) -> None:
        warnings.append(msg)
        if warn:
            warn(msg)

    for msg in prepare_text(article):
        note(msg)
    sentences = split_sentences(article.text, article.lang)
    settle_anchor(article, sentences)
    edge = calendar_edge_note(article.anchor, article.id)
    if edge:
        note(edge)
    dates = find_dates(article.text, article.lang, article.anchor, sentences)
    if article.anchor is None:
        unplaced = [m.text for m in dates if m.span.type in ("DATE", "TIME") and m.span.earliest is None]
        if unplaced:
            note(f"{article.id}: no publication date known or found in the text, so {len(unplaced)} date(s) "
                 f"such as {unplaced[0]!r} cannot be placed on the calendar (give --published)")
    mentions = outside_dates(find_places(article.text, article.lang, sentences=sentences), dates)
    places = [m for m in mentions if m.place is not None]
    unresolved = [m for m in mentions if m.place is None]
    if geocoding is not None:
        places, unresolved = geocoding.resolve(article.text, article.lang, places, unresolved)
        warnings.extend(geocoding.last_warnings)  # already shown by the geocoder's own warn callback
        places.sort(key=lambda m: m.start)
    events = build_events(article, dates, places, sentences)
    return Document(article=article, dates=dates, places=places, unresolved=unresolved, events=events,
                    warnings=warnings)
