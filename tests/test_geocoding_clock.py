"""The clock every geocoding wait goes through: geopy's RateLimiter and the client read the time and
sleep only through it, so a fake clock runs real waits in no time - and the real clock still waits."""
from __future__ import annotations

import pytest

from geocoding_helpers import FakeClock, mention, no_wall_sleep, online  # noqa: F401 (fixture)
from maps.geocoding import SystemClock
from maps.geocoding.ratelimit import ClockedRateLimiter
from nominatim_server import nominatim_server, record  # noqa: F401 (fixture)

VILLAGES = {f"Desa {w}": [record(w, -7.0 - i / 10, 110.0, "id", "village")]
            for i, w in enumerate(["Sumberejo", "Kedungsari", "Ngadirejo"])}
TEXT = "Hujan deras melanda " + ", ".join(VILLAGES) + "."


def test_the_rate_limiter_reads_and_sleeps_on_the_clock_it_is_given(no_wall_sleep):
    clock = FakeClock()
    called_at: list[float] = []
    limited = ClockedRateLimiter(lambda: called_at.append(clock.monotonic()), clock, min_delay_seconds=1.0,
                                 max_retries=0, error_wait_seconds=1.0, swallow_exceptions=False)
    for _ in range(3):
        limited()
    assert [b - a for a, b in zip(called_at, called_at[1:])] == [1.0, 1.0]
    assert clock.sleeps == [1.0, 1.0]


def test_a_fake_clock_drives_a_whole_paced_run_with_back_off(nominatim_server, tmp_path, no_wall_sleep):
    clock = FakeClock()
    server = nominatim_server(VILLAGES, faults=[None, "503", "503"], clock=clock)
    geocoding = online(server.domain, tmp_path, clock=clock, min_delay_seconds=2.0, retry_wait_seconds=3.0)
    places, still = geocoding.resolve(TEXT, "id", [], [mention(TEXT, n) for n in VILLAGES])
    assert len(places) == 3 and still == []
    times = server.request_times()
    # 2 s pace; a 3 s back-off, then 6 s (doubled); the pace again for the third name
    assert [b - a for a, b in zip(times, times[1:])] == pytest.approx([2.0, 3.0, 6.0, 2.0])
    assert sum(clock.sleeps) == pytest.approx(times[-1] - times[0])


def test_the_real_clock_still_paces_requests(nominatim_server, tmp_path):
    """One short run on the wall clock: pace and back-off really pass (0.05 s each, ~0.2 s in all)."""
    server = nominatim_server(VILLAGES, faults=[None, "500"])
    geocoding = online(server.domain, tmp_path, clock=SystemClock(), min_delay_seconds=0.05,
                       retry_wait_seconds=0.05)
    places, _ = geocoding.resolve(TEXT, "id", [], [mention(TEXT, n) for n in VILLAGES])
    assert len(places) == 3
    times = server.request_times()
    assert len(times) == 4
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.05
