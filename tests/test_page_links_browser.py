"""Three-way linking (timeline item, map marker, mention in the text) both ways, by mouse and by keyboard;
the time axis; places drawn by what they are; layouts. Headless Chromium, network blocked."""
from __future__ import annotations

import pytest

from browser import day, make_doc, river_doc
from eventmap.page import render_page
from maps.model import Place
from timeline.model import TimeSpan

pytestmark = pytest.mark.browser


def assert_clean(session):
    assert session.blocked == []
    assert session.console_errors == []
    assert session.page_errors == []


def popup_name(p) -> str:
    p.wait_for_function("document.querySelectorAll('.leaflet-popup-content .pop-name').length === 1", timeout=5000)
    return p.inner_text(".leaflet-popup-content .pop-name")


def current_sentence(p) -> str:
    return p.locator(".sent.is-current").inner_text()


def selected_item(p) -> str | None:
    return p.evaluate("(document.querySelector('.tl-item[aria-selected=true]') || {}).id || null")


def marker_node(p, name: str) -> str:
    mid = p.evaluate("n => Object.keys(EventMap.markers).find(k => EventMap.markers[k].data.name === n)", name)
    return f".em-marker-{mid}"


def test_keyboard_timeline_to_map_and_text(open_page):
    s = open_page(render_page(river_doc(), tiles=None))
    p = s.page
    p.focus("#tl-e3")
    p.keyboard.press("ArrowDown")  # e3 (since 2019) comes first; e1 next
    assert p.evaluate("document.activeElement.id") == "tl-e1"
    p.keyboard.press("Enter")
    assert popup_name(p) == "Phnom Penh"
    assert current_sentence(p).startswith("Volunteers began counting")
    # said to a screen reader too: the status is emptied, then filled 30 ms later (so the same words are
    # announced again), hence a wait rather than a read - on a loaded machine 30 ms can be far longer
    p.wait_for_function("document.getElementById('em-status').textContent.includes('Phnom Penh')", timeout=5000)
    assert_clean(s)


def test_keyboard_map_to_timeline_and_text(open_page):
    s = open_page(render_page(river_doc(), tiles=None))
    p = s.page
    node = marker_node(p, "Vientiane")
    assert p.get_attribute(node, "tabindex") == "0" and p.get_attribute(node, "role") == "button"
    assert "Vientiane" in p.get_attribute(node, "aria-label")
    p.focus(node)
    p.keyboard.press("Enter")
    assert popup_name(p) == "Vientiane"
    assert selected_item(p) == "tl-e3"
    assert current_sentence(p).startswith("Organisers said")
    # focus went into the popup: its event button leads back to the timeline item (the page moves focus
    # once the popup is drawn, a turn of the event loop later - waited for, as a loaded machine is slow)
    p.wait_for_function("document.activeElement.classList.contains('pop-event')", timeout=5000)
    p.keyboard.press("Enter")
    assert p.evaluate("document.activeElement.id") == "tl-e3"
    assert_clean(s)


def test_keyboard_text_to_map_and_timeline(open_page):
    s = open_page(render_page(river_doc(), tiles=None))
    p = s.page
    p.focus("mark.m-place:text-is('Singapore')")
    p.keyboard.press("Enter")
    assert popup_name(p) == "Singapore"
    assert selected_item(p) == "tl-e4"
    p.focus("mark.m-date:text-is('A week later')")
    p.keyboard.press(" ")
    assert selected_item(p) == "tl-e2"
    assert current_sentence(p).startswith("A week later")
    assert_clean(s)


def test_mouse_links_every_way(open_page):
    s = open_page(render_page(river_doc(), tiles=None))
    p = s.page
    p.click("#tl-e2")                                     # timeline -> map, text
    assert popup_name(p) in ("Bangkok", "Hanoi") and current_sentence(p).startswith("A week later")
    p.evaluate("EventMap.map.closePopup(); EventMap.fitAll(false)")  # the flight went close: all in view again
    p.click(marker_node(p, "Jakarta"))                    # map -> timeline, text
    assert selected_item(p) == "tl-e4" and current_sentence(p).startswith("The results")
    p.click("mark.m-place:text-is('Hanoi')")              # text -> map, timeline
    assert popup_name(p) == "Hanoi" and selected_item(p) == "tl-e2"
    p.click("#tl-e1 .tl-place")                           # a place chip in the list -> its marker
    assert popup_name(p) == "Phnom Penh"
    assert_clean(s)


