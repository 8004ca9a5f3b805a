"""The data that `maps/` hands to the rest of the pipeline.

A `Place` is a resolved location (a gazetteer or geocoder record); a `PlaceMention` ties it to
the characters of the article it was read from and says, as typed fields, how it got there:
its `basis` (its own gazetteer reading, the city named after it, the story's city, a geocoder ...),
the place it was put at, the kind its head word promised and the cues around it. Human-readable
notes are written from these fields for the export; no code reads notes back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Basis(str, Enum):
    """How a mention got its place: whose coordinates it carries."""

    GAZETTEER = "gazetteer"        # its own reading, chosen among the gazetteer's by the resolver
    NAMED_INSIDE = "named_inside"  # a building at the place its name contains ("Bandara Sam Ratulangi Manado")
    NEXT_CITY = "next_city"        # at the city named right after it ("Benteng Rotterdam, Makassar",
                                   # "Loyola University in Los Angeles")
    STORY_CITY = "story_city"      # at the city the story centres on (a street, a river, a small far namesake)
    NEAREST_CITY = "nearest_city"  # at the city named nearest to it in the text
    WITHIN = "within"              # approximately at the place it is said to be in ("Desa Sukamaju,
                                   # Kecamatan X, Kabupaten Bogor"): no gazetteer lists it
    NEARBY = "nearby"              # a guess: near the story's city or the nearest place named, because
                                   # the text does not say where it is ("Warga Desa X mengungsi ke Bandung")
    COUNTRY = "country"            # somewhere in the country its language's news is about ("Gunung Bromo"
                                   # with no other place named): the weakest placement
    GEOCODER = "geocoder"          # an online geocoder's reading
    HUMAN = "human"                # corrected by a person


# What each basis says in the export's human-readable notes ("{}": the place it was put at).
BASIS_NOTES = {
    Basis.NAMED_INSIDE: "located at {} (the place its name contains)",
    Basis.NEXT_CITY: "located at {} (the city named with it)",
    Basis.STORY_CITY: "located at {} (the city the story is about)",
    Basis.NEAREST_CITY: "located at {} (the nearest city named)",
    Basis.WITHIN: "approximately at {} (the place it is said to be in)",
    Basis.NEARBY: "somewhere near {} (a guess: the text does not say where it is)",
    Basis.COUNTRY: "somewhere in {} (no place named near it; the country of the article's language)",
}


@dataclass(frozen=True)
class Alternative:
    """A runner-up reading of a name, kept so that a reader can see (and pick) what else it may be."""

    name: str
    country: str | None
    lat: float
    lon: float
    kind: str
    score: float | None = None
    source: str | None = None   # where the reading came from, when it is not the winner's source

    def to_dict(self) -> dict:
        d = {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon, "kind": self.kind}
        if self.score is not None:
            d["score"] = self.score
        if self.source is not None:
            d["source"] = self.source
        return d


@dataclass
class Place:
    """A resolved location.

    kind     one of maps/kinds.py: continent, region, country, admin1, admin2, city, island, ...
    country  ISO 3166-1 alpha-2, or None for regions spanning several countries.
    admin1   its first-level subdivision (ISO 3166-2 code, or GeoNames' in a full import), if known.
    source   the dataset: ``gazetteer`` (built-in), ``geonames`` (full import), or a geopy
             geocoder name (``nominatim``, ...).
    record   where the gazetteer record itself came from (geonames, cldr, iso3166-2, curated, ...).
    confidence  0..1, how sure the resolver is of this reading over the runner-ups.
    alternatives  runner-up readings.
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
    alternatives: list[Alternative] = field(default_factory=list)
    admin1: str | None = None
    record: str | None = None

    def to_dict(self) -> dict:
        d = {"name": self.name, "kind": self.kind, "country": self.country,
             "lat": round(self.lat, 5), "lon": round(self.lon, 5), "source": self.source,
             "confidence": round(self.confidence, 3)}
        if self.geonameid:
            d["geonameid"] = self.geonameid
        if self.bbox:
            d["bbox"] = list(self.bbox)
        if self.alternatives:
            d["alternatives"] = [a.to_dict() for a in self.alternatives]
        return d


@dataclass
class PlaceMention:
    """A place name found in the text: ``text == article[start:end]``.

    place      None when the name looks like a place but nothing could resolve it (the online
               geocoder may still try it).
    basis      how it got its place (see `Basis`); ``located_at`` the place it was put at when
               that is not its own reading.
    head_kind  the kind of place its head word promises ("Desa X" -> city, "Foo County" -> admin2).
    demonym    an adjective such as "Nigerian" resolved to its country.
    cues       what the recogniser saw around it (maps/cues.py).
    notes      free text for people (a geocoder's verdict ...); never read by code.
    """

    start: int
    end: int
    text: str
    place: Place | None = None
    demonym: bool = False
    basis: Basis = Basis.GAZETTEER
    located_at: Place | None = None
    head_kind: str | None = None
    cues: frozenset = frozenset()
    notes: list[str] = field(default_factory=list)

    def put_at(self, place: Place, basis: Basis, at: Place) -> None:
        """Give this mention ``place``, which stands at ``at`` for the reason ``basis``."""
        self.place, self.basis, self.located_at = place, basis, at

    def all_notes(self) -> list[str]:
        """The notes a person reads: how the place was found, then the free-text notes."""
        out = []
        if self.place is None:
            out.append(f"unresolved:{self.head_kind or 'place'}")
        elif self.located_at is not None and self.basis in BASIS_NOTES:
            out.append(BASIS_NOTES[self.basis].format(self.located_at.name))
        return out + list(self.notes)

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text}
        if self.place is not None:
            d.update(self.place.to_dict())
        if self.demonym:
            d["demonym"] = True
        if self.basis is not Basis.GAZETTEER:
            d["basis"] = self.basis.value
            if self.located_at is not None:
                d["located_at"] = self.located_at.name
        notes = self.all_notes()
        if notes:
            d["notes"] = notes
        return d
