"""OnlineGeocoding against a real HTTP server on 127.0.0.1 speaking Nominatim's JSON API.

Every fault (slow replies, 429, 500, malformed JSON, connection refused, the server dying) must end
the same way: resolve() returns, the offline result is intact, a warning says what happened, the
cache holds no failed answer. The cache is proven by counting requests on the server, the pace by
the server's request timestamps - on the fake clock the client waits on (geocoding_helpers), so
Nominatim's real pace and back-off cost no wall time; any sleep on the wall clock fails a test.
"""
from __future__ import annotations

import sqlite3
import time

import pytest

from geocoding_helpers import FakeClock, gazetteer_place, mention, no_wall_sleep, online, snapshot, spans  # noqa: F401
from maps.model import Alternative, Basis
from nominatim_server import nominatim_server, record, refused_domain  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("no_wall_sleep")

TEXT = ("Banjir bandang menerjang Desa Karangsari dan Desa Wonoasri di Kabupaten Jember, Jawa Timur, "
        "Selasa malam. Ratusan warga mengungsi ke balai desa di Ambulu, sementara jalan ke Wonoasri putus.")

PLACES = {
    "Karangsari": [record("Karangsari", -8.301, 113.552, "id", "village", "Karangsari, Jember, Jawa Timur, Indonesia")],
    "Wonoasri": [record("Wonoasri", -8.262, 113.604, "id", "village", "Wonoasri, Jember, Jawa Timur, Indonesia")],
    # "Ambulu" is unknown to the server: a negative answer
}


def offline_result():
    places = [mention(TEXT, "Jember", gazetteer_place("Jember", -8.172, 113.700, "ID", "admin2")),
              mention(TEXT, "Jawa Timur", gazetteer_place("Jawa Timur", -7.536, 112.238, "ID", "admin1"))]
    unresolved = [mention(TEXT, "Karangsari"), mention(TEXT, "Wonoasri"), mention(TEXT, "Ambulu"),
                  mention(TEXT, "Wonoasri", nth=1)]
    return places, unresolved


def run(geocoding):
    """resolve() on fresh offline lists; checks nothing was lost or changed in the inputs."""
    places, unresolved = offline_result()
    before = snapshot(places), snapshot(unresolved)
    out_places, still = geocoding.resolve(TEXT, "id", places, unresolved)
    assert (snapshot(places), snapshot(unresolved)) == before, "inputs were modified"
    assert spans(out_places) | spans(still) == spans(places) | spans(unresolved)
    assert not spans(out_places) & spans(still)
    offline_places = [m for m in out_places if m.place.source == "gazetteer"]
    assert snapshot(offline_places) == before[0], "the offline places changed"
    return out_places, still


def by_text(mentions):
    return {m.text: m for m in mentions}


def test_fallback_resolves_unresolved_names_and_records_the_source(nominatim_server, tmp_path):
    server = nominatim_server(PLACES)
    warnings: list[str] = []
    places, still = run(online(server.domain, tmp_path, warnings))
    found = [m for m in places if m.place.source == "nominatim"]
    assert sorted((m.text, m.start) for m in found) == sorted(
        [("Karangsari", TEXT.index("Karangsari")), ("Wonoasri", TEXT.index("Wonoasri")),
         ("Wonoasri", TEXT.index("Wonoasri", TEXT.index("Wonoasri") + 1))])
    karang = by_text(found)["Karangsari"].place
    assert (karang.country, karang.kind) == ("ID", "city")
    assert karang.lat == pytest.approx(-8.301) and karang.lon == pytest.approx(113.552)
    assert karang.bbox[0] < karang.lat < karang.bbox[2] and karang.bbox[1] < karang.lon < karang.bbox[3]
    assert all(m.basis is Basis.GEOCODER for m in found)
    assert all(isinstance(a, Alternative) for m in found for a in m.place.alternatives)
    assert [m.text for m in still] == ["Ambulu"]
    assert warnings == []
    # each distinct name asked once, in Nominatim's format, with the article's language
    assert sorted(r.q for r in server.requests) == ["Ambulu", "Karangsari", "Wonoasri"]
    assert all(r.path == "/search" and r.query["format"] == "json" for r in server.requests)
    assert all(r.query.get("accept-language") == "id" for r in server.requests)


