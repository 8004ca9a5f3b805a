"""What an article's other names say for one reading of a name: the resolver's context.

Why its own module, and why sums and a grid: each distinct name of the article votes with its
current best reading, weighted by how sure that reading is - for readings in its country, in its
province, of its own kind (names listed together), and near it. Comparing every reading with every
other name made a text listing thousands of towns quadratic (100 KB of town names took 7 minutes).
Here the votes are summed once per country, province and kind, and nearness is asked of a point
grid, so a reading costs the same however many names the article holds. A name never votes for
itself, nor for a name it is part of ("Dublin City" does not vouch for "Dublin"): their votes are
taken back out of the sums.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict

from maps import kinds
from maps.nearness import Nearness

COUNTRY_SUPPORT = (0.25, 0.8, 0.4, 2.0)   # threshold, base, slope, cap of the bonus for the country named
ADMIN1_SUPPORT = (0.25, 1.5, 2.5)          # threshold, slope, cap for the province named
PEERS = (1.5, 0.5, 1.5)                    # threshold, slope, cap for names of the same kind
PAIR_CANDIDATES = 8   # readings per name that may meet another name's readings
PAIR_WEIGHT = 0.5
PAIR_MAX = 1.5
PAIR_CELL = 0.5       # degrees: two names with readings in neighbouring cells meet


class _Tally:
    """Votes summed by country, by province and by kind, for the support bonuses."""

    def __init__(self, votes):
        self.by_country: dict = defaultdict(float)      # cc -> sum of w * (1 | 0.5)
        self.by_admin1: dict = defaultdict(float)       # (cc, a1) -> a town's province support
        self.by_admin1_wide: dict = defaultdict(float)  # (cc, a1) -> a province's own support
        self.peers: dict = defaultdict(float)           # (kind, cc or None) -> sum of w
        for e, w in votes:
            self._add(e, w)

    def _add(self, e, w: float) -> None:
        ek, cc, a1 = getattr(e, "kind", ""), getattr(e, "country", None), getattr(e, "admin1", None)
        if cc:
            self.by_country[cc] += w * (1.0 if ek in (kinds.COUNTRY, kinds.ADMIN1) else 0.5)
            if ek != kinds.COUNTRY:
                self.by_admin1[(cc, a1)] += w * (1.0 if ek == kinds.ADMIN1 else 0.6)
            if ek not in kinds.BROAD:
                self.by_admin1_wide[(cc, a1)] += w * 0.6   # Seattle speaks for the state of Washington
        if ek == kinds.COUNTRY:
            self.peers[(ek, None)] += w
        elif ek == kinds.ADMIN1:
            self.peers[(ek, cc)] += w

    def support(self, kind: str, cc, a1) -> tuple[float, float, float]:
        """(country, province, peer) support for a reading of this kind, country and province."""
        country = self.by_country.get(cc, 0.0) if cc else 0.0
        admin1 = 0.0
        if cc and a1:
            table = self.by_admin1_wide if kind == kinds.ADMIN1 else self.by_admin1
            admin1 = table.get((cc, a1), 0.0)
        peers = 0.0
        if kind == kinds.COUNTRY:
            peers = self.peers.get((kinds.COUNTRY, None), 0.0)
        elif kind == kinds.ADMIN1:
            peers = self.peers.get((kinds.ADMIN1, cc), 0.0)
        return country, admin1, peers


class _One:
    """What a `_Tally` of a single vote would say, without building its tables: most names are
    related to no other name of the article, and their own vote is taken out of every sum."""

    __slots__ = ("kind", "cc", "a1", "w")

    def __init__(self, e, w: float):
        self.kind, self.cc, self.a1, self.w = getattr(e, "kind", ""), getattr(e, "country", None), \
            getattr(e, "admin1", None), w

    def support(self, kind: str, cc, a1) -> tuple[float, float, float]:
        ek, w = self.kind, self.w
        country = admin1 = peers = 0.0
        if cc and self.cc == cc:
            country = w * (1.0 if ek in (kinds.COUNTRY, kinds.ADMIN1) else 0.5)
            if a1 and self.a1 == a1:
                if kind == kinds.ADMIN1:
                    admin1 = w * 0.6 if ek not in kinds.BROAD else 0.0
                elif ek != kinds.COUNTRY:
                    admin1 = w * (1.0 if ek == kinds.ADMIN1 else 0.6)
        if kind == kinds.COUNTRY and ek == kinds.COUNTRY:
            peers = w
        elif kind == kinds.ADMIN1 and ek == kinds.ADMIN1 and self.cc == cc:
            peers = w
        return country, admin1, peers


class Evidence:
    """The article's votes, built once per resolver pass from each distinct name's best reading.

    ``entries``: normalised name -> (best reading, weight); ``pairs``: which names have a town reading
    in each cell (`reading_cells` of every mention's name and readings, for the pair bonus)."""

    def __init__(self, entries: dict[str, tuple], pairs: dict):
        self.entries = entries
        self.keys = sorted(entries)
        self.tally = _Tally(entries.values())
        self.near = Nearness((e.lat, e.lon, w, key) for key, (e, w) in entries.items()
                              if getattr(e, "kind", "") not in kinds.BROAD)
        self.pairs = pairs
        self._bonus: dict[tuple, float] = {}      # a name's readings recur with each of its mentions
        self._own: dict[str, _Tally | None] = {}

    def related(self, me: str) -> list[str]:
        """The article's names that are this name, contain it or are contained in it (word by word)."""
        out = [me] if me in self.entries else []
        words = me.split(" ")
        out += [p for p in (" ".join(words[:n]) for n in range(1, len(words))) if p in self.entries]
        i = bisect_left(self.keys, me + " ")
        while i < len(self.keys) and self.keys[i].startswith(me + " "):
            out.append(self.keys[i])
            i += 1
        return out

    def bonus(self, c, me: str, peers_count: bool = True, pairs_count: bool = True) -> float:
        """What the article's other names say for reading ``c`` of the name ``me``. ``peers_count``: may
        other provinces named anywhere vouch for a province reading? Not against a same-name national
        capital ("Washington" in a story that also names Texas is still the capital, unless listed with
        it or called a state). ``pairs_count``: may readings that meet another name's count?"""
        key = (me, id(c), peers_count, pairs_count)
        if key not in self._bonus:
            self._bonus[key] = self._bonus_of(c, me, peers_count, pairs_count)
        return self._bonus[key]

    def _bonus_of(self, c, me: str, peers_count: bool, pairs_count: bool) -> float:
        kind, cc, a1 = getattr(c, "kind", "city"), getattr(c, "country", None), getattr(c, "admin1", None)
        total = self.tally.support(kind, cc, a1)
        if me not in self._own:
            related = self.related(me)
            self._own[me] = None if not related else _One(*self.entries[me]) if related == [me] else \
                _Tally(self.entries[k] for k in related)
        own = self._own[me]
        if own is not None:   # a name does not vote for itself or for a name it is part of
            total = tuple(t - o for t, o in zip(total, own.support(kind, cc, a1)))
        country, admin1, peers = total
        b = 0.0
        if country > COUNTRY_SUPPORT[0]:
            b += min(COUNTRY_SUPPORT[3], COUNTRY_SUPPORT[1] + COUNTRY_SUPPORT[2] * country)
        if admin1 > ADMIN1_SUPPORT[0]:
            b += min(ADMIN1_SUPPORT[2], ADMIN1_SUPPORT[1] * admin1)
        if peers >= PEERS[0] and peers_count:
            b += min(PEERS[2], PEERS[1] * peers)
        if kind in kinds.LOCAL and pairs_count:
            b += self._pair_bonus(c, me)
        return b + (0.0 if kind in kinds.BROAD else self.near.strongest(c.lat, c.lon, me))

    def _pair_bonus(self, c, me: str) -> float:
        """Names whose same-name towns meet in one place (Columbus and Norfolk in Nebraska) say that is
        where the article is: each other name with a town reading in a neighbouring cell counts."""
        cy, cx = math.floor(c.lat / PAIR_CELL), math.floor(c.lon / PAIR_CELL)
        needed = math.ceil(PAIR_MAX / PAIR_WEIGHT)
        me_sp = me + " "
        met: set[str] = set()
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for k in self.pairs.get((cy + dy, cx + dx), ()):
                    if k != me and k not in met and not (k.startswith(me_sp) or me.startswith(k + " ")):
                        met.add(k)
                        if len(met) >= needed:
                            return PAIR_MAX
        return min(PAIR_MAX, PAIR_WEIGHT * len(met))


def reading_cells(keys: list[str], candidates: list) -> dict:
    """Which names have some town reading in each cell."""
    grid: dict[tuple, set] = {}
    for key, cands in zip(keys, candidates):
        for c in cands[:PAIR_CANDIDATES]:
            if getattr(c, "kind", "") not in kinds.LOCAL or getattr(c, "match", "") == "demonym":
                continue
            grid.setdefault((math.floor(c.lat / PAIR_CELL), math.floor(c.lon / PAIR_CELL)), set()).add(key)
    return grid
