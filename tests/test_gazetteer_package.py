"""The gazetteer package's contract: a pure reader, SQLite only inside the package, a gazetteer passed in
by the caller, and sources that carry their own attribution and version.

The small gazetteer files here are written by the tests with the package's Writer (made-up places), so
these tests need no built gazetteer and steer nothing through the environment.
"""
import ast
from pathlib import Path

import pytest

from maps import gazetteer
from maps.gazetteer import Gazetteer, GazetteerError, Writer, embedded, store
from maps.gazetteer.sources import geonames_dump
from maps.geoparse import find_places

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("eventmap", "maps", "timeline", "languages", "benchmarks")
GAZETTEER_DIR = ROOT / "maps" / "gazetteer"


def _small_file(path: Path) -> Path:
    """Made-up places: a province, a town, two namesake towns, and a town written in katakana."""
    w = Writer()
    prov = w.add_place("Velmora Province", "admin1", -2.0, 110.0, country="ID", admin1="ID-VM", source="test")
    w.add_name(prov, "Velmora", "alt")
    w.add_place("Brindlecove", "city", -2.31, 110.42, country="ID", admin1="ID-VM", population=250_000,
                source="test")
    w.add_place("Ostravel", "city", -2.05, 109.87, country="ID", admin1="ID-VM", population=40_000, source="test")
    w.add_place("Ostravel", "city", 51.2, 4.1, country="BE", population=900, source="test")
    w.add_place("ソラミナト", "city", 35.1, 136.2, country="JP", population=60_000, source="test")
    w.write(path, {"dataset": "gazetteer"})
    return path


@pytest.fixture()
def small(tmp_path) -> Gazetteer:
    return Gazetteer(_small_file(tmp_path / "small.sqlite"))


@pytest.fixture()
def no_default(monkeypatch):
    """Any use of the default gazetteer fails the test: the one passed in must be the one read."""
    def refuse():
        raise AssertionError("the default gazetteer was asked for")
    monkeypatch.setattr(gazetteer, "default_gazetteer", refuse)
    monkeypatch.setattr(store, "default_gazetteer", refuse)
    monkeypatch.setattr(store, "build", lambda *a, **k: refuse())


# --- (a) the reader only reads ------------------------------------------------------------------------

def test_opening_a_reader_never_builds(tmp_path, monkeypatch):
    built = []
    monkeypatch.setattr(embedded, "build_file", lambda *a, **k: built.append(a))
    empty = tmp_path / "cache"
    empty.mkdir()
    with pytest.raises(GazetteerError, match="no gazetteer file"):
        Gazetteer(empty / "gazetteer-000000000000.sqlite")   # even a name the store would build
    damaged = empty / "gazetteer-111111111111.sqlite"
    damaged.write_bytes(b"half a file")
    with pytest.raises(GazetteerError, match="not a gazetteer file"):
        Gazetteer(damaged)
    g = Gazetteer(_small_file(tmp_path / "small.sqlite"))
    assert g.lookup("Brindlecove")[0].name == "Brindlecove"
    assert built == [] and sorted(p.name for p in empty.iterdir()) == [damaged.name]


def test_two_readers_of_different_files_live_side_by_side(small, tmp_path):
    other = Writer()
    other.add_place("Brindlecove", "city", 10.0, 20.0, country="PH", source="test")
    other.write(tmp_path / "other.sqlite", {"dataset": "gazetteer"})
    g2 = Gazetteer(tmp_path / "other.sqlite")
    assert small.lookup("Brindlecove")[0].country == "ID"
    assert g2.lookup("Brindlecove")[0].country == "PH"


def test_reader_yields_the_keys_of_uncased_scripts(small):
    keys = list(small.keys_from("\u0590"))
    assert keys == ["ソラミナト"]


# --- (b) SQLite stays inside the package ----------------------------------------------------------------

def _imports_sqlite(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "sqlite3" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlite3":
            return True
    return False


def _is_geocoding_cache(path: Path) -> bool:
    """The online geocoders' answer cache is its own SQLite file, not the gazetteer's."""
    rel = path.relative_to(ROOT / "maps").as_posix()
    return rel.startswith("geocoding")


def test_no_module_outside_the_gazetteer_package_imports_sqlite3():
    offenders = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if GAZETTEER_DIR in path.parents:
                continue
            if package == "maps" and _is_geocoding_cache(path):
                continue
            if _imports_sqlite(path):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_sqlite_check_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from sqlite3 import connect\n    return connect\n")
    good = tmp_path / "good.py"
    good.write_text("import sqlite_utils_like_name\n")
    assert _imports_sqlite(bad) and not _imports_sqlite(good)
    assert _imports_sqlite(GAZETTEER_DIR / "reader.py")


# --- (c) a gazetteer passed in --------------------------------------------------------------------------

def test_find_places_reads_the_gazetteer_it_is_given(small, no_default):
    text = "The ferry left Brindlecove on Monday and reached Ostravel in Velmora by night."
    found = {m.text: m.place for m in find_places(text, "en", gazetteer=small)}
    assert set(found) >= {"Brindlecove", "Ostravel"}
    assert (found["Brindlecove"].lat, found["Brindlecove"].lon) == (-2.31, 110.42)
    assert found["Ostravel"].country == "ID", "the larger namesake, not the Belgian hamlet"


def test_find_places_knows_only_the_given_gazetteer(small, no_default):
    # Paris and Jakarta are in the embedded gazetteer, not in this one
    found = find_places("Officials flew from Paris to Jakarta and then to Brindlecove.", "en", gazetteer=small)
    assert [m.place.name for m in found if m.place is not None] == ["Brindlecove"]


# --- sources carry their attribution and version ---------------------------------------------------------

@pytest.mark.parametrize("source", embedded.SOURCES + (geonames_dump,), ids=lambda s: s.KEY)
def test_every_source_has_key_attribution_and_version(source):
    assert isinstance(source.KEY, str) and source.KEY
    assert isinstance(source.ATTRIBUTION, str) and " - " in source.ATTRIBUTION, "data - licence"
    assert source.version() is None or isinstance(source.version(), str)
    assert callable(getattr(source, "version"))


def test_attribution_and_file_name_are_made_from_the_sources(monkeypatch):
    before = embedded.file_name()
    lines = embedded.attribution()
    assert lines == [s.ATTRIBUTION for s in embedded.SOURCES]
    monkeypatch.setattr(embedded.SOURCES[0], "version", lambda: "999.0")
    assert embedded.file_name() != before, "a new version of a source names a new file"
    assert embedded.file_name(min_population=15000) != embedded.file_name()


def test_info_before_any_build_names_sources_without_building(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("EVENTMAP_GAZETTEER", raising=False)
    monkeypatch.setattr(embedded, "build_file", lambda *a, **k: pytest.fail("info() must not build"))
    data = gazetteer.info()
    assert data["embedded_built"] is False and "not built yet" in data["note"]
    assert data["attribution"] == embedded.attribution()
    assert {s.KEY for s in embedded.SOURCES} <= set(data["sources"])
    assert list(tmp_path.iterdir()) == []