def test_a_real_user_agent_is_sent_never_geopys(nominatim_server, tmp_path):
    server = nominatim_server(PLACES)
    run(online(server.domain, tmp_path))
    agents = {r.user_agent for r in server.requests}
    assert len(agents) == 1 and agents.pop().startswith("eventmap/")
    server2 = nominatim_server(PLACES)
    run(online(server2.domain, tmp_path / "other", options=("user_agent=flood-desk/2.1 (desk@example.org)",)))
    assert {r.user_agent for r in server2.requests} == {"flood-desk/2.1 (desk@example.org)"}


def test_second_run_sends_no_requests_negative_answers_included(nominatim_server, tmp_path):
    server = nominatim_server(PLACES)
    first = run(online(server.domain, tmp_path))
    sent = len(server.requests)
    assert sent == 3
    again = online(server.domain, tmp_path)
    second = run(again)
    assert len(server.requests) == sent, "the second run asked the server again"
    assert snapshot(second[0]) == snapshot(first[0]) and snapshot(second[1]) == snapshot(first[1])
    assert again.stats["requests"] == 0 and again.stats["cache_hits"] == 3


def test_cache_is_keyed_by_server_and_language(nominatim_server, tmp_path):
    server = nominatim_server(PLACES)
    run(online(server.domain, tmp_path))
    places, unresolved = offline_result()
    online(server.domain, tmp_path).resolve(TEXT, "jv", places, unresolved)
    assert len(server.requests) == 6, "another language is another question"
    other = nominatim_server(PLACES)
    run(online(other.domain, tmp_path))
    assert len(other.requests) == 3, "another server is another question"


