"""A full GeoNames dump that the user downloaded (allCountries.zip, or one country's XX.zip, and optionally
alternateNamesV2.zip), turned into a gazetteer file of the same schema as the embedded one.

Why: the embedded gazetteer holds towns down to 500 inhabitants and few counties, hills or rivers; the
full dump has ~12 million features. Nothing is downloaded here - the user brings the files, and
store.import_geonames says where the result goes (the store then prefers it to the embedded file). The
project's curated tables, CLDR names, exonyms and demonyms are added to it as in the embedded file. In
this file ``admin1`` codes are GeoNames' own (``ID.04``), for places and their provinces alike.

Streaming: the dump is read line by line and written in batches (writer.BulkWriter), so memory stays small.
"""
from __future__ import annotations

import io
import sys
import time
import zipfile
from pathlib import Path

from maps.gazetteer.errors import GazetteerError
from maps.gazetteer.schema import MATCH_RANK, SCHEMA_VERSION, prior_of
from maps.gazetteer.sources import cldr_names, countryinfo_facts, curated_tables
from maps.gazetteer.writer import BulkWriter, Writer
from maps.names import normalize

KEY = "geonames_dump"
ATTRIBUTION = "GeoNames (geonames.org), full dump brought by the user - CC BY 4.0"
# The sources added to the dump's own records, as in the embedded file.
EXTRA_SOURCES = (cldr_names, countryinfo_facts, curated_tables)
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


def version() -> None:
    """No installed version: the dump's file names go into the file's meta instead."""
    return None


def attribution() -> list[str]:
    """One line per source of an imported file."""
    return [ATTRIBUTION] + [source.ATTRIBUTION for source in EXTRA_SOURCES]


def kind_of(fclass: str, fcode: str) -> str:
    if fcode in COUNTRY_CODES:
        return "country"
    if fcode in KIND_BY_CODE:
        return KIND_BY_CODE[fcode]
    return {"P": "city", "S": "landmark", "A": "admin3"}.get(fclass, "area")


