"""The writer's present against the anchor: an "ago" some guidelines mark as a stretch, "heute" in
a text that tells no news of the day, and the years a story of long ago may still name. Sentences written
for these tests; the anchor is Wednesday 9 August 2017 unless a test gives its own."""
import datetime as dt

from timeline import find_dates
from timeline_helpers import mention, values


def test_an_ago_the_language_marks_as_a_stretch_is_a_duration():
    # Portuguese TimeML marks "desde há seis meses" (for six months now) as a stretch; German "vor drei
    # Jahren" stays a date (a point on the timeline), whatever KRAUTS marks
    m = mention("A obra está parada desde há seis meses.", "pt", "seis meses")
    assert (m.span.value, m.span.type) == ("P6M", "DURATION")
    assert mention("Vor drei Jahren brannte die Scheune ab.", "de", "Vor drei Jahren").span.value == "2014"


def test_other_languages_still_date_their_ago():
    assert mention("Il y a trois ans, la grange a brûlé.", "fr", "Il y a trois ans").span.value == "2014"


def test_today_in_an_essay_is_the_present_age():
    text = ("Die Kinder lernten alles auswendig. Heute arbeiten sie in Gruppen, und die Lehrer sehen "
            "sich heute eher als Begleiter.")
    assert values(text, "de") == [("Heute", "PRESENT_REF"), ("heute", "PRESENT_REF")]


def test_today_in_news_of_the_day_keeps_its_date():
    text = "Gestern verlor die Mannschaft knapp. Heute spielt sie gegen den Tabellenführer."
    assert ("Heute", "2017-08-09") in values(text, "de")


def test_a_story_of_long_ago_still_names_the_years_after_it():
    text = ("Der Maler wurde 1901 geboren. 1912 zog die Familie nach Wien, 1920 nach Paris. 1925 stellte er "
            "zum ersten Mal aus. Bekannt wurde er erst 1968, und 1991 kam sein Werk ins Museum. "
            "In den 60er Jahren malte er kaum.")
    found = values(text, "de", dt.date(2015, 10, 6))
    assert ("1968", "1968") in found and ("1991", "1991") in found
    assert ("In den 60er Jahren", "196") in found


def test_a_year_far_ahead_of_the_story_does_not_move_it():
    text = ("Im März 1914 begann der Streik. Am 4. Juni 1914 stürmten Soldaten die Fabrik. "
            "Wie Akten zeigen, die 2005 veröffentlicht wurden, gab es am 9. Juni keinen Befehl dazu. "
            "Der Streik endete 1915.")
    found = values(text, "de", dt.date(2018, 5, 19))
    assert ("9. Juni", "1914-06-09") in found


def test_portuguese_stretches_and_the_corresponding_quarter():
    # "desde há seis meses" is "for six months": a stretch, not the date six months ago
    m = mention("A empresa negoceia com o banco desde há seis meses.", "pt", "seis meses")
    assert (m.span.value, m.span.type) == ("P6M", "DURATION")
    found = values("No ano fiscal encerrado em 31 de janeiro, as vendas subiram.", "pt")
    assert [v for t, v in found if t.lower().startswith("no ano")] in ([], ["P1Y"])
    text = "Os lucros do terceiro trimestre caíram face ao trimestre homólogo do ano anterior."
    assert ("trimestre homólogo do ano anterior", "2016-Q3") in values(text, "pt")


def test_portuguese_previously_is_no_time():
    assert values("Anteriormente, a fábrica tinha anunciado cortes.", "pt") == []


def test_spanish_trading_day_is_the_day_in_view():
    # the report is dated Wednesday; the session it tells of is Monday's
    text = "El lunes el índice bajó un 2% y cerró la jornada en 7.100 puntos; el martes terminó el día sin cambios."
    found = values(text, "es")
    assert ("la jornada", "2017-08-07") in found and ("el día", "2017-08-08") in found


def test_german_recently_is_left_to_the_verb_but_then_is_a_time():
    assert values("Der Rat hat kürzlich neue Regeln beschlossen.", "de") == []
    assert ("damals", "PAST_REF") in values("Die Halle war damals noch leer.", "de")


def test_today_stays_a_date_when_the_text_names_yesterday():
    text = "Die Gemeinde tagte gestern lange. Heute stellt der Rat seine Pläne vor."
    assert ("Heute", "2017-08-09") in values(text, "de")


def test_german_coming_years_are_the_future_the_table_names():
    assert ("nächsten Jahren", "FUTURE_REF") in values("In den nächsten Jahren wird die Firma wachsen.", "de")
    text = "Der Direktor rechnet damit, dass innerhalb der kommenden Jahre der Fuhrpark erneuert wird."
    assert ("kommenden Jahre", "FUTURE_REF") in values(text, "de")
    m = mention("In the coming years the port will grow.", "en", "the coming years")
    assert (m.span.value, m.span.type) == ("PXY", "DURATION")


def test_german_every_weekday_in_the_dative_is_a_set():
    m = mention("Die Berater sind an jedem Montagabend im Haus.", "de", "jedem Montagabend")
    assert (m.span.value, m.span.type) == ("XXXX-WXX-1TEV", "SET")
    m = mention("Die Stelle ist an jedem dritten Mittwoch offen.", "de", "jedem dritten Mittwoch")
    assert m.span.type == "SET"


def test_a_day_in_a_month_of_a_year_named_from_the_anchor():
    assert mention("Am 8. Mai dieses Jahres sprach sie im Rathaus.", "de", "8. Mai dieses Jahres").span.value \
        == "2017-05-08"
    assert mention("The bridge closed on 5 June of last year.", "en", "5 June of last year").span.value \
        == "2016-06-05"


def test_german_from_a_day_takes_the_tense_of_its_sentence():
    text = "Ich habe ab dem 20. April langsam wieder mit dem Training begonnen."
    assert ("20. April", "2017-04-20") in values(text, "de")
