"""English constructs of the date tagger, one sentence each (sentences written for these tests)."""
import pytest

from timeline import find_dates
from timeline_helpers import ANCHOR, mention, values

CASES = [
    ("The board met on August 9, 2017 in Denver.", "August 9, 2017", "2017-08-09", "DATE"),
    ("The bridge reopened on 3 August 2017 after repairs.", "3 August 2017", "2017-08-03", "DATE"),
    ("Filing closed on 8/1/2017 at the county office.", "8/1/2017", "2017-08-01", "DATE"),
    ("The law took effect in July 2016 across the state.", "July 2016", "2016-07", "DATE"),
    ("The plant was built in 1998 near the river.", "1998", "1998", "DATE"),
    ("Sales fell on Aug. 2 at most stores.", "Aug. 2", "2017-08-02", "DATE"),
    ("The mayor spoke on Monday about the budget.", "Monday", "2017-08-07", "DATE"),
    ("The council voted last Wednesday to close the road.", "last Wednesday", "2017-08-02", "DATE"),
    ("The team will travel next Friday to Ohio.", "next Friday", "2017-08-11", "DATE"),
    ("Police closed the park yesterday after a storm.", "yesterday", "2017-08-08", "DATE"),
    ("The ship left port two weeks ago with grain.", "two weeks ago", "2017-W30", "DATE"),
    ("Rates will rise next month according to the bank.", "next month", "2017-09", "DATE"),
    ("Prices dropped last year in most regions.", "last year", "2016", "DATE"),
    ("The museum opened three days ago downtown.", "three days ago", "2017-08-06", "DATE"),
    ("Harvest begins in early August in the valley.", "early August", "2017-08", "DATE"),
    ("Repairs will end by the end of this year.", "by the end of this year", "2017", "DATE"),
    ("Storms are expected tonight along the coast.", "tonight", "2017-08-09TNI", "TIME"),
    ("The factory reported losses this morning.", "this morning", "2017-08-09TMO", "TIME"),
    ("Profit rose in the third quarter of 2016.", "third quarter of 2016", "2016-Q3", "DATE"),
    ("Exports grew in the first quarter.", "first quarter", "2017-Q1", "DATE"),
    ("The lake froze last winter for the first time in years.", "last winter", "2016-WI", "DATE"),
    ("Jazz clubs thrived in the 1920s in that city.", "the 1920s", "192", "DATE"),
    ("The road is now open to traffic.", "now", "PRESENT_REF", "DATE"),
    ("The strike lasted for three months at the mine.", "for three months", "P3M", "DURATION"),
    ("The market opens every Monday in the square.", "every Monday", "XXXX-WXX-1", "SET"),
    ("The paper is printed daily in two cities.", "daily", "P1D", "SET"),
    ("The vote ended at 10:30 p.m. on the island.", "at 10:30 p.m.", "2017-08-09T22:30", "TIME"),
    ("The talks resumed in June last year in Geneva.", "June last year", "2016-06", "DATE"),
]


@pytest.mark.parametrize("text,expr,value,typ", CASES)
def test_english_expression(text, expr, value, typ):
    m = mention(text, "en", expr)
    assert (m.span.value, m.span.type) == (value, typ)


@pytest.mark.parametrize("text,expr,qualifier", [
    ("Harvest begins in early August in the valley.", "early August", "start"),
    ("The dam was finished in mid-2015 after delays.", "mid-2015", "mid"),
    ("Snow fell in late November across the hills.", "late November", "end"),
    ("The store has been closed since March 2016.", "since March 2016", "after"),
    ("The offer is valid until December 2017.", "until December 2017", "before"),
])
def test_english_qualifiers(text, expr, qualifier):
    assert mention(text, "en", expr).span.qualifier == qualifier


def test_from_to_range():
    found = values("The exhibition runs from May to July 2018 in the old hall.", "en")
    assert ("May", "2018-05") in found and ("July 2018", "2018-07") in found


def test_month_first_numeric_in_english():
    assert mention("The memo is dated 3/4/2016.", "en", "3/4/2016").span.value == "2016-03-04"


def test_weekday_fixes_the_order():
    # 8/5/2017 read month-first is a Saturday; "Monday" fits only the day-first reading, 8 May 2017
    m = mention("The hearing on Monday, 8/5/2017 was short.", "en", "Monday, 8/5/2017")
    assert m.span.value == "2017-05-08"
    assert m.notes


@pytest.mark.parametrize("text", [
    "Flight QZ8501 lost contact over the sea.",
    "The home team won the match 3-1 in overtime.",
    "The phone sold for $2017 at the auction.",
    "The attacks of 9/11 changed airport security.",
    "Version 2.10.3 of the library fixes the bug.",
    "Prices rose 2.5 percent to 1,998 dollars.",
    "The meeting may be delayed by the strike.",
    "He will march with the workers on the avenue.",
    "Sun Microsystems and Jan Kowalski signed the deal.",
    "The staff patched the Windows 2000 machines.",
])
def test_english_non_dates(text):
    assert [m for m in find_dates(text, "en", ANCHOR) if m.span.type in ("DATE", "TIME")] == []


def test_partial_date_year_follows_the_anchor_and_tense():
    import datetime as dt
    late_year = dt.date(2017, 11, 20)
    assert mention("The new line will open in January.", "en", "January", late_year).span.value == "2018-01"
    assert mention("The old line closed in March.", "en", "March", late_year).span.value == "2017-03"


@pytest.mark.parametrize("text,expr,value", [
    ("Profit fell from the year-ago quarter, when the mine was shut.", "the year-ago quarter", "2016-Q2"),
    ("Revenue in the 2015 third quarter was flat.", "the 2015 third quarter", "2015-Q3"),
    ("The plant was sold last December to a rival.", "last December", "2016-12"),
    ("The parade returns on Thanksgiving as usual.", "Thanksgiving", "2017-11-23"),
    ("The parade was cancelled on Thanksgiving because of snow.", "Thanksgiving", "2016-11-24"),
    ("Crowds gathered over the weekend in the park.", "over the weekend", "2017-W31-WE"),
    ("The levee broke in nineteen ninety-three after the rains.", "nineteen ninety-three", "1993"),
    ("Taxes will rise at year-end for most firms.", "year-end", "2017"),
])
def test_english_quarters_holidays_and_phrases(text, expr, value):
    assert mention(text, "en", expr).span.value == value
