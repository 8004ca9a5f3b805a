"""The static figure: the map and the numbered list of events, drawn in pure Python with matplotlib.

Why: a report needs a picture that is vector (SVG, PDF) with real, editable text, and a machine with no
browser still needs a picture at all. The figure draws what the page draws - the same offline land
outline, countries as their outlines, larger places as circles of their size, towns as markers numbered
in timeline order - from the same views (eventmap/page/places.py, timeline.py, when.py), so a number on
the figure is the number on the page. The map is in Web Mercator, like the page's.
"""
from __future__ import annotations

import io
import json
import math
import textwrap
from functools import lru_cache

from eventmap.model import Document
from eventmap.page.places import ASSETS, Marker, outline, place_markers
from eventmap.page.timeline import ordered_events
from eventmap.page.when import date_words
from eventmap.page.words import page_words

SEA, LAND, COAST = "#d9e6ef", "#f3f0e8", "#a8b3bb"
PLACE, INK, MUTED = "#c2410c", "#1d2630", "#5b6773"
EARTH_KM = 6371.0
MAX_LAT = 82.0  # Mercator grows without bound toward the poles: the figure stops here


def merc_y(lat: float) -> float:
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


@lru_cache(maxsize=1)
def _land() -> list:
    data = json.loads((ASSETS / "land-110m.geojson").read_text(encoding="utf-8"))
    return data["geometry"]["coordinates"]


def draw_figure(doc: Document, locale: str = "en", width_in: float = 10.0):
    """A matplotlib Figure of the document (no pyplot, so no display and no global state)."""
    from matplotlib.figure import Figure

    words = page_words(locale)
    dated, undated = ordered_events(doc)
    events = dated + undated
    markers = place_markers(doc, events)
    lines = _event_lines(doc, events, markers, locale)
    list_h = 0.3 + 0.19 * sum(len(x) for x in lines)
    fig = Figure(figsize=(width_in, width_in * 0.55 + list_h + 0.6))
    total = width_in * 0.55 + list_h + 0.6
    title = doc.article.title or doc.article.id or words("untitled")
    fig.text(0.02, 1 - 0.25 / total, title, fontsize=13, weight="bold", color=INK, va="top",
             wrap=True, fontfamily="DejaVu Sans")
    ax = fig.add_axes((0.02, (list_h + 0.05) / total, 0.96, width_in * 0.55 / total))
    _draw_map(ax, markers)
    y = (list_h - 0.05) / total
    for block in lines:
        for k, line in enumerate(block):
            fig.text(0.03 if k == 0 else 0.06, y, line, fontsize=8.5, color=INK if k == 0 else MUTED, va="top",
                     fontfamily="DejaVu Sans")
            y -= 0.19 / total
    credit = f"{words('credit_land')} · {words('credit_outlines')}"
    fig.text(0.98, 0.005, credit, fontsize=6, color=MUTED, ha="right", va="bottom")
    return fig


def _event_lines(doc: Document, events, markers: list[Marker], locale: str) -> list[list[str]]:
    """Per event: "when · 1 Jakarta, 2 Manila", then its sentence wrapped."""
    number = {i: m.number for m in markers for i in m.mentions}
    name = {m.number: m.name for m in markers}
    out = []
    for e in events:
        nums = sorted({number[i] for i in e.place_ids if i in number})
        where = ", ".join(f"{n} {name[n]}" for n in nums)
        head = date_words(e.when, locale) + (f"  ·  {where}" if where else "")
        out.append([head] + textwrap.wrap(e.summary or "", 130)[:2])
    return out


def _draw_map(ax, markers: list[Marker]) -> None:
    from matplotlib.patches import Polygon

    ax.set_facecolor(SEA)
    for poly in _land():
        ax.add_patch(Polygon([(x, merc_y(y)) for x, y in poly[0]], closed=True, fc=LAND, ec=COAST, lw=0.4))
    xs, ys = [], []
    for m in sorted(markers, key=lambda m: m.shape == "point"):
        if m.shape == "outline":
            for poly in outline(m.country):
                pts = [(x, merc_y(y)) for x, y in poly[0]]
                ax.add_patch(Polygon(pts, closed=True, fc=PLACE, alpha=0.18, ec=PLACE, lw=0.8))
        elif m.shape in ("circle", "box"):
            pts = _box(m.bbox) if m.shape == "box" else _circle(m.lat, m.lon, m.radius_km)
            ax.add_patch(Polygon([(x, merc_y(y)) for x, y in pts], closed=True, fc=PLACE, alpha=0.12, ec=PLACE,
                                 lw=0.8, ls="--"))
        x, y = m.lon, merc_y(m.lat)
        xs.append(x)
        ys.append(y)
        point = m.shape == "point"
        ax.scatter([x], [y], s=120 if point else 60, c=PLACE if point else "white", edgecolors=PLACE if not point
                   else "white", linewidths=1.2, zorder=5)
        ax.text(x, y, str(m.number), ha="center", va="center", fontsize=6.5, color="white" if point else PLACE,
                weight="bold", zorder=6)
        ax.annotate(m.name, (x, y), xytext=(7, 3), textcoords="offset points", fontsize=7.5, color=INK, zorder=6,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
    _frame(ax, xs, ys)


def _frame(ax, xs: list[float], ys: list[float]) -> None:
    """Fit the places with a margin, at least 12 degrees wide, at the figure's aspect."""
    if not xs:
        xs, ys = [-170, 190], [merc_y(-60), merc_y(80)]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = max(x1 - x0, 12.0) * 1.25, max(y1 - y0, 6.0) * 1.3
    bbox = ax.get_position()
    aspect = (bbox.height * ax.figure.get_figheight()) / (bbox.width * ax.figure.get_figwidth())
    w, h = max(w, h / aspect), max(h, w * aspect)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    ax.set_xlim(cx - w / 2, cx + w / 2)
    ax.set_ylim(max(cy - h / 2, merc_y(-MAX_LAT)), min(cy + h / 2, merc_y(MAX_LAT)))
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_edgecolor(COAST)


def _circle(lat: float, lon: float, km: float, n: int = 48) -> list[tuple[float, float]]:
    """A circle of `km` on the ground around a point, as lon/lat points (spherical destination formula)."""
    d = km / EARTH_KM
    la, lo = math.radians(lat), math.radians(lon)
    pts = []
    for k in range(n):
        b = 2 * math.pi * k / n
        la2 = math.asin(math.sin(la) * math.cos(d) + math.cos(la) * math.sin(d) * math.cos(b))
        lo2 = lo + math.atan2(math.sin(b) * math.sin(d) * math.cos(la), math.cos(d) - math.sin(la) * math.sin(la2))
        pts.append((math.degrees(lo2), math.degrees(la2)))
    return pts


def _box(bbox: list[float]) -> list[tuple[float, float]]:
    s, w, n, e = bbox
    return [(w, s), (e, s), (e, n), (w, n)]


def figure_bytes(doc: Document, fmt: str, locale: str = "en") -> bytes:
    """The figure as ``png``, ``svg`` or ``pdf`` bytes."""
    from matplotlib import rc_context

    fig = draw_figure(doc, locale)
    buf = io.BytesIO()
    meta = {"Creator": "eventmap"} if fmt in ("svg", "pdf") else None
    # SVG text stays text (editable, searchable); PDF fonts embedded as TrueType, not Type 3
    with rc_context({"svg.fonttype": "none", "pdf.fonttype": 42, "svg.hashsalt": "eventmap"}):
        fig.savefig(buf, format=fmt, dpi=150, metadata=meta)
    return buf.getvalue()
