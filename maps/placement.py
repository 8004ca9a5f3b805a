"""Where names that are not towns go: buildings, streets, organisations and waters, placed at a city.

Why: a reader wants "Gedung KPK", "Elm Street" or "Loyola University in Los Angeles" on the map, at
their city, not at whichever village shares a word of their name. These rules run after resolution
(maps/resolve.py) and before the mentions are handed on; each sets the mention's `Basis` and the
place it was put at, so later rules and the export know how it got there without reading notes.
"""
from __future__ import annotations

import bisect
import dataclasses
import re

from maps import kinds
from maps.cues import Cue
from maps.focus import at_city
from maps.model import Basis, Place, PlaceMention
from maps.recognize import Span

# after an organisation's name: its possessive and more capitalised words, then a comma or one word
ORG_TAIL = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w'’.&+-]*)*(?:\s*,\s*|\s+(\w+)\s+)")
ORG_LIKE = frozenset({Cue.ORG, Cue.ORG_ACRONYM, Cue.IN_NAME, Cue.POSSESSIVE})
CITY_AFTER_BUILDING = frozenset({kinds.CITY, kinds.ADMIN2, kinds.ADMIN1, kinds.ISLAND})
NEAREST_CITY_KINDS = frozenset({kinds.CITY, kinds.ADMIN2})


WITHIN_CONFIDENCE = 0.3      # of the container's: a village somewhere in its district
NEARBY_CONFIDENCE = 0.2      # a headed name put at the story's city or the nearest place named
IN_COUNTRY_CONFIDENCE = 0.1  # ... or, with nothing named near it, at its language's country
CLOSE_CHARS = 200            # "close by": about a sentence away
SURE_ENOUGH = 0.6            # the confidence a place needs for a guessed name to be put beside it
CONTAINERS = frozenset({kinds.CITY, kinds.ADMIN3, kinds.ADMIN2, kinds.ADMIN1, kinds.ISLAND, kinds.COUNTRY})
NEAR_KINDS = CONTAINERS - {kinds.COUNTRY}   # what a guessed name may be put beside
CHAIN_GAP = re.compile(r"\s*,?\s*(?:(\w+)\s+)?")


def headed_within(text: str, mentions: list[PlaceMention], spans_by_start: dict[int, Span], t) -> None:
    """'desa Sukamakmur di Kabupaten Bogor', 'Desa X, Kecamatan Y, Kabupaten Z': a village, district,
    island or strait that only its head word vouches for (no gazetteer lists it) is put, approximately,
    at the first place the text says it is in - after a comma or a containment word, through a chain
    of such names - with its head's kind and a low confidence (Basis.WITHIN)."""
    reaches = _chain_containers(text, mentions, t)
    for a, b in zip(mentions, reaches):
        s = spans_by_start.get(a.start)
        if a.place is not None or s is None or not s.head or s.head.lower() not in t.unresolved_ok_heads \
                or s.head_kind in kinds.BUILT or b is None:
            continue
        p = b.place
        a.put_at(Place(name=a.text, lat=p.lat, lon=p.lon, kind=s.head_kind or kinds.CITY, country=p.country,
                       source=p.source, confidence=round(WITHIN_CONFIDENCE * p.confidence, 3),
                       admin1=p.admin1), Basis.WITHIN, p)


def _chain_containers(text: str, mentions: list[PlaceMention], t) -> list[PlaceMention | None]:
    """For each mention, the first gazetteer place of a container's kind that the chain of names after it
    reaches ("X, Y, Kabupaten Z": commas or containment words between them), or None. Found from the
    last mention back, once: walking each chain forward from each name made a long list quadratic."""
    out: list[PlaceMention | None] = [None] * len(mentions)
    for i in range(len(mentions) - 2, -1, -1):
        gap = CHAIN_GAP.fullmatch(text, mentions[i].end, mentions[i + 1].start)
        if gap is None or (gap.group(1) and gap.group(1).lower() not in t.containment_words):
            continue
        b = mentions[i + 1]
        out[i] = b if b.place is not None and b.place.kind in CONTAINERS and b.located_at is None else out[i + 1]
    return out


def landmarks_at_following_city(text: str, mentions: list[PlaceMention], spans_by_start: dict[int, Span]) -> None:
    """'Benteng Rotterdam, Makassar': a building named with a head and followed by its city is at
    that city, not at a place its own name happens to contain."""
    for a, b in zip(mentions, mentions[1:]):
        s = spans_by_start.get(a.start)
        if s is None or s.head_kind not in kinds.BUILT or s.lookup == s.text:
            continue
        if text[a.end:b.start].strip() != "," or b.place is None or \
                b.place.kind not in CITY_AFTER_BUILDING:
            continue
        p = b.place
        a.put_at(Place(name=a.text, lat=p.lat, lon=p.lon, kind=kinds.LANDMARK, country=p.country,
                       source=p.source, confidence=round(0.8 * p.confidence, 3)), Basis.NEXT_CITY, p)


def may_be_local(s: Span | None, text: str, t) -> bool:
    """Could this name be a local feature (a street, a shop, a park) rather than a town? Not when a
    head made it a town or county, a dateline wrote it or a word such as "in" or "to" introduces it
    (unless it is a possessive, which names a business or a person's land)."""
    if s is None or Cue.DATELINE in s.cues:
        return False
    before = text[max(0, s.start - 40):s.start].split()
    if before and before[-1].lower() in t.town_preps and Cue.POSSESSIVE not in s.cues:
        return False    # "from Glenrock" is a town; "from Wilson's farm" a business
    return s.head_kind is None or s.head_kind in kinds.BUILT


