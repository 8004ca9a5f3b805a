"""The story: which events of different articles are one happening, and what the page holds."""
from story_records import FLOOD_EN, FLOOD_EN_RETOLD, FLOOD_ID, day, record, story_records

from eventmap.story import build_story, render_story


def merged(records):
    story = build_story(records)
    return story, [sorted(s.article for s in it.sources) for it in story.dated + story.undated]


def test_alike_sentences_at_one_place_on_one_day_are_one_happening():
    _, groups = merged([record(1, "a", "en", "A", [(FLOOD_EN, day("2023-03-05"), ["Surabaya"])]),
                        record(2, "b", "en", "B", [(FLOOD_EN_RETOLD, day("2023-03-05"), ["Surabaya"])])])
    assert groups == [[0, 1]]


def test_unlike_sentences_in_one_language_stay_apart():
    _, groups = merged([record(1, "a", "en", "A", [(FLOOD_EN, day("2023-03-05"), ["Surabaya"])]),
                        record(2, "b", "en", "B", [("The mayor opened a school.", day("2023-03-05"), ["Surabaya"])])])
    assert groups == [[0], [1]]


def test_across_languages_a_town_and_a_day_are_enough_but_a_country_is_not():
    _, groups = merged([record(1, "a", "en", "A", [(FLOOD_EN, day("2023-03-05"), ["Surabaya"])]),
                        record(2, "c", "id", "C", [(FLOOD_ID, day("2023-03-05"), ["Surabaya"])])])
    assert groups == [[0, 1]]
    _, groups = merged([record(1, "a", "en", "A", [(FLOOD_EN, day("2023-03-05"), ["Indonesia"])]),
                        record(2, "c", "id", "C", [(FLOOD_ID, day("2023-03-05"), ["Indonesia"])])])
    assert groups == [[0], [1]]


def test_dates_must_overlap_and_undated_events_never_merge():
    _, groups = merged([record(1, "a", "en", "A", [(FLOOD_EN, day("2023-03-05"), ["Surabaya"])]),
                        record(2, "b", "en", "B", [(FLOOD_EN, day("2023-03-09"), ["Surabaya"])])])
    assert groups == [[0], [1]]
    _, groups = merged([record(1, "a", "en", "A", [(FLOOD_EN, None, ["Surabaya"])]),
                        record(2, "b", "en", "B", [(FLOOD_EN, None, ["Surabaya"])])])
    assert groups == [[0], [1]]


def test_two_events_of_one_article_are_never_merged():
    _, groups = merged([record(1, "a", "en", "A", [(FLOOD_EN, day("2023-03-05"), ["Surabaya"]),
                                                   (FLOOD_EN_RETOLD, day("2023-03-05"), ["Surabaya"])])])
    assert groups == [[0], [0]]


def test_one_marker_per_place_across_articles_listing_its_happenings():
    story = build_story(story_records())
    by_name = {m.name: m for m in story.markers}
    assert sorted(by_name) == ["Indonesia", "Lisbon", "Makassar", "Medan", "Surabaya"]
    flood = [it for it in story.dated if "Surabaya" in it.places]
    assert len(flood) == 1 and len(flood[0].sources) == 3
    assert by_name["Surabaya"].events == [flood[0].id]
    assert [s.href for s in flood[0].sources] == ["https://news.example.org/a", "#art-1", "https://kabar.example.org/c"]
    lisbon = [it for it in story.dated if "Lisbon" in it.places][0]
    assert lisbon.sources[0].href == "pages/d-123456.html#tl-e1"
    assert story.merged == 1 and story.origins == ["Coast Radio", "Harbour Weekly", "Kabar Pesisir"]
    assert [it.earliest for it in story.dated] == ["2022-01-02", "2023-03-05", "2023-04-10"]


def test_article_strings_are_escaped_and_a_script_url_is_never_a_link():
    recs = story_records()
    recs[1]["url"] = "javascript:alert(1)"
    html = render_story(build_story(recs), tiles=False)
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "javascript:alert" not in html
    assert html == render_story(build_story(recs), tiles=False), "same records, same bytes"
