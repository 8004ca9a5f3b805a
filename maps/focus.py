"""The city an article is about, and the small names in it that only make sense there.

Why: local news names streets, parks, wineries and neighbourhoods ("Elm Terrace", "the Oakridge
shops") that a gazetteer answers with a village of the same name in another state or country. When
an article clearly centres on one city - several of its places lie around it, or its province is
named - a small namesake far from that city, which nothing else in the article supports, is far
more likely a local feature of the city than a village a thousand kilometres away; and a street
with no city of its own belongs to the city the article is about, not to whichever city happens
to be named nearest to it in the text.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from maps.model import Place, PlaceMention
from maps.resolve import haversine_km

CITY_KINDS = frozenset({"city", "admin2", "admin3"})
MOVABLE_KINDS = frozenset({"city", "admin3"})   # a county is not a shop or a street
BROAD_KINDS = frozenset({"continent", "country", "region", "sea", "ocean", "admin1"})
NEAR_KM = 100          # places this close to a city speak for it as the article's focus
SUPPORT_KM = 150       # another place this close to a reading vouches for it
FAR_KM = 300           # a reading this far from the focus is a candidate for a local feature
SMALL_TOWN = 50_000    # only namesakes smaller than this are moved
MID_TOWN = 100_000     # far namesakes smaller than this are suspects too: they vouch for no one
MIN_FOCUS = 3.0        # how clear a focus must be before anything is moved to it


@dataclass
class Located:
    """A resolved mention with what the resolver knew of its reading."""

    mention: PlaceMention
    admin1: str | None = None


def focus_city(items: list[Located]) -> Located | None:
    """The city the article centres on: the one with most distinct names of the article around it,
    its province named, and named itself more than once; None when no city stands out."""
    places = [it for it in items if it.mention.place is not None and not it.mention.demonym
              and not any(n.startswith("located at") for n in it.mention.notes)]   # echoes of a city
    distinct: dict[str, Located] = {}
    counts: dict[str, int] = {}
    for it in places:
        key = it.mention.text.lower()
        distinct.setdefault(key, it)
        counts[key] = counts.get(key, 0) + 1
    admin1s = {(it.mention.place.country, it.admin1) for it in distinct.values()
               if it.mention.place.kind == "admin1" and it.admin1}
    locals_ = [(k, it) for k, it in distinct.items() if it.mention.place.kind not in BROAD_KINDS]
    best, best_score = None, 0.0
    for key, it in locals_:
        p = it.mention.place
        if p.kind not in CITY_KINDS:
            continue
        near = sum(1 for _, o in locals_ if haversine_km((p.lat, p.lon), (o.mention.place.lat,
                                                                          o.mention.place.lon)) < NEAR_KM)
        score = near + (1.0 if (p.country, it.admin1) in admin1s else 0.0) \
            + 0.25 * min(4, counts[key]) + math.log10((p.population or 0) + 1) / 5
        if score > best_score:
            best, best_score = it, score
    return best if best_score >= MIN_FOCUS else None


def _supported(it: Located, items: list[Located], suspects=frozenset()) -> bool:
    """Does anything else in the article vouch for this reading: a place of another name near it,
    its province or (non-demonym) country named? Other ``suspects`` (ids of mentions that are
    themselves small far namesakes) do not: two street names that both happen to be French towns
    do not make each other French."""
    p = it.mention.place
    me = it.mention.text.lower()
    for o in items:
        q = o.mention.place
        if q is None or o.mention.text.lower() == me or id(o) in suspects:
            continue
        if q.kind == "admin1" and o.admin1 and (q.country, o.admin1) == (p.country, it.admin1):
            return True
        if q.kind == "country" and not o.mention.demonym and q.country == p.country:
            return True
        if q.kind not in BROAD_KINDS and haversine_km((p.lat, p.lon), (q.lat, q.lon)) < SUPPORT_KM:
            return True
    return False


def move_to_focus(items: list[Located], movable) -> Located | None:
    """Place the small, far, unsupported namesakes (``movable(it)`` says which mentions may be local
    features at all) at the article's focus city; return the focus (or None). Far namesakes up to a
    middling size are suspects: they vouch for no other name, though only the small ones move."""
    focus = focus_city(items)
    if focus is None:
        return None
    f = focus.mention.place
    suspects = []
    for it in items:
        p = it.mention.place
        if p is None or it is focus or p.kind not in MOVABLE_KINDS or it.mention.demonym:
            continue
        if (p.population or 0) >= MID_TOWN or not movable(it):
            continue
        if haversine_km((p.lat, p.lon), (f.lat, f.lon)) >= FAR_KM:
            suspects.append(it)
    ids = frozenset(id(it) for it in suspects)
    for it in [it for it in suspects if (it.mention.place.population or 0) < SMALL_TOWN
               and not _supported(it, items, ids)]:
        it.mention.place = at_city(it.mention.text, f, 0.3)
        it.mention.notes.append("local name at " + f.name)
    return focus


def at_city(name: str, city: Place, confidence: float) -> Place:
    """A landmark called ``name`` placed at ``city``."""
    return Place(name=name, lat=city.lat, lon=city.lon, kind="landmark", country=city.country,
                 source=city.source, confidence=round(confidence, 3))
