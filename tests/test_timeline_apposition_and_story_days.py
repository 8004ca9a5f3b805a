"""A weekday in apposition to a date is one mention with the date's value; a lone weekday in a sentence
told in the past is the past one; a forward count ("через два дня") in a sentence told in the past counts
from the day the story last named. Sentences written for these tests; the anchor is Sunday 10 March 2024."""
import datetime as dt

import pytest

from timeline_helpers import values

SUNDAY = dt.date(2024, 3, 10)


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Am Montag, dem 4. März 2024, trafen sich die Minister in Hamburg.",
     [("Montag, dem 4. März 2024", "2024-03-04")]),
    ("de", "Am Dienstag, den 5. März, eröffnete der Bürgermeister die Brücke.",
     [("Dienstag, den 5. März", "2024-03-05")]),
    ("es", "El lunes, día 4 de marzo, los ministros se reunieron en Sevilla.",
     [("lunes, día 4 de marzo", "2024-03-04")]),
    ("pt", "Na terça-feira, dia 5 de março, o autarca abriu a ponte nova.",
     [("terça-feira, dia 5 de março", "2024-03-05")]),
    ("fr", "Le mardi 5 mars, le maire a ouvert le nouveau pont.", [("mardi 5 mars", "2024-03-05")]),
    ("en", "On Tuesday the 5th of March the mayor opened the bridge.", [("Tuesday the 5th of March", "2024-03-05")]),
])
def test_a_weekday_in_apposition_to_a_date_is_one_mention(lang, text, expected):
    assert values(text, lang, SUNDAY) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Am Montag trafen sich die Minister in Hamburg.", "2024-03-04"),
    ("de", "Am Montag reisten die Gäste wieder ab.", "2024-03-04"),
    ("fr", "Lundi, les ministres se sont réunis à Lyon.", "2024-03-04"),
])
def test_a_lone_weekday_in_a_past_sentence_is_the_past_one(lang, text, expected):
    assert [v for _, v in values(text, lang, SUNDAY)] == [expected]


def test_a_lone_weekday_in_a_future_sentence_stays_ahead():
    assert [v for _, v in values("Am Montag werden sich die Minister in Hamburg treffen.", "de", SUNDAY)] \
        == ["2024-03-11"]


@pytest.mark.parametrize("lang, text, phrase, expected", [
    ("ru", "4 марта 2024 года министры встретились в Омске. Через два дня делегация отправилась в Новосибирск.",
     "Через два дня", "2024-03-06"),
    ("uk", "4 березня 2024 року міністри зустрілися у Львові. Через два дні делегація вирушила до Києва.",
     "Через два дні", "2024-03-06"),
])
def test_a_forward_count_in_a_past_sentence_counts_from_the_story_day(lang, text, phrase, expected):
    assert (phrase, expected) in values(text, lang, SUNDAY)


@pytest.mark.parametrize("lang, text, phrase, expected", [
    ("ru", "4 марта 2024 года министры встретились в Омске. Через два дня делегация отправится в Новосибирск.",
     "Через два дня", "2024-03-12"),
    ("uk", "Через два дні делегація вирушить до Києва.", "Через два дні", "2024-03-12"),
])
def test_a_forward_count_in_a_future_sentence_counts_from_the_anchor(lang, text, phrase, expected):
    assert (phrase, expected) in values(text, lang, SUNDAY)


@pytest.mark.parametrize("lang, text, phrase", [
    ("de", "Am 4. März 2024 trafen sich die Minister. Zwei Tage später reisten sie ab.", "Zwei Tage"),
    ("en", "On March 4, 2024 the ministers met. Two days later they left.", "Two days"),
])
def test_a_count_later_stays_a_stretch_as_timebank_and_krauts_mark_it(lang, text, phrase):
    assert (phrase, "P2D") in values(text, lang, SUNDAY)


@pytest.mark.parametrize("lang, text, expected", [
    ("de", "Die Fähre legt um 9.15 und 16.30 Uhr ab.", [("um 9.15", "2024-03-10T09:15"), ("16.30 Uhr", "2024-03-10T16:30")]),
    ("fr", "Le bac part aujourd'hui à 9 et 16 heures.", [("aujourd'hui", "2024-03-10"), ("9", "2024-03-10T09:00"),
                                                      ("16 heures", "2024-03-10T16:00")]),
])
def test_two_listed_clock_times_share_the_clock_word_of_the_second(lang, text, expected):
    assert values(text, lang, SUNDAY) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("es", "La fábrica cerrará en octubre del año que viene.", [("octubre", "2025-10"), ("año que viene", "2025")]),
    ("pt", "A fábrica fechou em outubro do ano passado.", [("outubro", "2023-10"), ("ano passado", "2023")]),
    ("fr", "L'usine fermera en octobre de l'année prochaine.", [("octobre", "2025-10"), ("l'année prochaine", "2025")]),
    ("es", "La fábrica cerrará en julio del próximo año.", [("julio del próximo año", "2025-07")]),
])
def test_a_month_of_a_year_named_after_it_takes_that_year(lang, text, expected):
    assert values(text, lang, SUNDAY) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("pt", "A cooperativa lucrou dois milhões no trimestre encerrado a 31 de dezembro.",
     [("trimestre", "2023-Q4"), ("31 de dezembro", "2023-12-31")]),
    ("es", "La cooperativa ganó dos millones en el trimestre cerrado el 31 de diciembre.",
     [("trimestre", "2023-Q4"), ("31 de diciembre", "2023-12-31")]),
    ("fr", "La coopérative a gagné deux millions au trimestre clos le 31 décembre.",
     [("trimestre", "2023-Q4"), ("31 décembre", "2023-12-31")]),
])
def test_a_quarter_closed_by_a_day_is_the_quarter_of_that_day(lang, text, expected):
    assert values(text, lang, SUNDAY) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("pt", "A meio da tarde, os bombeiros abriram a estrada.", [("A meio da tarde", "2024-03-10TAF")]),
    ("es", "A media tarde, los bomberos abrieron la carretera.", [("A media tarde", "2024-03-10TAF")]),
])
def test_the_middle_of_a_part_of_the_day_is_that_part(lang, text, expected):
    assert values(text, lang, SUNDAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("Der Zug fuhr in der Nacht des 4. März ab.", [("in der Nacht des 4. März", "2024-03-04TNI")]),
    ("Der Zug fuhr noch in derselben Nacht des 4. März ab.", [("Nacht des 4. März", "2024-03-04TNI")]),
    ("Am 6. März gewann sie, nach dem Sturz vom Vortag.", [("6. März", "2024-03-06"), ("vom Vortag", "2024-03-05")]),
    ("Am nächsten Tag schloss die Bank.", [("Am nächsten Tag", "2024-03-11")]),
    ("An diesem Tag schloss die Bank.", []),
    ("Den Husten trägt sie schon den ganzen Sommer mit sich.", [("Sommer", "2024-SU")]),
])
def test_german_days_named_from_the_day_in_view(text, expected):
    assert values(text, "de", SUNDAY) == expected
