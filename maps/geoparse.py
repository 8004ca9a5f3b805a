"""The geoparser: text in, place mentions out (recognition, filtering, resolution).

Why one small module: it only joins maps/recognize.py (which spans name places), the filter rules
below (which of them are persons, organisations or common words after all) and maps/resolve.py
(which place each name means), so each of those can be read and tested on its own.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from maps.focus import at_city, move_to_focus
from maps.kinds import ABOVE_CITY as BROAD_KINDS
from maps.lang_tables import tables
from maps.model import Alternative, Basis, Place, PlaceMention
from maps.recognize import STRONG_KINDS, GazetteerIndex, Recognizer, Span
from maps.names import normalize
from maps.resolve import Resolver, _country_names
from maps.uncased import find_uncased, merge_spans

LANDMARK_KINDS = frozenset({"landmark", "street"})
COMMON_WORD = 4.3        # zipf frequency above which a lone capitalised word is more word than name
COMMON_AT_START = 4.0    # the same at the start of a sentence or in a headline
MAX_TEXT = 2_000_000


@lru_cache(maxsize=8)
def _index(gazetteer) -> GazetteerIndex:
    """One look-up cache per gazetteer (gazetteers compare by identity)."""
    return GazetteerIndex(gazetteer)


@lru_cache(maxsize=64)
def _recognizer(lang: str, gazetteer) -> Recognizer:
    return Recognizer(_index(gazetteer), lang)


def default_gazetteer():
    """The gazetteer used when none is given (see maps/gazetteer.py for which file that is)."""
    from maps.gazetteer import Gazetteer

    return Gazetteer.open()


def find_places(text: str, lang: str, gazetteer=None) -> list[PlaceMention]:
    """Place mentions of ``text`` (in language ``lang``), sorted by start, never overlapping.

    Resolved mentions carry a Place (with confidence and runner-ups); place-like names the
    gazetteer does not know but a head word vouches for ("Desa Sukamaju", "Foo County") come back
    with place=None for an online geocoder to try. Demonyms are kept with demonym=True.
    ``gazetteer``: any object with the reader's look-up methods (default: `default_gazetteer()`).
    """
    if not isinstance(text, str) or not text.strip():
        return []
    text = text[:MAX_TEXT]
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    rec = _recognizer(lang if isinstance(lang, str) and lang.strip() else "en", gaz)
    spans = merge_spans([s for s in rec.find(text) if keep(s, rec)], find_uncased(text, rec.ix))
    resolver = Resolver(lang_country(rec.lang), rec.t.containment_words, rec.lang, rec.t.list_words,
                        rec.t.kind_words_after)
    results = resolver.resolve(spans, text)
    mentions = [_mention(s, best, conf, ranked) for s, (best, conf, ranked) in zip(spans, results)]
    by_start = {s.start: s for s in spans}
    _landmarks_at_following_city(text, mentions, by_start)
    _organisations_at_following_city(text, mentions, by_start, rec.t.located_in_words)
    focus = move_to_focus(mentions, lambda m: _may_be_local(by_start.get(m.start), text, rec.t))
    _place_landmarks(mentions, spans_by_start=by_start, focus=focus)
    if focus is not None:
        _waters_at_focus(mentions, by_start, focus)
    return _merge_parenthesised(text, _non_overlapping(mentions))


def lang_country(lang: str) -> str | None:
    return tables(lang).country


def is_weak(s: Span) -> bool:
    """A name whose best reading is a small place: a person or a common word may hide behind it."""
    if not s.candidates:
        return True
    c = s.candidates[0]
    return getattr(c, "kind", "") not in STRONG_KINDS and (getattr(c, "population", 0) or 0) < 100_000 \
        and getattr(c, "match", "name") != "demonym"


def keep(s: Span, rec: Recognizer) -> bool:
    """The filter rules: general cues from the language tables, never names of one article."""
    t = rec.t
    if s.text in t.not_places or ("head" not in s.cues and s.lookup in t.not_places):
        return False
    if "currency" in s.cues:
        return False
    head_ok = "head" in s.cues and s.head.lower() in t.unresolved_ok_heads
    if not s.candidates and not head_ok:
        return False
    if ({"org", "org_acronym"} & s.cues) and not head_ok and not t.places_inside_organisations:
        return False
    if "acronym" in s.cues and "dateline" not in s.cues and s.text not in t.acronym_places and s.text not in t.aliases and not any(
            getattr(c, "match", "") == "abbrev" and getattr(c, "kind", "") in ("country", "admin1")
            for c in s.candidates[:3]):
        return False
    if "head" in s.cues:
        return True
    weak = is_weak(s)
    strong_pop = not weak
    if "in_name" in s.cues and getattr(s.candidates[0], "kind", "") not in ("country", "continent", "admin1"):
        return False
    if weak and ({"title_before", "person_before", "person_after", "possessive"} & s.cues) and "prep" not in s.cues:
        return False
    if "person_name" in s.cues and "prep" not in s.cues and \
            getattr(s.candidates[0], "kind", "") not in ("country", "continent"):
        return False        # the same word was part of a person's full name earlier in the text
    word = s.text if " " not in s.text else ""
    at_start = bool({"sent_start", "headline"} & s.cues)
    if word and at_start and "prep" not in s.cues and rec.common(word) >= COMMON_WORD \
            and getattr(s.candidates[0], "kind", "") not in ("country", "admin1", "continent"):
        return False        # "Uji kelayakan ...", "Reading the report ...": a word that opens a sentence
    if word and t.plural_suffix and word.endswith(t.plural_suffix) and \
            getattr(s.candidates[0], "match", "") == "demonym" and any(
                getattr(c, "match", "") == "demonym" for c in rec.lookup(word[:-len(t.plural_suffix)])):
        return False        # "Mexicans", "Europeans": the people, not the place
    if word and "prep" not in s.cues and not _own_word_evidence(s, rec.lang):
        return False        # only a variant spelling or a foreign exonym says it is a place
    if word and weak and t.country and "prep" not in s.cues and \
            getattr(s.candidates[0], "country", None) != t.country:
        return False        # a foreign village named like a word or a person, without "di"/"ke" before it
    if word and weak and word in t.given_names and "prep" not in s.cues:
        return False        # "Hailey", "Tim": a first name that is also a small town
    if word and not strong_pop:
        z = rec.common(word)
        limit = COMMON_AT_START if ({"sent_start", "headline"} & s.cues) else COMMON_WORD
        if z >= limit and "prep" not in s.cues:
            return False
    return True


def _own_word_evidence(s: Span, lang: str) -> bool:
    """Is there a reading whose name is this very word - not an alternate spelling ("Anas") or another
    language's name for a country ("Hanura")?"""
    for c in s.candidates[:8]:
        m = getattr(c, "match", "name")
        if m in ("name", "abbrev", "demonym"):
            return True
        if m == "exonym" and (getattr(c, "kind", "") != "country" or normalize(s.lookup) in _country_names(lang)
                              or (len(normalize(c.name)) >= 4 and normalize(s.lookup).startswith(normalize(c.name)[:4]))):
            # Israeli - Israel, Iraqi - Iraq: a form derived from the country's own name
            return True
    return s.text in tables(lang).aliases


