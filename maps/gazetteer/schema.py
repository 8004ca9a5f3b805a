"""What a gazetteer file is: its SQLite tables, its schema version, the kinds of name match and the
a-priori weight of a place.

Why one module: the reader, the writer and the GeoNames import must agree on every table and on what
a stored number means; writing the tables down once (here, and nowhere else) keeps them agreeing.

Tables:
  meta(key, value)                          versions, attribution, build time, dataset
  places(id, name, kind, country, admin1, lat, lon, population, geonameid, source, fclass, fcode, prior)
  names(key, place, match)                  normalised name -> place, best match kind per pair
  heads(token, n)                           first word of a key -> longest name (in words) starting with it
While a large import streams in, names first go to ``names_stage`` (see writer.BulkWriter).
"""
from __future__ import annotations

import math

from maps import kinds

SCHEMA_VERSION = 3

SCHEMA = """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
    CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
        country TEXT, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER,
        geonameid INTEGER, source TEXT, fclass TEXT, fcode TEXT, prior REAL);
    CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, match TEXT NOT NULL,
        PRIMARY KEY (key, place)) WITHOUT ROWID;
    CREATE TABLE heads (token TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX places_country ON places(country, kind);
"""
# The staging table of a streamed import: every (name, place) pair as read, its match rank, and whether
# it is a weak name (kept only where no other place has it).
STAGE_SCHEMA = "CREATE TABLE names_stage (key TEXT, place INTEGER, rank INTEGER, weak INTEGER)"

# The columns of a places row, in order (a row is a plain tuple in this order everywhere).
PLACE_COLUMNS = ("id", "name", "kind", "country", "admin1", "lat", "lon", "population", "geonameid",
                 "source", "fclass", "fcode", "prior")

# How a name matched its place, best first. ``name``: the place's own (official or English) name or its
# ASCII form; ``abbrev``: an abbreviation or code (US, DKI); ``exonym``: the name in another language
# (Rusia, Tiongkok, Inggris); ``alt``: any other recorded variant (historic, colloquial, transliterated);
# ``demonym``: an adjective or inhabitant word for the place (Nigerian, European).
MATCH_KINDS = ("name", "abbrev", "exonym", "alt", "demonym")
MATCH_RANK = {m: i for i, m in enumerate(MATCH_KINDS)}
MATCH_PRIOR = {"name": 0.0, "abbrev": -0.08, "exonym": -0.02, "alt": -0.1, "demonym": -0.05}

KIND_PRIOR = {kinds.CONTINENT: 0.6, kinds.COUNTRY: 0.6, kinds.OCEAN: 0.5, kinds.REGION: 0.45, kinds.SEA: 0.45,
              kinds.ADMIN1: 0.3, kinds.ISLAND: 0.35, kinds.PENINSULA: 0.35, kinds.ADMIN2: 0.1, kinds.CITY: 0.2,
              kinds.LANDMARK: 0.3, kinds.LAKE: 0.3, kinds.RIVER: 0.25, kinds.MOUNTAIN: 0.25, kinds.AREA: 0.2}
# Stand-in populations for records that have none (most subdivisions, all regions and seas), so that a
# province or a sea is not ranked as if nobody had heard of it.
UNKNOWN_POPULATION = {kinds.ADMIN1: 1_000_000, kinds.ADMIN2: 100_000, kinds.REGION: 1_000_000,
                      kinds.ISLAND: 1_000_000, kinds.PENINSULA: 1_000_000, kinds.SEA: 1_000_000,
                      kinds.OCEAN: 1_000_000, kinds.COUNTRY: 100_000, kinds.LANDMARK: 100_000,
                      kinds.LAKE: 100_000, kinds.RIVER: 100_000, kinds.MOUNTAIN: 10_000, kinds.AREA: 10_000}


def clamp(x: float) -> float:
    """A weight kept in 0..1."""
    return 0.0 if x < 0 else 1.0 if x > 1 else float(x)


def prior_of(kind: str, population: int, fcode: str | None = None) -> float:
    """The a-priori weight of a place (before the match kind): what it is, plus how many live there."""
    base = KIND_PRIOR.get(kind, 0.3)
    pop = max(0, int(population or 0)) or UNKNOWN_POPULATION.get(kind, 0)
    s = base + 0.4 * min(1.0, math.log10(pop + 1) / 8.0)
    if fcode == "PPLC":
        s += 0.12
    elif fcode in ("PPLA", "PPLG"):
        s += 0.05
    return round(clamp(s), 4)


def match_prior(prior: float, match: str) -> float:
    """A place's prior as read through one name: a demonym or a mere variant counts a little less."""
    return clamp(prior + MATCH_PRIOR.get(match, 0.0))