def test_cache_lives_in_eventmap_cache_dir_or_xdg_cache_home(nominatim_server, tmp_path, monkeypatch):
    server = nominatim_server(PLACES)
    monkeypatch.setenv("EVENTMAP_CACHE_DIR", str(tmp_path / "chosen"))
    geocoding = online(server.domain, tmp_path)
    geocoding.config.cache_dir = None
    geocoding.close()
    from maps.geocoding import OnlineGeocoding
    assert OnlineGeocoding(geocoding.config).stats["cache"] == str(tmp_path / "chosen" / "geocoding.sqlite")
    monkeypatch.delenv("EVENTMAP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert OnlineGeocoding(geocoding.config).stats["cache"].startswith(str(tmp_path / "xdg"))


def test_an_unusable_cache_file_is_reported_and_the_run_goes_on(nominatim_server, tmp_path):
    (tmp_path / "geocoding.sqlite").write_bytes(b"this is not a database" * 100)
    server = nominatim_server(PLACES)
    warnings: list[str] = []
    geocoding = online(server.domain, tmp_path, warnings)
    places, still = run(geocoding)
    assert len([m for m in places if m.place.source == "nominatim"]) == 3
    assert any("cache" in w for w in warnings)
    assert warnings == geocoding.last_warnings  # the start-up warning travels with the first document


def _hamlets():
    names = {f"Dusun {w}": [record(f"Dusun {w}", -8.0 - i / 10, 113.0, "id", "hamlet")]
             for i, w in enumerate(["Krajan", "Sumberan", "Tegalrejo", "Gumukmas", "Pondokrejo"])}
    return names, "Air naik di " + ", ".join(names) + "."


def test_requests_are_never_faster_than_the_configured_pace(nominatim_server, tmp_path):
    names, text = _hamlets()
    clock = FakeClock()
    # each answer takes 0.3 s: the pause is counted from the end of an exchange, not its start
    server = nominatim_server(names, faults=[None, "500"], clock=clock, latency=0.3)  # the retry is paced too
    geocoding = online(server.domain, tmp_path, clock=clock, retry_wait_seconds=0.5)
    geocoding.resolve(text, "id", [], [mention(text, n) for n in names])
    times = server.request_times()
    assert len(times) == 6
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert min(gaps) >= 1.0 + 0.3 - 1e-9, gaps  # Nominatim's 1 s after each 0.3 s exchange
    assert max(gaps) < 1.3 + 1e-9, gaps         # and no more: a 0.5 s back-off fits inside the pause


def test_nominatim_is_paced_at_one_request_per_second_by_default():
    from maps.geocoding import make_config

    assert make_config("nominatim", ["domain=127.0.0.1:9", "scheme=http"]).delay == 1.0


# --- faults ------------------------------------------------------------------------------------------------

def test_replies_slower_than_the_timeout(nominatim_server, tmp_path):
    server = nominatim_server(PLACES, default_fault="slow", slow_seconds=0.8)
    warnings: list[str] = []
    geocoding = online(server.domain, tmp_path, warnings, timeout=0.1, max_retries=1, max_failures=4)
    started = time.monotonic()
    places, still = run(geocoding)
    assert time.monotonic() - started < 2.0
    assert all(m.place.source == "gazetteer" for m in places) and len(still) == 4
    assert any("timed out after 0.1 s" in w for w in warnings)
    assert any("stopped asking" in w for w in warnings)
    assert len(server.requests) == 4  # two names, two tries each, then the breaker
    assert geocoding.stats["breaker_open"] and geocoding.stats["failures"] == 2


def test_429_retry_after_is_honoured(nominatim_server, tmp_path):
    clock = FakeClock()
    server = nominatim_server(PLACES, faults=["429"], retry_after=30, clock=clock)
    warnings: list[str] = []
    places, still = run(online(server.domain, tmp_path, warnings, clock=clock))
    assert len([m for m in places if m.place.source == "nominatim"]) == 3
    first, second = server.request_times()[:2]
    assert second - first == pytest.approx(30.0)  # not the 1 s back-off: the server asked for 30
    assert any("429" in w and "Retry-After" in w and "30 s" in w for w in warnings)


def test_429_asking_for_too_long_a_wait_gives_up_at_once(nominatim_server, tmp_path):
    clock = FakeClock()
    server = nominatim_server(PLACES, faults=["429"], retry_after=3600)
    warnings: list[str] = []
    places, still = run(online(server.domain, tmp_path, warnings, clock=clock, max_wait_seconds=5))
    assert len(server.requests) == 1 and len(still) == 4
    assert any("3600" in w and "stopped asking" in w for w in warnings)
    assert any("not asked" in w for w in warnings)
    assert clock.sleeps == []  # the hour was not sat out, not even on the fake clock


def test_server_errors_are_retried_then_the_breaker_opens(nominatim_server, tmp_path):
    clock = FakeClock()
    server = nominatim_server(PLACES, default_fault="500", clock=clock)
    warnings: list[str] = []
    geocoding = online(server.domain, tmp_path, warnings, clock=clock, max_retries=2, max_failures=6)
    places, still = run(geocoding)
    assert len(still) == 4 and len(server.requests) == 6  # 2 names x 3 tries
    assert any("HTTP 500" in w for w in warnings)
    assert geocoding.stats["retries"] == 4 and geocoding.stats["breaker_open"]
    times = server.request_times()
    # back-off 1 s then 2 s (doubling); the next name waits Nominatim's 1 s pace, then backs off again
    assert [b - a for a, b in zip(times, times[1:])] == pytest.approx([1.0, 2.0, 1.0, 1.0, 2.0])


def test_one_server_error_then_success(nominatim_server, tmp_path):
    server = nominatim_server(PLACES, faults=["503"])
    warnings: list[str] = []
    places, still = run(online(server.domain, tmp_path, warnings))
    assert [m.text for m in still] == ["Ambulu"] and len(server.requests) == 4
    assert any("HTTP 503" in w and "answered after 2 tries" in w for w in warnings)


def test_malformed_json(nominatim_server, tmp_path):
    server = nominatim_server(PLACES, default_fault="malformed")
    warnings: list[str] = []
    places, still = run(online(server.domain, tmp_path, warnings, max_failures=3))
    assert len(still) == 4 and len(server.requests) == 3  # not retried: the same bytes would come back
    assert any("malformed" in w for w in warnings)


def test_connection_refused(refused_domain, tmp_path):
    warnings: list[str] = []
    started = time.monotonic()
    geocoding = online(refused_domain, tmp_path, warnings)
    places, still = run(geocoding)
    assert time.monotonic() - started < 2.0
    assert len(still) == 4 and any("connection refused" in w for w in warnings)
    assert geocoding.stats["breaker_open"]


def test_server_dying_mid_run(nominatim_server, tmp_path):
    server = nominatim_server(PLACES, faults=[None, "die"])
    warnings: list[str] = []
    geocoding = online(server.domain, tmp_path, warnings, max_failures=2)
    places, still = run(geocoding)
    assert [m.text for m in places if m.place.source == "nominatim"] == ["Karangsari"]
    assert len(server.requests) == 2
    assert any("connection dropped by the server, then connection refused" in w for w in warnings), warnings
    assert any("not asked" in w for w in warnings)  # breaker open: the last name was not tried


def test_failures_are_not_cached_a_later_run_asks_again(nominatim_server, tmp_path):
    server = nominatim_server(PLACES, faults=[None, "500", "500"])  # then healthy
    run(online(server.domain, tmp_path, max_retries=0, max_failures=10))
    rows = sqlite3.connect(tmp_path / "geocoding.sqlite").execute("SELECT query FROM answers").fetchall()
    assert [q for (q,) in rows] == ["karangsari"]
    geocoding = online(server.domain, tmp_path)
    places, still = run(geocoding)
    assert [r.q for r in server.requests[3:]] == ["Wonoasri", "Ambulu"]
    assert geocoding.stats["cache_hits"] == 1
    assert [m.text for m in still] == ["Ambulu"]


def test_breaker_stays_open_for_later_articles(refused_domain, tmp_path):
    warnings: list[str] = []
    geocoding = online(refused_domain, tmp_path, warnings, max_retries=0, max_failures=1)
    run(geocoding)
    sent = geocoding.stats["requests"]
    run(geocoding)
    assert geocoding.stats["requests"] == sent
    assert sum("not asked" in w for w in warnings) == 2


def test_last_warnings_belong_to_the_latest_article(refused_domain, tmp_path):
    warnings: list[str] = []
    geocoding = online(refused_domain, tmp_path, warnings, max_retries=0, max_failures=5)
    run(geocoding)
    assert geocoding.last_warnings == warnings and len(warnings) == 3
    places, unresolved = offline_result()
    geocoding.resolve(TEXT, "id", places, unresolved[:1])
    assert geocoding.last_warnings == warnings[3:] and len(warnings) == 4


def test_a_silent_server_costs_at_most_max_failures_timeouts(nominatim_server, tmp_path):
    names = [f"Kampung {w}" for w in ("Baru", "Lama", "Tengah", "Hilir", "Hulu", "Pasir", "Bukit", "Teluk")]
    text = "Listrik padam di " + ", ".join(names) + "."
    server = nominatim_server(default_fault="slow", slow_seconds=1.0)
    geocoding = online(server.domain, tmp_path, timeout=0.1, max_retries=2, max_failures=5)
    started = time.monotonic()
    places, still = geocoding.resolve(text, "id", [], [mention(text, n) for n in names])
    assert len(server.requests) == 5 and len(still) == len(names) and places == []
    assert time.monotonic() - started < 0.1 * 5 + 1.0


def test_the_bare_name_is_asked_when_the_headed_one_finds_nothing(nominatim_server, tmp_path):
    text = "Longsor menimbun dua rumah di Desa Karangsari dan jalan menuju Desa Sidomulyo."
    server = nominatim_server(PLACES)
    unresolved = [mention(text, "Desa Karangsari"), mention(text, "Desa Sidomulyo")]
    places, still = online(server.domain, tmp_path).resolve(text, "id", [], unresolved)
    assert [(m.text, m.place.name) for m in places] == [("Desa Karangsari", "Karangsari")]
    assert [m.text for m in still] == ["Desa Sidomulyo"]
    assert [r.q for r in server.requests] == ["Desa Karangsari", "Karangsari", "Desa Sidomulyo", "Sidomulyo"]
    again = online(server.domain, tmp_path)
    again.resolve(text, "id", [], unresolved)
    assert len(server.requests) == 4 and again.stats["requests"] == 0


def test_an_unexpected_error_inside_costs_nothing_offline(nominatim_server, tmp_path, monkeypatch):
    import maps.geocoding.online

    def broken(*args, **kwargs):
        raise KeyError("lat")

    monkeypatch.setattr(maps.geocoding.online, "choose", broken)
    server = nominatim_server(PLACES)
    warnings: list[str] = []
    places, still = run(online(server.domain, tmp_path, warnings))
    assert all(m.place.source == "gazetteer" for m in places) and len(still) == 4
    assert any("KeyError" in w and "offline result" in w for w in warnings)
