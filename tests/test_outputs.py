"""The outputs registry and `write_outputs`: every format from one call, named, ordered, atomic, checked."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from browser import chromium_or_skip, river_doc
from eventmap.errors import InputError
from eventmap.export import document_to_dict
from eventmap.outputs import (FORMATS, REGISTRY, UnknownFormat, default_name, output_module, parse_formats,
                              write_outputs)
from eventmap.outputs.csv_table import HEADER

ROOT = Path(__file__).resolve().parent.parent


def test_every_registered_format_has_a_module_that_writes_it():
    assert FORMATS == ("html", "json", "geojson", "csv", "kml", "svg", "png", "pdf")
    for fmt in FORMATS:
        module = output_module(fmt)
        assert module.__name__ == REGISTRY[fmt]
        assert module.SUFFIX == f".{fmt}" and callable(module.write)


@pytest.mark.parametrize("given, wanted", [
    ("json", ["json"]),
    ("png,html", ["html", "png"]),              # html first: png photographs it
    (" CSV , json,csv ", ["json", "csv"]),      # spaces, case and repeats do not matter
    (["geojson", "html"], ["html", "geojson"]),
])
def test_formats_are_checked_and_put_in_writing_order(given, wanted):
    assert parse_formats(given) == wanted


@pytest.mark.parametrize("given, named", [("pdfx", "pdfx"), ("html,kmz,docx", "kmz, docx"), (",", None), ([], None)])
def test_an_unknown_format_is_one_clear_line(given, named):
    with pytest.raises(UnknownFormat) as err:
        parse_formats(given)
    message = str(err.value)
    assert "\n" not in message and "choose from html, json, geojson, csv, kml, svg, png, pdf" in message
    assert (f"unknown format {named}:" in message) if named else message.startswith("no output format")
    assert isinstance(err.value, InputError) and isinstance(err.value, ValueError)
    with pytest.raises(UnknownFormat):
        output_module("docx")


def test_write_outputs_writes_each_format_from_the_document(tmp_path):
    doc = river_doc()
    written = write_outputs(doc, "csv,geojson,json,html", tmp_path / "out", "river")
    assert list(written) == ["html", "json", "geojson", "csv"]
    assert written == {f: tmp_path / "out" / f"river.{f}" for f in written}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in written.values())
    data = document_to_dict(doc)
    assert json.loads(written["json"].read_text("utf-8")) == json.loads(json.dumps(data))
    gj = json.loads(written["geojson"].read_text("utf-8"))
    assert [f["properties"]["name"] for f in gj["features"]] == [p["name"] for p in data["places"]]
    assert gj["features"][0]["geometry"]["coordinates"] == [data["places"][0]["lon"], data["places"][0]["lat"]]
    assert gj["features"][4]["properties"]["events"] == ["e4"]  # Singapore
    rows = list(csv.reader(io.StringIO(written["csv"].read_text("utf-8"))))
    assert rows[0] == HEADER
    assert [r[0] for r in rows[1:]] == ["e1", "e2", "e2", "e3", "e4", "e4"]  # one row per event and place
    page = written["html"].read_text("utf-8")
    assert "<h1 lang=\"en\">Volunteers count river plastic in four capitals</h1>" in page
    assert "tile.openstreetmap.org" in page


def test_page_settings_reach_the_page(tmp_path):
    plain = write_outputs(river_doc(), ["html"], tmp_path, "en")["html"].read_text("utf-8")
    written = write_outputs(river_doc(), ["html"], tmp_path, "id", tiles=False, locale="id")
    page = written["html"].read_text("utf-8")
    assert "tile.openstreetmap.org" in plain and "tile.openstreetmap.org" not in page
    assert "published 2 May 2024" in plain and "terbit 2 Mei 2024" in page  # words and dates in the locale


def test_the_default_name_is_the_articles(tmp_path):
    doc = river_doc()
    assert default_name(doc.article) == "test-article"
    assert list(write_outputs(doc, "json", tmp_path).values()) == [tmp_path / "test-article.json"]
    doc.article.source, doc.article.title = "-", "Rain: what next?"
    assert default_name(doc.article) == "rain-what-next"  # stdin and URLs are named by their title


def test_a_file_in_the_way_of_the_directory_is_a_clear_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x")
    with pytest.raises(InputError, match="exists and is not a directory"):
        write_outputs(river_doc(), "json", blocker, "river")


def test_a_failing_output_leaves_the_earlier_file_whole(tmp_path, monkeypatch):
    doc = river_doc()
    write_outputs(doc, "html,json", tmp_path, "river")
    before = (tmp_path / "river.html").read_bytes()
    import eventmap.atomic

    def full_disk(fd):  # the disk fills up after the new page was written out, before it is safe
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(eventmap.atomic.os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_outputs(doc, "html,json", tmp_path, "river")
    assert (tmp_path / "river.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["river.html", "river.json"]  # no temp file left


def test_data_formats_do_not_load_the_page_or_a_browser(tmp_path):
    # a fresh process: which modules a json-only run imports (folium and Playwright are slow to load)
    r = _child("write_outputs(river_doc(), 'json,geojson,csv,kml', sys.argv[1], 'r'); "
               "print(sorted(m for m in ('folium', 'jinja2', 'playwright', 'matplotlib') if m in sys.modules))",
               tmp_path)
    assert r.stdout.strip() == "[]"


def _child(code: str, tmp_path):
    """Run ``code`` in a fresh Python with the river document and write_outputs imported."""
    prelude = ("import sys; sys.path.insert(0, 'tests'); from browser import river_doc; "
               "from eventmap.outputs import write_outputs; ")
    r = subprocess.run([sys.executable, "-c", prelude + code, str(tmp_path)], capture_output=True, text=True,
                       cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return r


@pytest.mark.browser
def test_png_photographs_the_page_written_with_it(tmp_path):
    chromium_or_skip()
    # a child process: Playwright's sync API allows one browser per thread, and the tests' may be running
    r = _child("print(list(write_outputs(river_doc(), ['png', 'html'], sys.argv[1], 'r', tiles=False)))", tmp_path)
    assert r.stdout.strip() == "['html', 'png']"
    png = (tmp_path / "r.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") == 1280
    assert int.from_bytes(png[20:24], "big") >= 900  # the full page, not only the window
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.png"]
