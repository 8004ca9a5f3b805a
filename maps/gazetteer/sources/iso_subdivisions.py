"""Subdivisions of every country (provinces, states, regencies, ...) from the iso3166-2 package.

Why: no other installed package lists the subdivisions of the world with their local names and codes;
the ISO 3166-2 code (``ID-JK``) becomes every place's ``admin1``. Its coordinates come from a map API,
so GeoNames-style points from the curated tables (admin1.tsv) override them where given.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from maps.gazetteer import tables
from maps.gazetteer.sources import package_files
from maps.gazetteer.writer import Writer
from maps.names import normalize

KEY = "iso3166-2"
ATTRIBUTION = "ISO 3166-2 subdivisions, via the iso3166-2 package (amckenna41) - MIT"
# ISO 3166-2 parent types that are not administrative levels of their own (Indonesia's island groups)
GEOGRAPHIC_PARENTS = {"geographical region", "geographical unit", "chain (of islands)"}


def version() -> str | None:
    return package_files.version(KEY)


def _subdivisions() -> dict[str, dict]:
    import iso3166_2

    return json.loads((Path(iso3166_2.__file__).with_name("iso3166-2.json")).read_text(encoding="utf-8"))


def add_subdivisions(w: Writer) -> None:
    """Top level (or under a merely geographic parent) as admin1, the rest admin2; a subdivision already
    added (US states, from GeoNames) only gets its names. Runs after the countries."""
    table = tables.admin1_table()
    affixes = tables.affixes()
    for cc, subs in _subdivisions().items():
        if cc not in w.countries:
            continue
        for code, s in subs.items():
            names = [n for n in [s.get("name")] + _other_names(s.get("localOtherName")) if n]
            if not names:
                continue
            pid = w.admin1.get(code)
            if pid is None:
                pid = _add_subdivision(w, cc, code, s, subs, names[0], table.get(code) or {})
                if pid is None:
                    continue
            _add_names(w, pid, names, affixes)


def _kind(s: dict, parent: dict | None) -> str:
    if (s.get("type") or "").lower() in GEOGRAPHIC_PARENTS:
        return "region"
    if parent is None or (parent.get("type") or "").lower() in GEOGRAPHIC_PARENTS:
        return "admin1"
    return "admin2"


def _add_subdivision(w: Writer, cc: str, code: str, s: dict, subs: dict, name: str, row: dict) -> int | None:
    """The place of one subdivision (None when it has no point); an admin1 is registered by its code."""
    parent = subs.get(s.get("parentCode") or "")
    kind = _kind(s, parent)
    ll = row.get("point") or s.get("latLng")
    if not ll or len(ll) != 2:
        return None
    a1 = code if kind == "admin1" else (s.get("parentCode") if parent is not None and
                                        (parent.get("type") or "").lower() not in GEOGRAPHIC_PARENTS
                                        else None)
    pid = w.add_place(_plain_iso_name(name), kind, ll[0], ll[1], country=cc, admin1=a1,
                      population=row.get("population", 0), source="iso3166-2", fclass="A",
                      fcode={"admin1": "ADM1", "admin2": "ADM2"}.get(kind))
    if kind == "admin1":
        w.admin1[code] = pid
    return pid


def _add_names(w: Writer, pid: int, names: list[str], affixes: list[str]) -> None:
    """Its own name in every plain form (and without a generic affix) as names; other names are weak:
    "Mecca" is the city before the province."""
    for nm in names[1:]:
        for v in _iso_variants(nm):
            w.add_name(pid, v, "alt", weak=True)
    for v in _iso_variants(names[0]):
        w.add_name(pid, v, "name")
        bare = tables.strip_affix(normalize(v), affixes)
        if bare != normalize(v) and len(bare) > 2:
            w.add_name(pid, bare, "name")


def _other_names(field: str | None) -> list[str]:
    """iso3166-2's 'localOtherName': 'Jakarta (eng), DKI Jakarta (ind)' -> ['Jakarta', 'DKI Jakarta']."""
    out = []
    for part in re.split(r",\s*(?![^()]*\))", field or ""):
        nm = re.sub(r"\s*\([a-z]{2,3}(?:-[a-z]+)?\)\s*$", "", part.strip()).strip()
        if nm:
            out.append(nm)
    return out


def _plain_iso_name(nm: str) -> str:
    """ISO lists some names with bracketed alternatives ('Cardiff [Caerdydd]'): keep the first."""
    return re.sub(r"\s*\[.*?\]", "", nm).strip() or nm


def _iso_variants(nm: str) -> list[str]:
    """A subdivision name's plain forms: bracketed alternatives, slash-separated forms, and ISO's inverted
    names put right ("Madrid, Comunidad de" -> "Comunidad de Madrid", "Madrid")."""
    out = [_plain_iso_name(nm)]
    m = re.fullmatch(r"([^,]+), ([^,]+)", out[0])
    if m and len(m.group(2).split()) <= 3 and not re.search(r"\b(and|y|i|et|und)\b", m.group(2)):
        out += [f"{m.group(2)} {m.group(1)}", m.group(1)]
    out += re.findall(r"\[(.*?)\]", nm)
    if "/" in nm:
        out += [p.strip() for p in nm.split("/") if p.strip()]
    return out