def test_popup_tells_the_reading(open_page):
    text = "Talks in Jakarta ended on Rabu 9/8/2017."
    from maps.model import Alternative
    jakarta = Place("Jakarta", -6.2146, 106.8451, "city", "ID", confidence=0.969,
                    alternatives=[Alternative("Jakarta Raya", "ID", -6.1754, 106.8272, "admin1", 7.4)])
    doc = make_doc(text, lang="id", places=[("Jakarta", jakarta)], dates=[("Rabu 9/8/2017", day("2017-08-09"))],
                   events=[(text, day("2017-08-09"))])
    s = open_page(render_page(doc, tiles=None))
    p = s.page
    p.click("#tl-e1")
    popup_name(p)
    pop = p.inner_text(".leaflet-popup-content")
    for part in ("Rabu 9/8/2017", "2017-08-09", "9 Agu 2017", "kota", "gazetir bawaan", "97 %", "Jakarta Raya", "provinsi"):
        assert part in pop, part
    assert_clean(s)


def test_a_guessed_place_is_drawn_hollow_and_its_popup_says_it_is_a_guess(open_page):
    from maps.model import Basis
    text = "Warga Desa Wonokerto mengungsi ke Malang pada Rabu 9/8/2017."
    malang = Place("Malang", -7.98, 112.63, "city", "ID", confidence=0.9)
    village = Place("Desa Wonokerto", -7.98, 112.63, "city", "ID", confidence=0.2)
    doc = make_doc(text, lang="id", places=[("Desa Wonokerto", village), ("Malang", malang)],
                   dates=[("Rabu 9/8/2017", day("2017-08-09"))], events=[(text, day("2017-08-09"))])
    doc.places[0].put_at(village, Basis.NEARBY, malang)
    s = open_page(render_page(doc, tiles=None))
    p = s.page
    assert p.locator(".em-pin.is-guess").count() == 1 and p.locator(".em-pin:not(.is-guess)").count() == 1
    p.focus(".em-pin.is-guess")
    p.keyboard.press("Enter")
    assert popup_name(p) == "Desa Wonokerto"
    assert "perkiraan: dekat Malang" in p.inner_text(".leaflet-popup-content")
    assert_clean(s)


def test_places_are_drawn_by_what_they_are(open_page):
    text = "Kenya and the Rift Valley region saw rain; in Nairobi and Nairobi West the roads flooded on 3 June 2023."
    doc = make_doc(text, places=[("Kenya", Place("Kenya", 1.0, 38.0, "country", "KE")),
                                 ("Rift Valley", Place("Rift Valley", 0.5, 36.0, "admin1", "KE")),
                                 ("Nairobi", Place("Nairobi", -1.283, 36.817, "city", "KE")),
                                 ("Nairobi West", Place("Nairobi West", -1.283, 36.817, "city", "KE"))],
                   dates=[("3 June 2023", day("2023-06-03"))], events=[(text, day("2023-06-03"))])
    s = open_page(render_page(doc, tiles=None))
    p = s.page
    shapes = p.evaluate("Object.values(EventMap.markers).map(r => [r.data.name, r.data.shape, r.data.number])")
    assert sorted(shapes) == [["Kenya", "outline", 1], ["Nairobi", "point", 3], ["Nairobi West", "point", 4],
                              ["Rift Valley", "circle", 2]]
    assert p.locator(".em-area").count() == 2             # the outline and the circle
    assert p.locator(".em-pin").count() == 2 and p.locator(".em-chip").count() == 2
    assert p.inner_text(marker_node(p, "Nairobi")) == "3"  # numbered in timeline order
    # two towns at one spot are spread apart on screen, their points unchanged
    boxes = [p.locator(marker_node(p, n) + " .em-pin-in").bounding_box() for n in ("Nairobi", "Nairobi West")]
    assert abs(boxes[0]["x"] - boxes[1]["x"]) + abs(boxes[0]["y"] - boxes[1]["y"]) > 15
    assert_clean(s)


def spread_doc():
    text = "The survey began on 3 March 2019. It paused in 2020. A report followed on 9 May 2022. It ends in 2024."
    return make_doc(text, dates=[("3 March 2019", day("2019-03-03")), ("9 May 2022", day("2022-05-09"))],
                    events=[("The survey began on 3 March 2019.", day("2019-03-03")),
                            ("It paused in 2020.", TimeSpan("2020", "DATE", "year", None, "2020-01-01", "2020-12-31")),
                            ("A report followed on 9 May 2022.", day("2022-05-09")),
                            ("It ends in 2024.", TimeSpan("2024", "DATE", "year", "after", "2024-01-01", "2024-12-31"))])