def organisations_at_following_city(text: str, mentions: list[PlaceMention], spans_by_start: dict[int, Span],
                                    located_in_words: frozenset) -> None:
    """'Loyola University in Los Angeles', "Eva's Village in Paterson", 'Mercy Hospital, Springfield': an
    organisation or building named after a person or a far place sits at the city named right after
    it, not at the town its name happens to contain."""
    for a, b in zip(mentions, mentions[1:]):
        s = spans_by_start.get(a.start)
        if s is None or b.place is None or b.place.kind not in kinds.LOCAL:
            continue
        if a.place is not None and a.place.kind in kinds.ABOVE_CITY or a.located_at is not None:
            continue    # "Texas Southern University in Houston": a state or country keeps its reading
        org_like = bool(ORG_LIKE & s.cues) or (s.head and s.lookup != s.text and s.head_kind != kinds.REGION)
        if not org_like:
            continue
        m = ORG_TAIL.fullmatch(text, a.end, b.start)
        if m is None or (m.group(1) is not None and m.group(1).lower() not in located_in_words):
            continue
        if m.group(1) is None and not text[a.end:b.start].strip(" ,'’s"):
            continue    # "Springfield, Dayton": a comma alone after a bare name is a list or containment
        a.put_at(at_city(a.text, b.place, 0.8 * b.place.confidence), Basis.NEXT_CITY, b.place)
        a.demonym = False


def waters_at_focus(mentions: list[PlaceMention], spans_by_start: dict[int, Span], focus: PlaceMention) -> None:
    """'the Mississippi River' in a story about one city is the river where it passes that city, not
    the state the gazetteer has under the same name: a river or lake whose only reading is another
    kind of place sits at the story's city."""
    for m in mentions:
        s = spans_by_start.get(m.start)
        if s is None or m.place is None or s.head_kind not in kinds.WATER or m.place.kind in kinds.WATER:
            continue
        if m.place.kind != kinds.LANDMARK or m.located_at is not None:
            m.put_at(at_city(m.text, focus.place, 0.3), Basis.STORY_CITY, focus.place)


def place_landmarks(mentions: list[PlaceMention], spans_by_start: dict[int, Span],
                    focus: PlaceMention | None = None) -> None:
    """Unresolved buildings and streets (Gedung KPK, Elm Street) are placed at the city the article is
    about, or else at the nearest city it names - a reader wants them on the map, at their city."""
    cities = sorted((m for m in mentions if m.place is not None and m.place.kind in NEAREST_CITY_KINDS),
                    key=lambda c: c.start)
    if not cities and focus is None:
        return
    starts = [c.start for c in cities]
    for m in mentions:
        s = spans_by_start.get(m.start)
        if m.place is not None or s is None or s.head_kind not in kinds.BUILT:
            continue
        near = focus if focus is not None else _nearest(cities, starts, m.start)
        m.put_at(at_city(m.text, near.place, 0.3), Basis.STORY_CITY if focus is not None else Basis.NEAREST_CITY,
                 near.place)


def headed_nearby(mentions: list[PlaceMention], spans_by_start: dict[int, Span], t,
                  focus: PlaceMention | None, country: Place | None) -> None:
    """'Gunung Bromo', 'Kabupaten Pangkep', 'SD Negeri 1 Kalibening': a name that only its head word vouches
    for and that no rule above could place (the text says nothing it is in) is still a place the reader
    wants on the map. It goes, approximately and with a low confidence, to a place the text names close by
    in the language's country (anywhere, for a language without one), else to the story's focus city, else
    to the nearest place named, else to that country itself - a village named in Indonesian news is in
    Indonesia; a street, though, is no help anywhere in a country and stays unresolved. A configured
    online geocoder is asked for every such guess (maps/geocoding/online.py, GUESSED)."""
    named = [m for m in mentions if m.place is not None and m.located_at is None and m.place.kind in NEAR_KINDS
             and m.place.confidence >= SURE_ENOUGH and (t.country is None or m.place.country == t.country)]
    named.sort(key=lambda c: c.start)
    starts = [c.start for c in named]
    for m in mentions:
        s = spans_by_start.get(m.start)
        if m.place is not None or s is None or not s.head or s.head.lower() not in t.unresolved_ok_heads \
                or Cue.HEADLINE in s.cues:
            continue    # a headline in capitals makes a head of any word ("Desa Berlapis Tapi ... Hilang")
        nearest = _nearest(named, starts, m.start)
        if nearest is not None and (focus is None or abs(nearest.start - m.start) <= CLOSE_CHARS):
            at, basis, confidence = nearest.place, Basis.NEARBY, NEARBY_CONFIDENCE
        elif focus is not None:
            at, basis, confidence = focus.place, Basis.NEARBY, NEARBY_CONFIDENCE
        elif country is not None and s.head_kind != kinds.STREET:   # a street somewhere in a country helps no one
            at, basis, confidence = country, Basis.COUNTRY, IN_COUNTRY_CONFIDENCE
        else:
            continue
        m.put_at(dataclasses.replace(at_city(m.text, at, confidence), kind=s.head_kind or kinds.CITY), basis, at)


def _nearest(named: list[PlaceMention], starts: list[int], at: int) -> PlaceMention | None:
    """The mention of ``named`` (sorted by start, ``starts`` their starts) that starts nearest ``at``:
    found by bisection, so that a text of thousands of names stays linear."""
    k = bisect.bisect_left(starts, at)
    near = [named[i] for i in (k - 1, k) if 0 <= i < len(named)]
    return min(near, key=lambda c: abs(c.start - at)) if near else None


def merge_parenthesised(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
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


def non_overlapping(mentions: list[PlaceMention]) -> list[PlaceMention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[PlaceMention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
