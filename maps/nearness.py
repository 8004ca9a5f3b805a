"""The strongest vote near a point: max over the other names' readings of weight x closeness factor.

Why its own module, and why plans: the resolver asks this for every reading of every name, twice per
article, and a text listing thousands of towns asks it a hundred thousand times. Votes sit in
one-degree cells, each cell's votes sorted by weight. For each cell that readings are asked about,
a *plan* is made once: the cells within reach of any point of it, each with the most its votes can
be worth there (the cell's heaviest vote x the closeness factor at the two cells' least possible
distance), best first. A question then reads the plan's cells in that order and stops at the first
cell that cannot beat the best found, and inside a cell at the first vote that cannot - so it costs
a few distance computations, not a walk over the grid. Bounds only decide what is skipped: the
answer is always the exact maximum, computed with `maps.geo.distance_km`'s formula.
"""
from __future__ import annotations

import math

from maps.geo import EARTH_RADIUS_KM, KM_PER_DEGREE

NEAR_BANDS = ((50, 1.5), (150, 1.0), (400, 0.5))   # km, factor: another name's reading this near
(_KM1, _F1), (_KM2, _F2), (_KM3, _F3) = NEAR_BANDS  # the same bands, unrolled for the inner loop
SLACK_KM = 1e-6        # bounds are lowered by this much, so that rounding never skips a vote that counts
TWO_R = 2 * EARTH_RADIUS_KM


def factor(km: float) -> float:
    """How much a vote at this distance counts (0 beyond the last band)."""
    for limit, f in NEAR_BANDS:
        if km < limit:
            return f
    return 0.0


class Nearness:
    """Votes ``(lat, lon, weight, name)``; `strongest` answers for a point and the name asking."""

    CELL = 1.0
    FEW = 200     # up to this many votes, reading them all costs less than planning

    def __init__(self, votes):
        rows = [(w, lat, lon, key, math.radians(lat), math.cos(math.radians(lat))) for lat, lon, w, key in votes]
        rows.sort(key=lambda v: -v[0])
        self.votes = rows
        self.cells: dict[tuple[int, int], list] = {}
        for v in rows:
            self.cells.setdefault((math.floor(v[1] / self.CELL), math.floor(v[2] / self.CELL)), []).append(v)
        self.best_factor = NEAR_BANDS[0][1]
        self.reach = NEAR_BANDS[-1][0]
        self._plans: dict[tuple[int, int], list] = {}

    def strongest(self, lat: float, lon: float, me: str) -> float:
        query = _Query(lat, lon, me)
        if len(self.votes) <= self.FEW:
            return query.best_of(self.votes, self.best_factor, 0.0)
        key = (math.floor(lat / self.CELL), math.floor(lon / self.CELL))
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._plan(key)
        best = 0.0
        for bound, votes, most in plan:
            if bound <= best:
                break
            best = query.best_of(votes, most, best)
        return best

    def _plan(self, key: tuple[int, int]) -> list:
        """The cells within reach of cell ``key``, as (the most a vote there is worth, votes, best factor)."""
        row, col = key
        lat_lo, lat_hi = row * self.CELL, (row + 1) * self.CELL
        widest_q = max(abs(lat_lo), abs(lat_hi))
        dlat = self.reach / KM_PER_DEGREE
        cos_top = math.cos(math.radians(min(90.0, widest_q + dlat)))
        dlon = 180.0 if cos_top < 1e-9 else min(180.0, 1.01 * dlat / cos_top)
        n_cols = round(360 / self.CELL)
        r_span = range(math.floor((lat_lo - dlat) / self.CELL), math.floor((lat_hi + dlat) / self.CELL) + 1)
        c_lo, c_hi = math.floor((col * self.CELL - dlon) / self.CELL), math.floor(((col + 1) * self.CELL + dlon) / self.CELL)
        if c_hi - c_lo + 1 >= n_cols:
            c_lo, c_hi = col - n_cols // 2, col - n_cols // 2 + n_cols - 1
        half = n_cols // 2
        plan = []
        for r in r_span:
            for c in range(c_lo, c_hi + 1):
                cell_key = (r, ((c + half) % n_cols) - half)
                votes = self.cells.get(cell_key)
                if not votes:
                    continue
                most = self._most(row, cell_key[0], cell_key[1] - col)
                if most > 0.0:
                    plan.append((votes[0][0] * most, votes, most))
        plan.sort(key=lambda p: -p[0])
        return plan

    def _most(self, row: int, other_row: int, dcol: int) -> float:
        """The best closeness factor between a point of a cell in ``row`` and one of a cell in
        ``other_row``, ``dcol`` columns away (depends on nothing else: kept)."""
        key = (row, other_row, dcol)
        most = _MOST.get(key)
        if most is None:
            most = _MOST[key] = factor(_lower_bound_km(row, other_row, dcol, self.CELL))
        return most


_MOST: dict[tuple[int, int, int], float] = {}


def _lower_bound_km(row: int, other_row: int, dcol: int, size: float) -> float:
    """No point of a cell is closer than this to a point of the other: the latitude gap alone, or the
    longitude gap at the highest latitude of both (haversine with cos(lat) at its smallest)."""
    n_cols = round(360 / size)
    gap_rows = max(0, abs(row - other_row) - 1) * size
    cols = abs(dcol) % n_cols
    gap_cols = max(0, min(cols, n_cols - cols) - 1) * size
    widest = min(90.0, max(abs(row * size), abs((row + 1) * size), abs(other_row * size), abs((other_row + 1) * size)))
    h = math.cos(math.radians(widest)) * math.sin(math.radians(gap_cols) / 2)
    return max(0.0, max(gap_rows * KM_PER_DEGREE, TWO_R * math.asin(min(1.0, h))) - SLACK_KM)


class _Query:
    """One question: a point and the name asking (which never votes for itself, nor for a name it is
    part of or that is part of it)."""

    __slots__ = ("lat", "lon", "me", "me_sp", "p1", "cos_p1")

    def __init__(self, lat: float, lon: float, me: str):
        self.lat, self.lon, self.me, self.me_sp = lat, lon, me, me + " "
        self.p1 = math.radians(lat)
        self.cos_p1 = math.cos(self.p1)

    def best_of(self, votes: list, most: float, best: float) -> float:
        """The best of ``best`` and these votes (sorted by weight, none worth more than ``most`` x
        weight). The distance is `maps.geo.distance_km(lat, lon, plat, plon)` with the vote's radians
        and cosine computed once: the same operations in the same order, so the same number."""
        lat, lon, me, me_sp, p1, cos_p1 = self.lat, self.lon, self.me, self.me_sp, self.p1, self.cos_p1
        sin, asin, sqrt, radians = math.sin, math.asin, math.sqrt, math.radians
        for w, plat, plon, name, p2, cos_p2 in votes:
            if w * most <= best:
                break
            if abs(plat - lat) >= _REACH_DEG or name == me or name.startswith(me_sp) or me.startswith(name + " "):
                continue
            h = sin((p2 - p1) / 2) ** 2 + cos_p1 * cos_p2 * sin(radians(plon - lon) / 2) ** 2
            km = TWO_R * asin(min(1.0, sqrt(h)))
            f = _F1 if km < _KM1 else _F2 if km < _KM2 else _F3 if km < _KM3 else 0.0
            if w * f > best:
                best = w * f
        return best


_REACH_DEG = _KM3 / KM_PER_DEGREE   # degrees of latitude beyond which no vote counts
