"""Import a full GeoNames dump that the user downloaded (allCountries.zip, or one country's XX.zip, and
optionally alternateNamesV2.zip) into a gazetteer file of the same schema as the embedded one.

Why: the embedded gazetteer holds towns down to 1000 inhabitants and no counties, hills or rivers; the
full dump has ~12 million features. Nothing is downloaded here - the user brings the files. The result is
written to ``<cache dir>/geonames-full.sqlite`` (or ``out``), which ``Gazetteer.open()`` then prefers
(see maps/gazetteer.py); the project's curated tables, CLDR names, exonyms and demonyms are added to it
as in the embedded file. In this file ``admin1`` codes are GeoNames' own (``ID.04``), for places and
their provinces alike.

Streaming: the dump is read line by line and written in batches, so memory stays small.
"""
from __future__ import annotations

import io
import sqlite3
import sys
import time
import zipfile
from pathlib import Path

from maps import gazetteer_build as gb
from maps.gazetteer import GEONAMES_FILE, GazetteerError, MATCH_KINDS, MATCH_RANK, cache_dir, normalize, prior_of

DEFAULT_CLASSES = "APLTHS"   # admin, populated, areas, terrain, water, spots (buildings, airports)
BATCH = 50_000
# GeoNames continent records, by the two-letter codes the curated tables use (@AS ...).
CONTINENT_IDS = {6255146: "AF", 6255147: "AS", 6255148: "EU", 6255149: "NA", 6255150: "SA", 6255151: "OC",
                 6255152: "AN"}
SKIP_LANGS = {"link", "wkdt", "post", "iata", "icao", "faac", "unlc", "fr_1793", "tcid"}
COUNTRY_CODES = {"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"}
KIND_BY_CODE = {
    "CONT": "continent", "ADM1": "admin1", "ADM1H": "admin1", "ADM2": "admin2", "ADM2H": "admin2",
    "ADM3": "admin3", "ADM4": "admin3", "ADM5": "admin3", "ADMD": "admin3", "RGN": "region", "RGNE": "region",
    "ZN": "region", "PEN": "peninsula", "ISL": "island", "ISLS": "island", "ISLET": "island", "ATOL": "island",
    "ISLT": "island", "OCN": "ocean", "SEA": "sea", "GULF": "sea", "STRT": "sea", "BAY": "sea", "CHN": "sea",
    "SD": "sea", "LK": "lake", "LKS": "lake", "RSV": "lake", "STM": "river", "STMS": "river", "MT": "mountain",
    "MTS": "mountain", "PK": "mountain", "VLC": "mountain", "HLL": "mountain",
}


class GeoNamesFileError(GazetteerError, ValueError):
    """A file that is not a GeoNames dump."""


def kind_of(fclass: str, fcode: str) -> str:
    if fcode in COUNTRY_CODES:
        return "country"
    if fcode in KIND_BY_CODE:
        return KIND_BY_CODE[fcode]
    return {"P": "city", "S": "landmark", "A": "admin3"}.get(fclass, "area")


def _open_text(path: str | Path, stem: str | None = None):
    """The dump's text: a .zip (its .txt member, preferring ``stem``.txt) or a plain .txt file."""
    path = Path(path)
    if not path.is_file():
        raise GeoNamesFileError(f"no such file: {path}")
    if zipfile.is_zipfile(path):
        zf = zipfile.ZipFile(path)
        members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
        if stem:
            members.sort(key=lambda n: Path(n).stem != stem)
        if not members:
            raise GeoNamesFileError(f"{path.name} holds no .txt file")
        return io.TextIOWrapper(zf.open(members[0]), encoding="utf-8", newline="\n")
    return open(path, encoding="utf-8", newline="\n")


