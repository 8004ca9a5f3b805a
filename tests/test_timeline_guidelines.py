"""TIMEX3 (TimeML / TempEval-3) annotation conventions the English tagger follows, one rule per test.

The sentences are written for these tests; each case names the expression, its value and its type."""
import datetime as dt

import pytest

from timeline import find_dates
from timeline_helpers import ANCHOR, mention

CASES = [
    # a clock read in UTC/GMT keeps its zone, as ISO 8601 writes it
    ("Trading halted at 14:05 UTC on the exchange.", "at 14:05 UTC", "2017-08-09T14:05Z", "TIME"),
    ("The launch window opened at 9:30 GMT.", "at 9:30 GMT", "2017-08-09T09:30Z", "TIME"),
    ("The polls closed at 8 p.m. EST in the state.", "at 8 p.m. EST", "2017-08-09T20:00", "TIME"),
    # "N units later/before" counts from an event, not from the publication date: only the stretch is marked
    ("The ferry sank, and divers found it three days later near the cape.", "three days", "P3D", "DURATION"),
    ("Two weeks before the vote, the mayor resigned.", "Two weeks", "P2W", "DURATION"),
    ("The ferry sank three days ago near the cape.", "three days ago", "2017-08-06", "DATE"),
    # "final quarter" is the fourth
    ("Earnings jumped in the final quarter of 2016.", "final quarter of 2016", "2016-Q4", "DATE"),
    # reported future: "would" points ahead like "will"
    ("The minister said the bridge would reopen on Friday.", "Friday", "2017-08-11", "DATE"),
    # the weekday after the publication day, with no past tense around it, is the next day, not six days back
    ("On Thursday, the council debates the budget in public.", "Thursday", "2017-08-10", "DATE"),
    ("On Thursday, the council approved the budget in public.", "Thursday", "2017-08-03", "DATE"),
    ("On Tuesday, the council debates the budget in public.", "Tuesday", "2017-08-08", "DATE"),
]


@pytest.mark.parametrize("text,expr,value,typ", CASES)
def test_guideline_value(text, expr, value, typ):
    m = mention(text, "en", expr)
    assert (m.span.value, m.span.type) == (value, typ)


def test_earlier_day_of_the_anchor_month_stays_in_its_year():
    """A future cue in the sentence does not push a day already past this month into next year."""
    text = "The fund has fallen 2% this year through Aug. 3, and it will report again in September."
    assert mention(text, "en", "Aug. 3", dt.date(2017, 8, 20)).span.value == "2017-08-03"


def test_sentence_opening_now_with_comma_is_a_discourse_marker():
    found = [m.text for m in find_dates("Prices fell. Now, the mayor says, the plan must change.", "en", ANCHOR)]
    assert "Now" not in found
    assert mention("Prices fell. Now the plan must change.", "en", "Now").span.value == "PRESENT_REF"
    assert mention("The plan is now ready.", "en", "now").span.value == "PRESENT_REF"


def test_formerly_describes_a_role_not_a_time():
    """"formerly a bank" names a former role (no TIMEX3); "in the past" is PAST_REF."""
    found = [m.text for m in find_dates("The hall, formerly a bank, opened in the past as a school.", "en", ANCHOR)]
    assert "formerly" not in found and "in the past" in found


def test_same_period_last_year_is_the_month_under_discussion():
    """"the same period last year" after a month names that month a year earlier, not a quarter."""
    text = "Car sales rose 12% in July compared to the same period last year."
    assert mention(text, "en", "the same period last year").span.value == "2016-07"
    text = "Exports fell in June, compared to the same month a year ago."
    assert mention(text, "en", "the same month a year ago").span.value == "2016-06"
    text = "Profit rose in the third quarter, up from the same period last year."
    assert mention(text, "en", "the same period last year").span.value == "2016-Q3"


