"""Events from hand-made mentions: the joining rules, independent of the tagger and the geoparser."""
import datetime as dt

from eventmap import analyse
from eventmap.article import make_article
from eventmap.events import build_events, cue_qualifier
from eventmap.model import Article
from maps.model import Place, PlaceMention
from timeline.model import DateMention, TimeSpan


def article(text, lang="en", anchor=dt.date(2024, 5, 2)):
    return Article(id="t", text=text, lang=lang, anchor=anchor, anchor_source="cli")


def place(text, word, lat=0.0, lon=0.0, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return PlaceMention(start, start + len(word), word, Place(word, lat, lon))


def date(text, word, value, precision="day", type_="DATE", qualifier=None):
    start = text.index(word)
    span = TimeSpan(value, type_, precision, qualifier, value if value[:1].isdigit() else None,
                    value if value[:1].isdigit() else None)
    return DateMention(start, start + len(word), word, span)


def test_dated_sentence_with_place_is_one_event():
    t = "Talks opened in Nairobi on 2 May 2024. Nothing else."
    ev = build_events(article(t), [date(t, "2 May 2024", "2024-05-02")], [place(t, "Nairobi")])
    assert len(ev) == 1
    assert ev[0].when.value == "2024-05-02" and ev[0].place_ids == [0] and ev[0].date_ids == [0]
    assert t[ev[0].sentence[0]:ev[0].sentence[1]] == "Talks opened in Nairobi on 2 May 2024."


def test_cue_words_give_before_and_ongoing():
    t = "Previously, the envoy stopped in Cairo. Fighting currently rages around Goma."
    ev = build_events(article(t), [], [place(t, "Cairo"), place(t, "Goma")])
    assert [(e.when.qualifier, e.when.value) for e in ev] == [("before", "2024-05-02"), ("ongoing", "2024-05-02")]


def test_indonesian_cues_come_from_the_table():
    assert cue_qualifier("Sebelumnya, ia singgah di Medan.", "id") == "before"
    assert cue_qualifier("Warga kini tengah mengungsi.", "id") == "ongoing"
    assert cue_qualifier("Rapat berikutnya dijadwalkan di Padang.", "id") == "after"
    assert cue_qualifier("Ia singgah di Medan.", "id") is None


def test_undated_follow_up_sentence_continues_the_event_in_its_paragraph():
    t = "Floods hit Lagos on 2 May 2024. The water reached Ikeja too.\n\nOfficials met in Abuja."
    ev = build_events(article(t), [date(t, "2 May 2024", "2024-05-02")],
                      [place(t, "Lagos"), place(t, "Ikeja"), place(t, "Abuja")])
    assert len(ev) == 2
    assert ev[0].place_ids == [0, 1] and ev[0].when.value == "2024-05-02"
    assert ev[1].when is None and ev[1].place_ids == [2]   # new paragraph: an undated event of its own


def test_most_precise_date_wins_and_present_ref_is_ongoing_at_anchor():
    t = "In 2023 and on 3 March 2023 crews worked in Oslo. Now they work in Bergen."
    ds = [date(t, "2023", "2023", "year"), date(t, "3 March 2023", "2023-03-03"),
          DateMention(t.index("Now"), t.index("Now") + 3, "Now", TimeSpan("PRESENT_REF", "DATE"))]
    ev = build_events(article(t), ds, [place(t, "Oslo"), place(t, "Bergen")])
    assert ev[0].when.value == "2023-03-03"
    assert ev[1].when.qualifier == "ongoing" and ev[1].when.earliest == "2024-05-02"


def test_durations_alone_make_no_event_and_unanchored_cues_stay_undated():
    t = "The strike lasted three weeks. Earlier, talks failed in Lima."
    ds = [DateMention(t.index("three weeks"), t.index("three weeks") + 11, "three weeks",
                      TimeSpan("P3W", "DURATION"))]
    ev = build_events(article(t, anchor=None), ds, [place(t, "Lima")])
    assert len(ev) == 1 and ev[0].when is None and ev[0].place_ids == [0]


def test_a_cue_word_inside_a_place_name_is_not_a_cue():
    t = "Banjir melanda Jawa Tengah. Sebelumnya, hujan turun di Semarang."
    ev = build_events(article(t, "id"), [], [place(t, "Jawa Tengah"), place(t, "Semarang")])
    assert ev[0].when is None                      # "Tengah" is part of the name, not "tengah" (in progress)
    assert ev[1].when.qualifier == "before"


def test_the_headline_is_not_an_event():
    t = "Storm Reaches Halifax\n\nThe storm reached Halifax on 2 May 2024."
    a = article(t)
    a.title = "Storm Reaches Halifax"
    ev = build_events(a, [date(t, "2 May 2024", "2024-05-02")], [place(t, "Halifax"), place(t, "Halifax", nth=1)])
    assert len(ev) == 1 and ev[0].place_ids == [1]


def test_timeline_order_on_one_day_is_before_then_day_then_ongoing():
    from eventmap.model import Document, Event
    from eventmap.page.timeline import ordered_events

    def ev(i, q):
        when = TimeSpan("2024-05-02", "DATE", "day", q, "2024-05-02", "2024-05-02")
        return Event(id=i, when=when, date_ids=[], place_ids=[], sentence=(int(i[1:]), int(i[1:]) + 1), summary="")
    doc = Document(article=article("x" * 9), events=[ev("e1", "ongoing"), ev("e2", None), ev("e3", "before")])
    dated, undated = ordered_events(doc)
    assert [e.id for e in dated] == ["e3", "e2", "e1"] and undated == []


def test_a_half_year_is_more_precise_than_its_year():
    """Regression: "half" was missing from the precision ranks, so "2016" beat "the first half of 2016"."""
    text = "Sales in 2016 dropped, mostly in the first half of 2016, in Surabaya."
    article = make_article(text, id="h", source="t", lang="en", published=dt.date(2017, 3, 1))
    doc = analyse(article)
    assert doc.events and doc.events[0].when.value == "2016-H1"


def test_a_name_inside_a_date_is_the_dates_word_not_a_place():
    text = "The fair opened on 3 May 2023 in Kendal, and Reading hosted it in Late May 2022."
    dates = [date(text, "3 May 2023", "2023-05-03"), date(text, "Late May 2022", "2022-05", "month")]
    mentions = [place(text, "May", nth=0), place(text, "Kendal"), place(text, "Reading"), place(text, "May", nth=1)]
    from eventmap.pipeline import outside_dates
    assert [m.text for m in outside_dates(mentions, dates)] == ["Kendal", "Reading"]
    assert [m.text for m in outside_dates(mentions, [])] == ["May", "Kendal", "Reading", "May"]


def test_a_month_that_is_also_a_town_is_read_as_the_month():
    doc = analyse(make_article("عقد الاجتماع في 3 مايو 2023 في القاهرة.", id="t", source="t", lang="ar"))
    assert [m.text for m in doc.dates] == ["3 مايو 2023"]
    assert [m.text for m in doc.places] == ["القاهرة"]


def test_a_german_ago_is_a_point_with_its_own_event_and_places():
    text = ("Der Landrat will die Schäden bis Ende Juli erfassen. "
            "Vor zwei Wochen hatte es bereits in Augsburg stark geregnet.")
    doc = analyse(make_article(text, id="t", source="t", lang="de", published=dt.date(2024, 6, 7)))
    by_place = {doc.places[i].text: e.when.value for e in doc.events for i in e.place_ids}
    assert by_place == {"Augsburg": "2024-W21"}
