"""Property tests (hypothesis) over reading, dates, places, events and every output format.

For any Unicode text - right-to-left scripts, emoji, combining marks, NUL, lone surrogates, very long
lines - eventmap raises nothing, every offset lies inside the text with text[start:end] equal to the
mention's text, the same input gives the same output on every run, and every output parses back.
The examples are fixed (tests/conftest.py: derandomize) and bounded, so CI runs the same ones every
time; HYPOTHESIS_PROFILE=explore searches further. The 20 MB input is tests/test_bad_input_matrix.py's.
The words below were written for these tests: names, dates and marks in several scripts.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eventmap.article import _decode, make_article
from eventmap.errors import InputError
from eventmap.export import document_to_dict
from eventmap.outputs import write_outputs
from eventmap.pipeline import analyse
from languages.sentences import split_sentences
from maps import find_places
from timeline import find_dates

WORDS = ["Jakarta", "Surabaya", "Kabupaten Bekasi", "Dar es Salaam", "Mombasa", "Lake Ontario", "New York",
         "Paris", "Washington state", "Mr.", "U.S.", "St.", "Dr. Okello", "said", "in", "di", "the", "pada",
         "9 Agustus 2017", "Rabu 9/8/2017", "31/2/2017", "0/0/0000", "year 1", "9999", "0001", "1 January 0001",
         "31 December 9999", "yesterday", "kemarin", "next week", "tomorrow", "last year", "two weeks ago",
         "early May", "Q3", "the 1990s", "القاهرة", "في", "ירושלים", "東京", "2017年8月9日", "२०१७", "۲۰۱۷",
         "😀", "🇮🇩", "👩‍👩‍👧", "e\u0301", "\u202e", "\u200f", "\u200b", "\x00", "\ufeff", "\ud800", "\udfff",
         "<script>", "&amp;", "\"", "(", ")", "—", "…", "•"]
SEPARATORS = [" ", "  ", "\n", "\n\n", "\r\n", "\r", ". ", ", ", "\t", "\u2028", "\u00a0", "", "\x0c"]
LANGS = ["en", "id", "de", "fr", "es", "ru", "ar", "he", "ja", "zh", "jv", "sw", "fi"]

any_char = st.characters(exclude_categories=())           # every code point, surrogates and NUL included
composed = st.lists(st.tuples(st.sampled_from(WORDS) | st.text(any_char, max_size=4), st.sampled_from(SEPARATORS)),
                    max_size=60).map(lambda parts: "".join(w + s for w, s in parts))
long_line = st.tuples(st.sampled_from(WORDS), st.integers(500, 4000)).map(lambda t: " ".join([t[0]] * t[1]))
texts = st.one_of(st.text(any_char, max_size=300), composed, long_line)
anchors = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max, dt.date(2017, 8, 9)]))
langs = st.sampled_from(LANGS)


def assert_spans_inside(text: str, spans):
    for s in spans:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.text


@given(st.binary(max_size=400) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_reading_any_bytes_gives_text_or_one_clear_error(data):
    try:
        text = _decode(data, "input")
    except InputError as e:
        assert str(e).startswith("input: ") and "\n" not in str(e)
        return
    assert "\r" not in text and text.strip()


@given(texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_text_in_any_unicode_encoding_reads_back(text, encoding):
    """UTF-8, and UTF-16/32 with their byte-order mark (the encodings "utf-16"/"utf-32" write one);
    without a mark UTF-16 cannot be told from other bytes (the any-bytes test covers it)."""
    clean = text.encode("utf-8", "replace").decode("utf-8")      # a file cannot hold lone surrogates
    try:
        got = _decode(clean.encode(encoding), "input")
    except InputError as e:   # empty, or UTF-8 with a NUL byte: "binary"
        assert "empty" in str(e) or ("binary" in str(e) and encoding.startswith("utf-8"))
        return
    assert got == clean.replace("\r\n", "\n").replace("\r", "\n")


@given(texts, langs)
def test_sentences_cover_only_the_text(text, lang):
    for s in split_sentences(text, lang):
        assert 0 <= s.start < s.end <= len(text)


@given(texts, langs, anchors)
def test_dates_of_any_text(text, lang, anchor):
    found = find_dates(text, lang, anchor)
    assert_spans_inside(text, found)
    assert [(m.start, m.end, m.span) for m in find_dates(text, lang, anchor)] == [(m.start, m.end, m.span)
                                                                                     for m in found]
    for m in found:   # years 1-9999, as TIMEX3 writes them
        assert not re.match(r"-|0000|\d{5}", m.span.value), m


@given(texts, langs)
def test_places_of_any_text(text, lang):
    found = find_places(text, lang)
    assert_spans_inside(text, found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert [m.to_dict() for m in find_places(text, lang)] == [m.to_dict() for m in found]


class _DataBlock(HTMLParser):
    """The page's JSON data block (the export the page script reads)."""

    def __init__(self, block_id: str):
        super().__init__()
        self.block_id, self.inside, self.data = block_id, False, []

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "script" and dict(attrs).get("id") == self.block_id

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.data.append(data)


def parse_back(paths: dict) -> dict:
    """Every written format, parsed: the export, the GeoJSON, the CSV rows, the page's data block."""
    from eventmap.page.render import DATA_ID

    page = _DataBlock(DATA_ID)
    page.feed(paths["html"].read_text("utf-8"))
    return {"json": json.loads(paths["json"].read_text("utf-8")),
            "geojson": json.loads(paths["geojson"].read_text("utf-8")),
            "csv": list(csv.reader(io.StringIO(paths["csv"].read_text("utf-8"), newline=""))),
            "page": json.loads("".join(page.data))["doc"]}


def check_document(text: str, data: dict):
    for part in ("dates", "places", "unresolved"):
        for s in data[part]:
            assert 0 <= s["start"] <= s["end"] <= len(text) and text[s["start"]:s["end"]] == s["text"]
    for e in data["events"]:
        assert 0 <= e["sentence"]["start"] <= e["sentence"]["end"] <= len(text)
        assert all(0 <= i < len(data["dates"]) for i in e["dates"])
        assert all(0 <= i < len(data["places"]) for i in e["places"])


@settings(max_examples=25)
@given(texts, st.none() | langs, anchors)
def test_the_pipeline_and_every_output_format(text, lang, anchor):
    if not text.strip():
        return
    runs = []
    for _ in range(2):
        article = make_article(text, id="prop", source="test", lang=lang, published=anchor, published_source="cli")
        doc = analyse(article)
        with tempfile.TemporaryDirectory() as tmp:
            paths = write_outputs(doc, ["html", "json", "geojson", "csv"], tmp, "doc", tiles=False)
            raw = {fmt: Path(p).read_bytes() for fmt, p in paths.items()}
            parsed = parse_back(paths)
        runs.append(raw)
    assert runs[0] == runs[1]                     # the same output on every run
    data = document_to_dict(doc)
    assert len(doc.article.text) == len(text)     # lone surrogates replaced one for one, nothing cut
    check_document(doc.article.text, data)
    assert parsed["json"] == data and parsed["page"] == data
    assert len(parsed["geojson"]["features"]) == len(data["places"])
    assert parsed["csv"][0][0] == "event" and len(parsed["csv"]) >= 1 + len(data["events"])
