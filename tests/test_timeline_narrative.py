"""Historical narrative (timeline/narrative.py): a text whose written years lie long before its anchor
counts partial and relative dates from its own last date; news that looks back keeps its anchor. Texts
written for these tests; the anchor is 19 May 2018, as when an encyclopedia article is taken."""
import datetime as dt

from timeline import find_dates
from timeline_helpers import values

ANCHOR = dt.date(2018, 5, 19)

STORY_UK = ("Війна тривала з 1853 до 1856 року. Облога фортеці почалася 3 березня 1854 року. "
            "Місто тримало оборону до 1855 року. "
            "Навесні 1855 року прибули нові полки, а 12 червня почався штурм. Наступного дня фортеця впала. "
            "Сьогодні на цьому місці музей.")

STORY_EN = ("The siege began on 3 March 1854. The town held out until 1855. New regiments arrived in the spring of "
            "1855, and the assault began on 12 June. The next day the fort fell. In 1856 a treaty was signed, "
            "and on 30 March the last troops left.")


def _found(text, lang):
    return {m.text: m.span.value for m in find_dates(text, lang, ANCHOR)}


def test_a_story_of_long_ago_places_a_bare_date_in_its_own_year():
    found = _found(STORY_UK, "uk")
    assert found["12 червня"] == "1855-06-12"
    assert found["Наступного дня"] == "1855-06-13"


def test_today_in_a_story_of_long_ago_is_the_writers_present():
    assert _found(STORY_UK, "uk")["Сьогодні"] == "PRESENT_REF"


def test_the_rule_holds_in_any_language():
    found = _found(STORY_EN, "en")
    assert found["12 June"] == "1855-06-12" and found["30 March"] == "1856-03-30"


def test_a_chronicle_turning_the_year_takes_the_next_year():
    text = ("The war lasted from 1914 to 1918. On 1 August 1914 the army moved. On 20 December it stopped for the winter. "
            "On 8 January the advance resumed, and in 1915 the front held.")
    assert _found(text, "en")["8 January"] == "1915-01-08"


def test_news_that_looks_back_keeps_its_anchor():
    """A weekday in the lead makes the text news: its bare date stays near the publication date."""
    text = ("On Tuesday the museum opened a show about 1854, 1855 and 1856, the years of the siege of 1854. "
            "It closes on 12 June.")
    found = _found(text, "en")
    assert found["Tuesday"] == "2018-05-15" and found["12 June"] == "2018-06-12"


def test_a_short_text_with_one_old_year_is_not_a_story():
    assert ("12 June", "2018-06-12") in values("Built in 1854, the bridge reopens on 12 June.", "en", ANCHOR)
