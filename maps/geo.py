"""Distances on the Earth: the one great-circle formula every part of eventmap uses.

The mean Earth radius (IUGG, 6371.0088 km) is the one the reference scorer uses, so a distance
threshold here means what acc@161 means.
"""
from __future__ import annotations

import math
from functools import lru_cache

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180   # along a meridian


def unit_vector(lat: float, lon: float) -> tuple[float, float, float]:
    """The point on the unit sphere. The squared chord between two such points grows with their
    distance, and costs no trigonometry: a fast first test of "closer than km" (see `chord_limits`)."""
    p, q = math.radians(lat), math.radians(lon)
    return math.cos(p) * math.cos(q), math.cos(p) * math.sin(q), math.sin(p)


def chord_limits(km: float) -> tuple[float, float]:
    """Squared chords just below and just above a distance of ``km``: a squared chord below the first
    is closer for certain, above the second farther; in between (a billionth either way), ask
    `distance_km`, so that the answer is always the one `distance_km` gives."""
    c2 = (2 * math.sin(km / (2 * EARTH_RADIUS_KM))) ** 2
    return c2 * (1 - 1e-9), c2 * (1 + 1e-9)


class PointGrid:
    """Items at points, found again by distance without comparing every pair.

    Why: rules such as "another place of the article lies within 150 km" compared each place with
    every other one, which is quadratic in a text that lists thousands of towns. Items go into cells
    of ``cell_deg`` degrees; a query looks only at the cells that can hold a point within reach, then
    checks the exact distance.
    """

    def __init__(self, cell_deg: float = 1.0):
        self.cell = cell_deg
        self.cells: dict[tuple[int, int], list] = {}
        self._bounds: dict[tuple, int] = {}

    def add(self, lat: float, lon: float, item) -> None:
        key = (math.floor(lat / self.cell), math.floor(lon / self.cell))
        self.cells.setdefault(key, []).append((lat, lon, item, *unit_vector(lat, lon)))
        self._bounds.clear()

    def count_bound(self, lat: float, lon: float, km: float) -> int:
        """At least as many as ``within`` yields: every item in the cells that some point of this
        point's cell can reach (counted once per cell, and kept)."""
        key = (math.floor(lat / self.cell), math.floor(lon / self.cell), km)
        n = self._bounds.get(key)
        if n is None:
            n = self._bounds[key] = sum(len(self.cells.get(k, ())) for k in _cells_near_cell(key[0], key[1], km, self.cell))
        return n

    def within(self, lat: float, lon: float, km: float):
        """Every (item, distance) closer than ``km`` to the point, in no particular order."""
        x, y, z = unit_vector(lat, lon)
        far = chord_limits(km)[1]
        for key in cells_in_reach(lat, lon, km, self.cell):
            for plat, plon, item, px, py, pz in self.cells.get(key, ()):
                if (px - x) ** 2 + (py - y) ** 2 + (pz - z) ** 2 >= far:
                    continue    # farther for certain: no need for the exact distance
                d = distance_km(lat, lon, plat, plon)
                if d < km:
                    yield item, d

    def count_within(self, lat: float, lon: float, km: float) -> int:
        """How many items ``within`` yields, counted without computing most distances."""
        x, y, z = unit_vector(lat, lon)
        near, far = chord_limits(km)
        n = 0
        for key in cells_in_reach(lat, lon, km, self.cell):
            for plat, plon, _, px, py, pz in self.cells.get(key, ()):
                c2 = (px - x) ** 2 + (py - y) ** 2 + (pz - z) ** 2
                if c2 < near or (c2 < far and distance_km(lat, lon, plat, plon) < km):
                    n += 1
        return n


def cells_in_reach(lat: float, lon: float, km: float, cell: float, nearest_first: bool = False) -> list[tuple[int, int]]:
    """The grid cells (``cell`` degrees square, keyed by floor(lat/cell), floor(lon/cell)) that may
    hold a point closer than ``km`` to (lat, lon); longitudes wrap at 180. ``nearest_first`` orders
    them by their distance from the point's own cell."""
    dlat = km / KM_PER_DEGREE
    top = min(90.0, abs(lat) + dlat)
    cos_top = math.cos(math.radians(top))
    dlon = 180.0 if cos_top < 1e-9 else min(180.0, 1.01 * dlat / cos_top)
    r0, c0 = math.floor(lat / cell), math.floor(lon / cell)
    n_cols = round(360 / cell)
    r_lo, r_hi = math.floor((lat - dlat) / cell) - r0, math.floor((lat + dlat) / cell) - r0
    c_lo, c_hi = math.floor((lon - dlon) / cell) - c0, math.floor((lon + dlon) / cell) - c0
    if c_hi - c_lo + 1 >= n_cols:
        c_lo, c_hi = -(n_cols // 2), n_cols - n_cols // 2 - 1
    shrink = round(math.cos(math.radians(min(89.0, abs(lat)))), 1) if nearest_first else None
    half = n_cols // 2
    return [(r0 + dr, ((c0 + dc + half) % n_cols) - half) for dr, dc in _offsets(r_lo, r_hi, c_lo, c_hi, shrink)]


def _cells_near_cell(row: int, col: int, km: float, cell: float) -> list[tuple[int, int]]:
    """The cells that may hold a point closer than ``km`` to some point of cell (row, col): every
    ``cells_in_reach`` of a point in it is among them."""
    dlat = km / KM_PER_DEGREE
    top = min(90.0, max(abs(row * cell), abs((row + 1) * cell)) + dlat)
    cos_top = math.cos(math.radians(top))
    dlon = 180.0 if cos_top < 1e-9 else min(180.0, 1.01 * dlat / cos_top)
    n_cols, half = round(360 / cell), round(360 / cell) // 2
    r_lo, r_hi = math.floor((row * cell - dlat) / cell), math.floor(((row + 1) * cell + dlat) / cell)
    c_lo, c_hi = math.floor((col * cell - dlon) / cell), math.floor(((col + 1) * cell + dlon) / cell)
    if c_hi - c_lo + 1 >= n_cols:
        c_lo, c_hi = -half, n_cols - half - 1
    return [(r, ((c + half) % n_cols) - half) for r in range(r_lo, r_hi + 1) for c in range(c_lo, c_hi + 1)]


@lru_cache(maxsize=4096)
def _offsets(r_lo: int, r_hi: int, c_lo: int, c_hi: int, shrink: float | None) -> tuple:
    out = [(dr, dc) for dr in range(r_lo, r_hi + 1) for dc in range(c_lo, c_hi + 1)]
    if shrink is not None:
        out.sort(key=lambda o: o[0] ** 2 + (o[1] * shrink) ** 2)
    return tuple(out)
