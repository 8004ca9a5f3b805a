"""French, Spanish, Portuguese and Italian dates: shift words after the unit or the date, 'de' between day,
month and year, clock times with 'h', future verb endings, quarters. Sentences written for these tests;
the anchor is Wednesday 9 August 2017."""
import pytest

from timeline_helpers import mention, values


@pytest.mark.parametrize("lang, text, expr, value", [
    ("fr", "Le pont a été fermé il y a trois ans.", "il y a trois ans", "2014"),
    ("fr", "La foire a eu lieu le 21 juin dernier.", "21 juin dernier", "2017-06-21"),
    ("fr", "Le conseil se réunira mardi prochain.", "mardi prochain", "2017-08-15"),
    ("fr", "Il est rentré hier soir vers minuit.", "hier soir", "2017-08-08TEV"),
    ("fr", "Le train part à 18 h 30 de la gare.", "à 18 h 30", "2017-08-09T18:30"),
    ("fr", "Le départ est prévu à 9h15 précises.", "à 9h15", "2017-08-09T09:15"),
    ("fr", "Les travaux finiront à la fin de l'année.", "la fin de l'année", "2017"),
    ("fr", "Les années 80 ont vu naître le club.", "Les années 80", "198"),
    ("fr", "Le château date du XVe siècle.", "XVe siècle", "14"),
    ("fr", "La ville a grandi au printemps 2015.", "printemps 2015", "2015-SP"),
    ("fr", "Le pont a fermé le 3 août. Le lendemain, la route a rouvert.", "Le lendemain", "2017-08-04"),
    ("es", "El puerto cerró hace tres años.", "hace tres años", "2014"),
    ("es", "La feria abrió el lunes pasado.", "lunes pasado", "2017-08-07"),
    ("es", "El consejo se reunió el lunes, 31 de julio de 2017.", "lunes, 31 de julio de 2017", "2017-07-31"),
    ("es", "Las ventas subieron en el tercer trimestre de este año.", "tercer trimestre de este año", "2017-Q3"),
    ("es", "La empresa ganó más en el primer trimestre del año pasado.", "primer trimestre del año pasado", "2016-Q1"),
    ("es", "La obra terminará a finales de año.", "finales de año", "2017"),
    ("es", "Los precios subieron a principios de marzo.", "a principios de marzo", "2017-03"),
    ("es", "El índice cayó a las 14:48 UTC.", "a las 14:48 UTC", "2017-08-09T14:48Z"),
    ("es", "Actualmente la planta trabaja de noche.", "Actualmente", "PRESENT_REF"),
    ("es", "El club nació en los años 80.", "los años 80", "198"),
    ("pt", "A ponte foi aberta há seis semanas.", "há seis semanas", "2017-W26"),
    ("pt", "Os lucros subiram no terceiro trimestre.", "terceiro trimestre", "2017-Q3"),
    ("pt", "A fábrica fechou ontem à noite.", "ontem à noite", "2017-08-08TNI"),
    ("pt", "A feira abre na quinta-feira.", "quinta-feira", "2017-08-10"),
    ("pt", "Atualmente a linha está fechada.", "Atualmente", "PRESENT_REF"),
    ("pt", "No início deste ano a loja abriu.", "No início deste ano", "2017"),
    ("it", "Il ponte è stato chiuso tre anni fa.", "tre anni fa", "2014"),
    ("it", "La riunione si terrà lunedì prossimo.", "lunedì prossimo", "2017-08-14"),
    ("it", "La settimana scorsa c'era sciopero.", "settimana scorsa", "2017-W31"),
    ("it", "Negli anni Ottanta la città crebbe.", "Negli anni Ottanta", "198"),
    ("it", "Il treno arriva alle 15.30 in stazione.", "alle 15.30", "2017-08-09T15:30"),
    ("it", "Il museo riapre il 3 marzo 2018.", "3 marzo 2018", "2018-03-03"),
])
def test_romance(lang, text, expr, value):
    assert mention(text, lang, expr).span.value == value


def test_a_french_future_ending_places_a_month_ahead():
    """"aura lieu" and "sera" speak of the future: a month long past this year is next year's."""
    assert mention("La fête sera organisée en mars.", "fr", "mars").span.value == "2018-03"
    assert mention("La fête a été organisée en mars.", "fr", "mars").span.value == "2017-03"


def test_spanish_future_ending_places_a_month_ahead():
    assert mention("La planta abrirá en febrero.", "es", "febrero").span.value == "2018-02"


def test_portuguese_short_weekday_names_need_a_cue():
    """"segunda", "quinta" are also ordinals: alone they are no weekday, after "na" they are."""
    assert values("A segunda equipa venceu.", "pt") == []
    assert mention("O jogo foi na quinta.", "pt", "quinta").span.value == "2017-08-03"


def test_french_summer_is_no_past_participle():
    assert values("Le projet a été annulé.", "fr") == []
    assert mention("Les fouilles reprendront cet été.", "fr", "cet été").span.value == "2017-SU"