def _mention(s: Span, best, conf: float, ranked) -> PlaceMention:
    m = PlaceMention(s.start, s.end, s.text, head_kind=s.head_kind, cues=frozenset(s.cues))
    if best is None:
        return m
    place = best.to_place(conf) if hasattr(best, "to_place") else Place(
        name=best.name, lat=best.lat, lon=best.lon, kind=best.kind, country=best.country,
        confidence=conf, admin1=getattr(best, "admin1", None) or None)
    place.confidence = round(conf, 3)
    place.alternatives = [Alternative(c.name, c.country, round(c.lat, 4), round(c.lon, 4), c.kind, round(sc, 2))
                          for sc, c in ranked[1:4]]
    m.place = place
    m.demonym = getattr(best, "match", "") == "demonym"
    if s.head and getattr(best, "kind", "") not in LANDMARK_KINDS and s.head_kind in LANDMARK_KINDS:
        # "Gedung X", "Bandara Y": a building located at the place named inside it
        inside = dataclasses.replace(place)
        place.kind = "landmark"
        place.name = s.text
        m.put_at(place, Basis.NAMED_INSIDE, inside)
    return m


def _landmarks_at_following_city(text, mentions, spans_by_start) -> None:
    """'Benteng Rotterdam, Makassar': a building named with a head and followed by its city is at
    that city, not at a place its own name happens to contain."""
    for a, b in zip(mentions, mentions[1:]):
        s = spans_by_start.get(a.start)
        if s is None or s.head_kind not in LANDMARK_KINDS or s.lookup == s.text:
            continue
        if text[a.end:b.start].strip() != "," or b.place is None or \
                b.place.kind not in ("city", "admin2", "admin1", "island"):
            continue
        p = b.place
        a.put_at(Place(name=a.text, lat=p.lat, lon=p.lon, kind="landmark", country=p.country,
                       source=p.source, confidence=round(0.8 * p.confidence, 3)), Basis.NEXT_CITY, p)