def test_nearest_tense_cue_before_the_date_decides():
    """The tense word nearest before a date governs it: "will ... announced Monday" is last Monday."""
    text = "The unions will challenge the rules, announced Monday by the ministry."
    assert mention(text, "en", "Monday").span.value == "2017-08-07"
    text = "The unions challenged the rules, which will take effect Monday across the country."
    assert mention(text, "en", "Monday").span.value == "2017-08-14"


def test_a_word_that_only_looks_past_does_not_outrank_a_tense_word():
    """"-ed" words ("unspecified", "United") are weak past cues: a listed tense word wins over them."""
    autumn = dt.date(2017, 11, 20)
    text = "Payment will reach holders on an unspecified date in January."
    assert mention(text, "en", "January", autumn).span.value == "2018-01"
    text = "The father would be flying to the United States Thursday with his wife."
    assert mention(text, "en", "Thursday").span.value == "2017-08-10"


def test_the_year_alone_is_the_current_year_unless_a_date_closes_it():
    """"for the year" is the anchor's year; "the year ended March 31" is a twelve-month stretch (DURATION);
    "the year of the flood" names a year by an event and is left alone."""
    m = mention("The chain expects a loss for the year, its chief said.", "en", "the year")
    assert (m.span.value, m.span.type) == ("2017", "DATE")
    m = mention("Revenue was flat in the year ended March 31 at the mill.", "en", "the year")
    assert (m.span.value, m.span.type) == ("P1Y", "DURATION")
    assert "the year" not in [x.text for x in find_dates("It was the year of the flood in the delta.", "en", ANCHOR)]
    text = "Costs fell to $3 billion in 2016, down from the year previous."
    assert mention(text, "en", "the year previous").span.value == "2015"


@pytest.mark.parametrize("text,expr,value", [
    ("Flooding closed the pass in March nineteen eighty-two for weeks.", "March nineteen eighty-two", "1982-03"),
    ("Prices peaked in the summer of nineteen seventy-nine, he recalled.", "summer of nineteen seventy-nine", "1979-SU"),
    ("The plan aimed to halve the debt by the year two thousand and five.", "by the year two thousand and five", "2005"),
])
def test_spelled_years_with_a_month_season_or_year_word(text, expr, value):
    """Transcripts spell years out; the month or season before one belongs to it."""
    assert mention(text, "en", expr).span.value == value


def test_a_spelled_thousand_without_a_year_word_is_a_number():
    assert find_dates("Some two thousand people marched to the square.", "en", ANCHOR) == []


@pytest.mark.parametrize("text,lang,expr,value", [
    ("Output will rise in the first quarter of next year.", "en", "first quarter of next year", "2018-Q1"),
    ("Margins shrank in the last half of 2015.", "en", "last half of 2015", "2015-H2"),
    ("Sales may slow in the first two quarters of 2016.", "en", "first two quarters of 2016", "2016-H1"),
    ("Laba naik pada kuartal pertama tahun depan.", "id", "kuartal pertama tahun depan", "2018-Q1"),
    ("Ekspor turun pada semester kedua tahun lalu.", "id", "semester kedua tahun lalu", "2016-H2"),
])
def test_quarters_and_halves_of_a_named_or_relative_year(text, lang, expr, value):
    """TIMEX3 writes halves as H1/H2 ("the last half", "the first two quarters"); a year named relative to
    the anchor ("of next year", "tahun lalu") belongs to the quarter or half before it."""
    assert mention(text, lang, expr).span.value == value


def test_a_half_of_something_else_is_no_half_year():
    """"the first half of the match" is no date; "the last half of the '80s" is the decade's end."""
    assert find_dates("He scored twice in the first half of the match.", "en", ANCHOR) == []
    m = mention("The plant closed in the latter half of the 1990s.", "en", "the latter half of the 1990s")
    assert (m.span.value, m.span.qualifier) == ("199", "end")
    m = mention("The firm lost $2 million in the third quarter of $40 million sales.", "en", "third quarter")
    assert m.span.value == "2017-Q3"


