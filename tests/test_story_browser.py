"""The story page in a real headless Chromium with the network blocked: one marker per place across
articles, merged happenings with every source linked, the four filters, and no article script running."""
from __future__ import annotations

import pytest
from story_records import story_records

from eventmap.story import build_story, render_story

pytestmark = pytest.mark.browser


@pytest.fixture
def story_page(chromium, tmp_path):
    from eventmap.browser import file_url, new_offline_page

    path = tmp_path / "story.html"
    path.write_text(render_story(build_story(story_records()), tiles=False), encoding="utf-8")
    s = new_offline_page(chromium, 1280, 900)
    s.page.goto(file_url(path), wait_until="load")
    s.page.wait_for_function("window.EventStory && window.EventStory.ready === true", timeout=10000)
    yield s
    assert s.blocked == [] and s.console_errors == [] and s.page_errors == []
    s.page.context.close()


def shown_items(page) -> list[str]:
    return page.eval_on_selector_all(".st-item", "els => els.filter(e => !e.hidden).map(e => e.querySelector('.tl-places') ? e.querySelector('.tl-places').textContent : '')")


def markers_on_map(page) -> int:
    return page.locator(".em-marker").count()


def choose(page, select: str, value: str) -> None:
    page.select_option(select, value)


def test_one_marker_per_place_and_a_merged_happening_lists_every_source(story_page):
    p = story_page.page
    assert markers_on_map(p) == 5          # Surabaya, Indonesia, Medan, Lisbon, Makassar: one marker each
    assert p.evaluate("EventStory.shown") == 4
    p.click(".em-marker-p0")               # Surabaya: the flood three articles tell
    p.wait_for_selector(".leaflet-popup-content .pop-source")
    links = p.eval_on_selector_all(".leaflet-popup-content .pop-source", "els => els.map(a => [a.textContent, a.getAttribute('href')])")
    assert links == [["Market flooded", "https://news.example.org/a"], ["Rain stops trade", "#art-1"],
                     ["Pasar terendam", "https://kabar.example.org/c"]]
    assert p.locator(".leaflet-popup-content .pop-event-row").count() == 1
    flood = p.locator(".st-item", has_text="Surabaya")
    assert flood.count() == 1 and "Told by 3 articles" in flood.inner_text()
    assert "is-related" in flood.get_attribute("class")


def test_a_source_link_leads_to_its_article(story_page):
    p = story_page.page
    p.locator(".st-item", has_text="Surabaya").locator("a.st-source", has_text="Rain stops trade").click()
    p.wait_for_function("location.hash === '#art-1'")
    assert p.evaluate("document.querySelector(':target').id") == "art-1"
    lisbon = p.locator(".st-item", has_text="Lisbon").locator("a.st-source")
    assert lisbon.get_attribute("href") == "pages/d-123456.html#tl-e1"


def test_filters_by_language_source_article_and_dates(story_page):
    p = story_page.page
    choose(p, "#st-lang", "id")
    assert sorted(shown_items(p)) == ["Makassar", "Surabaya, Indonesia"]
    assert markers_on_map(p) == 3          # Surabaya, Indonesia, Makassar
    assert "2 of 4 events shown" in p.inner_text("#st-shown")
    p.click("#st-reset")
    choose(p, "#st-origin", "Coast Radio")
    assert shown_items(p) == ["Surabaya, Indonesia"]
    p.click("#st-reset")
    choose(p, "#st-article", "3")
    assert shown_items(p) == ["Lisbon"] and markers_on_map(p) == 1
    assert p.locator(".st-articles li:not([hidden])").count() == 1
    p.click("#st-reset")
    p.fill("#st-from", "2023-01-01")
    p.fill("#st-to", "2023-03-31")
    p.dispatch_event("#st-to", "change")
    assert shown_items(p) == ["Surabaya, Indonesia"]   # the undated Makassar item needs no range
    assert markers_on_map(p) == 2
    p.click("#st-reset")
    assert p.evaluate("EventStory.shown") == 4 and markers_on_map(p) == 5


def test_an_item_flies_to_its_places_and_no_article_script_runs(story_page):
    p = story_page.page
    p.locator(".st-item", has_text="Medan").click()
    p.wait_for_selector(".leaflet-popup-content")
    assert "Medan" in p.inner_text(".leaflet-popup-content")
    assert "is-selected" in p.locator(".st-item", has_text="Medan").get_attribute("class")
    assert p.evaluate("window.__pwned === undefined")
