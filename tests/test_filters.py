"""The filter rules between recognition and resolution, on sentences written for these tests."""
from maps import find_places


def names(text, lang="en"):
    return [(m.text, m.place.country if m.place else None) for m in find_places(text, lang)]


def test_a_name_alone_is_a_place():
    assert names("Paris") == [("Paris", "FR")]
    assert names("Nairobi.") == [("Nairobi", "KE")]


def test_a_city_of_millions_opens_a_sentence_as_itself():
    assert ("Berlin", "DE") in names("Berlin is preparing for the marathon. Runners arrive on Friday.")
    assert ("London", "GB") in names("The report was late. London’s transport office apologised.")


def test_a_common_word_that_opens_a_sentence_is_still_no_place():
    # "Surat" is an Indian city of millions, and the Indonesian word for a letter
    assert names("Surat itu tiba kemarin di kantor desa.", "id") == []
    assert names("Reading the report took an hour.") == []


def test_a_name_after_a_persons_initial_belongs_to_the_person():
    assert names("Councillor Maria T. Clay spoke to farmers in Nakuru.") == [("Nakuru", "KE")]
