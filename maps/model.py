"""The data that `maps/` hands to the rest of the pipeline.

A `Place` is a resolved location (a gazetteer or geocoder record); a `PlaceMention` ties it to
the characters of the article it was read from.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Place kinds big enough to have an office of their own (a governor, a minister): "Governor of Texas"
# names a place, and such a place is kept even when it is small in population.
OFFICE_KINDS = frozenset({"continent", "country", "admin1", "region"})


@dataclass
class Place:
    """A resolved location.

    kind     continent, region, country, admin1, admin2, city, island, peninsula, sea, landmark, ...
    country  ISO 3166-1 alpha-2, or None for regions spanning several countries.
    source   where the record came from: ``gazetteer`` (built-in), ``geonames`` (full import),
             or a geopy geocoder name (``nominatim``, ...).
    confidence  0..1, how sure the resolver is of this reading over the runner-ups.
    alternatives  runner-up readings (as small dicts: name, country, lat, lon, kind, score).
    """

    name: str
    lat: float
    lon: float
    kind: str = "city"
    country: str | None = None
    geonameid: int | None = None
    population: int = 0
    source: str = "gazetteer"
    confidence: float = 1.0
    bbox: tuple[float, float, float, float] | None = None  # south, west, north, east
    alternatives: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {"name": self.name, "kind": self.kind, "country": self.country,
             "lat": round(self.lat, 5), "lon": round(self.lon, 5), "source": self.source,
             "confidence": round(self.confidence, 3)}
        if self.geonameid:
            d["geonameid"] = self.geonameid
        if self.bbox:
            d["bbox"] = list(self.bbox)
        if self.alternatives:
            d["alternatives"] = self.alternatives
        return d


@dataclass
class PlaceMention:
    """A place name found in the text: ``text == article[start:end]``.

    ``place`` is None when the name looks like a place but nothing could resolve it (the online
    geocoder may still try it). ``demonym`` marks adjectives such as "Nigerian" resolved to their
    country.
    """

    start: int
    end: int
    text: str
    place: Place | None = None
    demonym: bool = False
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text}
        if self.place is not None:
            d.update(self.place.to_dict())
        if self.demonym:
            d["demonym"] = True
        if self.notes:
            d["notes"] = list(self.notes)
        return d
