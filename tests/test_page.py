"""The page's HTML, without a browser: escaping, offline-ness, order, labels, markers, empty cases."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import browser
from browser import day, make_doc, river_doc
from markupsafe import escape

from eventmap.export import document_to_dict
from eventmap.page import render_page, script_json
from eventmap.page.folium_map import build_map, needs_jquery, render_parts
from eventmap.page.places import place_markers
from eventmap.page.text import Mark, Sentence, article_pieces
from eventmap.page.timeline import ordered_events, timeline_view
from eventmap.page.when import date_words
from maps.model import Place
from timeline.model import TimeSpan

ROOT = Path(__file__).resolve().parent.parent
XSS = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def data_block(page: str, ident: str = "eventmap-data") -> dict:
    m = re.search(rf'<script type="application/json" id="{ident}">(.*?)</script>', page, re.S)
    assert m, ident
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def river_page():
    return render_page(river_doc(), tiles=False)


def test_page_is_one_complete_document(river_page):
    assert river_page.startswith("<!DOCTYPE html>")
    assert river_page.rstrip().endswith("</html>")
    assert "<title>Volunteers count river plastic in four capitals · eventmap</title>" in river_page
    assert "L.map(" in river_page and "EventMap.init(" in river_page


def test_page_links_nothing_online(river_page):
    for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", river_page):
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", tag), tag
    assert "cdn.jsdelivr" not in river_page and "bootstrap" not in river_page.lower()
    assert "tile.openstreetmap.org" not in river_page


def test_tiles_are_optional():
    with_tiles = render_page(river_doc(), tiles=True)
    assert "tile.openstreetmap.org" in with_tiles
    assert "OpenStreetMap contributors" in with_tiles


def test_page_size_stays_small(river_page):
    size = len(river_page.encode("utf-8"))
    assert 150_000 < size < 600_000, size


def test_data_block_is_the_json_export(river_page):
    doc = river_doc()
    payload = data_block(river_page)
    assert payload["doc"] == json.loads(json.dumps(document_to_dict(doc)))
    assert [m["name"] for m in payload["markers"]] == ["Phnom Penh", "Bangkok", "Hanoi", "Vientiane",
                                                       "Singapore", "Jakarta"]
    land = data_block(river_page, "eventmap-land")
    assert land["geometry"]["type"] == "MultiPolygon"


def test_article_text_cannot_break_out():
    text = f"Crowds gathered in Lyon on 2 May 2021. {XSS} & more </script><!-- end"
    doc = make_doc(text, title=XSS, dates=[("2 May 2021", day("2021-05-02"))],
                   places=[("Lyon", Place(XSS, 45.76, 4.84, "city", "FR"))],
                   events=[(text, day("2021-05-02"))])
    page = render_page(doc, tiles=False)
    assert "window.__pwned=1</script>" not in page
    assert "<img src=x" not in page
    assert page.count("</script>") == page.count("<script")
    assert page.count(str(escape(XSS))) >= 3  # shown as text: in the tab title, the heading and the article
    payload = data_block(page)
    assert payload["doc"]["places"][0]["name"] == XSS  # and round-trips as data


def test_script_json_escapes_markup():
    s = script_json({"a": "</script><!--&\u2028"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"a": "</script><!--&\u2028"}


def article_html(page: str) -> str:
    m = re.search(r'<div class="em-text"[^>]*>(.*?)</div>', page, re.S)
    assert m
    return m.group(1)


def flatten(pieces) -> list:
    out = []
    for p in pieces:
        out.extend(flatten(p.pieces) if isinstance(p, Sentence) else [p])
    return out


def test_annotated_text_keeps_every_character(river_page):
    doc = river_doc()
    pieces = flatten(article_pieces(doc))
    assert "".join(p if isinstance(p, str) else p.text for p in pieces) == doc.article.text
    out = article_html(river_page)
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == doc.article.text
    marks = re.findall(r'<mark class="m-(date|place)[^"]*"[^>]*>(.*?)</mark>', out)
    assert ("date", "3 March 2024") in marks and ("place", "Kep Harbour") in marks
    assert out.count('<span class="sent"') == 4
    assert 'data-place="0" role="button" tabindex="0" title="Phnom Penh, city, KH">Phnom Penh</mark>' in out
    assert 'title="before 1 Jun 2024 · 2024-06-01">before 1 June 2024</mark>' in out
    assert 'title="place not found on the map">Kep Harbour</mark>' in out


def test_overlapping_and_edge_crossing_mentions_stay_well_nested():
    text = "Talks opened in New York City on Monday. They closed on Friday."
    doc = make_doc(text, dates=[("Monday. They", day("2020-01-06"))],
                   places=[("New York City", Place("New York City", 40.7, -74.0)),
                           ("York", Place("York", 53.96, -1.08))],
                   events=[("Talks opened in New York City on Monday.", None), ("They closed on Friday.", None)])
    marks = [p for p in flatten(article_pieces(doc)) if isinstance(p, Mark)]
    assert [m.text for m in marks] == ["New York City"]  # the longer one wins; the date crosses a sentence edge
    out = article_html(render_page(doc, tiles=False))
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    assert ">New York City</mark>" in out and ">York</mark>" not in out
    assert "Monday. They</mark>" not in out  # left plain


def test_timeline_sorts_dated_events_then_lists_undated(river_page):
    doc = river_doc()
    doc.events.append(doc.events[0].__class__(id="e9", when=None, date_ids=[], place_ids=[5],
                                              sentence=(0, 10), summary="no date here"))
    dated, undated = ordered_events(doc)
    assert [e.id for e in dated] == ["e3", "e1", "e2", "e4"]
    assert [e.id for e in undated] == ["e9"]
    ids = re.findall(r'<li class="tl-item[^"]*"[^>]*id="tl-(e\d+)"', river_page)
    assert ids == ["e3", "e1", "e2", "e4"]
    page = render_page(doc, tiles=False)
    assert re.findall(r'id="tl-(e\d+)"', page) == ["e3", "e1", "e2", "e4", "e9"]
    assert "Without a date" in page


@pytest.mark.parametrize("span, words", [
    (TimeSpan("2017-08-09", "DATE", "day", None, "2017-08-09", "2017-08-09"), "9 Aug 2017"),
    (TimeSpan("2017-08-09", "DATE", "day", "before", "2017-08-09", "2017-08-09"), "before 9 Aug 2017"),
    (TimeSpan("2017-05", "DATE", "month", "ongoing", "2017-05-01", "2017-08-09"), "since May 2017 (ongoing)"),
    (TimeSpan("2016", "DATE", "year", "end", "2016-09-01", "2016-12-31"), "late 2016"),
    (TimeSpan("2017-08", "DATE", "month", "start", "2017-08-01", "2017-08-10"), "early Aug 2017"),
    (TimeSpan("2017-W32", "DATE", "week", None, "2017-08-07", "2017-08-13"), "week 32, 2017"),
    (TimeSpan("2017-Q3", "DATE", "quarter", "approx", "2017-07-01", "2017-09-30"), "about Q3 2017"),
    (TimeSpan("2017-SU", "DATE", "season", None, "2017-06-01", "2017-08-31"), "summer 2017"),
    (TimeSpan("P3D", "DURATION"), "3 days"),
    (TimeSpan("PRESENT_REF", "DATE", None, None, "2017-08-09", "2017-08-09"), "now"),
])
def test_date_words(span, words):
    assert date_words(span) == words


@pytest.mark.parametrize("span, words", [
    (TimeSpan("P1D", "DURATION"), "1 day"),
    (TimeSpan("P1.5D", "DURATION"), "1.5 days"),
    (TimeSpan("PT5M", "DURATION"), "5 minutes"),
    (TimeSpan("PXY", "DURATION"), "some years"),
    (TimeSpan("P2CE", "DURATION"), "2 centuries"),
    (TimeSpan("201", "DATE", "decade", None, "2010-01-01", "2019-12-31"), "the 2010s"),
    (TimeSpan("2017-08-09T14:30", "TIME", "minute", None, "2017-08-09", "2017-08-09"), "9 Aug 2017, 14:30"),
    (TimeSpan("2017-08-07", "DATE", None, None, "2017-08-07", "2017-08-13"), "7 Aug 2017 – 13 Aug 2017"),
    (TimeSpan("XXXX-WXX-1", "SET"), "XXXX-WXX-1"),
])
def test_date_words_of_durations_decades_times_and_ranges(span, words):
    assert date_words(span) == words


def test_date_words_follow_the_locale():
    span = TimeSpan("2017-08-09", "DATE", "day", None, "2017-08-09", "2017-08-09")
    assert date_words(span, locale="id") == "9 Agu 2017"
    assert date_words(None) == "undated"


def test_markers_group_mentions_of_one_place():
    text = "Rain hit Lima on Monday. Lima schools closed. Cusco stayed dry."
    lima = Place("Lima", -12.05, -77.04, "city", "PE")
    doc = make_doc(text, places=[("Lima", lima), ("Lima schools", lima), ("Cusco", Place("Cusco", -13.5, -71.97))],
                   events=[("Rain hit Lima on Monday.", None), ("Lima schools closed.", None)])
    markers = place_markers(doc)
    assert [(m.name, m.mentions, m.events) for m in markers] == [
        ("Lima", [0, 1], ["e1", "e2"]), ("Cusco", [2], [])]


def test_pipeline_warnings_are_shown():
    doc = river_doc()
    doc.warnings.append("test-article: <b>no</b> publication date known")
    page = render_page(doc, tiles=False)
    assert "<summary>Notes (1)</summary>" in page
    assert "&lt;b&gt;no&lt;/b&gt; publication date known" in page


def test_empty_article_says_so():
    page = render_page(make_doc("A quiet day with nothing to report.", title="Nothing"), tiles=False)
    assert "No places found in this article." in page
    assert "No dates found in this article." in page


def test_map_needs_no_jquery_and_spots_it_when_needed():
    parts = render_parts(build_map(tiles=True))
    assert not needs_jquery(parts.script)
    assert needs_jquery("$(document).ready(f);") and needs_jquery("var x = jQuery('#a');")
    assert not needs_jquery("obj.$(1); a$(2)")
    assert "jQuery v3" not in render_page(river_doc(), tiles=False)  # so the library is left out


def test_land_outline_asset_is_small_and_sane():
    path = ROOT / "eventmap" / "page" / "assets" / "land-110m.geojson"
    assert 40_000 < path.stat().st_size < 120_000
    feat = json.loads(path.read_text())
    polys = feat["geometry"]["coordinates"]
    assert len(polys) > 100
    for poly in polys:
        for ring in poly:
            assert ring[0] == ring[-1]
            assert all(-540 <= x <= 540 and -90 <= y <= 90 for x, y in ring)
            # no edge may cross the whole map (the date line), except along a pole
            assert all(abs(a[0] - b[0]) <= 180 or a[1] == b[1] == -90 for a, b in zip(ring, ring[1:]))
    assert "Natural Earth" in feat["properties"]["attribution"]


def test_land_outline_tool_decodes_topojson():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_land_outline", ROOT / "tools" / "make_land_outline.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    # A unit square drawn as two arcs (the second walked backwards), quantised with a transform.
    topo = {"type": "Topology", "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
            "arcs": [[[0, 0], [2, 0], [0, 2]], [[0, 0], [0, 2], [2, 0]]],
            "objects": {"land": {"type": "GeometryCollection",
                                 "geometries": [{"type": "Polygon", "arcs": [[0, ~1]]}]}}}
    feat = tool.to_geojson(topo, "land", 2)
    assert feat["geometry"]["coordinates"] == [[[[10, 20], [11, 20], [11, 21], [10, 21], [10, 20]]]]


def test_land_outline_tool_mends_the_date_line():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_land_outline", ROOT / "tools" / "make_land_outline.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    island = [[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]]  # straddles the date line
    polys = tool.planar([island])
    assert polys[0][0] == [[179, 0], [181, 0], [181, 1], [179, 1], [179, 0]]
    assert polys[1][0] == [[-181, 0], [-179, 0], [-179, 1], [-181, 1], [-181, 0]]  # the copy for the west side
    cap = [[-180, -80], [0, -70], [179, -80], [-180, -80]]  # around the south pole, open at the date line
    (ring,), = tool.planar([cap])
    assert ring[-4:] == [[180, -80], [180, -90], [-180, -90], [-180, -80]]


def test_missing_browser_skips_locally_but_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run in CI"):
        browser._missing("no Chromium on PATH")
    monkeypatch.setenv("CI", "")
    with pytest.raises(pytest.skip.Exception):
        browser._missing("no Chromium on PATH")


def test_a_cdn_link_sneaking_into_the_map_is_refused():
    m = build_map(tiles=False)
    m.default_js = [("plugin", "https://cdn.example.org/plugin.js")]
    with pytest.raises(RuntimeError, match="external resources"):
        render_parts(m)


def test_the_pages_words_come_from_the_language_data(monkeypatch):
    """A language with its own ui.json gets its own words; what it leaves out falls back to English."""
    import languages
    from eventmap.page import words as page_words_module

    real_part, real_has = languages.part, languages.has_part
    own = {"timeline": "Garis waktu", "without_date": "Tanpa tanggal", "qualifiers": {"before": "sebelum {}"},
           "count_events": {"other": "{n} peristiwa"}}

    def part(code, name):
        if name == "ui" and code == "id":
            merged = dict(real_part("en", "ui")) | own
            merged["qualifiers"] = dict(real_part("en", "ui")["qualifiers"]) | own["qualifiers"]
            return merged
        return real_part(code, name)

    monkeypatch.setattr(languages, "part", part)
    monkeypatch.setattr(languages, "has_part", lambda code, name: code == "id" or real_has(code, name))
    page_words_module.page_words.cache_clear()
    try:
        doc = river_doc()
        doc.events.append(doc.events[0].__class__(id="e9", when=None, date_ids=[], place_ids=[],
                                                  sentence=(0, 10), summary="no date here"))
        page = render_page(doc, tiles=False, locale="id")
    finally:
        page_words_module.page_words.cache_clear()
    assert '<html lang="id">' in page
    assert ">Garis waktu</h2>" in page and ">Tanpa tanggal (<span" in page
    assert ">sebelum 1 Jun 2024</span>" in page        # the qualifier's own words, the date by Babel
    assert "5 peristiwa" in page                        # a counted phrase, by the CLDR plural rule
    assert ">Article</h2>" in page                      # a word it has not translated: English


def test_no_word_of_the_page_is_written_in_code_or_templates(monkeypatch):
    """With every ui.json phrase replaced by a token, the page shows no letters but tokens and data."""
    import languages
    from eventmap.page import words as page_words_module

    real_part = languages.part

    def token(value):  # "published {day}" -> "⟦{day}⟧": the placeholders stay, the words go
        if isinstance(value, dict):
            return {k: token(v) for k, v in value.items()}
        return "\u27e6" + "".join(f"{{{f}}}" for f in re.findall(r"\{(\w*)\}", value)) + "\u27e7"

    monkeypatch.setattr(languages, "part",
                        lambda code, name: token(dict(real_part(code, name))) if name == "ui" else real_part(code, name))
    page_words_module.page_words.cache_clear()
    try:
        text = "1234 + 5678 = 6912. 42!"
        doc = make_doc(text, lang="", unresolved=["42"], events=[("1234 + 5678 = 6912.", None)])
        doc.article.id = "7"
        doc.warnings.append("99")
        page = render_page(doc, tiles=True)
    finally:
        page_words_module.page_words.cache_clear()
    import lxml.html

    body = lxml.html.fromstring(page).find("body")
    for node in body.iter("script", "style"):
        node.drop_tree()
    for node in body.find_class("em-credit-name"):  # names of works and licences, not the page's words
        node.drop_tree()
    shown = body.text_content() + " ".join(v for el in body.iter() for k, v in el.attrib.items()
                                           if k in ("title", "aria-label", "alt", "placeholder"))
    assert "\u27e6" in shown
    assert not re.findall(r"[A-Za-z]{2,}", shown), shown
