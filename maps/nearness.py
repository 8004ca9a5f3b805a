"""The strongest vote near a point: max over the other names' readings of weight x closeness factor.

Why its own module, and why plans: the resolver asks this for every reading of every name, twice per
article, and a text listing thousands of towns asks it a hundred thousand times. Votes sit in
one-degree cells, each cell's votes sorted by weight. For each cell that readings are asked about, a
*plan* is made once per closeness band, and only when a question gets that far: the cells whose
points can be that close to some point of it, each with the most its votes can be worth there, best
first. A question reads the nearest band's cells first, bounds each nearby cell again for its own
point, stops at the first cell that cannot beat the best found (inside a cell, at the first vote that
cannot) and skips a whole band when no vote is heavy enough to win from that far - so it costs a few
distance tests, not a walk over the grid. A distance test is the chord between two unit vectors (no
trigonometry); only within a billionth of a band's edge is `maps.geo.distance_km` asked. Bounds only
decide what is skipped: the answer is always the exact maximum, the one `distance_km` gives.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from maps.geo import EARTH_RADIUS_KM, KM_PER_DEGREE, chord_limits, distance_km, unit_vector

NEAR_BANDS = ((50, 1.5), (150, 1.0), (400, 0.5))   # km, factor: another name's reading this near
(_KM1, _F1), (_KM2, _F2), (_KM3, _F3) = NEAR_BANDS  # the same bands, unrolled for the inner loop
SLACK_KM = 1e-6        # bounds are lowered by this much, so that rounding never skips a vote that counts
TWO_R = 2 * EARTH_RADIUS_KM
FEW_IN_CELL = 8        # votes in a cell below which bounding it again for the point costs more than reading it


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
        rows = [(w, *unit_vector(lat, lon), key, key + " ", lat, lon) for lat, lon, w, key in votes]
        rows.sort(key=lambda v: -v[0])
        self.votes = rows
        self._n_cols = round(360 / self.CELL)
        half = self._n_cols // 2
        cells: dict[tuple[int, int], list] = {}
        for v in rows:
            col = (math.floor(v[-1] / self.CELL) + half) % self._n_cols - half
            cells.setdefault((math.floor(v[-2] / self.CELL), col), []).append(v)
        self._rows: dict[int, tuple[list, list]] = {}
        for (r, c), votes in sorted(cells.items()):
            cols, lists = self._rows.setdefault(r, ([], []))
            cols.append(c)
            lists.append(votes)
        self._row_reach = math.ceil(NEAR_BANDS[-1][0] / (KM_PER_DEGREE * self.CELL)) + 1
        self.best_factor = NEAR_BANDS[0][1]
        self.top = rows[0][0] if rows else 0.0
        self._plans: dict[tuple[int, int], list] = {}

    def strongest(self, lat: float, lon: float, me: str) -> float:
        query = _Query(lat, lon, me)
        if len(self.votes) <= self.FEW:
            return query.best_of(self.votes, self.best_factor, 0.0)
        key = (math.floor(lat / self.CELL), math.floor(lon / self.CELL))
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = [None] * len(NEAR_BANDS)
        best = 0.0
        for band, (_, most) in enumerate(NEAR_BANDS):
            if best >= most * self.top:
                break    # no vote is heavy enough to beat it from this far
            cells = plan[band]
            if cells is None:
                cells = plan[band] = self._cells_at(key, most)
            again = most > _F3   # nearer bands: a cell may be farther from this point than from its cell
            for bound, votes, cell in cells:
                if bound <= best:
                    break
                # a cell of a few votes is read faster than bounded again for this point
                near = query.most_at(cell, self.CELL) if again and len(votes) > FEW_IN_CELL else most
                if votes[0][0] * near > best:
                    best = query.best_of(votes, near, best)
        return best

    def _cells_at(self, key: tuple[int, int], most: float) -> list:
        """The cells whose points are at best ``most`` close to some point of cell ``key`` (a band of
        columns in each row), as (the most a vote there is worth, votes), best first. Only cells that
        hold votes are read: each row's columns are kept sorted."""
        row, col = key
        out = []
        for r in range(row - self._row_reach, row + self._row_reach + 1):
            found = self._rows.get(r)
            band = found and _bands(row, r, self.CELL).get(most)
            if not band:
                continue
            cols, lists = found
            d_lo, d_hi = band
            ranges = [(col - d_hi, col + d_hi)] if d_lo == 0 else [(col - d_hi, col - d_lo), (col + d_lo, col + d_hi)]
            for lo_hi in ranges:
                for lo, hi in _wrapped(*lo_hi, self._n_cols):
                    for k in range(bisect_left(cols, lo), bisect_right(cols, hi)):
                        out.append((lists[k][0][0] * most, lists[k], (r, cols[k])))
        out.sort(key=_first, reverse=True)
        return out


def _first(entry: tuple) -> float:
    return entry[0]


