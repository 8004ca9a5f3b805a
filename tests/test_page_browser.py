"""The page in a real headless Chromium with the network blocked: it draws, links both ways, stays safe.

Each test opens a page written to tmp_path over file://; `open_page` (tests/browser.py) records every
http(s) request it had to block, console errors and uncaught page errors.
"""
from __future__ import annotations

import subprocess
import sys

import pytest

from browser import XSS_TEXT, day, make_doc, river_doc
from eventmap.errors import InputError
from eventmap.outputs.png_screenshot import screenshot
from eventmap.page import render_page
from maps.model import Place

pytestmark = pytest.mark.browser


def assert_clean(session):
    assert session.blocked == []
    assert session.console_errors == []
    assert session.page_errors == []


def in_view(page, selector: str) -> bool:
    return page.eval_on_selector(selector, """el => { const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0; }""")


def popup_text(page) -> str:
    """The open popup's text, once the one it replaced has faded out."""
    page.wait_for_function("document.querySelectorAll('.leaflet-popup-content').length === 1", timeout=5000)
    return page.inner_text(".leaflet-popup-content")


def test_offline_page_draws_land_and_markers_without_network(open_page):
    s = open_page(render_page(river_doc(), tiles=False))
    p = s.page
    assert p.locator(".em-marker").count() == 6
    assert p.locator(".leaflet-basemap-pane path").count() >= 1  # the land outline
    z = p.evaluate("""() => [getComputedStyle(document.querySelector('.leaflet-basemap-pane')).zIndex,
                             getComputedStyle(document.querySelector('.leaflet-tile-pane')).zIndex]""")
    assert int(z[0]) < int(z[1])  # under the tiles
    assert p.locator(".em-label", has_text="Singapore").count() == 1
    assert_clean(s)


def test_overlapping_labels_are_hidden_until_hovered(open_page):
    text = "Storms hit Lagos and Ikeja on 3 June 2023, then Abuja."
    doc = make_doc(text, places=[("Lagos", Place("Lagos", 6.455, 3.384, "city", "NG")),
                                 ("Ikeja", Place("Ikeja", 6.6, 3.35, "city", "NG")),
                                 ("Abuja", Place("Abuja", 9.06, 7.49, "city", "NG"))],
                   dates=[("3 June 2023", day("2023-06-03"))], events=[(text, day("2023-06-03"))])
    s = open_page(render_page(doc, tiles=False))
    p = s.page
    p.evaluate("EventMap.map.setView([7.5, 5], 5, {animate: false})")
    visible = p.eval_on_selector_all(".em-label", "els => els.filter(e => !e.classList.contains('is-hidden'))"
                                                  ".map(e => e.textContent)")
    assert visible == ["Lagos", "Abuja"]  # Ikeja's label would cover Lagos's
    p.evaluate("EventMap.map.setView([6.5, 3.37], 12, {animate: false})")
    assert p.locator(".em-label.is-hidden").count() == 0  # zoomed in, all fit
    assert_clean(s)


def test_with_tiles_only_tile_requests_are_tried(open_page):
    s = open_page(render_page(river_doc(), tiles=True))
    s.page.wait_for_timeout(300)
    assert s.blocked, "the tile layer should have asked for tiles"
    assert all("tile.openstreetmap.org" in u for u in s.blocked), s.blocked
    assert s.page_errors == []
    assert all("net::ERR_FAILED" in e for e in s.console_errors), s.console_errors


def test_timeline_item_opens_the_right_popup_and_highlights_its_sentence(open_page):
    s = open_page(render_page(river_doc(), tiles=False))
    p = s.page
    p.click("#tl-e1")
    text = popup_text(p)
    assert "Phnom Penh" in text and "3 Mar 2024" in text
    assert p.get_attribute("#tl-e1", "aria-selected") == "true"
    assert p.locator(".sent.is-current").inner_text().startswith("Volunteers began counting")
    # an event with two places fits both and opens the first one's popup
    p.click("#tl-e4")
    assert "Singapore" in popup_text(p)
    assert p.get_attribute("#tl-e1", "aria-selected") == "false"
    assert_clean(s)


def test_axis_mark_selects_its_event(open_page):
    s = open_page(render_page(river_doc(), tiles=False))
    p = s.page
    p.click('.ax-ev[data-event="e2"]')
    assert p.get_attribute("#tl-e2", "aria-selected") == "true"
    assert "Bangkok" in popup_text(p)
    assert_clean(s)


def test_timeline_works_from_the_keyboard(open_page):
    s = open_page(render_page(river_doc(), tiles=False))
    p = s.page
    p.focus("#tl-e3")
    p.keyboard.press("ArrowDown")
    assert p.evaluate("document.activeElement.id") == "tl-e1"
    p.keyboard.press("Enter")
    assert "Phnom Penh" in popup_text(p)
    assert p.get_attribute("#tl-e1", "aria-selected") == "true"
    assert_clean(s)


