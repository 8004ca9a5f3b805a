"""Distances on the Earth: the one great-circle formula every part of eventmap uses.

The mean Earth radius (IUGG, 6371.0088 km) is the one the reference scorer uses, so a distance
threshold here means what acc@161 means.
"""
from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180   # along a meridian


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

    def add(self, lat: float, lon: float, item) -> None:
        key = (math.floor(lat / self.cell), math.floor(lon / self.cell))
        self.cells.setdefault(key, []).append((lat, lon, item))

    def within(self, lat: float, lon: float, km: float):
        """Every (item, distance) closer than ``km`` to the point, in no particular order."""
        dlat = km / KM_PER_DEGREE
        top = min(90.0, abs(lat) + dlat)
        cos_top = math.cos(math.radians(top))
        dlon = 180.0 if cos_top < 1e-9 else min(180.0, 1.01 * dlat / cos_top)
        rows = range(math.floor((lat - dlat) / self.cell), math.floor((lat + dlat) / self.cell) + 1)
        first, last = math.floor((lon - dlon) / self.cell), math.floor((lon + dlon) / self.cell)
        n_cols = round(360 / self.cell)
        cols = range(first, last + 1) if last - first + 1 < n_cols else range(n_cols)
        seen_cols = {((c + n_cols // 2) % n_cols) - n_cols // 2 for c in cols}   # longitude wraps at 180
        for r in rows:
            for c in seen_cols:
                for plat, plon, item in self.cells.get((r, c), ()):
                    d = distance_km(lat, lon, plat, plon)
                    if d < km:
                        yield item, d
