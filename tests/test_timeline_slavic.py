"""Russian, Ukrainian and Polish dates: month, weekday and season names in their cases, 'через'/'za'
before a count, 'тому'/'назад'/'temu' after it, parts before a month, eras. Sentences written for these
tests; the anchor is Wednesday 9 August 2017."""
import pytest

from timeline_helpers import mention, values


@pytest.mark.parametrize("lang, text, expr, value", [
    ("ru", "Завод закрыли в феврале 2012 года.", "феврале 2012", "2012-02"),
    ("ru", "Мост открыли три года назад.", "три года назад", "2014"),
    ("ru", "Через две недели начнётся ремонт.", "Через две недели", "2017-W34"),
    ("ru", "В прошлом году урожай был хорошим.", "В прошлом году", "2016"),
    ("ru", "Совет соберётся в среду.", "среду", "2017-08-09"),
    ("ru", "В 1980-х годах город рос.", "1980-х годах", "198"),
    ("ru", "Крепость построили в 43 до н. э.", "43 до н. э.", "BC0043"),
    ("ru", "В конце сентября 2014 года начались работы.", "В конце сентября 2014", "2014-09"),
    ("uk", "У червні 2015 року міст відкрили.", "червні 2015", "2015-06"),
    ("uk", "Завод закрили три роки тому.", "три роки тому", "2014"),
    ("uk", "Наприкінці листопада 1918 року армія відступила.", "Наприкінці листопада 1918", "1918-11"),
    ("uk", "У XX столітті місто зросло.", "XX столітті", "19"),
    ("uk", "Нині ці події святкують.", "Нині", "PRESENT_REF"),
    ("uk", "Рада збереться у пʼятницю.", "пʼятницю", "2017-08-04"),
    ("pl", "Most otwarto 3 marca 2015 roku.", "3 marca 2015", "2015-03-03"),
    ("pl", "Fabrykę zamknięto trzy lata temu.", "trzy lata temu", "2014"),
    ("pl", "W zeszłym tygodniu był strajk.", "W zeszłym tygodniu", "2017-W31"),
    ("pl", "W latach osiemdziesiątych miasto rosło.", "W latach osiemdziesiątych", "198"),
    ("pl", "Pod koniec czerwca przyjechał pociąg.", "Pod koniec czerwca", "2017-06"),
    ("pl", "Za dwa tygodnie ruszy budowa.", "Za dwa tygodnie", "2017-W34"),
])
def test_slavic(lang, text, expr, value):
    assert mention(text, lang, expr).span.value == value


def test_ukrainian_ranges_share_their_month_and_year():
    found = values("Битва тривала 16—24 серпня 1914, а облога 28 вересня—8 листопада 1914.", "uk")
    assert ("16", "1914-08-16") in found and ("24 серпня 1914", "1914-08-24") in found
    assert ("28 вересня", "1914-09-28") in found and ("8 листопада 1914", "1914-11-08") in found


def test_ukrainian_night_before_a_day():
    assert mention("У ніч на 18 квітня 1775 року загін вирушив.", "uk", "У ніч на 18 квітня 1775").span.value \
        == "1775-04-18TNI"


def test_common_words_among_dateparsers_abbreviations_are_no_dates():
    assert values("Серед учасників був і він.", "uk") == []
    assert values("Nie. Ten lis nie przyszedł.", "pl") == []
