"""Dictionary forms of inflected names and the words of unspaced scripts: the language's data picks
the library (languages/data/<code>/morphology.json, text.json), one module calls it."""
from languages.morphology import base_forms, has_morphology, marks_place, name_forms
from languages.segmentation import segmenter_of, words


def test_languages_without_morphology_look_names_up_as_written():
    assert not has_morphology("en") and not has_morphology("id") and not has_morphology("it")
    assert name_forms("Jakarta", "id") == () and name_forms("Roma", "it") == ()


def test_russian_nominatives_keep_the_case_of_the_written_word():
    assert "Москва" in base_forms("Москве", "ru")
    assert "Россия" in base_forms("России", "ru")
    assert "Нижний Новгород" in name_forms("Нижнем Новгороде", "ru")
    assert "Соединённые Штаты" in name_forms("Соединённых Штатах", "ru")


def test_ukrainian_and_polish_case_endings():
    assert any(f in ("Київ",) for f in base_forms("Києві", "uk"))
    assert "Warszawa" in base_forms("Warszawy", "pl")


def test_finnish_endings_gradation_and_old_spelling():
    assert "Heidelberg" in base_forms("Heidelbergissä", "fi")
    assert "Englanti" in base_forms("Englannissa", "fi")
    assert "Helsinki" in base_forms("Helsingissä", "fi")
    assert "Venäjä" in base_forms("Wenäjällä", "fi")
    assert marks_place("Pietarissa", "fi") and not marks_place("Pietarin", "fi")


def test_genitives_of_swedish_and_german():
    assert "Frankrike" in base_forms("Frankrikes", "sv")
    assert "Deutschland" in base_forms("Deutschlands", "de")


def test_an_ending_rule_leaves_a_stem_of_three_letters_at_least():
    assert all(len(f) >= 3 for f in base_forms("Issa", "fi"))


def test_unspaced_scripts_are_cut_into_words_with_their_offsets():
    text = "代表団は大阪から札幌へ"
    ws = words(text, "ja")
    assert segmenter_of("ja") == "fugashi" and segmenter_of("en") is None
    assert [text[w.start:w.end] for w in ws][:5] == ["代表", "団", "は", "大阪", "から"]
    assert any(text[w.start:w.end] == "大阪" and w.place for w in ws)   # unidic tags it a place name
    zh = "代表团从北京前往上海"
    assert "北京" in [zh[w.start:w.end] for w in words(zh, "zh")]
    assert words("Jakarta", "id") == []
