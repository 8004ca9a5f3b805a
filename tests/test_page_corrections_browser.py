"""Corrections made in the page, in headless Chromium with the network blocked: each kind of change, the
downloaded JSON, and `eventmap render` drawing a page from it that shows the change.

The story is written for these tests: a person's name read as a place (Weil), a port put in the wrong
city (the reading keeps the right one as a runner-up), a date that is not one, and a town the reading
missed (Kendari).
"""
from __future__ import annotations

import json
import re

import pytest

from browser import day, make_doc
from eventmap.cli import main
from eventmap.export import document_to_dict
from eventmap.page import render_page
from maps.model import Alternative, Place

pytestmark = pytest.mark.browser

STORY = ("Ferries left Makassar for Kendari on 4 March 2024, the harbour master Weil said.\n\n"
         "Two days later the crews reached Baubau, where the port of Murhum stayed open.\n\n"
         "In 1999 numbers the fleet was counted again by the office in Makassar.")


def story_doc():
    makassar = Place("Makassar", -5.1477, 119.4327, "city", "ID", confidence=0.9)
    weil = Place("Weil", 47.63, 7.61, "city", "DE", confidence=0.41)
    murhum = Place("Murhum", -4.25, 122.0, "city", "ID", confidence=0.55,
                   alternatives=[Alternative("Baubau", "ID", -5.4667, 122.6333, "city", 3.1),
                                 Alternative("Murhum Beach", "ID", -3.9, 122.5, "area", 1.2)])
    baubau = Place("Baubau", -5.4667, 122.6333, "city", "ID")
    return make_doc(
        STORY, title="Ferries to Kendari", lang="en",
        dates=[("4 March 2024", day("2024-03-04")), ("Two days later", day("2024-03-06")),
               ("1999", __import__("timeline.model", fromlist=["TimeSpan"]).TimeSpan(
                   "1999", "DATE", "year", None, "1999-01-01", "1999-12-31"))],
        places=[("Makassar", makassar), ("Weil", weil), ("Baubau", baubau), ("Murhum", murhum)],
        events=[("Ferries left Makassar for Kendari on 4 March 2024, the harbour master Weil said.", day("2024-03-04")),
                ("Two days later the crews reached Baubau, where the port of Murhum stayed open.", day("2024-03-06")),
                ("In 1999 numbers the fleet was counted again by the office in Makassar.",
                 __import__("timeline.model", fromlist=["TimeSpan"]).TimeSpan("1999", "DATE", "year", None,
                                                                               "1999-01-01", "1999-12-31"))])


def assert_clean(session):
    assert session.blocked == []
    assert session.console_errors == []
    assert session.page_errors == []


def start_correcting(p):
    p.click("#em-edit-toggle")
    assert p.get_attribute("#em-edit-toggle", "aria-pressed") == "true"


def marker_of(p, name: str) -> str:
    return p.evaluate("""name => Object.keys(EventMap.markers).find(k => EventMap.markers[k].data.name === name)""", name)


def open_popup(p, name: str):
    mid = marker_of(p, name)
    p.evaluate("mid => EventMap.markers[mid].layer.openPopup()", mid)
    p.wait_for_selector(".leaflet-popup-content .pop")
    return mid


def download_json(p, tmp_path, name="corrected.json") -> dict:
    with p.expect_download() as info:
        p.click("#em-download-json")
    path = tmp_path / name
    info.value.save_as(path)
    return json.loads(path.read_text("utf-8"))


def select_text(p, text: str):
    """Select the first occurrence of `text` in the article, as a mouse would, and let the page see it."""
    p.evaluate("""text => {
        const root = document.querySelector('.em-text');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = n.nodeValue.indexOf(text);
            if (i >= 0) {
                const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + text.length);
                const s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
                root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
                return;
            }
        }
        throw new Error('not in the text: ' + text);
    }""", text)


