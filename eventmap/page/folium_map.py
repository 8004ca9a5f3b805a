"""The map view: the document's places as markers, and the folium map that the page script draws them on.

folium 0.20 links Leaflet, jQuery, Bootstrap and Font Awesome from CDNs, so a saved page would show a
blank map offline. Here the map drops those links, and `inline_libraries` returns Leaflet (and jQuery,
only when a folium object on the map actually calls it) read from the installed xstatic packages,
ready to paste into the page. The OpenStreetMap tiles stay optional; an offline land outline (Natural
Earth, see assets/) is drawn by the page's script in a pane *under* the tiles.

Markers are grouped per place in Python (eventmap/page/places.py), so the page, its tests and the
static figure agree on what a marker is; the page script draws them from the page's JSON data block,
which keeps every piece of article text out of folium's JavaScript templates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import folium
from branca.element import MacroElement
from jinja2 import Template

from eventmap.page.places import Marker, place_markers  # noqa: F401 (the map's markers, re-exported)

OSM_TILES = "OpenStreetMap"


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
              tiles: bool | str | None = True) -> folium.Map:
    """A folium map with no CDN links; the page script adds markers from the JSON block `data_id`.

    tiles  True or "osm": OpenStreetMap; an http(s) URL template: those tiles, credited to their host;
           False/None: no tile layer (the page makes no outside request)."""
    if tiles is True or tiles == "osm":
        layer, attr = OSM_TILES, None
    elif tiles:
        host = re.sub(r"[^A-Za-z0-9.-]", "", urlsplit(tiles).hostname or "") or "custom"  # Leaflet shows it as HTML
        layer, attr = tiles, host
    else:
        layer, attr = None, None
    m = folium.Map(location=None, zoom_start=2, tiles=layer, attr=attr, control_scale=True, world_copy_jump=True)
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
    _number_elements(fig)
    fig.render()  # lets every element add its header/html/script pieces to the figure
    head = re.sub(r'<meta name="viewport"[^>]*>', "", fig.header.render())  # folium's blocks pinch-zoom
    parts = MapParts(head, fig.html.render(), fig.script.render())
    links = re.findall(r"""<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//[^"'\s>]*""",
                       parts.head + parts.html + parts.script)
    if links:
        raise RuntimeError(f"folium map still links external resources: {links}")
    return parts


def _number_elements(root) -> None:
    """Give every element of the figure an id from its place in the tree instead of branca's random
    one, so that the same document gives the same page, byte for byte, on every run."""
    stack, n = [root], 0
    while stack:
        element = stack.pop()
        element._id = f"{n:032x}"
        n += 1
        stack.extend(reversed(list(element._children.values())))


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
