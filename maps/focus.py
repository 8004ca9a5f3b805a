"""The city an article is about, and the small names in it that only make sense there.

Why: local news names streets, parks, wineries and neighbourhoods ("Elm Terrace", "the Oakridge
shops") that a gazetteer answers with a village of the same name in another state or country. When
an article clearly centres on one city - several of its places lie around it, or its province is
named - a small namesake far from that city, which nothing else in the article supports, is far
more likely a local feature of the city than a village a thousand kilometres away; and a street
with no city of its own belongs to the city the article is about, not to whichever city happens
to be named nearest to it in the text.

Every "is there another place near it" question goes through a `PointGrid`, so a text that lists
thousands of towns costs time in proportion to its length, not to its length squared.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Callable

from maps import kinds
from maps.geo import PointGrid, distance_km
from maps.model import Basis, Place, PlaceMention

NEAR_KM = 100          # places this close to a city speak for it as the article's focus
SUPPORT_KM = 150       # another place this close to a reading vouches for it
FAR_KM = 300           # a reading this far from the focus is a candidate for a local feature
SMALL_TOWN = 50_000    # only namesakes smaller than this are moved
MIN_FOCUS = 3.0        # how clear a focus must be before anything is moved to it
# Far namesakes smaller than a big town are suspects too: they vouch for no one (only small ones move).
SUSPECT_TOWN = kinds.BIG_TOWN


def _key(m: PlaceMention) -> str:
    return m.text.lower()


def focus_city(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The city the article centres on: the one with most distinct names of the article around it,
    its province named, and named itself more than once; None when no city stands out.

    Counting the names around every city is what costs in a text of thousands of towns, so cities are
    tried in the order of an upper bound of their score (all names in the grid cells around them),
    and a city whose bound cannot beat the best found is never counted."""
    places = [m for m in mentions if m.place is not None and not m.demonym
              and m.located_at is None]   # a mention put at a city only echoes that city
    distinct: dict[str, PlaceMention] = {}
    counts: Counter = Counter()
    for m in places:
        distinct.setdefault(_key(m), m)
        counts[_key(m)] += 1
    admin1s = {(m.place.country, m.place.admin1) for m in distinct.values()
               if m.place.kind == kinds.ADMIN1 and m.place.admin1}
    grid = PointGrid()
    for m in distinct.values():
        if m.place.kind not in kinds.ABOVE_CITY:
            grid.add(m.place.lat, m.place.lon, m)

    def rest(key: str, p: Place) -> float:   # the score without the names around
        return (1.0 if (p.country, p.admin1) in admin1s else 0.0) + 0.25 * min(4, counts[key]) \
            + math.log10((p.population or 0) + 1) / 5

    cities = [(grid.count_bound(m.place.lat, m.place.lon, NEAR_KM) + rest(key, m.place), order, key, m)
              for order, (key, m) in enumerate(distinct.items()) if m.place.kind in kinds.LOCAL]
    cities.sort(key=lambda c: (-c[0], c[1]))
    best, best_score, best_order = None, 0.0, len(cities)
    for bound, order, key, m in cities:
        if bound < best_score:
            break
        p = m.place
        score = grid.count_within(p.lat, p.lon, NEAR_KM) + rest(key, p)
        if score > best_score or (score == best_score and best is not None and order < best_order):
            best, best_score, best_order = m, score, order
    return best if best_score >= MIN_FOCUS else None


class _Support:
    """What the article's places say for a reading: provinces and countries named, places nearby.

    Built once from every resolved mention except the suspects (two street names that both happen
    to be French towns do not make each other French); each count is kept by name, so that a name
    never vouches for itself."""

    def __init__(self, mentions: list[PlaceMention], suspects: set[int]):
        self.admin1s: dict[tuple, Counter] = {}
        self.countries: dict[str, Counter] = {}
        self.grid = PointGrid()
        for o in mentions:
            q = o.place
            if q is None or id(o) in suspects:
                continue
            if q.kind == kinds.ADMIN1 and q.admin1:
                self.admin1s.setdefault((q.country, q.admin1), Counter())[_key(o)] += 1
            if q.kind == kinds.COUNTRY and not o.demonym:
                self.countries.setdefault(q.country, Counter())[_key(o)] += 1
            if q.kind not in kinds.ABOVE_CITY:
                self.grid.add(q.lat, q.lon, o)

    @staticmethod
    def _other(names: Counter | None, me: str) -> bool:
        return bool(names) and sum(names.values()) > names.get(me, 0)

    def vouches(self, m: PlaceMention) -> bool:
        """Does a place of another name vouch for this reading: its province or (non-demonym)
        country named, or a place within SUPPORT_KM?"""
        p, me = m.place, _key(m)
        if p.admin1 and self._other(self.admin1s.get((p.country, p.admin1)), me):
            return True
        if self._other(self.countries.get(p.country), me):
            return True
        return any(_key(o) != me for o, _ in self.grid.within(p.lat, p.lon, SUPPORT_KM))


def move_to_focus(mentions: list[PlaceMention], movable: Callable[[PlaceMention], bool]) -> PlaceMention | None:
    """Place the small, far, unsupported namesakes (``movable(m)`` says which mentions may be local
    features at all) at the article's focus city; return the focus (or None). Far namesakes up to a
    big town's size are suspects: they vouch for no other name, though only the small ones move."""
    focus = focus_city(mentions)
    if focus is None:
        return None
    f = focus.place
    suspects = [m for m in mentions if m is not focus and _far_small(m, f, movable)]
    support = _Support(mentions, {id(m) for m in suspects})
    moved = [m for m in suspects if (m.place.population or 0) < SMALL_TOWN and not support.vouches(m)]
    for m in moved:
        m.put_at(at_city(m.text, f, 0.3), Basis.STORY_CITY, f)
    return focus


def _far_small(m: PlaceMention, focus: Place, movable: Callable[[PlaceMention], bool]) -> bool:
    p = m.place
    if p is None or p.kind not in kinds.MOVABLE or m.demonym:
        return False
    if (p.population or 0) >= SUSPECT_TOWN or not movable(m):
        return False
    return distance_km(p.lat, p.lon, focus.lat, focus.lon) >= FAR_KM


def at_city(name: str, city: Place, confidence: float) -> Place:
    """A landmark called ``name`` placed at ``city``."""
    return Place(name=name, lat=city.lat, lon=city.lon, kind=kinds.LANDMARK, country=city.country,
                 source=city.source, confidence=round(confidence, 3), admin1=city.admin1)