def import_dump(all_countries_zip: str | Path, alternate_names_zip: str | Path | None = None, *,
                out: str | Path, min_population: int = 0, feature_classes: str = DEFAULT_CLASSES,
                quiet: bool = False) -> Path:
    """Build a gazetteer file at ``out`` from a GeoNames dump; return its path.

    ``min_population`` drops populated places (class P) below it; ``feature_classes`` keeps only those
    GeoNames classes (A admin, P populated, L areas, T terrain, H water, S spots, R roads, U undersea,
    V vegetation). Raises GeoNamesFileError (one clear line) for files that are not GeoNames dumps.
    """
    out = Path(out)
    t0 = time.time()
    say = (lambda msg: None) if quiet else (lambda msg: print(f"eventmap: {msg}", file=sys.stderr))
    with BulkWriter(out) as bulk:
        countries, n_places = _import_places(bulk, all_countries_zip, set(feature_classes.upper()),
                                             min_population, say)
        if not n_places:
            raise GeoNamesFileError(f"{Path(all_countries_zip).name}: no GeoNames records read")
        n_alt = _import_alternate_names(bulk, alternate_names_zip, say) if alternate_names_zip else 0
        _extras(bulk, countries).stage(bulk)
        say("indexing names ...")
        bulk.finish({
            "dataset": "geonames", "schema": str(SCHEMA_VERSION),
            "sources": {"geonames_dump": Path(all_countries_zip).name,
                        "alternate_names": Path(alternate_names_zip).name if alternate_names_zip else None,
                        **{source.KEY: source.version() for source in EXTRA_SOURCES}},
            "attribution": attribution(), "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "alternate_names_read": n_alt, "build_seconds": round(time.time() - t0, 1)})
    say(f"imported {n_places} GeoNames places in {time.time() - t0:.0f} s -> {out}")
    return out


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


def _lines(f, path):
    """(line number, line) of a dump; GeoNamesFileError for bytes that are not UTF-8 or a broken zip."""
    lineno = 0
    try:
        for lineno, line in enumerate(f, 1):
            yield lineno, line
    except UnicodeDecodeError:
        raise GeoNamesFileError(f"{Path(path).name} line {lineno + 1}: not UTF-8 text") from None
    except (zipfile.BadZipFile, EOFError, OSError) as e:
        raise GeoNamesFileError(f"{Path(path).name}: a damaged zip file ({e})") from None


def _import_places(bulk: BulkWriter, path, classes: set, min_population: int, say) -> tuple[dict, int]:
    """The dump's records as places and their names; returns (ISO2 -> country record id, places read)."""
    countries: dict[str, int] = {}
    places, names = [], []
    n = 0
    with _open_text(path, "allCountries") as f:
        for lineno, line in _lines(f, path):
            cols = line.rstrip("\n").split("\t")
            row = _record(cols, line, lineno, path)
            if row is None or row[10] not in classes or (row[10] == "P" and row[7] < min_population):
                continue
            if row[2] == "country" and row[3] and (row[3] not in countries or row[11] == "PCLI"):
                countries[row[3]] = row[0]
            places.append(row)
            names.extend(_record_names(cols, row[0]))
            n += 1
            if len(places) >= BATCH:
                _flush(bulk, places, names)
                say(f"{n} places ...") if n % 1_000_000 < BATCH else None
    _flush(bulk, places, names)
    return countries, n


def _record(cols: list[str], line: str, lineno: int, path) -> tuple | None:
    """A places row from one line of the dump, split into ``cols`` (None for a blank line)."""
    if len(cols) < 19:
        if line.strip():
            raise GeoNamesFileError(f"{Path(path).name} line {lineno}: not a GeoNames record "
                                    f"({len(cols)} columns, expected 19)")
        return None
    try:
        gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        pop = int(cols[14] or 0)
    except ValueError:
        raise GeoNamesFileError(f"{Path(path).name} line {lineno}: not a GeoNames record") from None
    fclass, fcode, cc = cols[6], cols[7], cols[8] or None
    kind = kind_of(fclass, fcode)
    admin1 = f"{cc}.{cols[10]}" if cc and cols[10] and cols[10] != "00" else None
    return (gid, cols[1], kind, cc, admin1, lat, lon, pop, gid, "geonames", fclass, fcode, prior_of(kind, pop, fcode))


def _record_names(cols: list[str], gid: int) -> list[tuple]:
    """A record's name, ASCII name and alternate names as (key, place, rank, weak) rows."""
    out = [(normalize(cols[1]), gid, MATCH_RANK["name"], 0)]
    if cols[2] and cols[2] != cols[1]:
        out.append((normalize(cols[2]), gid, MATCH_RANK["name"], 0))
    for alt in cols[3].split(",") if cols[3] else ():
        alt = alt.strip()
        if alt:
            short = len(alt) <= 4 and alt.isupper() and alt.isascii()
            out.append((normalize(alt), gid, MATCH_RANK["abbrev"] if short else MATCH_RANK["alt"], 0))
    return out


def _flush(bulk: BulkWriter, places: list, names: list) -> None:
    bulk.add_places(places)
    bulk.add_names(names)
    places.clear()
    names.clear()


def _import_alternate_names(bulk: BulkWriter, path, say) -> int:
    """alternateNamesV2: id, geonameid, lang, name, preferred, short, colloquial, historic, from, to."""
    known = bulk.place_ids()
    rows, n = [], 0
    with _open_text(path, "alternateNamesV2") as f:
        for lineno, line in _lines(f, path):
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
            rows.append((normalize(name), gid, MATCH_RANK[_alternate_match(lang, cols)], 0))
            n += 1
            if len(rows) >= BATCH:
                bulk.add_names(rows)
                rows.clear()
    bulk.add_names(rows)
    say(f"{n} alternate names read")
    return n


def _alternate_match(lang: str, cols: list[str]) -> str:
    """How an alternate name matches: by its language and its preferred/colloquial/historic flags."""
    flag = lambda i: len(cols) > i and cols[i] == "1"  # noqa: E731
    if lang == "abbr":
        return "abbrev"
    if flag(6) or flag(7) or not lang:
        return "alt"
    if lang == "en" and flag(4):
        return "name"
    return "exonym"


def _extras(bulk: BulkWriter, countries: dict[str, int]) -> Writer:
    """The curated places, CLDR names, exonyms and demonyms, attached to the imported records."""
    w = Writer(id_base=max(bulk.max_place_id(), 20_000_000) + 1)
    w.countries.update(countries)
    have = bulk.stored(CONTINENT_IDS)
    w.continents.update({code: gid for gid, code in CONTINENT_IDS.items() if gid in have})
    # '#geonameid' targets are the imported records themselves
    w.by_geonameid.update({gid: gid for gid in bulk.stored(curated_tables.geonameid_targets())})
    curated_tables.add_places(w)
    cldr_names.add_names(w)
    countryinfo_facts.add_demonyms(w)
    curated_tables.add_aliases(w, strict=False)  # targets the dump lacks (ISO 3166-2 codes) are skipped
    return w
