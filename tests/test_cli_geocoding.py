"""The online geocoder seen from the command line: a real Nominatim-speaking server on 127.0.0.1
(tests/nominatim_server.py), the whole run through `eventmap`, the outputs on disk.

The command line runs on the real clock, so these runs set the pace and the back-off to zero
(`--geocoder-option`): what they test is the command, not the waits (tests/test_geocoding_online.py
runs the real waits on a fake clock), and any sleep on the wall clock fails them."""
import json

import pytest

from eventmap.cli import main
from geocoding_helpers import no_wall_sleep  # noqa: F401 (fixture)
from nominatim_server import NominatimServer, record

pytestmark = pytest.mark.usefixtures("no_wall_sleep", "own_geocoding_cache")


@pytest.fixture
def own_geocoding_cache(tmp_path, monkeypatch):
    """Each test's answers in its own directory, not in the shared EVENTMAP_CACHE_DIR (which holds
    the gazetteer the runs need): another run, or another test session on the same machine, must
    not answer for this one's server."""
    monkeypatch.setattr("maps.geocoding.cache.cache_dir", lambda: tmp_path / "geocoding-cache")

STORY = ("Longsor menimbun jalan di Desa Sukamakmur, Kabupaten Sukabumi, pada Senin 4/3/2024. "
         "Warga mengungsi ke Sukabumi.\n")


def run(tmp_path, capsys, server_domain, *extra, timeout=5.0):
    src = tmp_path / "longsor.txt"
    src.write_text(STORY, encoding="utf-8")
    code = main([str(src), "--lang", "id", "-o", str(tmp_path / "out"), "--formats", "json,html",
                 "--geocoder", "nominatim", "--geocoder-option", f"domain={server_domain}",
                 "--geocoder-option", "scheme=http", "--geocoder-option", "user_agent=eventmap-tests/1.0",
                 "--geocoder-option", "min_delay_seconds=0", "--geocoder-option", "retry_wait_seconds=0",
                 "--geocoder-timeout", str(timeout), *extra])
    _, err = capsys.readouterr()
    return code, err, json.loads((tmp_path / "out" / "longsor.json").read_text("utf-8"))


def offline_places(data):
    """The places the gazetteer itself placed (not those put only approximately where the text says they are)."""
    return [(p["text"], p["lat"], p["lon"]) for p in data["places"]
            if p["source"] == "gazetteer" and p.get("basis") != "within"]


@pytest.fixture
def offline(tmp_path, capsys, monkeypatch):
    """The same article with no geocoder: what every faulty run must still give."""
    src = tmp_path / "plain.txt"
    src.write_text(STORY, encoding="utf-8")
    assert main([str(src), "--lang", "id", "-o", str(tmp_path / "plain"), "--formats", "json"]) == 0
    capsys.readouterr()
    return json.loads((tmp_path / "plain" / "plain.json").read_text("utf-8"))


def test_fallback_fills_the_unresolved_village_and_a_second_run_asks_nothing(tmp_path, capsys, offline):
    approximate = [p for p in offline["places"] if "Sukamakmur" in p["text"]]
    assert approximate and approximate[0]["basis"] == "within" and approximate[0]["located_at"] == "Sukabumi"
    places = {"Desa Sukamakmur": [record("Sukamakmur", -6.95, 106.75, "id", "village")],
              "Sukamakmur": [record("Sukamakmur", -6.95, 106.75, "id", "village")]}
    with NominatimServer(places) as server:
        code, err, data = run(tmp_path, capsys, server.domain)
        assert code == 0, err
        first = len(server.requests)
        assert first >= 1, err
        assert all(r.user_agent == "eventmap-tests/1.0" for r in server.requests)
        code, err, again = run(tmp_path, capsys, server.domain)
        assert code == 0 and len(server.requests) == first, err  # the cache answered everything
    online = [p for p in data["places"] if p["source"] == "nominatim"]
    assert [p["text"] for p in online] and "Sukamakmur" in online[0]["text"], data["warnings"]
    assert abs(online[0]["lat"] + 6.95) < 0.01
    assert offline_places(data) == offline_places(offline)       # the offline reading is untouched
    assert not any("Sukamakmur" in u["text"] for u in data["unresolved"])
    assert again["places"] == data["places"]


@pytest.mark.parametrize("fault, words", [("500", "500"), ("malformed", "JSON"), ("slow", "time")])
def test_a_failing_geocoder_leaves_the_offline_result_and_says_why(tmp_path, capsys, offline, fault, words):
    with NominatimServer({}, default_fault=fault, slow_seconds=1.0) as server:
        code, err, data = run(tmp_path, capsys, server.domain, "--no-geocoder-cache", timeout=0.1)
    assert code == 0, err
    assert offline_places(data) == offline_places(offline)
    assert [u["text"] for u in data["unresolved"]] == [u["text"] for u in offline["unresolved"]]
    assert "warning" in err and words.lower() in err.lower()
    assert data["warnings"] and any(words.lower() in w.lower() for w in data["warnings"])
    html = (tmp_path / "out" / "longsor.html").read_text("utf-8")
    assert html.rstrip().endswith("</html>")                     # complete, not half-written
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]  # no temp files left


def test_a_refused_connection_finishes_offline(tmp_path, capsys, offline):
    server = NominatimServer({})
    domain = server.domain
    server.stop()
    code, err, data = run(tmp_path, capsys, domain, "--no-geocoder-cache")
    assert code == 0, err
    assert offline_places(data) == offline_places(offline)
    assert "refused" in err.lower()


def test_bad_geocoder_settings_are_one_line_errors(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(STORY, encoding="utf-8")
    for extra in (["--geocoder", "no-such-service"], ["--geocoder", "nominatim", "--geocoder-option", "novalue"],
                  ["--geocoder-option", "domain=127.0.0.1:9"], ["--geocoder-timeout", "3"]):
        code = main([str(src), "--lang", "id", "-o", str(tmp_path), *extra])
        err = capsys.readouterr().err
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


def test_a_guess_made_offline_is_asked_online(tmp_path, capsys):
    # no place named near the waterfall: offline it can only be somewhere in Indonesia
    src = tmp_path / "air.txt"
    src.write_text("Tiga wisatawan terseret arus di Air Terjun Curug Citambur pada Minggu sore.\n", encoding="utf-8")
    assert main([str(src), "--lang", "id", "-o", str(tmp_path / "plain"), "--formats", "json"]) == 0
    plain = json.loads((tmp_path / "plain" / "air.json").read_text("utf-8"))
    assert [p["basis"] for p in plain["places"]] == ["country"]
    places = {"Air Terjun Curug Citambur": [record("Curug Citambur", -7.28, 107.27, "id", "waterfall")]}
    with NominatimServer(places) as server:
        assert main([str(src), "--lang", "id", "-o", str(tmp_path / "out"), "--formats", "json",
                     "--geocoder", "nominatim", "--geocoder-option", f"domain={server.domain}",
                     "--geocoder-option", "scheme=http", "--geocoder-option", "min_delay_seconds=0"]) == 0
    capsys.readouterr()
    data = json.loads((tmp_path / "out" / "air.json").read_text("utf-8"))
    assert [(p["source"], round(p["lat"], 2)) for p in data["places"]] == [("nominatim", -7.28)]
