"""Choosing among a geocoder's readings by the article's other places, and verify mode's rule: the
online reading replaces the offline one only when it clearly fits the article better."""
from __future__ import annotations

import pytest

from geocoding_helpers import gazetteer_place, mention, no_wall_sleep, online, spans  # noqa: F401 (fixture)
from maps.geo import distance_km
from maps.geocoding.choice import ArticleContext, verdict
from maps.model import Basis
from nominatim_server import nominatim_server, record  # noqa: F401 (fixture)

pytestmark = pytest.mark.usefixtures("no_wall_sleep")

TEXT = ("Flood water reached Ipswich overnight, and crews from Brisbane and Toowoomba were sent to help, "
        "while Gympie waited for its own peak. Australia's weather office expects more rain; "
        "the Springvale levee held.")

BRISBANE = gazetteer_place("Brisbane", -27.468, 153.028, "AU")
TOOWOOMBA = gazetteer_place("Toowoomba", -27.561, 151.954, "AU")
GYMPIE = gazetteer_place("Gympie", -26.190, 152.665, "AU")
IPSWICH_GB = gazetteer_place("Ipswich", 52.059, 1.155, "GB")

SERVER = {
    "Ipswich": [record("Ipswich", 52.057, 1.148, "gb", "town", "Ipswich, Suffolk, England"),
                record("Ipswich", -27.614, 152.758, "au", "city", "Ipswich, Queensland, Australia")],
    "Brisbane": [record("Brisbane", -27.470, 153.025, "au", "city", "Brisbane, Queensland, Australia")],
    "Toowoomba": [record("Toowoomba", 39.10, -84.51, "us", "hamlet", "Toowoomba, Somewhere, United States")],
    "Springvale": [record("Springvale", 44.47, -70.79, "us", "town", "Springvale, Maine, United States"),
                   record("Springvale", -25.30, 152.10, "au", "village", "Springvale, Queensland, Australia")],
}


def offline(ipswich=IPSWICH_GB):
    places = [mention(TEXT, "Ipswich", ipswich), mention(TEXT, "Brisbane", BRISBANE),
              mention(TEXT, "Toowoomba", TOOWOOMBA), mention(TEXT, "Gympie", GYMPIE),
              mention(TEXT, "Australia", gazetteer_place("Australia", -25.0, 134.0, "AU", "country"), demonym=True)]
    return places, [mention(TEXT, "Springvale")]


def by_text(mentions):
    return {m.text: m for m in mentions}


def test_verify_replaces_a_reading_that_does_not_fit_and_keeps_the_rest(nominatim_server, tmp_path):
    server = nominatim_server(SERVER)
    places, unresolved = offline()
    out, still = online(server.domain, tmp_path, mode="verify").resolve(TEXT, "en", places, unresolved)
    assert spans(out) == spans(places) | spans(unresolved) and still == []
    got = by_text(out)
    ipswich = got["Ipswich"].place
    assert (ipswich.source, ipswich.country) == ("nominatim", "AU")
    assert distance_km(ipswich.lat, ipswich.lon, -27.614, 152.758) < 1
    assert any(a.source == "gazetteer" and a.country == "GB" for a in ipswich.alternatives)
    assert got["Ipswich"].basis is Basis.GEOCODER and got["Ipswich"].located_at is None
    assert any("replaced" in n for n in got["Ipswich"].notes)
    assert got["Brisbane"].place == BRISBANE and any("agrees" in n for n in got["Brisbane"].notes)
    assert got["Toowoomba"].place == TOOWOOMBA and any("kept" in n for n in got["Toowoomba"].notes)
    assert got["Brisbane"].basis is got["Toowoomba"].basis is Basis.GAZETTEER  # kept readings keep their basis
    assert got["Gympie"].place == GYMPIE  # the server knows nothing: offline stays
    # countries and demonyms are not re-checked
    assert sorted(r.q for r in server.requests) == ["Brisbane", "Gympie", "Ipswich", "Springvale", "Toowoomba"]


def test_verify_keeps_the_offline_reading_when_nothing_says_otherwise(nominatim_server, tmp_path):
    server = nominatim_server({"Ipswich": SERVER["Ipswich"][1:]})  # only the far-away reading
    text = "Ipswich council met on Tuesday."
    alone = [mention(text, "Ipswich", IPSWICH_GB)]
    geocoding = online(server.domain, tmp_path, mode="verify")
    out, _ = geocoding.resolve(text, "en", alone, [])
    assert out[0].place == IPSWICH_GB and any("kept" in n for n in out[0].notes)
    assert geocoding.stats["kept"] == 1 and geocoding.stats["replaced"] == 0


