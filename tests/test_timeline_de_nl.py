"""German and Dutch dates: day lists, clock words after the hour, parts glued to weekdays, relative phrases
with their case endings. Sentences written for these tests; the anchor is Wednesday 9 August 2017."""
import pytest

from timeline_helpers import mention, values


@pytest.mark.parametrize("text, expr, value", [
    ("Die Brücke wurde am 3. Oktober 2016 eröffnet.", "3. Oktober 2016", "2016-10-03"),
    ("Der Markt öffnet wieder im Jänner 2018.", "Jänner 2018", "2018-01"),
    ("Vor drei Jahren brannte die Scheune ab.", "Vor drei Jahren", "2014"),
    ("Im vergangenen Jahr kamen weniger Gäste.", "vergangenen Jahr", "2016"),
    ("In der vergangenen Woche regnete es oft.", "vergangenen Woche", "2017-W31"),
    ("Die Gemeinde will bis Ende nächsten Jahres bauen.", "bis Ende nächsten Jahres", "2018"),
    ("Seit den fünfziger Jahren steht das Haus leer.", "Seit den fünfziger Jahren", "195"),
    ("In den 1920er Jahren war der Hafen voll.", "In den 1920er Jahren", "192"),
    ("Der Kurs beginnt im Frühjahr 2018.", "Frühjahr 2018", "2018-SP"),
    ("Heuer findet das Fest zum zehnten Mal statt.", "Heuer", "2017"),
    ("Im Sommer des Jahres 2005 wurde gebaut.", "Sommer des Jahres 2005", "2005-SU"),
    ("Der Bus fährt um 16.05 Uhr ab.", "um 16.05 Uhr", "2017-08-09T16:05"),
    ("Am Montagvormittag tagte der Rat.", "Montagvormittag", "2017-08-07TMO"),
    ("Im 20. Jahrhundert wuchs die Stadt.", "20. Jahrhundert", "19"),
    ("Die Tafel nennt Siege von 1982-1990.", "1982", "1982"),
])
def test_german(text, expr, value):
    assert mention(text, "de", expr).span.value == value


def test_german_listed_days_share_their_month():
    found = values("Die Kurse sind am 10. und 11. Februar und am 11., 18. und 25. März.", "de")
    assert [v for _, v in found] == ["2017-02-10", "2017-02-11", "2017-03-11", "2017-03-18", "2017-03-25"]


def test_german_day_range_and_clock_range():
    found = values("Das Fest dauert vom 5. bis zum 9. Juni, täglich von 10-18 Uhr.", "de")
    assert ("5", "2017-06-05") in found and ("9. Juni", "2017-06-09") in found
    assert ("10", "2017-06-09T10:00") in found and ("18 Uhr", "2017-06-09T18:00") in found


def test_german_abbreviations_that_are_common_words_are_no_weekdays():
    assert values("Er kommt gerne mit. Die Kinder spielen.", "de") == []


def test_a_capitalised_noun_before_a_year_does_not_make_it_a_name():
    assert ("1998", "1998") in values("Der Olympiasieger 1998 kam zurück.", "de")


@pytest.mark.parametrize("text, expr, value", [
    ("De brug werd op 3 maart 2015 geopend.", "3 maart 2015", "2015-03-03"),
    ("Drie jaar geleden sloot de fabriek.", "Drie jaar geleden", "2014"),
    ("Vorige week was er een staking.", "Vorige week", "2017-W31"),
    ("Maandagavond vergadert de raad.", "Maandagavond", "2017-08-07TEV"),
    ("De raad vergadert om 20.00 uur.", "om 20.00 uur", "2017-08-09T20:00"),
    ("In de jaren tachtig groeide de stad.", "In de jaren tachtig", "198"),
    ("Eind juni komt de trein.", "Eind juni", "2017-06"),
    ("Over twee weken begint de markt.", "Over twee weken", "2017-W34"),
    ("Gisteravond viel de stroom uit.", "Gisteravond", "2017-08-08TEV"),
])
def test_dutch(text, expr, value):
    assert mention(text, "nl", expr).span.value == value


def test_dutch_hours_alone_are_a_duration_not_a_clock_time():
    assert all(v != "2017-08-09T03:00" for _, v in values("Hij wachtte 3 uur in de regen.", "nl"))
