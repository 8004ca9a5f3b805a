"""Language detection on short texts: a weak guess of py3langid is checked against the words of the
leading languages (languages/identify.py). Sentences written for this project."""
import pytest

from languages.identify import _identifier, detect_language


@pytest.mark.parametrize("text, lang", [
    ("Police arrest two men in Bandung.", "en"),
    ("Storm closes port in Manado.", "en"),
    ("Police arrest two men in Bandung on 9 August 2017.", "en"),
    ("Kapal tiba di Makassar.", "id"),
    ("Banjir di Jakarta pada Senin malam.", "id"),
    ("Президент посетил Москву.", "ru"),
    ("Президент відвідав Київ.", "uk"),
    ("Mötet hölls i Stockholm.", "sv"),
    ("Kokous pidettiin Helsingissä.", "fi"),
    ("Il sindaco ha parlato a Roma.", "it"),
    ("日本は不況に突入", "ja"),
    ("米国株式市場、1997年以来の安値に下落", "ja"),
])
def test_short_texts_keep_their_language(text, lang):
    assert detect_language(text) == lang


def test_the_word_lists_decide_only_where_py3langid_is_unsure():
    text = "Police arrest two men in Bandung."
    assert _identifier().classify(text)[0] != "en"     # what py3langid alone says
    assert detect_language(text) == "en"


def test_a_one_sentence_english_article_keeps_its_date(tmp_path):
    pytest.importorskip("maps.gazetteer")
    from eventmap import analyse
    from eventmap.article import make_article

    doc = analyse(make_article("Police arrest two men in Bandung on 9 August 2017.", id="t", source="t"))
    assert doc.article.lang == "en"
    assert [(m.text, m.span.value) for m in doc.dates] == [("9 August 2017", "2017-08-09")]
