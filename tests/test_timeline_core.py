"""Language-independent behaviour of the date tagger: offsets, bounds, anchors, other languages."""
import datetime as dt

import pytest

from timeline import find_dates, infer_anchor
from timeline.calendar import bounds, shift_value
from timeline.lang import load_language
from timeline_helpers import ANCHOR, mention


def test_mentions_are_sorted_non_overlapping_and_exact():
    text = ("On Monday the port reopened; by 9 August 2017 trade was normal. Two weeks ago it was shut, "
            "and last year it closed for three months. Kemarin tidak ada kapal.")
    found = find_dates(text, "en", ANCHOR)
    assert len(found) >= 4
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("value,lo,hi", [
    ("2017-08-09", "2017-08-09", "2017-08-09"),
    ("2017-08", "2017-08-01", "2017-08-31"),
    ("2016-02", "2016-02-01", "2016-02-29"),
    ("2017-W32", "2017-08-07", "2017-08-13"),
    ("2017-Q3", "2017-07-01", "2017-09-30"),
    ("2017-WI", "2017-12-01", "2018-02-28"),
    ("2017", "2017-01-01", "2017-12-31"),
    ("198", "1980-01-01", "1989-12-31"),
    ("2017-08-09T14:30", "2017-08-09", "2017-08-09"),
])
def test_bounds(value, lo, hi):
    a, b = bounds(value)
    assert (a.isoformat(), b.isoformat()) == (lo, hi)


def test_shift_value_keeps_the_unit_precision():
    assert shift_value(ANCHOR, "M", -8) == "2016-12"
    assert shift_value(ANCHOR, "W", 0) == "2017-W32"
    assert shift_value(ANCHOR, "Q", -1) == "2017-Q2"
    assert shift_value(ANCHOR, "DE", 0) == "201"


def test_qualifier_narrows_the_bounds():
    m = mention("Panen dimulai akhir Agustus.", "id", "akhir Agustus")
    assert m.span.earliest > "2017-08-15" and m.span.latest == "2017-08-31"
    m = mention("Panen dimulai awal Agustus.", "id", "awal Agustus")
    assert m.span.earliest == "2017-08-01" and m.span.latest < "2017-08-15"


def test_precision_is_the_expression_own():
    assert mention("Kantor itu dibuka 2018.", "id", "2018").span.precision == "year"
    assert mention("Kantor itu dibuka Agustus 2017.", "id", "Agustus 2017").span.value == "2017-08"


def test_infer_anchor_takes_the_latest_full_date():
    text = "Laporan 1 Maret 2016 diperbarui 4 April 2016; rencana untuk 2020 belum jelas. Rabu (5/8) ada rapat."
    assert infer_anchor(text, "id") == dt.date(2016, 4, 4)
    assert infer_anchor("Tidak ada tanggal di sini.", "id") is None


def test_relative_dates_need_an_anchor():
    assert find_dates("Hujan turun kemarin.", "id", None) == []
    found = find_dates("Hujan turun kemarin, 3 Mei 2015.", "id", None)
    assert ("kemarin", "2015-05-02") in [(m.text, m.span.value) for m in found]


def test_empty_text():
    assert find_dates("", "id") == [] and infer_anchor("", "en") is None


@pytest.mark.parametrize("lang,text,expr,value", [
    ("fr", "La réunion a eu lieu le 9 août 2017 à Paris.", "9 août 2017", "2017-08-09"),
    ("de", "Die Brücke wurde am 3. Oktober 2016 eröffnet.", "3. Oktober 2016", "2016-10-03"),
    ("es", "El puerto cerró en marzo de 2015 por la tormenta.", "marzo de 2015", "2015-03"),
    ("nl", "De wet gaat in op 1 januari 2018 in het hele land.", "1 januari 2018", "2018-01-01"),
    ("ms", "Mesyuarat itu diadakan pada 9 Ogos 2017 di ibu negara.", "9 Ogos 2017", "2017-08-09"),
])
def test_other_languages_from_dateparser_locale_data(lang, text, expr, value):
    assert mention(text, lang, expr).span.value == value


def test_unknown_language_code_still_reads_numbers():
    found = find_dates("Sesja 2017-08-09 i 12/3/2016.", "zz", ANCHOR)
    assert [m.span.value for m in found] == ["2017-08-09", "2016-03-12"]


def test_language_tables_come_from_data():
    t = load_language("id")
    assert t.months["agustus"] == 8 and t.weekdays["rabu"] == 2 and t.date_order == "DMY"
    assert load_language("en").date_order == "MDY"


def test_text_whose_lower_case_changes_length():
    # "İ" lower-cases to two characters; offsets must still point into the original text
    text = "İzmir: rapat 9 Agustus 2017 dan Rabu lalu."
    found = [(m.text, m.span.value) for m in find_dates(text, "id", ANCHOR)]
    assert found == [("9 Agustus 2017", "2017-08-09"), ("Rabu lalu", "2017-08-02")]


def test_present_reference_is_ongoing_from_the_anchor():
    m = mention("Saat ini jembatan itu masih ditutup.", "id", "Saat ini")
    assert (m.span.value, m.span.qualifier, m.span.earliest) == ("PRESENT_REF", "ongoing", "2017-08-09")
    assert m.span.edtf == "2017-08-09/.."


def test_bad_input_gives_a_clear_error():
    with pytest.raises(TypeError, match="must be a str"):
        find_dates(None, "id")
    with pytest.raises(TypeError, match="must be a str"):
        infer_anchor(b"9/8/2017", "id")


@pytest.mark.parametrize("lang,text,expr,value", [
    ("fr", "Le port a fermé la semaine dernière après la tempête.", "la semaine dernière", "2017-W31"),
    ("de", "Die Brücke wurde gestern wieder geöffnet.", "gestern", "2017-08-08"),
    ("es", "El puerto cerró la semana pasada por la tormenta.", "la semana pasada", "2017-W31"),
])
def test_relative_phrases_from_dateparser_locale_data(lang, text, expr, value):
    assert mention(text, lang, expr).span.value == value
