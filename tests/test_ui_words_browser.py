"""The translated page in headless Chromium: what the script draws is in the page's language, and tick
labels as long as a language makes them never overlap."""
from __future__ import annotations

import datetime as dt

import pytest

from eventmap.page import render_page
from eventmap.page.when import day_words
from test_ui_words import german_doc

pytestmark = pytest.mark.browser

OVERLAPS = """() => {
  const boxes = [...document.querySelectorAll('#em-axis .ax-ticks .ax-tick:not(.is-crowded)')]
    .map(n => n.getBoundingClientRect()).filter(r => r.width > 0);
  const hits = [];
  for (let i = 1; i < boxes.length; i++) if (boxes[i].left < boxes[i - 1].right) hits.push(i);
  return {shown: boxes.length, hits: hits};
}"""


def test_the_script_draws_german_labels_for_a_german_article(open_page):
    s = open_page(render_page(german_doc(), tiles=False))
    p = s.page
    assert p.inner_text(".ax-bar").split()[:4] == ["Maßstäblich", "Der", "Reihe", "nach"]
    assert p.get_attribute(".ax-bar", "aria-label") == "Zeitachse"
    p.click("#em-edit-toggle")
    assert p.locator(".tl-edit-btn").first.inner_text() == "Bearbeiten"
    p.locator(".tl-edit-btn").first.click()
    assert "Speichern" in p.inner_text(".tl-editor") and "Schließen" in p.inner_text(".tl-editor")
    p.locator(".em-marker").first.click()
    p.wait_for_selector(".leaflet-popup-content")
    popup = p.inner_text(".leaflet-popup-content")
    assert "Art:" in popup and "Stadt oder Ort" in popup and "Ort entfernen" in popup
    assert s.console_errors == [] and s.page_errors == [] and s.blocked == []


@pytest.mark.parametrize("locale", ["ru", "de", "en"])
def test_axis_tick_labels_do_not_overlap_on_a_phone(open_page, locale):
    s = open_page(render_page(german_doc(), tiles=False, locale=locale), width=390, height=900)
    p = s.page
    p.click(".ax-btn >> nth=0")  # to scale: one tick a month, labels as wide as the language writes them
    found = p.evaluate(OVERLAPS)
    assert found["shown"] >= 2 and found["hits"] == [], found
    p.set_viewport_size({"width": 1280, "height": 900})  # wider: the labels come back
    p.wait_for_timeout(100)
    assert p.evaluate(OVERLAPS)["shown"] >= found["shown"]


@pytest.mark.parametrize("locale", ["de", "ru", "pt", "en"])
def test_the_script_writes_a_day_as_python_does(open_page, locale):
    """A day the reader corrected is drawn by the script: it must read like the days Python wrote."""
    s = open_page(render_page(german_doc(), tiles=False, locale=locale))
    for iso in ("2021-07-14", "2022-05-09", "2021-10-01"):
        assert s.page.evaluate(f"EventMap.dayWords('{iso}', 'day')") == day_words(dt.date.fromisoformat(iso), locale)