def test_each_correction_reaches_the_downloaded_json(open_page, tmp_path):
    s = open_page(render_page(story_doc(), tiles=None))
    p = s.page
    start_correcting(p)
    # remove a wrong place (a person's name)
    open_popup(p, "Weil")
    p.click(".pop-tools .is-danger")
    assert marker_of(p, "Weil") is None
    assert p.locator("mark.m-place", has_text="Weil").count() == 0
    # pick a runner-up for the port
    open_popup(p, "Murhum")
    p.click(".pop-alts .pop-btn >> nth=0")
    assert marker_of(p, "Murhum") is None and marker_of(p, "Baubau")
    # move a marker by keyboard: Move, arrows, Enter
    open_popup(p, "Makassar")
    p.click(".pop-tools .pop-btn >> nth=0")
    p.keyboard.press("ArrowRight")
    p.keyboard.press("ArrowRight")
    p.keyboard.press("Enter")
    # change an event's date, and remove a date that is not one
    p.click("#tl-e3 .tl-edit-btn")
    p.fill("#tl-e3 .ed-date", "1999-05")
    p.select_option("#tl-e3 .ed-qualifier", "approx")
    p.click("#tl-e3 .ed-bar .is-primary")
    assert "1999-05~" in p.inner_text("#tl-e3 .tl-code")
    assert p.locator("#tl-e3 .tl-human").count() == 1
    # add a missed place from the text
    select_text(p, "Kendari")
    p.wait_for_selector(".ed-float:not([hidden]) .ed-result")
    p.keyboard.press("Enter")
    assert marker_of(p, "Kendari")
    assert p.locator("mark.m-place", has_text="Kendari").count() == 1
    assert p.locator("#tl-e1 .tl-place", has_text="Kendari").count() == 1
    assert "5 corrections" in p.inner_text("#em-count")
    data = download_json(p, tmp_path)
    assert_clean(s)

    names = [pl["name"] for pl in data["places"]]
    assert "Weil" not in names and "Murhum" not in names and "Kendari" in names
    assert [pl["start"] for pl in data["places"]] == sorted(pl["start"] for pl in data["places"])
    kendari = next(pl for pl in data["places"] if pl["name"] == "Kendari")
    assert STORY[kendari["start"]:kendari["end"]] == "Kendari" and kendari["source"] == "human"
    port = next(pl for pl in data["places"] if pl["text"] == "Murhum")
    assert (port["name"], port["source"], port["basis"]) == ("Baubau", "human", "human")
    assert port["alternatives"][0]["name"] == "Murhum"  # the old reading is kept as a runner-up
    moved = [pl for pl in data["places"] if pl["text"] == "Makassar"]
    assert all(pl["source"] == "human" and pl["lon"] > 119.4327 for pl in moved)
    e3 = next(e for e in data["events"] if e["id"] == "e3")
    assert e3["source"] == "human" and e3["when"]["edtf"] == "1999-05~" and e3["when"]["qualifier"] == "approx"
    e1 = next(e for e in data["events"] if e["id"] == "e1")
    assert e1["source"] == "human" and sorted(data["places"][i]["name"] for i in e1["places"]) == ["Kendari", "Makassar"]
    assert [c["action"] for c in data["corrections"]] == ["remove_place", "pick_alternative", "move_place",
                                                          "set_when", "add_place"]
    assert all(c["source"] == "human" for c in data["corrections"])
    assert data["corrections"][0]["mentions"] == [{"start": STORY.index("Weil"), "end": STORY.index("Weil") + 4,
                                                  "text": "Weil"}]


def test_a_downloaded_json_renders_a_page_that_shows_the_correction(open_page, tmp_path):
    s = open_page(render_page(story_doc(), tiles=None))
    p = s.page
    start_correcting(p)
    open_popup(p, "Weil")
    p.click(".pop-tools .is-danger")
    p.click("#tl-e2 .tl-edit-btn")
    p.click("#tl-e2 .ed-dates .ed-x")  # "Two days later" is removed: the event loses its date
    p.click("#tl-e2 .ed-bar .em-btn:not(.is-primary)")
    data = download_json(p, tmp_path)
    assert_clean(s)
    assert main(["render", str(tmp_path / "corrected.json"), "-o", str(tmp_path / "out"),
                 "--formats", "html,json,geojson,kml", "--tiles", "none"]) == 0
    again = json.loads((tmp_path / "out" / "corrected.json").read_text("utf-8"))
    assert again == data  # the contract survives the round trip unchanged
    page = (tmp_path / "out" / "corrected.html").read_text("utf-8")
    s2 = open_page(page, name="rendered.html")
    p2 = s2.page
    assert marker_of(p2, "Weil") is None and marker_of(p2, "Makassar")
    assert p2.locator("mark.m-place", has_text="Weil").count() == 0
    assert p2.locator("#tl-e2.is-undated .tl-human").count() == 1  # its date removed, marked corrected
    assert "2 corrections by hand" in p2.inner_text("#em-count")
    assert "Weil" not in (tmp_path / "out" / "corrected.geojson").read_text("utf-8")
    assert_clean(s2)


def test_a_downloaded_page_replays_its_corrections(open_page, tmp_path):
    s = open_page(render_page(story_doc(), tiles=None))
    p = s.page
    start_correcting(p)
    open_popup(p, "Weil")
    p.click(".pop-tools .is-danger")
    with p.expect_download() as info:
        p.click("#em-download-page")
    path = tmp_path / "page.corrected.html"
    info.value.save_as(path)
    html = path.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert re.search(r'<div class="folium-map" id="map_\w+"></div>', html)  # emptied: Leaflet draws it anew
    s2 = open_page(html, name="replayed.html")
    p2 = s2.page
    assert marker_of(p2, "Weil") is None
    assert p2.locator("mark.m-place", has_text="Weil").count() == 0
    assert "1 correction" in p2.inner_text("#em-count")
    data = download_json(p2, tmp_path, "again.json")
    assert "Weil" not in [pl["name"] for pl in data["places"]] and len(data["corrections"]) == 1
    assert_clean(s2)


