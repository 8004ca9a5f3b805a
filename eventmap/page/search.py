"""The names the page can search, to add a place the reading missed (assets/place-names.json).

Why a slice: the page must stay one small file, and a missed place is almost always near the places
found: so a page carries every country (under its name in the page's language too, from CLDR via
Babel), the provinces, islands and regions of the countries its article names and of their
neighbours' kind, their towns of 15,000 people or more (the largest first, up to `TOWNS_PER_COUNTRY`),
and the world's cities of a million or more. About 1,000 names, 40 KB, for a typical story.
"""
from __future__ import annotations

import json
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from eventmap.model import Document
from eventmap.page.places import ASSETS

TOWNS_PER_COUNTRY = 300
WORLD_CITY = 1_000_000
MAX_COUNTRIES = 6        # the countries named most often, when an article names many
WIDE = {"continent", "ocean", "region", "sea", "peninsula"}
KIND_CODES = {"continent": "C", "ocean": "O", "region": "R", "country": "N", "sea": "S", "admin1": "P",
              "peninsula": "E", "island": "I", "lake": "L", "mountain": "M", "city": "T"}


@lru_cache(maxsize=1)
def _names() -> dict:
    """The asset: TSV blobs per country (name, kind, lat, lon, population), split only when needed."""
    return json.loads((ASSETS / "place-names.json").read_text(encoding="utf-8"))


def _rows(blob: str) -> list[list[str]]:
    return [line.split("\t") for line in blob.split("\n")] if blob else []


@lru_cache(maxsize=8)
def _country_names(locale: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(locale.replace("-", "_")).territories)
    except (ValueError, UnknownLocaleError):
        return {}


def story_countries(doc: Document) -> list[str]:
    """The countries the article's places are in, the most named first."""
    count: dict[str, int] = {}
    for m in doc.places:
        if m.place is not None and m.place.country:
            count[m.place.country] = count.get(m.place.country, 0) + 1
    return sorted(count, key=lambda c: -count[c])[:MAX_COUNTRIES]


def search_names(doc: Document, locale: str) -> list[list]:
    """[name, kind code, country, lat, lon] rows, the most likely first; the JS searches them in order.

    A country's row carries its name in the page's language when that differs ("Rusia|Russia")."""
    data, local = _names(), _country_names(locale)
    out = []
    for cc, name, lat, lon in _rows(data["countries"]):
        shown = local.get(cc)
        out.append([f"{shown}|{name}" if shown and shown != name else name, "N", cc, float(lat), float(lon)])
    for name, kind, lat, lon, _ in _rows(data["wide"]):
        out.append([name, KIND_CODES.get(kind, "T"), "", float(lat), float(lon)])
    countries = story_countries(doc)
    for cc in countries:
        towns = 0
        for name, kind, lat, lon, _ in _rows(data["by_country"].get(cc, "")):
            if kind == "country" or kind in WIDE:
                continue
            if kind == "city":
                towns += 1
                if towns > TOWNS_PER_COUNTRY:
                    continue
            out.append([name, KIND_CODES.get(kind, "T"), cc, float(lat), float(lon)])
    for cc, name, kind, lat, lon, _ in _rows(data["world_cities"]):
        if cc not in countries:
            out.append([name, "T", cc, float(lat), float(lon)])
    return out