def import_geonames(all_countries_zip: str | Path, alternate_names_zip: str | Path | None = None, *,
                    out: str | Path | None = None, min_population: int = 0,
                    feature_classes: str = DEFAULT_CLASSES, quiet: bool = False) -> Path:
    """Build a gazetteer file from a GeoNames dump; return its path.

    ``min_population`` drops populated places (class P) below it; ``feature_classes`` keeps only those
    GeoNames classes (A admin, P populated, L areas, T terrain, H water, S spots, R roads, U undersea,
    V vegetation). Raises ValueError (one clear line) for files that are not GeoNames dumps.
    """
    out = Path(out) if out is not None else cache_dir() / GEONAMES_FILE
    t0 = time.time()
    say = (lambda msg: None) if quiet else (lambda msg: print(f"eventmap: {msg}", file=sys.stderr))
    classes = set(feature_classes.upper())
    with gb.atomic_sqlite(out, vacuum=False) as con:
        gb.create_schema(con)
        con.execute("CREATE TABLE names_stage (key TEXT, place INTEGER, rank INTEGER, weak INTEGER)")
        countries, n_places = _import_places(con, all_countries_zip, classes, min_population, say)
        if not n_places:
            raise GeoNamesFileError(f"{Path(all_countries_zip).name}: no GeoNames records read")
        n_alt = _import_alternate_names(con, alternate_names_zip, say) if alternate_names_zip else 0
        extras = _extras(con, countries)
        extras.stage(con)
        say("indexing names ...")
        _finalize(con)
        gb.write_meta(con, {
            "dataset": "geonames", "schema": str(gb.SCHEMA_VERSION),
            "sources": {"geonames_dump": Path(all_countries_zip).name,
                        "alternate_names": Path(alternate_names_zip).name if alternate_names_zip else None,
                        **gb.source_versions()},
            "attribution": gb.ATTRIBUTION, "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "counts": dict(con.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind")),
            "names": con.execute("SELECT COUNT(*) FROM names").fetchone()[0],
            "alternate_names_read": n_alt, "build_seconds": round(time.time() - t0, 1)})
    from maps import gazetteer

    gazetteer._DEFAULT_CACHE.clear()
    with gazetteer.Gazetteer._lock:
        gazetteer.Gazetteer._open.pop(str(out), None)
    say(f"imported {n_places} GeoNames places in {time.time() - t0:.0f} s -> {out}")
    return out


def _import_places(con, path, classes, min_population, say) -> tuple[dict, int]:
    countries: dict[str, int] = {}
    places, names = [], []
    n = 0
    with _open_text(path, "allCountries") as f:
        for lineno, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 19:
                if line.strip():
                    raise GeoNamesFileError(f"{Path(path).name} line {lineno}: not a GeoNames record "
                                       f"({len(cols)} columns, expected 19)")
                continue
            try:
                gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
                pop = int(cols[14] or 0)
            except ValueError:
                raise GeoNamesFileError(f"{Path(path).name} line {lineno}: not a GeoNames record") from None
            fclass, fcode, cc = cols[6], cols[7], cols[8] or None
            if fclass not in classes or (fclass == "P" and pop < min_population):
                continue
            kind = kind_of(fclass, fcode)
            if kind == "country" and cc and (cc not in countries or fcode == "PCLI"):
                countries[cc] = gid
            admin1 = f"{cc}.{cols[10]}" if cc and cols[10] and cols[10] != "00" else None
            places.append((gid, cols[1], kind, cc, admin1, lat, lon, pop, gid, "geonames", fclass, fcode,
                           prior_of(kind, pop, fcode)))
            names.append((normalize(cols[1]), gid, MATCH_RANK["name"], 0))
            if cols[2] and cols[2] != cols[1]:
                names.append((normalize(cols[2]), gid, MATCH_RANK["name"], 0))
            for alt in cols[3].split(",") if cols[3] else ():
                alt = alt.strip()
                if alt:
                    rank = MATCH_RANK["abbrev"] if len(alt) <= 4 and alt.isupper() and alt.isascii() \
                        else MATCH_RANK["alt"]
                    names.append((normalize(alt), gid, rank, 0))
            n += 1
            if len(places) >= BATCH:
                _flush(con, places, names)
                say(f"{n} places ...") if n % 1_000_000 < BATCH else None
    _flush(con, places, names)
    return countries, n


