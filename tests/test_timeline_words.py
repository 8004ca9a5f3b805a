"""The date grammar reads every word from the language tables (languages/data/<code>/dates.json): the
shapes hold none, each language's joining words work in it, and one language's words do not leak into
another's text. Sentences written for these tests."""
import re

import pytest

from timeline import find_dates
from timeline.shapes import SHAPES
from timeline_helpers import ANCHOR, mention, values


def _bare(template: str) -> str:
    """A shape template without its placeholders, group names, escapes, character classes and flags."""
    for rx in (r"\{\w+\}", r"\(\?P<\w+>", r"\(\?P=\w+\)", r"\\[A-Za-z]", r"\[[^\]]*\]", r"\(\?-?[a-z]+:"):
        template = re.sub(rx, "", template)
    return template


@pytest.mark.parametrize("kind, template", [(s[0], s[1]) for s in SHAPES])
def test_a_shape_template_holds_no_word(kind, template):
    assert not re.search(r"[^\W\d_]{2,}", _bare(template)), (kind, _bare(template))


@pytest.mark.parametrize("lang, text, expr, value", [
    ("en", "The depot closed in June of last year.", "June of last year", "2016-06"),
    ("en", "Orders fell below last year's quarter.", "last year's quarter", "2016-Q2"),
    ("en", "Margins matched the comparable period a year ago.", "the comparable period a year ago", "2016-Q2"),
    ("en", "The mill burned in nineteen oh five.", "nineteen oh five", "1905"),
    ("en", "The loan runs for two to three years.", "for two to three years", "P3Y"),
    ("en", "Repairs will take three or four weeks.", "three or four weeks", "P4W"),
    ("en", "The canal was dug in the 19th century.", "the 19th century", "18"),
    ("en", "The festival returned in the summer of 2015.", "summer of 2015", "2015-SU"),
    ("id", "Laba naik pada kuartal ke-3 2016.", "kuartal ke-3 2016", "2016-Q3"),
    ("id", "Perbaikan jalan butuh dua hingga tiga bulan.", "dua hingga tiga bulan", "P3M"),
    ("ms", "Projek itu mengambil masa 2 sampai 3 tahun.", "2 sampai 3 tahun", "P3Y"),
    ("de", "Der Umsatz stieg im Q3 2016 deutlich.", "Q3 2016", "2016-Q3"),
    ("fr", "Le marché ouvre les lundis.", "lundis", "XXXX-WXX-1"),
])
def test_joining_words_letters_and_plurals_come_from_the_tables(lang, text, expr, value):
    assert mention(text, lang, expr).span.value == value


def test_a_tens_word_for_zero_needs_a_ones_word():
    assert find_dates("He said nineteen oh and stopped.", "en", ANCHOR) == []


def test_a_two_digit_year_before_a_percent_word_is_no_year():
    assert values("Turnout was '98 percent in the valley.", "en") == []
    assert values("Partisipasi mencapai '98 persen.", "id") == []
    assert ("'98", "1998") in values("The class of '98 met again.", "en")


def test_english_joining_words_stay_in_english():
    """"of" joins a quarter to its year in English; in a text of an unknown language it is just a word."""
    assert values("Q3 of 2016", "en") == [("Q3 of 2016", "2016-Q3")]
    assert values("Q3 of 2016", "xx") == [("Q3", "2017-Q3"), ("2016", "2016")]
