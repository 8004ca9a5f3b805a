"""The page: one self-contained HTML file where a map, a timeline and the article text point at each other.

Why one file: it must open from a mail attachment or a USB stick with no network, so Leaflet, the
land outline, the style and the script are all inlined (about 300 KB). Everything shown is drawn
from `document_to_dict(doc)` plus the article text, so the page never disagrees with the JSON export.

Untrusted text (title, article, names, summaries) is HTML-escaped here; the data the script needs goes
in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` written as ``\\u003c`` etc., so
no article can close the block; the script builds popups with ``textContent`` only.
"""
from __future__ import annotations

import json
import os
import re
from html import escape
from pathlib import Path

from eventmap.export import document_to_dict
from eventmap.model import Document
from maps.folium_map import build_map, inline_libraries, needs_jquery, place_markers, render_parts
from timeline.widget import date_words, event_labels, render_timeline

ASSETS = Path(__file__).resolve().parent / "assets"
DATA_ID = "eventmap-data"
LAND_ID = "eventmap-land"


def script_json(obj) -> str:
    """JSON that is safe inside <script>: no ``</script>``, ``<!--`` or ``&`` can appear in it."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _mentions(text: str, data: dict) -> list[tuple[int, int, str, int]]:
    """Date and place mentions as (start, end, kind, index), overlaps dropped (the longer one stays)."""
    found = []
    for kind in ("dates", "places", "unresolved"):
        for i, m in enumerate(data.get(kind, [])):
            s, e = m.get("start"), m.get("end")
            if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text):
                found.append((s, e, kind, i))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    kept: list[tuple[int, int, str, int]] = []
    for t in found:
        if kept and t[0] < kept[-1][1]:
            continue
        kept.append(t)
    return kept


def _sentences(text: str, data: dict) -> list[tuple[int, int, list[str]]]:
    """Event sentences as non-overlapping (start, end, event ids), in text order."""
    by_range: dict[tuple[int, int], list[str]] = {}
    for e in data.get("events", []):
        s, t = e["sentence"]["start"], e["sentence"]["end"]
        s, t = max(0, s), min(len(text), t)
        if s < t:
            by_range.setdefault((s, t), []).append(e["id"])
    out: list[tuple[int, int, list[str]]] = []
    for (s, t), ids in sorted(by_range.items()):
        if out and s < out[-1][1]:
            s = out[-1][1]  # overlapping events: the later one starts where the earlier ends
        if s < t:
            out.append((s, t, ids))
    return out


def _mark(text: str, data: dict, m: tuple[int, int, str, int]) -> str:
    s, e, kind, i = m
    body = escape(text[s:e])
    rec = data[kind][i]
    if kind == "dates":
        title = f"{date_words(rec)} · {rec.get('value', '')}"
        return (f'<mark class="m-date" data-date="{i}" role="button" tabindex="0" '
                f'title="{escape(title)}">{body}</mark>')
    if kind == "places":
        title = ", ".join(x for x in (rec.get("name"), rec.get("kind"), rec.get("country")) if x)
        return (f'<mark class="m-place" data-place="{i}" role="button" tabindex="0" '
                f'title="{escape(title)}">{body}</mark>')
    return f'<mark class="m-place is-unresolved" title="place not found on the map">{body}</mark>'


def _segment(text: str, data: dict, start: int, end: int, mentions: list) -> str:
    out, pos = [], start
    for m in mentions:
        if m[0] < start or m[1] > end:
            continue  # crosses a sentence edge: left plain rather than breaking the nesting
        out.append(escape(text[pos:m[0]]))
        out.append(_mark(text, data, m))
        pos = m[1]
    out.append(escape(text[pos:end]))
    return "".join(out)


def annotate_text(text: str, data: dict) -> str:
    """The article as escaped HTML: event sentences wrapped in spans, dates and places marked."""
    mentions = _mentions(text, data)
    out, pos = [], 0
    for n, (s, e, ids) in enumerate(_sentences(text, data)):
        out.append(_segment(text, data, pos, s, mentions))
        out.append(f'<span class="sent" id="sent-{n}" data-events="{escape(" ".join(ids))}">'
                   f'{_segment(text, data, s, e, mentions)}</span>')
        pos = e
    out.append(_segment(text, data, pos, len(text), mentions))
    return "".join(out)


def _language_name(code: str | None) -> str:
    if not code:
        return "language unknown"
    try:
        from babel import Locale

        return Locale.parse(code.replace("-", "_")).get_display_name("en") or code
    except Exception:  # an unknown code is shown as given
        return code


def metadata_line(data: dict, locale: str = "en") -> list[str]:
    """The facts under the title: language, the reference date and where it came from, counts."""
    parts = [_language_name(data.get("lang"))]
    src = data.get("anchor_source")
    if data.get("published"):
        day = date_words({"value": data["published"], "precision": "day", "earliest": data["published"]}, locale)
        parts.append(f"published {day}" + (" (given on the command line)" if src == "cli" else ""))
    elif data.get("anchor"):
        day = date_words({"value": data["anchor"], "precision": "day", "earliest": data["anchor"]}, locale)
        parts.append(f"reference date {day}" + (" (inferred from the text)" if src == "inferred" else ""))
    else:
        parts.append("no publication date known")
    n_dates, n_places, n_events = len(data["dates"]), len(data["places"]), len(data["events"])
    parts.append(f"{n_dates} date{'s' * (n_dates != 1)} · {n_places} place mention{'s' * (n_places != 1)}"
                 f" · {n_events} event{'s' * (n_events != 1)}")
    return parts


def render_page(doc: Document, tiles: bool = True, locale: str = "en") -> str:
    """The complete HTML page for one analysed article.

    tiles   add the OpenStreetMap tile layer (drawn over the offline land outline when reachable);
            with tiles=False the page makes no network request at all.
    locale  how dates are written (a Babel locale); the page's own labels are English.
    """
    data = document_to_dict(doc)
    text = doc.article.text
    markers = place_markers(data)
    payload = {"doc": data, "markers": markers, "labels": event_labels(data, locale)}

    fmap = build_map(DATA_ID, LAND_ID, tiles=tiles)
    parts = render_parts(fmap)
    head = re.sub(r'<meta name="viewport"[^>]*>', "", parts.head)  # folium's blocks pinch-zoom

    title = data.get("title") or data.get("id") or "Untitled article"
    lang = data.get("lang") or ""
    unresolved = sorted({m.get("text", "") for m in data.get("unresolved", []) if m.get("text")})
    credits = []
    if tiles:
        credits.append("Map tiles © OpenStreetMap contributors (when online)")
    credits.append("Land outline: Natural Earth, public domain (via world-atlas)")

    html = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="eventmap">',
        f"<title>{escape(title)} · eventmap</title>",
        inline_libraries(jquery=needs_jquery(parts.script)),
        head,
        f"<style>{_asset('page.css')}</style>",
        f"<script>{_asset('page.js')}</script>",
        "</head>",
        "<body>",
        '<div class="em-layout">',
        '<header class="em-header">',
        '<p class="em-kicker">Timeline and map</p>',
        f'<h1 lang="{escape(lang)}">{escape(title)}</h1>',
        '<p class="em-meta">' + " · ".join(f"<span>{escape(p)}</span>" for p in metadata_line(data, locale))
        + "</p>",
    ]
    if data.get("warnings"):
        html.append(f'<details class="em-notes"><summary>Notes ({len(data["warnings"])})</summary><ul>'
                    + "".join(f"<li>{escape(w)}</li>" for w in data["warnings"]) + "</ul></details>")
    html += [
        "</header>",
        '<section class="em-map-col" aria-label="Map of the places in the article">',
        '<div class="em-map">',
        '<noscript><p class="em-map-empty">The map needs JavaScript; the timeline and the text do not.</p></noscript>',
        parts.html,
        '<p class="em-map-empty">No places found in this article.</p>' if not markers else "",
        "</div>",
    ]
    if unresolved:
        html.append('<p class="em-unresolved">Not on the map: ' + escape(", ".join(unresolved)) + "</p>")
    html += [
        "</section>",
        '<main class="em-story">',
        '<section class="em-timeline" aria-labelledby="em-timeline-h">',
        '<h2 id="em-timeline-h">Timeline</h2>',
        render_timeline(data, locale),
        "</section>",
        '<section class="em-article" aria-labelledby="em-article-h">',
        '<h2 id="em-article-h">Article</h2>',
        '<p class="em-legend"><mark class="m-date">date</mark> <mark class="m-place">place</mark> '
        '<span class="sent is-legend">event sentence</span></p>',
        f'<div class="em-text" lang="{escape(lang)}">{annotate_text(text, data)}</div>',
        "</section>",
        '<footer class="em-footer">' + " · ".join(escape(c) for c in credits) + "</footer>",
        "</main>",
        "</div>",
        f'<script type="application/json" id="{DATA_ID}">{script_json(payload)}</script>',
        f'<script type="application/json" id="{LAND_ID}">{script_json(json.loads(_asset("land-110m.geojson")))}'
        "</script>",
        f"<script>{parts.script}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(h for h in html if h) + "\n"


def screenshot(html_path: str | os.PathLike, png_path: str | os.PathLike, width: int = 1280, height: int = 900,
               full_page: bool = False, browser=None) -> Path:
    """A PNG of a saved page, taken offline by headless Chromium (see `eventmap.browser`).

    Raises InputError when the page, Playwright or Chromium is missing."""
    from eventmap.browser import open_offline_page

    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with open_offline_page(html_path, width=width, height=height, browser=browser) as session:
        tmp = png_path.with_name("." + png_path.name + ".tmp.png")
        session.page.screenshot(path=str(tmp), full_page=full_page)
        os.replace(tmp, png_path)
    return png_path