def test_marker_click_selects_its_timeline_item_and_scrolls_to_it(open_page):
    s = open_page(render_page(river_doc(), tiles=False), height=560)
    p = s.page
    assert not in_view(p, "#tl-e4")
    p.click(".em-marker-p4")  # Singapore
    p.wait_for_function("document.querySelector('#tl-e4').getAttribute('aria-selected') === 'true'")
    p.wait_for_timeout(700)  # smooth scrolling
    assert in_view(p, "#tl-e4")
    assert p.locator(".tl-item.is-selected").count() == 1
    assert "Singapore" in popup_text(p)
    assert_clean(s)


def test_mention_click_highlights_its_sentence_and_opens_the_marker(open_page):
    s = open_page(render_page(river_doc(), tiles=False))
    p = s.page
    p.click("mark.m-place:text-is('Vientiane')")
    assert p.locator(".sent.is-current").inner_text().startswith("Organisers said")
    assert "Vientiane" in popup_text(p)
    p.click("mark.m-date:text-is('before 1 June 2024')")
    assert p.locator(".sent.is-current").inner_text().startswith("The results will")
    assert p.get_attribute("#tl-e4", "aria-selected") == "true"
    assert_clean(s)


def test_article_markup_never_runs(open_page):
    text = f"Crowds gathered in Lyon on 2 May 2021. {XSS_TEXT} The square emptied by night."
    doc = make_doc(text, title=XSS_TEXT, dates=[("2 May 2021", day("2021-05-02"))],
                   places=[("Lyon", Place(XSS_TEXT, 45.76, 4.84, "city", "FR"))],
                   events=[(text, day("2021-05-02"))])
    s = open_page(render_page(doc, tiles=False))
    p = s.page
    p.wait_for_timeout(200)
    assert p.evaluate("window.__pwned") is None
    assert p.locator("img[src=x]").count() == 0
    assert p.inner_text("h1") == XSS_TEXT  # shown as plain text
    p.click("#tl-e1")
    assert XSS_TEXT in popup_text(p)  # a hostile place name in the popup is text too
    assert p.evaluate("window.__pwned") is None
    assert_clean(s)


@pytest.mark.parametrize("with_places", [False, True])
def test_article_without_dates_or_places_says_so(open_page, with_places):
    text = "The committee met in Oslo and talked for a long time."
    places = [("Oslo", Place("Oslo", 59.91, 10.75, "city", "NO"))] if with_places else []
    doc = make_doc(text, title="A meeting", places=places, events=[(text, None)] if with_places else [])
    s = open_page(render_page(doc, tiles=False))
    p = s.page
    assert p.is_visible("text=No dates found in this article.")
    assert p.locator("text=No places found in this article.").count() == (0 if with_places else 1)
    if with_places:
        assert not p.is_visible("#tl-e1")  # undated events are collapsed under their heading
        p.click("#tl-undated")
        p.click("#tl-e1")
        assert "Oslo" in popup_text(p)
    assert_clean(s)


def test_phone_width_has_no_sideways_scroll(open_page):
    s = open_page(render_page(river_doc(), tiles=False), width=390, height=844)
    assert s.page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_clean(s)


def test_print_layout_stacks_the_map(open_page):
    s = open_page(render_page(river_doc(), tiles=False))
    s.page.emulate_media(media="print")
    assert s.page.evaluate("getComputedStyle(document.querySelector('.em-map-col')).position") == "static"
    assert len(s.page.pdf()) > 10_000


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_screenshot_reuses_a_browser(tmp_path, chromium):  # noqa: F811
    page = tmp_path / "river.html"
    page.write_text(render_page(river_doc(), tiles=False), encoding="utf-8")
    png = screenshot(page, tmp_path / "shot.png", width=800, height=600, browser=chromium)
    assert _png_size(png.read_bytes()) == (800, 600)


def test_screenshot_launches_its_own_browser(tmp_path, chromium):  # noqa: F811 (skip/fail without Chromium)
    # In a child process: Playwright's sync API allows one running instance per thread.
    page = tmp_path / "river.html"
    page.write_text(render_page(river_doc(), tiles=False), encoding="utf-8")
    code = ("import sys; from eventmap.outputs.png_screenshot import screenshot; "
            "screenshot(sys.argv[1], sys.argv[2], width=640, height=480)")
    subprocess.run([sys.executable, "-c", code, str(page), str(tmp_path / "own.png")], check=True, timeout=120)
    assert _png_size((tmp_path / "own.png").read_bytes()) == (640, 480)


def test_screenshot_of_a_missing_page_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such page"):
        screenshot(tmp_path / "nope.html", tmp_path / "x.png")


def test_an_event_opens_the_popup_of_its_most_specific_place(open_page):
    text = "Leaders of Kenya met in Nairobi on 3 June 2023."
    doc = make_doc(text, places=[("Kenya", Place("Kenya", 1.0, 38.0, "country", "KE")),
                                 ("Nairobi", Place("Nairobi", -1.283, 36.817, "city", "KE"))],
                   dates=[("3 June 2023", day("2023-06-03"))], events=[(text, day("2023-06-03"))])
    s = open_page(render_page(doc, tiles=False))
    s.page.click("#tl-e1")
    popup_text(s.page)
    assert s.page.inner_text(".leaflet-popup-content .pop-name") == "Nairobi"
    assert_clean(s)
