"""The geoparser: text in, place mentions out.

Why one small module: it only joins the stages, each readable and testable on its own -
recognition (maps/recognize.py: spans that name places, with their readings and cues), the filter
rules (maps/filters.py: which spans are persons, organisations or common words after all), names in
scripts without capitals (maps/uncased.py), resolution (maps/resolve.py: which place each name
means), and placement (maps/focus.py, maps/placement.py: the story's city, buildings and streets).
"""
from __future__ import annotations

import dataclasses
from functools import lru_cache

from languages.sentences import Sentence
from maps import kinds
from maps import placement as put
from maps.filters import keep
from maps.focus import move_to_focus
from maps.lang_tables import tables
from maps.model import Alternative, Basis, Place, PlaceMention
from maps.recognize import GazetteerIndex, Recognizer, Span
from maps.resolve import Resolver
from maps.uncased import find_uncased, merge_spans

RUNNERS_UP = 3


@lru_cache(maxsize=8)
def _index(gazetteer) -> GazetteerIndex:
    """One look-up cache per gazetteer (gazetteers compare by identity)."""
    return GazetteerIndex(gazetteer)


@lru_cache(maxsize=64)
def _recognizer(lang: str, gazetteer) -> Recognizer:
    return Recognizer(_index(gazetteer), lang)


def default_gazetteer():
    """The gazetteer used when none is given (see maps/gazetteer/store.py for which file that is)."""
    from maps import gazetteer

    return gazetteer.default_gazetteer()


def find_places(text: str, lang: str, gazetteer=None, sentences: list[Sentence] | None = None) -> list[PlaceMention]:
    """Place mentions of ``text`` (in language ``lang``), sorted by start, never overlapping.

    Resolved mentions carry a Place (with confidence and runner-ups); place-like names the
    gazetteer does not know but a head word vouches for ("Desa Sukamaju", "Foo County") come back
    with place=None for an online geocoder to try. Demonyms are kept with demonym=True.
    ``gazetteer``: any object with the reader's look-up methods (default: `default_gazetteer()`);
    ``sentences``: the text's sentences, when the caller has split it already.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    rec = _recognizer(lang if isinstance(lang, str) and lang.strip() else "en", gaz)
    spans = merge_spans([s for s in rec.find(text, sentences) if keep(s, rec)], find_uncased(text, rec.ix, rec.lang))
    t = rec.t
    results = Resolver(t.country, t.containment_words, rec.lang, t.list_words, t.kind_words_after,
                       t.local_alternates).resolve(spans, text)
    mentions = [_mention(s, best, conf, ranked) for s, (best, conf, ranked) in zip(spans, results)]
    home = gaz.by_country(t.country) if t.country else None
    _place(text, mentions, {s.start: s for s in spans}, t, home.to_place(1.0) if home is not None else None)
    return put.merge_parenthesised(text, put.non_overlapping(mentions))


def _place(text: str, mentions: list[PlaceMention], by_start: dict[int, Span], t, home: Place | None) -> None:
    """The placement rules, in order: buildings and organisations at the city named after them, the
    story's focus city and what belongs to it, the remaining buildings at the nearest city, and last the
    names only a head word vouches for (``home``: the country of the language's news, or None)."""
    put.headed_within(text, mentions, by_start, t)
    put.landmarks_at_following_city(text, mentions, by_start)
    put.organisations_at_following_city(text, mentions, by_start, t.located_in_words)
    focus = move_to_focus(mentions, lambda m: put.may_be_local(by_start.get(m.start), text, t))
    put.place_landmarks(mentions, by_start, focus)
    if focus is not None:
        put.waters_at_focus(mentions, by_start, focus)
    put.headed_nearby(mentions, by_start, t, focus, home)


def lang_country(lang: str) -> str | None:
    """The country most news in this language is about (from its tables), if any."""
    return tables(lang).country


def _mention(s: Span, best, conf: float, ranked) -> PlaceMention:
    m = PlaceMention(s.start, s.end, s.text, head_kind=s.head_kind, cues=frozenset(s.cues))
    if best is None:
        return m
    place = best.to_place(conf) if hasattr(best, "to_place") else Place(
        name=best.name, lat=best.lat, lon=best.lon, kind=best.kind, country=best.country,
        confidence=conf, admin1=getattr(best, "admin1", None) or None)
    place.confidence = round(conf, 3)
    place.alternatives = [Alternative(c.name, c.country, round(c.lat, 4), round(c.lon, 4), c.kind, round(sc, 2))
                          for sc, c in ranked[1:1 + RUNNERS_UP]]
    m.place = place
    m.demonym = getattr(best, "match", "") == "demonym"
    if s.head and getattr(best, "kind", "") not in kinds.BUILT and s.head_kind in kinds.BUILT:
        # "Gedung X", "Bandara Y": a building located at the place named inside it
        inside = dataclasses.replace(place)
        place.kind = kinds.LANDMARK
        place.name = s.text
        m.put_at(place, Basis.NAMED_INSIDE, inside)
    return m