def clustered_doc():
    text = "Before the vote on 9 August 2017 talks ran. On 9 August 2017 they voted. Since then protests go on. Earlier, on 7 August, a march."
    return make_doc(text, events=[("Before the vote on 9 August 2017 talks ran.", day("2017-08-09", "before")),
                                  ("On 9 August 2017 they voted.", day("2017-08-09")),
                                  ("Since then protests go on.", day("2017-08-09", "ongoing")),
                                  ("Earlier, on 7 August, a march.", day("2017-08-07"))])


def test_the_axis_is_to_scale_when_dates_spread(open_page):
    s = open_page(render_page(spread_doc(), tiles=None))
    p = s.page
    assert p.get_attribute("#em-axis", "data-mode") == "proportional"
    lefts = p.eval_on_selector_all(".ax-ev", "els => els.map(e => parseFloat(e.style.left))")
    assert lefts == sorted(lefts)
    assert p.locator(".ax-ev.is-fuzzy").count() == 1 and p.locator(".ax-ev.is-after:not(.is-fuzzy)").count() == 1
    width = p.evaluate("document.querySelector('.ax-inner').getBoundingClientRect().width")
    p.click(".ax-btn[aria-label='Zoom in on the time axis']")
    assert p.evaluate("document.querySelector('.ax-inner').getBoundingClientRect().width") > 1.9 * width
    assert p.evaluate("document.querySelector('.ax-scroll').scrollWidth > document.querySelector('.ax-scroll').clientWidth")
    p.click(".ax-ev[data-event='e3']")
    assert selected_item(p) == "tl-e3"
    assert_clean(s)


def test_the_axis_orders_clustered_dates_and_draws_qualifiers(open_page):
    s = open_page(render_page(clustered_doc(), tiles=None))
    p = s.page
    assert p.get_attribute("#em-axis", "data-mode") == "ordered"
    assert p.locator(".ax-ev.is-before").count() == 1 and p.locator(".ax-ev.is-ongoing").count() == 1
    assert p.eval_on_selector_all(".ax-tick:not(.is-gap)", "els => els.map(e => e.textContent)") == ["7 Aug 2017", "9 Aug 2017"]
    assert p.inner_text(".ax-track .ax-tick.is-gap") == "+2 days"
    p.click(".ax-btn >> nth=0")  # to scale, on request
    assert p.get_attribute("#em-axis", "data-mode") == "proportional"
    assert_clean(s)


def test_undated_events_are_grouped_apart_and_collapsed(open_page):
    doc = river_doc()
    doc.events.append(doc.events[0].__class__(id="e9", when=None, date_ids=[], place_ids=[5],
                                              sentence=(0, 10), summary="no date here"))
    s = open_page(render_page(doc, tiles=None))
    p = s.page
    assert not p.is_visible("#tl-e9") and p.inner_text("#tl-undated-n") == "1"
    p.click(marker_node(p, "Jakarta"))  # a marker whose events include an undated one opens the group when needed
    p.click("#tl-undated")
    assert p.is_visible("#tl-e9")
    assert_clean(s)


def test_phone_stacks_map_over_the_story(open_page):
    s = open_page(render_page(river_doc(), tiles=None), width=390, height=844)
    p = s.page
    assert p.evaluate("document.documentElement.scrollWidth") <= 390
    m = p.locator(".em-map").bounding_box()
    t = p.locator(".em-timeline").bounding_box()
    assert m["width"] >= 380 and t["y"] > m["y"] + m["height"] - 1
    assert_clean(s)


def test_an_embedded_page_fits_its_frame(open_page):
    s = open_page(render_page(river_doc(), tiles=None, embed=(800, 500)), width=800, height=500)
    p = s.page
    assert p.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]") == [800, 500]
    story = p.locator(".em-story")
    assert p.evaluate("(el => el.scrollHeight > el.clientHeight)(document.querySelector('.em-story'))")
    assert story.bounding_box()["x"] > 300  # map beside the story
    assert_clean(s)


def test_print_opens_the_undated_group_and_hides_the_tools(open_page):
    doc = river_doc()
    doc.events.append(doc.events[0].__class__(id="e9", when=None, date_ids=[], place_ids=[], sentence=(0, 10),
                                              summary="no date here"))
    s = open_page(render_page(doc, tiles=None))
    p = s.page
    p.emulate_media(media="print")
    p.evaluate("EventMap.preparePrint()")
    assert p.is_visible("#tl-e9")
    assert not p.is_visible("#em-edit-toggle")
    assert len(p.pdf()) > 10_000
    assert_clean(s)