def test_fallback_does_not_ask_about_resolved_places(nominatim_server, tmp_path):
    server = nominatim_server(SERVER)
    places, unresolved = offline()
    out, _ = online(server.domain, tmp_path).resolve(TEXT, "en", places, unresolved)
    assert [r.q for r in server.requests] == ["Springvale"]
    assert by_text(out)["Ipswich"].place == IPSWICH_GB


def test_fallback_picks_the_candidate_in_the_articles_country(nominatim_server, tmp_path):
    server = nominatim_server(SERVER)
    places, unresolved = offline(ipswich=gazetteer_place("Ipswich", -27.614, 152.758, "AU"))
    out, _ = online(server.domain, tmp_path).resolve(TEXT, "en", places, unresolved)
    spring = by_text(out)["Springvale"].place
    assert spring.country == "AU" and spring.source == "nominatim"
    assert 0 < spring.confidence < 1
    assert [a.country for a in spring.alternatives] == ["US"]


def test_fallback_without_context_trusts_the_providers_order(nominatim_server, tmp_path):
    server = nominatim_server(SERVER)
    text = "The Springvale levee held."
    out, _ = online(server.domain, tmp_path).resolve(text, "en", [], [mention(text, "Springvale")])
    assert out[0].place.country == "US"


def test_context_needs_a_real_majority_for_a_dominant_country():
    split = ArticleContext.of([BRISBANE, IPSWICH_GB, gazetteer_place("Leeds", 53.8, -1.55, "GB"),
                               gazetteer_place("Perth", -31.95, 115.86, "AU")])
    assert split.dominant_country in ("AU", "GB")  # a tie still has a 50% share
    mixed = ArticleContext.of([BRISBANE, IPSWICH_GB, gazetteer_place("Lyon", 45.76, 4.83, "FR")])
    assert mixed.dominant_country is None
    assert ArticleContext.of([]).centroid is None


def test_centroid_is_a_spherical_mean():
    context = ArticleContext.of([gazetteer_place("A", 0.0, 179.0, "FJ"), gazetteer_place("B", 0.0, -179.0, "FJ")])
    assert abs(abs(context.centroid[1]) - 180.0) < 1e-6  # across the date line, not at longitude 0


def _candidate(lat, lon, country):
    return {"name": "X", "lat": lat, "lon": lon, "kind": "city", "country": country, "rank": 0, "address": "X"}


def test_verdict_the_articles_country_wins_even_when_not_closer():
    context = ArticleContext.of([gazetteer_place("A", 1.5, 103.7, "MY"), gazetteer_place("B", 2.0, 103.0, "MY")])
    offline_nearer = gazetteer_place("X", 1.35, 103.9, "SG")
    assert verdict(offline_nearer, _candidate(2.6, 102.6, "MY"), context)[0] == "replace"
    offline_in_country = gazetteer_place("X", 2.6, 102.6, "MY")
    assert verdict(offline_in_country, _candidate(1.35, 103.9, "SG"), context)[0] == "keep"


def test_verdict_without_a_dominant_country_needs_a_much_closer_reading():
    context = ArticleContext.of([gazetteer_place("A", 48.85, 2.35, "FR"), gazetteer_place("B", 50.85, 4.35, "BE"),
                                 gazetteer_place("C", 52.37, 4.90, "NL")])
    assert context.dominant_country is None
    far = gazetteer_place("X", 40.0, -75.0, "US")
    assert verdict(far, _candidate(50.0, 5.0, "DE"), context)[0] == "replace"
    slightly_far = gazetteer_place("X", 47.0, 8.0, "CH")
    assert verdict(slightly_far, _candidate(51.0, 10.0, "DE"), context)[0] == "keep"
    assert verdict(slightly_far, _candidate(47.1, 8.1, "CH"), context)[0] == "agree"


def test_a_head_word_prefers_the_kind_it_names(nominatim_server, tmp_path):
    server = nominatim_server({"Harlan": [record("Harlan", 41.65, -95.33, "us", "town", "Harlan, Iowa"),
                                          record("Harlan", 36.86, -83.22, "us", "county", "Harlan County, Kentucky")]})
    text = "Roads in Harlan County were closed after the storm."
    out, _ = online(server.domain, tmp_path).resolve(text, "en", [], [mention(text, "Harlan County")])
    assert (out[0].place.kind, round(out[0].place.lat)) == ("admin2", 37)
    plain = "Roads in Harlan were closed after the storm."
    out, _ = online(server.domain, tmp_path).resolve(plain, "en", [], [mention(plain, "Harlan")])
    assert out[0].place.kind == "city"
