"""The project's own tables (maps/gazetteer/data/): the places no package lists, and more names for
places any source added.

Why: news names macro-regions (Middle East), islands, peninsulas, seas, landmarks, and uses exonyms and
demonyms ("Tiongkok", "Nigerian") that no installed package has. data/README.md describes every table;
the tables' hash is this source's version, so editing one rebuilds the gazetteer.
"""
from __future__ import annotations

import re

from maps.gazetteer import tables
from maps.gazetteer.writer import Writer
from maps.names import normalize

KEY = "curated"
ATTRIBUTION = "eventmap curated tables (maps/gazetteer/data/) - the project's own, MIT"


def version() -> str:
    return tables.tables_hash()


def add_places(w: Writer) -> None:
    """The curated places (places.tsv); a row with a ``UN:`` code is registered as that UN M49 region
    (CLDR names it in every locale)."""
    for r in tables.read_tsv("places.tsv"):
        kind, name = r["kind"].strip(), r["name"].strip()
        country = (r.get("country") or "").strip() or None
        admin1 = (r.get("admin1") or "").strip() or None
        pid = w.add_place(name, kind, float(r["lat"]), float(r["lon"]), country=country, admin1=admin1,
                          population=int(r.get("population") or 0), source="curated",
                          fcode="PPLX" if kind == "city" and not int(r.get("population") or 0) else None)
        w.by_name[normalize(name)] = pid
        for alias, match in tables.split_aliases(r.get("aliases")):
            w.add_name(pid, alias, match)
        code = (r.get("code") or "").strip()
        if code.startswith("UN:"):
            w.un_regions[code[3:]] = pid


def add_aliases(w: Writer, strict: bool = True) -> list[str]:
    """exonyms.tsv (target, names) and demonyms.tsv (target, demonyms); returns the targets not found.
    Runs last: a target may be any place, and a demonym is a demonym whatever else lists the word.
    ``strict``: a target not found is an error in the tables (ValueError naming them)."""
    missing = []
    for fname, default in (("exonyms.tsv", "exonym"), ("demonyms.tsv", "demonym")):
        for r in tables.read_tsv(fname):
            pid = _target(w, r["target"])
            if pid is None:
                missing.append(f"{fname}: {r['target']}")
                continue
            for alias, match in tables.split_aliases(r["names"], default):
                if default == "demonym":
                    w.add_name(pid, alias, "demonym", force=True)
                else:
                    w.add_name(pid, alias, match)
    if missing and strict:
        raise ValueError("curated tables name unknown places: " + ", ".join(missing[:10]))
    return missing


def geonameid_targets() -> list[int]:
    """The GeoNames ids that exonyms.tsv and demonyms.tsv point at ('#1642911')."""
    return [int(r["target"][1:]) for r in tables.read_tsv("exonyms.tsv") + tables.read_tsv("demonyms.tsv")
            if r["target"].startswith("#") and r["target"][1:].isdigit()]


def _target(w: Writer, ref: str) -> int | None:
    """A curated table's reference to a place: ISO2 (GB), ISO 3166-2 (ID-JK), @continent (@AS), #geonameid
    (#1642911, a GeoNames city), or a curated place's name."""
    ref = ref.strip()
    if ref.startswith("#") and ref[1:].isdigit():
        if not w.by_geonameid:
            w.by_geonameid.update({r[8]: r[0] for r in w.places if r[8] and r[2] == "city"})
        return w.by_geonameid.get(int(ref[1:]))
    if ref.startswith("@"):
        return w.continents.get(ref[1:])
    if re.fullmatch(r"[A-Z]{2}", ref):
        return w.countries.get(ref)
    if re.fullmatch(r"[A-Z]{2}-[A-Z0-9]{1,3}", ref):
        return w.admin1.get(ref)
    return w.by_name.get(normalize(ref))
