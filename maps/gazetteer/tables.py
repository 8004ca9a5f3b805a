"""The project's curated gazetteer tables (maps/gazetteer/data/) and the name rules they hold.

Why apart from the sources: several sources read the same tables - GeoNames-style points of countries
and provinces (country_points.tsv, admin1.tsv), the generic words of official names (name_affixes.txt),
the usual abbreviations of name words (name_abbreviations.tsv) - so reading them, and the rules made of
them, live once here. data/README.md says what each table holds.
"""
from __future__ import annotations

import csv
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from maps.names import normalize

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_tsv(name: str) -> list[dict]:
    """Rows of data/NAME as dicts; '#' lines are comments."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_lines(name: str) -> list[str]:
    """Non-comment lines of a one-item-a-line table in data/."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def tables_hash() -> str:
    """A short hash of every table (name and content): the curated data's version."""
    h = hashlib.sha256()
    for f in sorted(list(DATA_DIR.glob("*.tsv")) + list(DATA_DIR.glob("*.txt"))):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def points(name: str) -> dict[str, tuple[float, float]]:
    """A table of points (code, lat, lon) as code -> (lat, lon)."""
    return {r["code"]: (float(r["lat"]), float(r["lon"])) for r in read_tsv(name)}


def admin1_table() -> dict[str, dict]:
    """admin1.tsv: ISO 3166-2 code -> {'point': (lat, lon) or None, 'population': int}."""
    out = {}
    for r in read_tsv("admin1.tsv"):
        point = (float(r["lat"]), float(r["lon"])) if r.get("lat") and r.get("lon") else None
        out[r["code"]] = {"point": point, "population": int(r.get("population") or 0)}
    return out


def affixes() -> list[str]:
    """The generic words of official names (name_affixes.txt), normalised."""
    return [normalize(a) for a in read_lines("name_affixes.txt")]


def strip_affix(key: str, affixes: list[str]) -> str:
    """'marawi city' -> 'marawi', 'kota bandung' -> 'bandung' (the affixes are data: name_affixes.txt)."""
    for a in sorted(affixes, key=len, reverse=True):   # "city of" before "city": never leave "of london"
        if key.endswith(" " + a):
            return key[: -len(a) - 1]
        if key.startswith(a + " "):
            return key[len(a) + 1:]
    return key


@lru_cache(maxsize=1)
def _abbreviation_pairs() -> dict[str, str]:
    pairs = {}
    for r in read_tsv("name_abbreviations.tsv"):
        long, short = normalize(r["long"]), normalize(r["short"])
        pairs[long], pairs[short] = short, long
    return pairs


def abbreviation_variants(key: str) -> list[str]:
    """The other written forms of a normalised name whose words have a usual abbreviation
    ("saint petersburg" <-> "st petersburg", "mount vernon" <-> "mt vernon"): news writes either, and
    a name written the other way must not fall to an alternate-name match. One word swapped at a time."""
    pairs = _abbreviation_pairs()
    words = key.split(" ")
    out = []
    for i, wd in enumerate(words):
        other = pairs.get(wd)
        if other and len(words) > 1:
            out.append(" ".join(words[:i] + [other] + words[i + 1:]))
    return out


@lru_cache(maxsize=1)
def _connectors() -> tuple[str, ...]:
    return tuple(read_lines("name_connectors.txt"))


def short_form(name: str) -> str | None:
    """'Newcastle upon Tyne' -> 'Newcastle', 'Stoke-on-Trent' -> 'Stoke': the part before a connector
    word (name_connectors.txt) that English and other news drop."""
    for conn in _connectors():
        m = re.match(r"^(.+?)[ -]" + re.escape(conn) + r"[ -]\S", name)
        if m:
            return m.group(1)
    return None


def split_aliases(field: str | None, default: str = "alt") -> list[tuple[str, str]]:
    """'Middle East|id:Timur Tengah|abbr:ME' -> [(name, match)]: a language prefix marks an exonym,
    'abbr:' an abbreviation, 'alt:' a variant, no prefix ``default``."""
    out = []
    for part in (field or "").split("|"):
        part = part.strip()
        if not part:
            continue
        prefix, sep, rest = part.partition(":")
        if sep and re.fullmatch(r"[a-z]{2,3}|abbr|alt", prefix):
            out.append((rest.strip(), "abbrev" if prefix == "abbr" else "alt" if prefix == "alt" else "exonym"))
        else:
            out.append((part, default))
    return out
