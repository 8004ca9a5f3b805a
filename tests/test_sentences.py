from languages.sentences import split_sentences


def texts(t, lang="en"):
    return [t[s.start:s.end] for s in split_sentences(t, lang)]


def test_abbreviations_and_initials_do_not_split():
    t = "Dr. Amina K. Osei arrived in Accra on Jan. 4. She met the U.N. envoy there."
    assert texts(t) == ["Dr. Amina K. Osei arrived in Accra on Jan. 4.", "She met the U.N. envoy there."]


def test_quotes_and_question_marks():
    t = 'Why now? "We had no choice," she said. Work resumed.'
    assert texts(t) == ["Why now?", '"We had no choice," she said.', "Work resumed."]


def test_paragraphs_are_numbered_and_offsets_exact():
    t = "Judul Berita\n\nKalimat pertama di Bandung. Kalimat kedua.\n\nParagraf baru."
    ss = split_sentences(t, "id")
    assert [s.paragraph for s in ss] == [0, 1, 1, 2]
    assert t[ss[2].start:ss[2].end] == "Kalimat kedua."


def test_indonesian_abbreviation_table():
    t = "Kantor itu ada di Jl. Sudirman No. 5. Warga datang."
    assert texts(t, "id") == ["Kantor itu ada di Jl. Sudirman No. 5.", "Warga datang."]


def test_cjk_full_stops_end_sentences_without_a_space():
    t = "北京下了大雪。学校都关门了！明天呢？"
    assert texts(t, "zh") == ["北京下了大雪。", "学校都关门了！", "明天呢？"]


def test_a_line_break_ends_a_sentence_unless_the_next_line_runs_on_in_lower_case():
    t = "Ferry strike ends\nCrews returned on Monday. Fares stay the same\nfor now, the operator said.\n- Ports reopen"
    assert texts(t) == ["Ferry strike ends", "Crews returned on Monday.",
                        "Fares stay the same\nfor now, the operator said.", "- Ports reopen"]


def test_sentences_give_the_place_recogniser_its_grammatical_capitals():
    from maps.tokens import tokenize

    t = "Warga menunggu.Kapal tiba pukul lima. Nama kapalnya Bunga Laut."
    starts = {tok.text for tok in tokenize(t, frozenset(), split_sentences(t, "id")) if tok.sent_start}
    assert starts == {"Warga", "Kapal", "Nama"}   # a stop glued to the next word ends a sentence too


def test_a_day_written_as_an_ordinal_ends_no_sentence_before_its_month():
    def parts(text, lang):
        return [text[s.start:s.end] for s in split_sentences(text, lang)]
    assert parts("Das Hochwasser vom 14. Juli 2021 traf Hagen. Am 15. Juli sank der Pegel.", "de") == [
        "Das Hochwasser vom 14. Juli 2021 traf Hagen.", "Am 15. Juli sank der Pegel."]
    assert parts("Tulva alkoi 14. heinäkuuta 2021. Vesi laski.", "fi") == ["Tulva alkoi 14. heinäkuuta 2021.", "Vesi laski."]
    # a number that ends a sentence still ends it; English writes no such days
    assert parts("Der Verein belegte Platz 3. Die Saison endete früh.", "de") == [
        "Der Verein belegte Platz 3.", "Die Saison endete früh."]
    assert parts("The score was 14. July was hot.", "en") == ["The score was 14.", "July was hot."]
