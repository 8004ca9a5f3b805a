"""What is and is not a place in Italian, Spanish and Dutch news, each rule tested with sentences written
in that language for this project: a team or an institution named after its town with an article ("il
Parma", "el Barcelona"), Dutch compounds of a name and a noun ("Lokeren-trainer"), first names, a road
between two towns written with a spaced dash, common words after a preposition, place heads that keep a
name the gazetteer does not know, and a country inside a national body's name ("Banca d'Italia")."""
import pytest

pytest.importorskip("maps.gazetteer")

from maps import find_places  # noqa: E402


def names(text, lang):
    return [m.text for m in find_places(text, lang)]


@pytest.mark.parametrize("lang, text, absent, present", [
    # a town's name after an article it does not take is a team, a council or a company
    ("it", "Domenica il Parma ha battuto la Roma per due a zero davanti ai tifosi di Bologna.",
     ["Parma", "Roma"], ["Bologna"]),
    ("es", "El Barcelona venció al Valencia en el último minuto, informaron desde Sevilla.",
     ["Barcelona", "Valencia"], ["Sevilla"]),
    # a Dutch compound of a name and a noun names the noun, not the place
    ("nl", "Na het Vietnam-bezoek sprak de Lokeren-trainer met journalisten in Brussel.",
     ["Vietnam", "Lokeren"], ["Brussel"]),
    # a first name before a surname that is also a town makes a person, even opening a sentence
    ("it", "Chiara Rotondi, 45 anni, è rimasta ferita in un incidente a Napoli.", ["Rotondi"], ["Napoli"]),
    ("es", "Lo explicó ayer en Lima el abogado César Cubillas.", ["César", "Cubillas"], ["Lima"]),
    # one of the language's commonest words is that word, preposition or not
    ("es", "El ministro de Economía presentó los presupuestos en Madrid.", ["Economía"], ["Madrid"]),
    # another language's name of a country opening a sentence is this language's word ("if" in Dutch)
    ("nl", "Indien de trein vertraging heeft, overnachten we in Utrecht.", ["Indien"], ["Utrecht"]),
    # a country in the name of a national body names the body, not where it sits
    ("it", "Il governatore della Banca d'Italia ha parlato ieri a Torino.", ["Italia"], ["Torino"]),
])
def test_what_is_not_a_place(lang, text, absent, present):
    got = names(text, lang)
    for word in absent:
        assert not any(word in g for g in got), (word, got)
    for word in present:
        assert word in got, (word, got)


def test_a_place_that_takes_an_article_keeps_it():
    got = {m.text: m.place.country for m in find_places("La delegazione è arrivata al Cairo in serata.", "it")}
    assert got.get("Cairo") == "EG"


def test_two_towns_joined_by_a_spaced_dash_are_two_places():
    got = {m.text: m.place.country for m in find_places(
        "Las obras de la carretera Avila - Cebreros empezarán el lunes.", "es")}
    assert got.get("Avila") == "ES" and got.get("Cebreros") == "ES"


@pytest.mark.parametrize("lang, text, name", [
    ("it", "I soccorritori hanno raggiunto la località Pratogrande, vicino a Sassari.", "località Pratogrande"),
    ("it", "Il corteo è partito dalla stazione Valverdina di Bergamo.", "stazione Valverdina"),
    ("es", "Los vecinos de la aldea Valdehondo, cerca de Cáceres, pidieron ayuda.", "aldea Valdehondo"),
    ("nl", "De kinderen speelden op het speelplein Zonnehoek in Mechelen.", "speelplein Zonnehoek"),
])
def test_a_head_word_keeps_a_name_no_gazetteer_lists(lang, text, name):
    assert name in names(text, lang)


def test_a_dateline_after_a_headline_in_capitals():
    text = "HUELGA EN LOS MUELLES OMC Valparaíso (Chile), 4 mar (EFE).\n-\nLos estibadores pararon el puerto."
    assert any(n.startswith("Valparaíso") for n in names(text, "es"))    # "Valparaíso (Chile)" is one mention