def _flush(con, places, names) -> None:
    con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names_stage VALUES (?,?,?,?)", [r for r in names if r[0]])
    places.clear()
    names.clear()


def _import_alternate_names(con, path, say) -> int:
    """alternateNamesV2: id, geonameid, lang, name, preferred, short, colloquial, historic, from, to."""
    known = set(r[0] for r in con.execute("SELECT id FROM places"))
    rows, n = [], 0
    with _open_text(path, "alternateNamesV2") as f:
        for lineno, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                if line.strip():
                    raise GeoNamesFileError(f"{Path(path).name} line {lineno}: not a GeoNames alternate name")
                continue
            try:
                gid = int(cols[1])
            except ValueError:
                raise GeoNamesFileError(f"{Path(path).name} line {lineno}: not a GeoNames alternate name") from None
            lang, name = cols[2], cols[3]
            if gid not in known or lang in SKIP_LANGS or not name:
                continue
            flag = lambda i: len(cols) > i and cols[i] == "1"  # noqa: E731
            if lang == "abbr":
                match = "abbrev"
            elif flag(6) or flag(7) or not lang:
                match = "alt"
            elif lang == "en" and flag(4):
                match = "name"
            else:
                match = "exonym"
            rows.append((normalize(name), gid, MATCH_RANK[match], 0))
            n += 1
            if len(rows) >= BATCH:
                con.executemany("INSERT INTO names_stage VALUES (?,?,?,?)", [r for r in rows if r[0]])
                rows.clear()
    con.executemany("INSERT INTO names_stage VALUES (?,?,?,?)", [r for r in rows if r[0]])
    say(f"{n} alternate names read")
    return n


def _extras(con, countries: dict[str, int]) -> gb.Writer:
    """The curated places, CLDR names, exonyms and demonyms, attached to the imported records."""
    top = con.execute("SELECT COALESCE(MAX(id), 0) FROM places").fetchone()[0]
    w = gb.Writer(id_base=max(top, 20_000_000) + 1)
    w.countries.update(countries)
    have = {r[0] for r in con.execute(
        f"SELECT id FROM places WHERE id IN ({','.join(map(str, CONTINENT_IDS))})")}
    w.continents.update({code: gid for gid, code in CONTINENT_IDS.items() if gid in have})
    refs = [int(r["target"][1:]) for r in gb.read_tsv("exonyms.tsv") + gb.read_tsv("demonyms.tsv")
            if r["target"].startswith("#") and r["target"][1:].isdigit()]
    if refs:   # '#geonameid' targets are the imported records themselves
        w.by_geonameid.update({r[0]: r[0] for r in con.execute(
            f"SELECT id FROM places WHERE id IN ({','.join(map(str, refs))})")})
    un = gb.add_curated(w)
    gb.add_cldr(w, un)
    gb.add_countryinfo_demonyms(w, gb._countryinfo_all())
    gb.add_aliases(w)  # targets the dump lacks (ISO 3166-2 codes) are skipped
    return w


def _finalize(con) -> None:
    """names_stage -> names (best match per key and place; weak names only where no other place has the
    key) and heads; then drop the staging table."""
    case = "CASE r " + " ".join(f"WHEN {i} THEN '{m}'" for i, m in enumerate(MATCH_KINDS)) + " END"
    con.execute("CREATE INDEX stage_key ON names_stage(key, weak)")
    con.execute(f"INSERT INTO names SELECT key, place, {case} FROM "
                "(SELECT key, place, MIN(rank) AS r FROM names_stage WHERE weak = 0 GROUP BY key, place)")
    con.execute(f"INSERT OR IGNORE INTO names SELECT key, place, {case} FROM "
                "(SELECT key, place, MIN(rank) AS r FROM names_stage s WHERE weak = 1 AND NOT EXISTS "
                "(SELECT 1 FROM names n WHERE n.key = s.key AND n.place != s.place) GROUP BY key, place)")
    con.execute("DROP TABLE names_stage")
    gb.write_heads(con, (r[0] for r in con.execute("SELECT DISTINCT key FROM names")))
