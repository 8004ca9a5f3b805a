"""Place names in languages with no development corpus here (Czech, Slovak, Polish, Croatian, Serbian,
Slovenian, Bulgarian, Romanian, Hungarian, Danish, Norwegian, Turkish, Persian, Korean), each tested with
sentences written in that language for this project: names in their cases after prepositions (found through
simplemma or the language's ending rules), foreign capitals by the language's own names, and common words
that a gazetteer lists as places ("İki", "دو", "리가") left alone."""
import pytest

pytest.importorskip("maps.gazetteer")

from languages.morphology import base_forms  # noqa: E402
from maps import find_places  # noqa: E402


def found(text, lang):
    return [(m.text, m.place.country if m.place else None) for m in find_places(text, lang)]


CASES = [
    ("cs", "Ministr přijel z Vídně do Brna a odpoledne jednal v Olomouci.",
     [("Vídně", "AT"), ("Brna", "CZ"), ("Olomouci", "CZ")]),
    ("cs", "Vlak z Liberce a Pardubic dorazil do Prahy se zpožděním.",
     [("Liberce", "CZ"), ("Pardubic", "CZ"), ("Prahy", "CZ")]),
    ("sk", "Premiérka odcestovala z Košíc do Viedne a potom do Varšavy.",
     [("Košíc", "SK"), ("Viedne", "AT"), ("Varšavy", "PL")]),
    ("pl", "Pociąg z Poznania do Szczecina zatrzymał się we Wrocławiu.",
     [("Poznania", "PL"), ("Szczecina", "PL"), ("Wrocławiu", "PL")]),
    ("pl", "Minister wrócił z Pragi i poleciał do Gdańska.", [("Pragi", "CZ"), ("Gdańska", "PL")]),
    ("hr", "Trajekt je isplovio iz Splita prema Zadru, a putnici su stigli iz Beča.",
     [("Splita", "HR"), ("Zadru", "HR"), ("Beča", "AT")]),
    ("sr", "Делегација је из Београда отпутовала у Ниш и Нови Сад.",
     [("Београда", "RS"), ("Ниш", "RS"), ("Нови Сад", "RS")]),
    ("sl", "Vlak iz Ljubljane je prispel v Maribor, minister pa se je vrnil z Dunaja.",
     [("Ljubljane", "SI"), ("Maribor", "SI"), ("Dunaja", "AT")]),
    ("bg", "Влакът от София пристигна във Варна, а министърът замина за Виена.",
     [("София", "BG"), ("Варна", "BG"), ("Виена", "AT")]),
    ("ro", "Primarul Clujului a plecat la Timișoara, apoi la Viena.",
     [("Clujului", "RO"), ("Timișoara", "RO"), ("Viena", "AT")]),
    ("hu", "A vonat Budapestről Debrecenbe indult, a miniszter pedig Bécsben tárgyalt.",
     [("Budapestről", "HU"), ("Debrecenbe", "HU"), ("Bécsben", "AT")]),
    ("da", "Toget kørte fra Aarhus til Odense.", [("Aarhus", "DK"), ("Odense", "DK")]),
    ("nb", "Ferja gikk fra Bergen til Tromsø, og statsråden besøkte Bodø.",
     [("Bergen", "NO"), ("Tromsø", "NO"), ("Bodø", "NO")]),
    ("tr", "Bakan geçen hafta Roma'daydı, dün Atina'dan döndü.", [("Roma'daydı", "IT"), ("Atina'dan", "GR")]),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_inflected_and_local_names(lang, text, expected):
    assert found(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # Turkish "İki" (two) opens the sentence: Python lower-cases İ to i + a combining dot, which hid it
    # from the language's word list, so it was read as Iki, an island of Japan
    ("tr", "İki gün sonra heyet İzmir'e gitti.", [("İzmir'e", "TR")]),
    # Persian "دو" (two) is listed as another name of a town
    ("fa", "دو روز بعد وزیر به مشهد رفت.", [("مشهد", "IR")]),
    # Korean: "리가" (Riga) inside "다리가" (the bridge + a particle)
    ("ko", "새 다리가 인천에서 개통됐고 장관은 부산으로 향했다.", [("인천", "KR"), ("부산", "KR")]),
])
def test_common_words_are_no_places(lang, text, expected):
    assert found(text, lang) == expected


def test_croatian_serbian_and_bosnian_read_simplemma_as_one_language():
    # simplemma knows them as "hbs"; the morphology part names that code
    for lang, word, base in (("hr", "Zagrebu", "Zagreb"), ("bs", "Sarajevu", "Sarajevo"), ("sr", "Београду", "Београд")):
        assert base in base_forms(word, lang)


def test_a_dictionary_form_outranks_a_village_spelled_like_the_inflected_name():
    # "Vídně" (of Vienna) is also a spelling GeoNames keeps for a village; the dictionary form "Vídeň" wins
    assert found("Premiér se vrátil z Vídně.", "cs") == [("Vídně", "AT")]
