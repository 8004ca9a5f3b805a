"""find_places end to end on hand-written English and Indonesian sentences, over the built gazetteer
(in the session's temporary EVENTMAP_CACHE_DIR, see conftest.py)."""
import math

import pytest

pytest.importorskip("maps.gazetteer")

from maps import find_places
from maps.model import Basis  # noqa: E402


def km(place, lat, lon):
    la1, lo1, la2, lo2 = map(math.radians, (place.lat, place.lon, lat, lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def by_text(text, lang):
    return {m.text: m for m in find_places(text, lang)}


def check_invariants(text, mentions):
    last_end = -1
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        if m.place is not None:
            assert 0 < m.place.confidence <= 1
            for alt in m.place.alternatives:
                assert {"name", "country", "lat", "lon", "kind", "score"} <= set(alt.to_dict())


def test_containing_state_picks_the_small_town():
    text = "Storms knocked out power in Dublin, Ohio, and in Paris, Texas, on Sunday night."
    m = by_text(text, "en")
    assert km(m["Dublin"].place, 40.10, -83.11) < 50
    assert km(m["Paris"].place, 33.66, -95.56) < 50
    assert m["Ohio"].place.kind == "admin1" and m["Texas"].place.country == "US"


def test_without_context_the_big_city_wins():
    m = by_text("Thousands marched through Paris and Dublin on Saturday.", "en")
    assert m["Paris"].place.country == "FR"
    assert m["Dublin"].place.country == "IE"


def test_demonym_is_kept_and_marked():
    text = "The Nigerian health ministry sent doctors to Kano after the outbreak."
    m = by_text(text, "en")
    assert m["Nigerian"].demonym and m["Nigerian"].place.country == "NG"
    assert m["Kano"].place.country == "NG" and not m["Kano"].demonym


def test_people_named_like_towns_are_not_places():
    text = "Senator Bill Nelson told reporters in Tampa that the bill would pass. Nelson said more."
    m = by_text(text, "en")
    assert "Nelson" not in m and "Bill Nelson" not in m
    assert m["Tampa"].place.country == "US"


def test_indonesian_head_and_province_resolve_inside_indonesia():
    text = "Gempa mengguncang Kabupaten Poso, Sulawesi Tengah, pada Senin pagi."
    m = by_text(text, "id")
    poso = m["Kabupaten Poso"].place
    assert poso.country == "ID" and km(poso, -1.4, 120.75) < 120
    assert m["Sulawesi Tengah"].place.country == "ID"


def test_indonesian_titles_and_organisation_acronyms_are_not_places():
    # Indonesian convention: the place in an office title ("Gubernur Jawa Barat") describes the person
    text = ("Gubernur Jawa Barat bertemu Presiden Joko Widodo di Jakarta sebelum terbang ke Rusia. "
            "Anggota ISIS dan pejabat PBB juga hadir, kata Ketua DPR Setya Novanto.")
    m = by_text(text, "id")
    assert set(m) == {"Rusia", "Jakarta"}
    assert m["Rusia"].place.country == "RU" and m["Jakarta"].place.country == "ID"


def test_unknown_village_after_a_head_is_a_guess_near_the_story_and_buildings_sit_at_their_city():
    text = "Warga Desa Sukamekarsari mengungsi ke Bandung, lalu bertemu Gubernur di Gedung Sate, Bandung."
    ms = find_places(text, "id")
    check_invariants(text, ms)
    m = {x.text: x for x in ms}
    village = m["Desa Sukamekarsari"]
    assert village.basis is Basis.NEARBY and village.place.confidence <= 0.2 and village.place.kind == "city"
    assert village.located_at.name == "Bandung" and "a guess" in village.all_notes()[0]
    assert m["Bandung"].place.country == "ID"
    gedung = m["Gedung Sate"].place
    assert gedung is not None and gedung.kind == "landmark" and km(gedung, -6.9, 107.6) < 50


def test_invariants_and_runner_ups_on_a_longer_english_text():
    text = ("Officials in Georgia said the storm would reach Atlanta by noon. Farther east, Savannah "
            "closed its port, while in Russia and Georgia's capital Tbilisi the news was followed closely.")
    ms = find_places(text, "en")
    check_invariants(text, ms)
    m = {x.text: x for x in ms}
    assert m["Atlanta"].place.country == "US"
    assert m["Tbilisi"].place.country == "GE"
    assert any(x.place.alternatives for x in ms if x.place is not None)


@pytest.mark.parametrize("bad", ["", "   ", None, 42])
def test_bad_input_gives_no_places(bad):
    assert find_places(bad, "en") == []


def test_lower_case_words_inside_a_known_name_and_village_of_contexts():
    text = "The ferry left Dar es Salaam at dawn; later the police searched the village of Upper Brockwhistle near Telford."
    ms = find_places(text, "en")
    check_invariants(text, ms)
    m = {x.text: x for x in ms}
    assert m["Dar es Salaam"].place.country == "TZ"
    village = m["Upper Brockwhistle"]     # no gazetteer lists it: approximately at the town it is near
    assert village.basis is Basis.WITHIN and village.located_at.name == "Telford"
    assert village.place.confidence < 0.5 and village.place.kind == "city"
    assert m["Telford"].place.country == "GB"


def test_a_building_followed_by_its_city_sits_at_that_city_and_cities_beat_their_province():
    text = "Pameran dibuka di Benteng Rotterdam, Makassar, lalu berlanjut di Jakarta pekan depan."
    m = by_text(text, "id")
    fort = m["Benteng Rotterdam"].place
    assert fort.kind == "landmark" and km(fort, -5.13, 119.41) < 30
    assert m["Jakarta"].place.kind == "city"


def test_a_street_sits_at_the_city_of_the_article_not_at_its_namesake():
    text = "Crews repaved Wichita Street in Dublin, Ohio, last week."
    m = by_text(text, "en")
    street = m["Wichita Street"].place
    assert street is not None and street.kind == "landmark" and km(street, 40.10, -83.11) < 30


@pytest.mark.parametrize("lang", [None, "", "xx", "id-ID", 7])
def test_odd_language_codes_fall_back_without_error(lang):
    ms = find_places("Banjir melanda Jakarta dan Bandung.", lang)
    assert [m.text for m in ms] == ["Jakarta", "Bandung"]


SACRAMENTO_STORY = ("Sacramento firefighters worked through the night. The blaze began behind a diner {prep} Glenrock "
                    "and spread toward Elk Grove, while crews from Davis and Roseville helped. Sacramento officials "
                    "said California would pay, as Denver did after its own fire. Maple Street stayed closed.")


def test_a_small_far_namesake_in_a_local_story_sits_at_the_story_city():
    m = by_text(SACRAMENTO_STORY.format(prep="at"), "en")
    assert km(m["Glenrock"].place, 38.58, -121.49) < 30      # not the town in Wyoming
    assert km(m["Maple Street"].place, 38.58, -121.49) < 30  # the story's city, not Denver named just before


def test_a_name_introduced_as_a_town_stays_a_town():
    m = by_text(SACRAMENTO_STORY.format(prep="in"), "en")
    assert km(m["Glenrock"].place, 42.86, -105.87) < 30


def test_an_organisation_named_after_a_town_sits_at_the_city_named_after_it():
    m = by_text("She studied at Carrollton University in Denver before moving to Boise.", "en")
    assert m["Carrollton"].place.kind == "landmark" and km(m["Carrollton"].place, 39.74, -104.99) < 30
    m = by_text("Her brother taught at Texas Lutheran University in Seguin for years.", "en")
    assert m["Texas"].place.kind == "admin1"       # a state inside the name keeps its own reading


def test_a_possessive_after_from_is_a_business_not_a_town():
    text = SACRAMENTO_STORY.format(prep="from").replace("Glenrock and", "Glenrock's orchard and")
    m = by_text(text, "en")
    assert km(m["Glenrock"].place, 38.58, -121.49) < 30


def test_a_river_read_as_a_same_name_state_sits_at_the_story_city():
    text = ("Sacramento firefighters worked through the night. The blaze began near Elk Grove, while crews from "
            "Davis and Roseville helped. Sacramento officials said California would pay, as the Nevada River rose.")
    river = by_text(text, "en")["Nevada River"].place
    assert river.kind == "landmark" and km(river, 38.58, -121.49) < 30
