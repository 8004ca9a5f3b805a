"""Reading geopy replies of different providers into candidates, by the paths in maps/geocoding/data/policy.json."""
from geopy.location import Location

from maps.geocoding.answers import candidates_from


def test_nominatim_shape():
    raw = {"lat": "-7.25", "lon": "112.75", "name": "Kali Mas", "addresstype": "river",
           "address": {"country_code": "id"}, "boundingbox": ["-7.4", "-7.1", "112.6", "112.9"]}
    [c] = candidates_from([Location("Kali Mas, Surabaya", (-7.25, 112.75), raw)], "nominatim")
    assert (c["name"], c["country"], c["kind"], c["rank"]) == ("Kali Mas", "ID", "landmark", 0)
    assert c["bbox"] == [-7.4, 112.6, -7.1, 112.9]  # south, west, north, east


def test_photon_shape():
    raw = {"geometry": {"coordinates": [11.57, 48.14]},
           "properties": {"name": "Maxvorstadt", "type": "district", "countrycode": "DE",
                          "extent": [11.55, 48.16, 11.59, 48.13]}}
    [c] = candidates_from([Location("Maxvorstadt, Munich", (48.14, 11.57), raw)], "photon")
    assert (c["name"], c["country"], c["kind"]) == ("Maxvorstadt", "DE", "admin2")
    assert c["bbox"] == [48.13, 11.55, 48.16, 11.59]


def test_google_kind_from_the_first_type_and_name_from_the_address():
    raw = {"types": ["locality", "political"], "formatted_address": "Ubud, Gianyar, Bali, Indonesia"}
    [c] = candidates_from(Location("Ubud, Gianyar, Bali, Indonesia", (-8.51, 115.26), raw), "googlev3")
    assert (c["name"], c["kind"], c["country"], c["bbox"]) == ("Ubud", "city", None, None)


def test_points_without_valid_coordinates_are_dropped_and_ranks_stay_dense():
    good = Location("Here", (1.0, 2.0), {})
    bad = Location("Nowhere", (0.0, 0.0), {})
    bad._point = None  # a provider answer without coordinates
    found = candidates_from([bad, good], "nominatim")
    assert [(c["name"], c["rank"]) for c in found] == [("Here", 0)]
    assert candidates_from(None, "nominatim") == []


def test_every_kind_a_provider_word_maps_to_is_one_of_eventmaps_kinds():
    from maps.geocoding.policy import policy
    from maps.kinds import KINDS

    table = policy()
    assert set(table["kinds"].values()) | {table["other_kind"]} <= set(KINDS)


def test_an_ocean_is_an_ocean_and_an_unknown_word_a_landmark():
    ocean = Location("Samudra Hindia", (-20.0, 80.0), {"addresstype": "ocean", "name": "Samudra Hindia"})
    odd = Location("Menara Air", (-6.2, 106.8), {"addresstype": "water_tower", "name": "Menara Air"})
    assert [c["kind"] for c in candidates_from([ocean, odd], "nominatim")] == ["ocean", "landmark"]
