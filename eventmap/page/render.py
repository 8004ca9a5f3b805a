"""Putting the page together: the views' output into templates/page.html, with the inlined assets.

Why one file: the page must open from a mail attachment or a USB stick with no network, so Leaflet,
the land outline, the outlines of the countries it names, the names it can search, the style and the
scripts are all inlined (about 400 KB).

Why it is safe: the templates are rendered with autoescape on, so every article string (title, text,
names, summaries, warnings) is escaped. The only strings marked safe are made here, and none holds
article text unescaped: the installed Leaflet, our own style and scripts, folium's map pieces (which
carry no article text; markers are drawn by the page script), and the JSON data blocks, written by
`script_json` so that no article can close the ``<script>`` element that holds them. The page
scripts build every element with ``textContent`` and never make a link from data.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from eventmap.export import document_to_dict
from eventmap.model import Document
from eventmap.page.credits import credits
from eventmap.page.folium_map import MapParts, build_map, inline_libraries, needs_jquery, render_parts
from eventmap.page.places import EXTENT_KM, POINT_KINDS, outlines_for, place_markers
from eventmap.page.search import search_names
from eventmap.page.text import article_pieces
from eventmap.page.timeline import event_labels, ordered_events, timeline_view
from eventmap.page.when import day_words
from eventmap.page.words import Words, page_words

ASSETS = Path(__file__).resolve().parent / "assets"
DATA_ID = "eventmap-data"
LAND_ID = "eventmap-land"
CORRECTIONS_ID = "eventmap-corrections"
SCRIPTS = ("page.js", "map.js", "axis.js", "edit.js", "editor.js")


def render_page(doc: Document, tiles: bool | str | None = True, locale: str | None = None,
                embed: tuple[int, int] | None = None) -> str:
    """The complete HTML page for one analysed article.

    tiles   True/"osm": the OpenStreetMap tile layer (drawn over the offline land outline when
            reachable); an http(s) URL template: those tiles; False/None: no tile layer, and the page
            makes no network request at all.
    locale  the page's language: how dates are written (Babel) and the page's own words
            (languages/data/<code>/ui.json, English when the language has none). Default: the article's.
    embed   (width, height) in pixels: laid out to fill an iframe of that size.
    """
    locale = locale or doc.article.lang or "en"
    words = page_words(locale)
    dated, undated = ordered_events(doc)
    markers = place_markers(doc, dated + undated)
    payload = {"doc": document_to_dict(doc), "markers": [asdict(m) for m in markers],
               "outlines": outlines_for(markers), "labels": event_labels(doc, locale),
               "words": json.loads(json.dumps(dict(words.table))), "locale": locale,
               "names": search_names(doc, locale),
               "shapes": {"extent_km": EXTENT_KM, "point_kinds": sorted(POINT_KINDS)}}
    parts = render_parts(build_map(DATA_ID, LAND_ID, tiles=tiles))
    a = doc.article
    page = _environment().get_template("page.html").render(
        words=words, title=a.title or a.id or words("untitled"), lang=a.lang or "",
        facts=header_facts(doc, words), warnings=list(doc.warnings), has_markers=bool(markers),
        unresolved=sorted({m.text for m in doc.unresolved if m.text}), corrected=len(doc.corrections),
        credits=credits(words, tiles), timeline=timeline_view(doc, locale, markers),
        article=article_pieces(doc, locale), embed=embed,
        libraries=Markup(inline_libraries(jquery=needs_jquery(parts.script))),
        map=_trusted(parts), style=Markup(_asset("page.css")), scripts=Markup("\n".join(map(_asset, SCRIPTS))),
        data_id=DATA_ID, land_id=LAND_ID, corrections_id=CORRECTIONS_ID,
        data_json=Markup(script_json(payload)), land_json=_land_json())
    return page if page.endswith("\n") else page + "\n"


def header_facts(doc: Document, words: Words) -> list[str]:
    """The facts under the title: language, the reference date and where it came from, counts."""
    a = doc.article
    facts = [words.language_name(a.lang)]
    if a.published:
        key = "published_cli" if a.anchor_source == "cli" else "published"
        facts.append(words(key, day=day_words(a.published, words.locale)))
    elif a.anchor:
        key = "reference_date_inferred" if a.anchor_source == "inferred" else "reference_date"
        facts.append(words(key, day=day_words(a.anchor, words.locale)))
    else:
        facts.append(words("no_date_known"))
    facts.append(" · ".join([words.count("count_dates", len(doc.dates)),
                             words.count("count_place_mentions", len(doc.places)),
                             words.count("count_events", len(doc.events))]))
    return facts


def script_json(obj) -> str:
    """JSON that is safe inside <script>: no ``</script>``, ``<!--`` or ``&`` can appear in it."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _trusted(parts: MapParts) -> MapParts:
    """folium's pieces as Markup: they hold the map's own code and ids, never article text."""
    return MapParts(Markup(parts.head), Markup(parts.html), Markup(parts.script))


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("eventmap.page", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _land_json() -> Markup:
    """The land outline as a script-safe JSON block (re-serialised compactly from the asset)."""
    return Markup(script_json(json.loads(_asset("land-110m.geojson"))))