def _wrapped(lo: int, hi: int, n_cols: int) -> list[tuple[int, int]]:
    """Column ranges [lo, hi] with longitudes wrapped at 180 (columns run from -n/2 to n/2 - 1)."""
    half = n_cols // 2
    if hi - lo + 1 >= n_cols:
        return [(-half, half - 1)]
    while lo < -half:
        lo, hi = lo + n_cols, hi + n_cols
    while lo > half - 1:
        lo, hi = lo - n_cols, hi - n_cols
    return [(lo, hi)] if hi <= half - 1 else [(lo, half - 1), (-half, hi - n_cols)]


_BANDS: dict[tuple, dict] = {}


def _bands(row: int, other_row: int, size: float) -> dict[float, tuple[int, int]]:
    """For cells in ``row`` and ``other_row``: for each closeness factor, the columns apart (from,
    to) at which the best any two of their points can have is that factor."""
    key = (row, other_row, size)
    found = _BANDS.get(key)
    if found is None:
        found = {}
        for d in range(round(180 / size) + 1):
            f = factor(_lower_bound_km(row, other_row, d, size))
            if f == 0.0:
                break
            found[f] = (found.get(f, (d, d))[0], d)
        _BANDS[key] = found
    return found


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


# Squared chords of the bands' limits, each with a margin: a chord outside every margin decides the
# band by itself; one inside a margin is settled by `maps.geo.distance_km`'s own formula, so that a vote
# right at a band's edge counts exactly as it always has.
(_LO1, _HI1), (_LO2, _HI2), (_LO3, _HI3) = (chord_limits(km) for km in (_KM1, _KM2, _KM3))


class _Query:
    """One question: a point and the name asking (which never votes for itself, nor for a name it is
    part of or that is part of it)."""

    __slots__ = ("lat", "lon", "me", "me_sp", "x", "y", "z", "cos_lat")

    def __init__(self, lat: float, lon: float, me: str):
        self.lat, self.lon, self.me, self.me_sp = lat, lon, me, me + " "
        self.x, self.y, self.z = unit_vector(lat, lon)
        self.cos_lat = None

    def most_at(self, cell: tuple[int, int], size: float) -> float:
        """The best factor a vote in this nearby cell can have for this point: from the gap in
        latitude, or the gap in longitude at the highest latitude of the point and the cell
        (haversine's longitude term bounded below with sin x >= x(1 - x^2/6) and asin y >= y, for gaps
        of up to five degrees)."""
        r, c = cell
        lat, lon = self.lat, self.lon
        gap_lat = max(0.0, r * size - lat, lat - (r + 1) * size)
        gap_lon = max(0.0, abs((lon - (c + 0.5) * size + 180.0) % 360.0 - 180.0) - size / 2)   # across 180 too
        km = gap_lat * KM_PER_DEGREE
        if 0.0 < gap_lon <= 5.0:
            if self.cos_lat is None:
                self.cos_lat = math.cos(math.radians(min(90.0, abs(lat))))
            cos_widest = min(self.cos_lat, _row_cos(r, size))   # cos falls as |latitude| grows
            x = math.radians(gap_lon)
            km = max(km, EARTH_RADIUS_KM * cos_widest * x * (1 - x * x / 24))
        return factor(km - SLACK_KM)

    def best_of(self, votes: list, most: float, best: float) -> float:
        """The best of ``best`` and these votes (sorted by weight, none worth more than ``most`` x weight).
        The band of a vote comes from the chord between the two points (no trigonometry); near a
        band's edge, from the haversine distance."""
        x, y, z, me, me_sp = self.x, self.y, self.z, self.me, self.me_sp
        for w, vx, vy, vz, name, name_sp, plat, plon in votes:
            if w * most <= best:
                break
            dx, dy, dz = vx - x, vy - y, vz - z
            c2 = dx * dx + dy * dy + dz * dz
            if c2 >= _HI3:
                continue
            if c2 < _LO1:
                f = _F1
            elif _HI1 <= c2 < _LO2:
                f = _F2
            elif _HI2 <= c2 < _LO3:
                f = _F3
            else:
                f = self._at_edge(plat, plon)
            if w * f > best and name != me and not name.startswith(me_sp) and not me.startswith(name_sp):
                best = w * f
        return best

    def _at_edge(self, plat: float, plon: float) -> float:
        """The factor as `maps.geo.distance_km` decides it (a vote a degree-span of latitude away
        counts for nothing, as it always has)."""
        if abs(plat - self.lat) >= _REACH_DEG:
            return 0.0
        return factor(distance_km(self.lat, self.lon, plat, plon))


_ROW_COS: dict[tuple[int, float], float] = {}


def _row_cos(row: int, size: float) -> float:
    """The cosine of the highest |latitude| in a row of cells."""
    found = _ROW_COS.get((row, size))
    if found is None:
        found = _ROW_COS[(row, size)] = math.cos(math.radians(min(90.0, max(abs(row * size), abs((row + 1) * size)))))
    return found


_REACH_DEG = _KM3 / KM_PER_DEGREE   # degrees of latitude beyond which no vote counts
