"""The full-GeoNames import, on a tiny dump the test writes in GeoNames' own format."""
import zipfile

import pytest

from maps import gazetteer
from maps.gazetteer import Gazetteer, import_geonames
from maps.gazetteer.sources.geonames_dump import GeoNamesFileError

# geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 admin1 admin2 admin3 admin4
# population elevation dem timezone modified
ROWS = [
    (6255147, "Asia", "Asia", "Asie,Asien", 29.84064, 89.29688, "L", "CONT", "", "", "", "", "", "", 0),
    (1643084, "Republic of Indonesia", "Republic of Indonesia", "Indonesia,Indonesie", -5, 120, "A", "PCLI",
     "ID", "", "00", "", "", "", 267663435),
    (1642907, "Jakarta", "Jakarta", "DKI Jakarta,Daerah Khusus Ibukota Jakarta", -6.1818, 106.8223, "A", "ADM1",
     "ID", "", "04", "", "", "", 10562088),
    (1642911, "Jakarta", "Jakarta", "Batavia,JKT,Djakarta", -6.21462, 106.84513, "P", "PPLC", "ID", "", "04", "",
     "", "", 8540121),
    (4099753, "Benton County", "Benton County", "", 36.33809, -94.25633, "A", "ADM2", "US", "", "AR", "007",
     "", "", 284333),
    (4929022, "Springfield", "Springfield", "", 42.10148, -72.58981, "P", "PPLA2", "US", "", "MA", "013", "",
     "", 155929),
    (1701287, "Mindanao", "Mindanao", "Mindanaw", 8.0, 125.0, "T", "ISL", "PH", "", "", "", "", "", 25537691),
    (9999901, "Tiny Hamlet", "Tiny Hamlet", "", 1.0, 1.0, "P", "PPL", "ID", "", "04", "", "", "", 12),
]


def _line(r) -> str:
    cols = list(r[:14]) + [r[14], "", "", "Asia/Jakarta", "2024-01-01"]
    return "\t".join(str(c) for c in cols) + "\n"


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    d = tmp_path_factory.mktemp("geonames")
    allc = d / "allCountries.zip"
    with zipfile.ZipFile(allc, "w") as z:
        z.writestr("allCountries.txt", "".join(_line(r) for r in ROWS))
    alt = d / "alternateNamesV2.zip"
    with zipfile.ZipFile(alt, "w") as z:
        z.writestr("alternateNamesV2.txt", "".join([
            "1\t1642911\tid\tJakarta\t1\t\t\t\t\t\n",
            "2\t1642911\tnl\tBatavia\t\t\t\t1\t\t\n",
            "3\t1643084\tid\tIndonesia\t1\t\t\t\t\t\n",
            "4\t1642911\tlink\thttps://example.org/jakarta\t\t\t\t\t\t\n",
            "5\t1701287\ten\tMindanao Island\t\t\t\t\t\t\n",
            "6\t4099753\tabbr\tBC\t\t\t\t\t\t\n",
        ]))
    return allc, alt


@pytest.fixture(scope="module")
def imported(dump, tmp_path_factory):
    allc, alt = dump
    out = tmp_path_factory.mktemp("out") / "geonames.sqlite"
    return Gazetteer(import_geonames(allc, alt, out=out, min_population=100, quiet=True))


def test_import_keeps_geonames_records_and_codes(imported):
    city = next(c for c in imported.lookup("Jakarta") if c.kind == "city")
    assert (city.geonameid, city.admin1, city.fcode, city.dataset) == (1642911, "ID.04", "PPLC", "geonames")
    prov = next(c for c in imported.lookup("Jakarta") if c.kind == "admin1")
    assert prov.admin1 == city.admin1
    assert imported.lookup("Jakarta")[0].kind == "city"
    assert city.to_place().source == "geonames"


def test_import_reads_alternate_names_and_skips_links(imported):
    assert imported.lookup("Batavia")[0].geonameid == 1642911
    assert imported.lookup("Jakarta")[0].geonameid == 1642911
    assert imported.lookup("Mindanao Island")[0].kind == "island"
    assert imported.lookup("https://example.org/jakarta") == []
    assert imported.lookup("BC")[0].match == "abbrev"


def test_import_adds_counties_and_drops_small_places(imported):
    assert imported.lookup("Benton County")[0].kind == "admin2"
    assert imported.lookup("Tiny Hamlet") == []


def test_import_attaches_cldr_curated_and_demonyms(imported):
    assert imported.by_country("ID").geonameid == 1643084
    assert imported.lookup("Indonesien")[0].country == "ID"      # CLDR (German)
    assert imported.lookup("Indonesian")[0].match == "demonym"
    assert imported.lookup("Asia Tenggara")[0].kind == "region"  # curated
    assert imported.lookup("Asia")[0].kind == "continent"
    assert imported.max_tokens("asia") >= 2


def test_open_prefers_the_env_path(imported, monkeypatch):
    monkeypatch.setenv("EVENTMAP_GAZETTEER", str(imported.path))
    assert gazetteer.default_gazetteer().dataset == "geonames"


def test_bad_dump_is_a_clear_error(tmp_path):
    bad = tmp_path / "notes.zip"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("notes.txt", "this is not a gazetteer\n")
    with pytest.raises(GeoNamesFileError, match="not a GeoNames record"):
        import_geonames(bad, out=tmp_path / "x.sqlite", quiet=True)
    assert not (tmp_path / "x.sqlite").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["notes.zip"], "no temp file left behind"
    with pytest.raises(GeoNamesFileError, match="no such file"):
        import_geonames(tmp_path / "missing.zip", out=tmp_path / "y.sqlite", quiet=True)


def test_an_import_in_the_cache_is_used_by_default(dump, monkeypatch, tmp_path):
    allc, _ = dump
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("EVENTMAP_GAZETTEER", raising=False)
    path = import_geonames(allc, quiet=True)
    assert path.parent == tmp_path
    g = gazetteer.default_gazetteer()
    assert g.path == path and g.dataset == "geonames"
