"""The map's view of the places: one marker per distinct place, numbered in timeline order, drawn by
what it is.

Why here and not in the page script: the page, the static figure (eventmap/outputs/figure.py) and the
tests must agree on what a marker is, what number it carries and how big a place is drawn. A country
is drawn as its outline (Natural Earth, assets/countries-50m.json); any other place larger than a town
(a province, a region, an island, a sea) as a circle of about its size, so that it never looks as
precise as a street; towns and smaller as numbered markers.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from eventmap.model import Document, Event

COORD_DIGITS = 5  # as in the JSON export: about a metre
ASSETS = Path(__file__).resolve().parent / "assets"

# About how far (km) a place of each kind reaches from its point, when no outline or box is known:
# the radius of the circle it is drawn as. Orders of magnitude, not measurements: a typical
# province is a few hundred km across, a regency a few tens, a region (Southeast Asia, the Visayas) from
# five hundred to a few thousand.
EXTENT_KM = {"continent": 2500, "ocean": 2500, "region": 600, "country": 500, "sea": 350, "admin1": 150,
             "peninsula": 200, "island": 100, "admin2": 30, "lake": 20, "mountain": 8, "area": 8, "admin3": 8}
# The kinds drawn as a point: a town, a building, a street.
POINT_KINDS = frozenset({"city", "landmark", "street", "river"})


@dataclass
class Marker:
    """One distinct resolved place on the map: the mentions of it and the events that name it.

    ``number``    its place in timeline order (the first event naming it), shown on the map and in the list.
    ``shape``     "point" (a numbered marker), "outline" (a country's outline, keyed by ``country``),
                  "box" (``bbox``), or "circle" (``radius_km`` around the point).
    ``mentions``  indexes of the document's places; ``events`` the ids of the events naming it.
    The page script reads these fields by name (assets/page.js).
    """

    id: str
    name: str
    lat: float
    lon: float
    kind: str | None
    country: str | None
    bbox: list[float] | None
    number: int = 0
    shape: str = "point"
    radius_km: float | None = None
    mentions: list[int] = field(default_factory=list)
    events: list[str] = field(default_factory=list)


def place_markers(doc: Document, timeline_order: list[Event] | None = None) -> list[Marker]:
    """One marker per distinct resolved place (same name, same point to about 10 m), numbered in
    the order the timeline names them (`timeline_order`, default: the events in text order); places no
    event names come last, in text order."""
    markers: list[Marker] = []
    by_key: dict[tuple, Marker] = {}
    for i, mention in enumerate(doc.places):
        p = mention.place
        if p is None:
            continue
        lat, lon = round(p.lat, COORD_DIGITS), round(p.lon, COORD_DIGITS)
        key = (p.name or mention.text, round(lat, 4), round(lon, 4))
        m = by_key.get(key)
        if m is None:
            m = Marker(f"p{len(markers)}", key[0], lat, lon, p.kind, p.country, list(p.bbox) if p.bbox else None)
            m.shape, m.radius_km = shape_of(m.kind, m.country, m.bbox)
            by_key[key] = m
            markers.append(m)
        m.mentions.append(i)
    owner = {i: m for m in markers for i in m.mentions}
    for e in timeline_order if timeline_order is not None else doc.events:
        for i in e.place_ids:
            m = owner.get(i)
            if m is not None and e.id not in m.events:
                m.events.append(e.id)
    _number(markers, [e.id for e in (timeline_order if timeline_order is not None else doc.events)])
    return markers


def shape_of(kind: str | None, country: str | None, bbox: list[float] | None) -> tuple[str, float | None]:
    """How a place is drawn: its outline, its box, a circle of its size, or a point."""
    if kind in POINT_KINDS or kind is None:
        return "point", None
    if kind == "country" and country and country in outlines():
        return "outline", None
    if bbox and len(bbox) == 4:
        return "box", None
    return "circle", float(EXTENT_KM.get(kind, 50))


def _number(markers: list[Marker], order: list[str]) -> None:
    rank = {eid: n for n, eid in enumerate(order)}
    first = {m.id: min((rank.get(e, len(rank)) for e in m.events), default=len(rank)) for m in markers}
    ordered = sorted(markers, key=lambda m: (first[m.id], m.mentions[0]))
    for n, m in enumerate(ordered, 1):
        m.number = n


@lru_cache(maxsize=1)
def _outline_file() -> dict:
    return json.loads((ASSETS / "countries-50m.json").read_text(encoding="utf-8"))


def outlines() -> dict[str, str]:
    """ISO alpha-2 -> the country's outline: GeoJSON MultiPolygon coordinates ([lon, lat]) as JSON text
    (decoded by `outline`, only for the countries drawn)."""
    return _outline_file()["countries"]


@lru_cache(maxsize=64)
def outline(country: str) -> list:
    return json.loads(outlines()[country])


def outline_attribution() -> str:
    return _outline_file()["attribution"]


def outlines_for(markers: list[Marker]) -> dict[str, list]:
    """Only the outlines the page draws (a few KB each), not the whole set."""
    return {m.country: outline(m.country) for m in markers if m.shape == "outline" and m.country in outlines()}
