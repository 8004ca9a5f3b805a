"""What the page says it is made of: every inlined library and data set, its version and licence.

Why listed in the page: the page travels alone (mailed, embedded in a report), so its credits and
licences must travel inside it. Versions are read from the installed packages, never typed by hand.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from eventmap.page.places import outline_attribution
from eventmap.page.words import Words


@dataclass(frozen=True)
class Credit:
    what: str       # the library or data set, with its version
    licence: str
    role: str       # what it does in the page, in the page's words


@lru_cache(maxsize=1)
def _versions() -> dict[str, str]:
    import xstatic.pkg.leaflet as leaflet

    return {"leaflet": leaflet.VERSION}


def credits(words: Words, tiles) -> list[Credit]:
    """The page's credits in its language; the tiles' only when the page asks for tiles."""
    v = _versions()
    out = [Credit(f"Leaflet {v['leaflet']}", "BSD-2-Clause", words("credit_role_leaflet")),
           Credit("Natural Earth 1:110m, 1:50m · world-atlas 2.0.2", f"{words('licence_public_domain')} · ISC",
                  words("credit_role_outlines")),
           Credit("GeoNames · Unicode CLDR · ISO 3166-2", "CC-BY-4.0 · Unicode-3.0", words("credit_role_names")),
           Credit("eventmap", "MIT", words("credit_role_eventmap"))]
    if tiles is True or tiles == "osm":
        out.insert(1, Credit("© OpenStreetMap contributors", "ODbL", words("credit_role_tiles")))
    elif tiles:
        out.insert(1, Credit(str(tiles), "?", words("credit_role_tiles")))
    return out


def outline_source() -> str:
    return outline_attribution()
