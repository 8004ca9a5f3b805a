"""Places in scripts without capital letters: the gazetteer's own names find them (sentences written here)."""
import pytest

from maps.gazetteer import Gazetteer, Writer
from maps.geoparse import find_places
from maps.recognize import GazetteerIndex
from maps.uncased import find_uncased, has_uncased_letters


def places(text, lang):
    found = find_places(text, lang)
    for m in found:
        assert text[m.start:m.end] == m.text
    return [(m.text, m.place.country if m.place else None) for m in found]


@pytest.mark.parametrize("lang, text, expected", [
    ("zh", "代表团先到北京，然后去了巴西。", [("北京", "CN"), ("巴西", "BR")]),
    ("ja", "選手たちは大阪から名古屋へ移動した。", [("大阪", "JP"), ("名古屋", "JP")]),
    ("ko", "선수들은 부산에서 서울로 이동했다.", [("부산", "KR"), ("서울", "KR")]),
    ("ar", "وصل الفريق إلى القاهرة مساء أمس.", [("القاهرة", "EG")]),
    ("hi", "टीम कल शाम मुंबई पहुँची।", [("मुंबई", "IN")]),
])
def test_uncased_scripts_find_places(lang, text, expected):
    assert places(text, lang) == expected


def test_punctuation_stays_outside_the_name():
    assert places("سافر الوفد إلى القاهرة.", "ar") == [("القاهرة", "EG")]


def test_a_name_inside_a_word_of_a_spaced_script_is_a_place_only_after_a_proclitic():
    # "بالقاهرة" (in Cairo) glues the preposition bi- to the name (ar/places.json proclitics); another
    # letter before it ("م", no proclitic) makes a word that is not the name
    assert places("اجتمعوا بالقاهرة", "ar") == [("القاهرة", "EG")]
    assert places("اجتمعوا مالقاهرة", "ar") == []
    assert places("اجتمعوا بالقاهرة", "fa") == []    # Persian has no such proclitics


def test_latin_text_is_left_to_the_capitalised_recogniser():
    assert not has_uncased_letters("The “talks” in São Paulo — ended.")
    assert has_uncased_letters("会谈在北京举行")


@pytest.fixture()
def katakana_gazetteer(tmp_path) -> Gazetteer:
    """A file of two made-up towns written in katakana: a long name and a two-character one."""
    w = Writer()
    w.add_place("ソラミナト", "city", 35.1, 136.2, country="JP", population=60_000, source="test")
    w.add_place("ホモ", "city", 34.0, 135.0, country="JP", population=300, source="test")
    w.write(tmp_path / "kana.sqlite", {"dataset": "gazetteer"})
    return Gazetteer(tmp_path / "kana.sqlite")


def test_the_scan_reads_the_names_of_the_gazetteer_it_is_given(katakana_gazetteer):
    text = "選手たちはソラミナトへ移動した。"
    spans = find_uncased(text, GazetteerIndex(katakana_gazetteer))
    assert [(s.text, s.candidates[0].name) for s in spans] == [("ソラミナト", "ソラミナト")]
    found = find_places(text, "ja", gazetteer=katakana_gazetteer)
    assert [(m.text, m.place.lat) for m in found] == [("ソラミナト", 35.1)]


def test_a_short_small_town_name_is_not_safe_alone(katakana_gazetteer):
    # a village's two-character name can hide inside any word: it needs more evidence than the scan has
    assert find_uncased("ホモサピエンスの展示", GazetteerIndex(katakana_gazetteer)) == []


def test_a_gazetteer_without_names_to_scan_finds_nothing():
    class OnlyLookups:
        def lookup(self, name):
            return []

    assert find_uncased("会谈在北京举行", GazetteerIndex(OnlyLookups())) == []