def test_undo_takes_back_the_last_correction(open_page):
    s = open_page(render_page(story_doc(), tiles=None))
    p = s.page
    start_correcting(p)
    open_popup(p, "Weil")
    p.click(".pop-tools .is-danger")
    assert marker_of(p, "Weil") is None
    p.click("#em-undo")
    p.wait_for_function("window.EventMap && window.EventMap.ready === true && !!document.querySelector('.em-marker')")
    assert marker_of(p, "Weil")
    assert p.is_disabled("#em-undo")
    assert_clean(s)


def test_a_place_picked_by_search_joins_the_event(open_page, tmp_path):
    s = open_page(render_page(story_doc(), tiles=None))
    p = s.page
    start_correcting(p)
    p.click("#tl-e2 .tl-edit-btn")
    p.fill("#tl-e2 .ed-query", "kenda")
    p.wait_for_selector("#tl-e2 .ed-result")
    p.keyboard.press("ArrowDown")
    p.keyboard.press("Enter")
    assert p.locator("#tl-e2 .tl-place", has_text="Kendari").count() == 1
    data = download_json(p, tmp_path)
    e2 = next(e for e in data["events"] if e["id"] == "e2")
    added = [data["places"][i] for i in e2["places"] if data["places"][i]["name"] == "Kendari"]
    assert added and added[0]["text"] == "" and added[0]["start"] == added[0]["end"]  # not named in its sentence
    assert_clean(s)


HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> javascript:window.__pwned=3'


def test_hostile_text_in_a_corrected_field_never_runs(open_page, tmp_path):
    text = f"Boats met near Lyon on 2 May 2021. {HOSTILE} They left by night."
    doc = make_doc(text, title=HOSTILE, dates=[("2 May 2021", day("2021-05-02"))],
                   places=[("Lyon", Place("Lyon", 45.76, 4.84, "city", "FR"))], events=[(text, day("2021-05-02"))])
    data = document_to_dict(doc)
    data["places"][0].update(name=HOSTILE, source="human", basis="human",
                             alternatives=[{"name": "javascript:window.__pwned=4", "country": "FR", "lat": 45.0,
                                            "lon": 4.0, "kind": "city"}])
    data["events"][0]["source"] = "human"
    data["corrections"] = [{"action": "move_place", "source": "human", "note": HOSTILE}]
    (tmp_path / "hostile.json").write_text(json.dumps(data), "utf-8")
    assert main(["render", str(tmp_path / "hostile.json"), "-o", str(tmp_path), "--tiles", "none"]) == 0
    s = open_page((tmp_path / "hostile.html").read_text("utf-8"), name="hostile-page.html")
    p = s.page
    dialogs = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.click("#tl-e1")
    p.wait_for_selector(".leaflet-popup-content .pop")
    assert HOSTILE in p.inner_text(".leaflet-popup-content")
    start_correcting(p)
    p.evaluate("EventMap.markers[Object.keys(EventMap.markers)[0]].layer.openPopup()")
    p.click(".pop-alts .pop-btn")  # the javascript: name becomes the place's name: still only text
    p.click("#tl-e1 .tl-edit-btn")
    p.fill("#tl-e1 .ed-date", HOSTILE)
    p.click("#tl-e1 .ed-bar .is-primary")
    assert p.locator("#tl-e1 .ed-error").inner_text()  # refused as a date
    p.fill("#tl-e1 .ed-query", HOSTILE)
    select_text(p, "<img src=x")
    p.wait_for_timeout(300)
    assert p.evaluate("window.__pwned") is None
    assert p.locator("img[src=x]").count() == 0 and not dialogs
    assert p.evaluate("location.protocol") == "file:"
    assert p.inner_text("h1") == HOSTILE
    assert s.page_errors == [] and s.console_errors == [] and s.blocked == []


def test_a_marker_is_moved_by_dragging_it(open_page, tmp_path):
    s = open_page(render_page(story_doc(), tiles=None))
    p = s.page
    start_correcting(p)
    mid = open_popup(p, "Baubau")
    p.click(".pop-tools .pop-btn >> nth=0")  # Move
    box = p.locator(f".em-marker-{mid} .em-pin-in").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    p.mouse.move(x, y)
    p.mouse.down()
    p.mouse.move(x + 30, y + 20, steps=6)
    p.mouse.move(x + 60, y + 40, steps=6)
    p.mouse.up()
    p.wait_for_function("document.getElementById('em-count').textContent !== ''")
    data = download_json(p, tmp_path)
    baubau = next(pl for pl in data["places"] if pl["text"] == "Baubau")
    assert baubau["source"] == "human" and baubau["lat"] < -5.4667 and baubau["lon"] > 122.6333  # down and right
    assert data["corrections"][0]["action"] == "move_place"
    assert_clean(s)
