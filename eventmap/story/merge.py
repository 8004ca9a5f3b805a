"""One story from many articles: their events in one list, and the events several articles report
merged into one.

Why these rules: outlets retell the same happening in their own words and languages. Two events of
different articles are taken for one when they share a place and their dates overlap, and either
their sentences are alike (rapidfuzz's token-set ratio, which shrugs off word order and a byline
added by one outlet) or - across languages, where sentences cannot be compared word by word - both
are dated to the day and share a place no larger than a province (a country and a day say too
little). Events without a calendar date are never merged: nothing says they happened at once.

Cost: events are grouped by place and swept in date order, so each event meets only those of the
same place whose dates overlap its own (at most `WINDOW` of them): a story of thousands of articles
costs about as much per event as one of ten.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from maps import kinds
from timeline.model import PRECISION_RANK, UNRANKED

SIMILAR = 80          # token-set ratio (0-100) from which two sentences tell the same thing
WINDOW = 200          # events of one place, overlapping in time, that one event is compared with
DAY_RANK = PRECISION_RANK["day"]


@dataclass
class StoryEvent:
    """One event of one article, with what merging needs: its time bounds and its places' keys."""

    article: int                  # index of the article in the story
    event_id: str                 # the event's id in its article ("e3")
    when: dict | None             # the export's "when"
    places: list[tuple]           # place keys (name, lat, lon), in the event's order
    local: set = field(default_factory=set)   # the keys of places no larger than a province
    summary: str = ""
    lang: str = ""

    @property
    def earliest(self) -> str | None:
        return (self.when or {}).get("earliest")

    @property
    def latest(self) -> str | None:
        return (self.when or {}).get("latest") or self.earliest

    @property
    def rank(self) -> int:
        return PRECISION_RANK.get((self.when or {}).get("precision") or "", UNRANKED)


def place_key(place: dict) -> tuple:
    """One place across articles: the same name at the same point (to about 10 m)."""
    return (place.get("name") or place.get("text") or "", round(place["lat"], 4), round(place["lon"], 4))


def is_local(place: dict) -> bool:
    return place.get("kind") not in kinds.BROAD


def same_happening(a: StoryEvent, b: StoryEvent) -> bool:
    """Do two events of different articles, at a shared place and overlapping dates, tell one thing?"""
    if a.lang != b.lang:
        return a.rank <= DAY_RANK and b.rank <= DAY_RANK and bool(a.local & b.local)
    return fuzz.token_set_ratio(a.summary, b.summary, processor=default_process) >= SIMILAR


def merge_groups(events: list[StoryEvent]) -> list[list[int]]:
    """The events as groups of indexes (each group one happening), in the order of their first event."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_place: dict[tuple, list[int]] = {}
    for i, e in enumerate(events):
        if e.earliest:
            for key in dict.fromkeys(e.places):
                by_place.setdefault(key, []).append(i)
    for members in by_place.values():
        members.sort(key=lambda i: (events[i].earliest, i))
        for pos, i in enumerate(members):
            a = events[i]
            for j in members[pos + 1: pos + 1 + WINDOW]:
                b = events[j]
                if b.earliest > a.latest:
                    break   # sorted by start: nothing later overlaps a
                if a.article != b.article and root(i) != root(j) and same_happening(a, b):
                    parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[int]] = {}
    for i in range(len(events)):
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])