@pytest.mark.parametrize("text,expr,value", [
    ("Traders sold heavily in the morning, then bought.", "the morning", "2017-08-09TMO"),
    ("Shares were flat at mid-afternoon yesterday in Tokyo.", "mid-afternoon yesterday", "2017-08-08TAF"),
    ("The crew met on Aug. 2 and left in the evening.", "the evening", "2017-08-02TEV"),
    ("The ferry left at 8 in the evening from the pier.", "at 8 in the evening", "2017-08-09T20:00"),
    ("The ferry left at 6 in the morning from the pier.", "at 6 in the morning", "2017-08-09T06:00"),
])
def test_a_part_of_the_day_alone_is_a_time_of_the_day_in_view(text, expr, value):
    """TIMEX3 marks a bare part of the day ("the morning") as a TIME on the day the text speaks of."""
    m = mention(text, "en", expr)
    assert (m.span.value, m.span.type) == (value, "TIME")


def test_the_night_of_a_date_is_that_date():
    found = [(m.text, m.span.value) for m in find_dates("He was seen on the night of Aug. 2 near the dock.", "en", ANCHOR)]
    assert found == [("Aug. 2", "2017-08-02")]


def test_previous_weekday_counts_back_from_the_day_in_view():
    """"the previous Friday" is the Friday before the day the text speaks of; "last Friday" counts from the anchor."""
    text = "Stocks closed lower on Aug. 4, down 2% from the previous Friday."
    assert mention(text, "en", "the previous Friday").span.value == "2017-07-28"
    assert mention("Stocks closed lower last Friday.", "en", "last Friday").span.value == "2017-08-04"


def test_the_week_of_a_day_is_that_week():
    m = mention("The trial may open the week of Sept. 11, lawyers said.", "en", "the week of Sept. 11")
    assert m.span.value == "2017-W37"


def test_then_current_is_a_past_reference():
    text = "The shares were priced at the then current market value."
    assert mention(text, "en", "then current").span.value == "PAST_REF"


def test_the_future_of_something_is_its_prospects_not_a_time():
    assert find_dates("Investors worry about the future of the steel town.", "en", ANCHOR) == []
    assert mention("The mill may reopen in the future.", "en", "in the future").span.value == "FUTURE_REF"


def test_near_and_short_term_are_future_references():
    text = "Growth should stay weak in the near term, the bank said."
    assert mention(text, "en", "the near term").span.value == "FUTURE_REF"
    assert mention("Rates will not move in the short term.", "en", "the short term").span.value == "FUTURE_REF"


@pytest.mark.parametrize("text,expr,value", [
    ("The shop is closed on Mondays in winter.", "Mondays", "XXXX-WXX-1"),
    ("The club meets Tuesday evenings in the hall.", "Tuesday evenings", "XXXX-WXX-2TEV"),
])
def test_plural_weekdays_recur(text, expr, value):
    """A plural weekday or part of a day is a SET, not the nearest such day (TIMEX3)."""
    m = mention(text, "en", expr)
    assert (m.span.value, m.span.type) == (value, "SET")


def test_a_part_of_day_after_a_weekday_is_a_whole_word():
    found = [(m.text, m.span.type) for m in find_dates("Ferries sail on Friday nightshifts only.", "en", ANCHOR)]
    assert found == [("Friday", "DATE")]


@pytest.mark.parametrize("text,expr,value,qualifier", [
    ("Crime fell through the nineties, he said.", "the nineties", "199", None),
    ("In the early eighties the mill closed.", "the early eighties", "198", "start"),
    ("In the late 1960s the dam was built.", "the late 1960s", "196", "end"),
])
def test_decades_spelled_or_in_figures_keep_their_part(text, expr, value, qualifier):
    m = mention(text, "en", expr)
    assert (m.span.value, m.span.qualifier) == (value, qualifier)


