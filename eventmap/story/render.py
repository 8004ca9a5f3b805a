"""The story page: one self-contained HTML file with every event of every article on one timeline and
one map, filterable by article, source, language and dates.

Built from the single-article page's pieces (eventmap/page/): its style, the inlined Leaflet and land
outline, the folium map without CDN links, `script_json` for the data block, the page's words and
how a time span is written. Only the story's own template, script and style are here. Safety is the
same: the template is autoescaped, article strings reach the DOM through textContent only, and the
links are the article's page, an http(s) URL from the corpus, a path, or an anchor of this page.

The page is the same bytes for the same records (folium's random element ids are numbered instead),
so a batch that was interrupted and resumed writes exactly the story an uninterrupted one writes.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from itertools import count
from pathlib import Path
from typing import Iterable

import folium
from branca.element import MacroElement
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

from eventmap.atomic import write_text_atomic
from eventmap.page.credits import credits
from eventmap.page.folium_map import MapParts, inline_libraries, needs_jquery, render_parts
from eventmap.page.render import ASSETS as PAGE_ASSETS
from eventmap.page.render import script_json
from eventmap.page.words import page_words
from eventmap.story.view import Story, build_story, story_count, story_words

ASSETS = Path(__file__).resolve().parent / "assets"
DATA_ID = "eventmap-story"
LAND_ID = "eventmap-land"


class StoryLayer(MacroElement):
    """Hands the folium map to the story script once the map exists (as the article page's layer does)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            EventStory.init({{ this._parent.get_name() }}, {{ this.options|tojson }});
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "StoryLayer"
        self.options = {"data": DATA_ID, "land": LAND_ID}


def write_story(records: Iterable[dict], path: Path, *, tiles: bool = True, locale: str = "en",
                title: str | None = None) -> Path:
    """Write the story page of a batch's records to ``path`` (atomically)."""
    story = build_story(records, Path(path).parent, locale)
    return write_text_atomic(path, render_story(story, tiles=tiles, locale=locale, title=title))


def render_story(story: Story, *, tiles: bool = True, locale: str = "en", title: str | None = None) -> str:
    words = page_words(locale)
    n_events = len(story.dated) + len(story.undated)
    heading = title or story_words(words, "title", articles=story_count(words, "count_articles", len(story.articles)))
    payload = {"markers": [asdict(m) for m in story.markers],
               "items": {it.id: _item_data(it) for it in story.dated + story.undated},
               "articles": [{"n": a.n, "title": a.title or a.id, "origin": a.origin, "lang": a.lang}
                            for a in story.articles],
               "words": {"land": words("credit_land"), "undated": words("undated"),
                         "shown": words.entry("story", "shown"), "sources": story_words(words, "sources")}}
    parts = render_parts(_story_map(tiles))
    page = _environment().get_template("story.html").render(
        words=words, sw=lambda key, **fill: story_words(words, key, **fill),
        count=lambda key, n: story_count(words, key, n), title=heading, story=story,
        facts=[story_count(words, "count_articles", len(story.articles)), words.count("count_events", n_events),
               story_count(words, "count_merged", story.merged), story_count(words, "count_places", len(story.markers))],
        credits=credits(words, tiles),
        libraries=Markup(inline_libraries(jquery=needs_jquery(parts.script))),
        map=MapParts(Markup(parts.head), Markup(parts.html), Markup(parts.script)),
        style=Markup(_page_asset("page.css") + _asset("story.css")), script=Markup(_asset("story.js")),
        data_id=DATA_ID, land_id=LAND_ID, data_json=Markup(script_json(payload)), land_json=_land_json())
    return page if page.endswith("\n") else page + "\n"


def _item_data(it) -> dict:
    return {"words": it.words, "summary": it.summary, "earliest": it.earliest, "latest": it.latest,
            "markers": it.markers, "sources": [asdict(s) for s in it.sources]}


def _story_map(tiles: bool) -> folium.Map:
    m = folium.Map(location=None, zoom_start=2, tiles="OpenStreetMap" if tiles else None,
                   control_scale=True, world_copy_jump=True)
    m.default_js = []
    m.default_css = []
    StoryLayer().add_to(m)
    _number(m, count())
    return m


def _number(element, counter) -> None:
    """Replace folium's random element ids by numbers, so that the page is the same bytes every time."""
    element._id = f"{next(counter)}"
    for child in element._children.values():
        _number(child, counter)


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def _environment() -> Environment:
    loader = ChoiceLoader([PackageLoader("eventmap.story", "templates"), PackageLoader("eventmap.page", "templates")])
    return Environment(loader=loader, autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _page_asset(name: str) -> str:
    return (PAGE_ASSETS / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _land_json() -> Markup:
    """The article page's land outline, as a script-safe JSON block."""
    return Markup(script_json(json.loads(_page_asset("land-110m.geojson"))))
