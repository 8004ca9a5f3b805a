"""The map view: the document's places as markers, and the folium map that the page script draws them on.

folium 0.20 links Leaflet, jQuery, Bootstrap and Font Awesome from CDNs, so a saved page would show a
blank map offline. Here the map drops those links, and `inline_libraries` returns Leaflet (and jQuery,
only when a folium object on the map actually calls it) read from the installed xstatic packages,
ready to paste into the page. The OpenStreetMap tiles stay optional; an offline land outline (Natural
Earth, see assets/) is drawn by the page's script in a pane *under* the tiles.

Markers are grouped per place (`place_markers`) in Python, so the page, its tests and any other
output agree on what a marker is; the page script draws them from the page's JSON data block, which
keeps every piece of article text out of folium's JavaScript templates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import folium
from branca.element import MacroElement
from jinja2 import Template

from eventmap.model import Document

OSM_TILES = "OpenStreetMap"
COORD_DIGITS = 5  # as in the JSON export: about a metre


@dataclass
class Marker:
    """One distinct resolved place on the map: the mentions of it and the events that name it.

    ``mentions`` index the document's places; they let a mention click find its marker and a
    marker click find its timeline items. The page script reads these fields by name (assets/page.js).
    """

    id: str
    name: str
    lat: float
    lon: float
    kind: str | None
    country: str | None
    bbox: list[float] | None
    mentions: list[int] = field(default_factory=list)
    events: list[str] = field(default_factory=list)


def place_markers(doc: Document) -> list[Marker]:
    """One marker per distinct resolved place (same name, same point to about 10 m), in text order."""
    markers: list[Marker] = []
    by_key: dict[tuple, Marker] = {}
    for i, mention in enumerate(doc.places):
        p = mention.place
        if p is None:
            continue
        lat, lon = round(p.lat, COORD_DIGITS), round(p.lon, COORD_DIGITS)
        key = (p.name or mention.text, round(lat, 4), round(lon, 4))
        m = by_key.get(key)
        if m is None:
            m = Marker(f"p{len(markers)}", key[0], lat, lon, p.kind, p.country, list(p.bbox) if p.bbox else None)
            by_key[key] = m
            markers.append(m)
        m.mentions.append(i)
    owner = {i: m for m in markers for i in m.mentions}
    for e in doc.events:
        for i in e.place_ids:
            m = owner.get(i)
            if m is not None and e.id not in m.events:
                m.events.append(e.id)
    return markers


class EventMapLayer(MacroElement):
    """Hands the folium map to the page script, which draws the land outline, markers and links.

    It renders after the map is created, inside folium's own script, so everything the page
    script wires up (markers, popups, click handlers) exists before any user can click.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
            EventMap.init({{ this._parent.get_name() }}, {{ this.options|tojson }});
        {% endmacro %}
    """)

    def __init__(self, data_id: str, land_id: str | None):
        super().__init__()
        self._name = "EventMapLayer"
        self.options = {"data": data_id, "land": land_id}


def build_map(data_id: str = "eventmap-data", land_id: str | None = "eventmap-land",
              tiles: bool = True) -> folium.Map:
    """A folium map with no CDN links; the page script adds markers from the JSON block `data_id`."""
    m = folium.Map(location=None, zoom_start=2, tiles=OSM_TILES if tiles else None,
                   control_scale=True, world_copy_jump=True)
    # Instance attributes, so folium's class-level lists (shared by every map) stay untouched.
    m.default_js = []
    m.default_css = []
    EventMapLayer(data_id, land_id).add_to(m)
    return m


@dataclass
class MapParts:
    """The three pieces of a rendered folium figure, to place inside a page of our own."""

    head: str
    html: str
    script: str


def render_parts(m: folium.Map) -> MapParts:
    """The map's head, body and script; refuses any piece that would fetch from the network."""
    fig = m.get_root()
    fig.render()  # lets every element add its header/html/script pieces to the figure
    head = re.sub(r'<meta name="viewport"[^>]*>', "", fig.header.render())  # folium's blocks pinch-zoom
    parts = MapParts(head, fig.html.render(), fig.script.render())
    links = re.findall(r"""<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//[^"'\s>]*""",
                       parts.head + parts.html + parts.script)
    if links:
        raise RuntimeError(f"folium map still links external resources: {links}")
    return parts


def needs_jquery(script: str) -> bool:
    """folium's popups and a few controls call jQuery (``$(...)``); our own map does not."""
    return bool(re.search(r"(?<![\w$.])(?:\$|jQuery)\s*\(", script))


def _read(package_dir: str, name: str) -> str:
    text = (Path(package_dir) / name).read_text(encoding="utf-8")
    text = re.sub(r"^\s*//# sourceMappingURL=.*$", "", text, flags=re.M)  # no .map fetches
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style")


@lru_cache(maxsize=2)
def inline_libraries(jquery: bool = False) -> str:
    """<style>/<script> tags holding Leaflet (and optionally jQuery) from the installed packages."""
    import xstatic.pkg.leaflet as leaflet

    out = [f"<style>{_read(leaflet.BASE_DIR, 'leaflet.css')}</style>",
           f"<script>{_read(leaflet.BASE_DIR, 'leaflet.js')}</script>"]
    if jquery:
        import xstatic.pkg.jquery as jq

        out.append(f"<script>{_read(jq.BASE_DIR, 'jquery.min.js')}</script>")
    return "\n".join(out)