def _may_be_local(s: Span | None, text: str, t) -> bool:
    """Could this name be a local feature (a street, a shop, a park) rather than a town? Not when a
    head made it a town or county, a dateline wrote it or a word such as "in" or "to" introduces it
    (unless it is a possessive, which names a business or a person's land)."""
    if s is None or "dateline" in s.cues:
        return False
    before = text[max(0, s.start - 40):s.start].split()
    if before and before[-1].lower() in t.town_preps and "possessive" not in s.cues:
        return False    # "from Glenrock" is a town; "from Wilson's farm" a business
    return s.head_kind is None or s.head_kind in LANDMARK_KINDS


ORG_TAIL = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w'’.&+-]*)*(?:\s*,\s*|\s+(\w+)\s+)")
ORG_CUES = frozenset({"org", "org_acronym", "in_name", "possessive"})


def _organisations_at_following_city(text, mentions, spans_by_start, located_in_words) -> None:
    """'Loyola University in Los Angeles', "Eva's Village in Paterson", 'Mercy Hospital, Springfield': an
    organisation or building named after a person or a far place sits at the city named right after
    it, not at the town its name happens to contain."""
    for a, b in zip(mentions, mentions[1:]):
        s = spans_by_start.get(a.start)
        if s is None or b.place is None or b.place.kind not in ("city", "admin2", "admin3"):
            continue
        if a.place is not None and a.place.kind in BROAD_KINDS:
            continue    # "Texas Southern University in Houston": a state or country keeps its reading
        org_like = bool(ORG_CUES & s.cues) or (s.head and s.lookup != s.text and s.head_kind != "region")
        if not org_like:
            continue
        m = ORG_TAIL.fullmatch(text, a.end, b.start)
        if m is None or (m.group(1) is not None and m.group(1).lower() not in located_in_words):
            continue
        if m.group(1) is None and not text[a.end:b.start].strip(" ,'’s"):
            continue    # "Springfield, Dayton": a comma alone after a bare name is a list or containment
        a.put_at(at_city(a.text, b.place, 0.8 * b.place.confidence), Basis.NEXT_CITY, b.place)
        a.demonym = False


WATER_KINDS = frozenset({"river", "lake"})


def _waters_at_focus(mentions, spans_by_start, focus) -> None:
    """'the Mississippi River' in a story about one city is the river where it passes that city, not
    the state the gazetteer has under the same name: a river or lake whose only reading is another
    kind of place sits at the story's city."""
    for m in mentions:
        s = spans_by_start.get(m.start)
        if s is None or m.place is None or s.head_kind not in WATER_KINDS or m.place.kind in WATER_KINDS:
            continue
        if m.place.kind != "landmark" or m.located_at is not None:
            m.put_at(at_city(m.text, focus.place, 0.3), Basis.STORY_CITY, focus.place)


def _place_landmarks(mentions, spans_by_start, focus=None) -> None:
    """Unresolved buildings and streets (Gedung KPK, Elm Street) are placed at the city the article is
    about, or else at the nearest city it names - a reader wants them on the map, at their city."""
    cities = [m for m in mentions if m.place is not None and m.place.kind in ("city", "admin2")]
    if not cities and focus is None:
        return
    for m in mentions:
        s = spans_by_start.get(m.start)
        if m.place is not None or s is None or s.head_kind not in LANDMARK_KINDS:
            continue
        near = focus if focus is not None else min(cities, key=lambda c: abs(c.start - m.start))
        m.put_at(at_city(m.text, near.place, 0.3), Basis.STORY_CITY if focus is not None else Basis.NEAREST_CITY,
                 near.place)


def _merge_parenthesised(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """'Sulawesi Selatan (Sulsel)', 'Daerah Istimewa Yogyakarta (DIY)': the short form in brackets is the
    same place, one mention."""
    out: list[PlaceMention] = []
    for m in mentions:
        close = re.match(r"\s?\)", text[m.end:m.end + 2])
        if out and close and re.fullmatch(r"\s?\(\s?", text[out[-1].end:m.start]):
            prev = out[-1]
            same = m.place is None or prev.place is None or (m.place.country == prev.place.country)
            if same:
                prev.end = m.end + close.end()
                prev.text = text[prev.start:prev.end]
                continue
        out.append(m)
    return out


def _non_overlapping(mentions: list[PlaceMention]) -> list[PlaceMention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[PlaceMention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
