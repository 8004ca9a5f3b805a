"""The command-line side of online geocoding: options, one-line errors, API keys from the environment,
user-agent and pace policies. Nothing here sends a request."""
from __future__ import annotations

import argparse

import pytest

from geocoding_helpers import no_wall_sleep  # noqa: F401 (fixture)
from maps.geocoding import add_arguments, config_from_args, make_config


def parse(*argv: str):
    parser = argparse.ArgumentParser(prog="eventmap")
    add_arguments(parser)
    return config_from_args(parser.parse_args(list(argv)))


def test_no_geocoder_means_offline():
    assert parse() is None


def test_options_reach_the_constructor_and_tunables_the_config():
    config = parse("--geocoder", "Nominatim", "--geocoder-option", "domain=127.0.0.1:8080",
                   "--geocoder-option", "scheme=http", "--geocoder-option", "min_delay_seconds=0.25",
                   "--geocoder-option", "max_retries=4", "--geocoder-mode", "verify", "--geocoder-timeout", "3")
    assert config.name == "nominatim" and config.mode == "verify"
    assert config.options["domain"] == "127.0.0.1:8080" and config.options["scheme"] == "http"
    assert config.delay == 0.25 and config.max_retries == 4 and config.timeout == 3.0
    assert "min_delay_seconds" not in config.options


def test_help_names_every_option():
    parser = argparse.ArgumentParser(prog="eventmap")
    add_arguments(parser)
    text = parser.format_help()
    for flag in ("--geocoder ", "--geocoder-option", "--geocoder-mode", "--geocoder-timeout", "--no-geocoder-cache",
                 "EVENTMAP_GEOCODER_API_KEY"):
        assert flag in text


@pytest.mark.parametrize("argv, words", [
    (["--geocoder", "nominatimm"], ["unknown geocoder", "nominatimm"]),
    (["--geocoder", "nominatim", "--geocoder-option", "scheme"], ["KEY=VALUE", "scheme"]),
    (["--geocoder", "nominatim", "--geocoder-option", "=http"], ["KEY=VALUE"]),
    (["--geocoder", "nominatim", "--geocoder-option", "colour=blue"], ["no option", "colour"]),
    (["--geocoder", "nominatim", "--geocoder-option", "max_retries=many"], ["max_retries", "number"]),
    (["--geocoder", "nominatim", "--geocoder-option", "timeout=-1"], ["timeout", "positive"]),
    (["--geocoder", "nominatim", "--geocoder-option", "ssl_context=x"], ["ssl_context"]),
    (["--geocoder", "nominatim", "--geocoder-option", "user_agent=geopy/2.5.0"], ["user_agent", "policy"]),
    (["--geocoder", "nominatim", "--geocoder-option", "min_delay_seconds=0.2"], ["nominatim.openstreetmap.org"]),
    (["--geocoder", "pelias"], ["pelias", "domain"]),
])
def test_bad_input_is_a_one_line_value_error(argv, words):
    with pytest.raises(ValueError) as caught:
        parse(*argv)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_a_fast_pace_is_allowed_on_ones_own_server():
    assert make_config("nominatim", ["domain=geo.internal:8080", "min_delay_seconds=0"]).delay == 0


def test_api_key_from_the_environment_never_shown(monkeypatch):
    for var in ("EVENTMAP_GOOGLEV3_API_KEY", "GOOGLE_API_KEY", "GOOGLE_MAPS_API_KEY", "EVENTMAP_GEOCODER_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("EVENTMAP_GEOCODER_API_KEY", "generic-secret-1")
    config = make_config("googlev3")
    assert config.options["api_key"] == "generic-secret-1"
    assert config.api_key_source == "EVENTMAP_GEOCODER_API_KEY"
    assert "generic-secret-1" not in repr(config)
    monkeypatch.setenv("GOOGLE_API_KEY", "provider-secret-2")
    assert make_config("googlev3").options["api_key"] == "provider-secret-2"
    monkeypatch.setenv("EVENTMAP_GOOGLEV3_API_KEY", "own-secret-3")
    assert make_config("googlev3").api_key_source == "EVENTMAP_GOOGLEV3_API_KEY"
    assert make_config("googlev3", ["api_key=given-4"]).options["api_key"] == "given-4"


def test_a_geocoder_without_key_parameter_gets_none(monkeypatch):
    monkeypatch.setenv("EVENTMAP_GEOCODER_API_KEY", "unused-secret")
    config = make_config("nominatim", ["domain=127.0.0.1:9"])
    assert "unused-secret" not in config.options.values() and config.api_key_source is None


def test_api_key_stays_out_of_warnings(monkeypatch, tmp_path, no_wall_sleep):
    """Pelias sends its key in the URL; a failing request must not leak it into a warning."""
    from geocoding_helpers import FakeClock
    from nominatim_server import NominatimServer
    from maps.geocoding import OnlineGeocoding
    from maps.model import PlaceMention

    monkeypatch.setenv("EVENTMAP_PELIAS_API_KEY", "pelias-secret-5")
    with NominatimServer(default_fault="500") as server:  # any path: a 500 either way
        config = make_config("pelias", [f"domain={server.domain}", "scheme=http", "max_retries=1"], cache=False)
        warnings: list[str] = []
        OnlineGeocoding(config, warn=warnings.append, clock=FakeClock()).resolve(
            "At Tanjung Wangi.", "en", [], [PlaceMention(3, 16, "Tanjung Wangi")])
        assert server.requests and "pelias-secret-5" in server.requests[0].query.get("api_key", "")
    assert warnings and not any("pelias-secret-5" in w for w in warnings)


def test_a_missing_key_names_the_variables_to_set(monkeypatch):
    for var in ("EVENTMAP_GOOGLEV3_API_KEY", "GOOGLE_API_KEY", "GOOGLE_MAPS_API_KEY", "EVENTMAP_GEOCODER_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(ValueError) as caught:
        make_config("googlev3")
    assert "EVENTMAP_GOOGLEV3_API_KEY" in str(caught.value) and "\n" not in str(caught.value)