def test_an_age_in_decades_is_no_date():
    assert find_dates("She was in her forties when she ran.", "en", ANCHOR) == []


def test_a_future_word_right_after_a_weekday_points_ahead():
    """"The council on Tuesday will vote" is next Tuesday; "said Tuesday it would" keeps the saying day."""
    assert mention("The council on Tuesday will vote on the budget.", "en", "Tuesday").span.value == "2017-08-15"
    assert mention("The mayor said Tuesday it would act soon.", "en", "Tuesday").span.value == "2017-08-08"
    assert mention("Dewan pada Selasa akan membahas anggaran.", "id", "Selasa").span.value == "2017-08-15"


def test_the_hours_of_a_date_belong_to_that_date():
    text = "Police arrived during the late afternoon hours of June 1, 2007 at the farm."
    assert [m.text for m in find_dates(text, "en", ANCHOR)] == ["June 1, 2007"]


def test_a_dotted_clock_with_am_or_pm_is_read_whole():
    """"4.15am" is a quarter past four, not 15:00 read from its tail."""
    found = [(m.text, m.span.value) for m in find_dates("She left between 4am and 4.15am, police said.", "en", ANCHOR)]
    assert ("4.15am", "2017-08-09T04:15") in found and all(t != "15am" for t, _ in found)
    assert mention("The bus left at 4.15 pm.", "en", "at 4.15 pm").span.value == "2017-08-09T16:15"


@pytest.mark.parametrize("text,expr,value", [
    ("The firm hired advisers in March. The following month, it put itself up for sale.", "The following month", "2017-04"),
    ("The storm hit on June 3. The following week, the town rebuilt.", "The following week", "2017-W23"),
    ("Sales will rise next month, analysts said.", "next month", "2017-09"),
])
def test_the_following_month_counts_from_the_month_in_view(text, expr, value):
    """"the following month" after "March" is April; "next month" still counts from the publication date."""
    assert mention(text, "en", expr).span.value == value


def test_abbreviation_stops_do_not_cut_the_sentence_that_gives_the_tense():
    """"vs." and "a.m." end no sentence, so the tense word after them still counts."""
    autumn = dt.date(2017, 10, 25)
    text = "In January, a week after the Smith vs. Jones ruling, a blast killed a guard."
    assert mention(text, "en", "January", autumn).span.value == "2017-01"
    text = "The ferry will leave at 4 a.m. EDT Thursday from the pier."
    assert mention(text, "en", "at 4 a.m. EDT Thursday").span.value == "2017-08-10T04:00"


def test_the_tense_sentence_knows_initials_dates_and_listed_abbreviations():
    """The date tagger reads tense in the shared splitter's sentence (languages/sentences.py)."""
    from languages.sentences import SentenceIndex, split_sentences
    text = "He met J. Smith on Oct. 23 in town. Mr. Lee left."
    index = SentenceIndex(split_sentences(text, "en"), len(text))
    i = text.index("Oct.")
    assert text[slice(*index.around(i, i + 7))] == "He met J. Smith on Oct. 23 in town."
    i = text.index("Lee")
    assert text[slice(*index.around(i, i + 3))] == "Mr. Lee left."


def test_irregular_past_forms_are_past_cues_but_participles_are_not():
    """"brought" says past; "would be paid" and "will be sold" are passives pointing ahead."""
    autumn = dt.date(2017, 10, 25)
    assert mention("In January, the firm brought in a new chief.", "en", "January", autumn).span.value == "2017-01"
    assert mention("The bonus would be paid in January.", "en", "January", autumn).span.value == "2018-01"
    assert mention("The plant will be sold on Friday, the owner said.", "en", "Friday").span.value == "2017-08-11"


def test_tokenized_now_comma_is_still_a_discourse_marker():
    found = [m.text for m in find_dates("Prices fell . Now , the mayor says , the plan must change .", "en", ANCHOR)]
    assert "Now" not in found
