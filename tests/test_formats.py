"""The report formats, each parsed back: KML and GeoJSON coordinates equal the JSON export's; the SVG is
XML with the places as text; the PDF opens and holds the page's words; with no browser, png/svg/pdf are
drawn by matplotlib instead of failing."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from browser import chromium_or_skip, day, make_doc, river_doc
from eventmap.export import document_to_dict
from eventmap.outputs import write_outputs
from eventmap.outputs.kml_places import to_kml
from maps.model import Place
from timeline.model import TimeSpan

ROOT = Path(__file__).resolve().parent.parent
KML = "{http://www.opengis.net/kml/2.2}"
SVG = "{http://www.w3.org/2000/svg}"


def test_kml_has_a_placemark_per_event_and_place_with_its_time(tmp_path):
    doc = river_doc()
    data = json.loads(json.dumps(document_to_dict(doc)))
    path = write_outputs(doc, "kml", tmp_path, "river")["kml"]
    root = ET.parse(path).getroot()
    assert root.tag == f"{KML}kml"
    marks = root.findall(f".//{KML}Placemark")
    pairs = [(e["id"], i) for e in data["events"] for i in dict.fromkeys(e["places"])]
    assert len(marks) == len(pairs)
    for pm, (eid, i) in zip(marks, pairs):
        lon, lat = map(float, pm.find(f".//{KML}coordinates").text.split(","))
        assert (lon, lat) == (data["places"][i]["lon"], data["places"][i]["lat"])  # KML writes lon,lat
        extra = {d.get("name"): d.find(f"{KML}value").text for d in pm.iter(f"{KML}Data")}
        assert extra["event"] == eid and extra["place"] == data["places"][i]["name"]
    by_event = {pm.find(f".//{KML}Data[@name='event']/{KML}value").text: pm for pm in marks}
    assert by_event["e1"].find(f"{KML}TimeStamp/{KML}when").text == "2024-03-03"
    since = by_event["e3"].find(f"{KML}TimeSpan")  # "since 2019 (ongoing)": a beginning and no end
    assert since.find(f"{KML}begin").text == "2019-01-01" and since.find(f"{KML}end") is None
    before = by_event["e4"].find(f"{KML}TimeSpan")  # "before 1 June 2024": an end and no beginning
    assert before.find(f"{KML}end").text == "2024-06-01" and before.find(f"{KML}begin") is None


def test_kml_escapes_the_article_and_lists_places_without_events():
    text = 'A <b>"storm"</b> & more hit Lyon.'
    doc = make_doc(text, title="<script>x</script>", places=[("Lyon", Place("Lyon", 45.76, 4.84, "city", "FR"))])
    root = ET.fromstring(to_kml(document_to_dict(doc)))
    assert root.find(f"{KML}Document/{KML}name").text == "<script>x</script>"
    pm = root.find(f".//{KML}Placemark")
    assert pm.find(f"{KML}name").text == "Lyon" and pm.find(f"{KML}TimeStamp") is None


def test_geojson_is_rfc_7946(tmp_path):
    doc = river_doc()
    data = json.loads(json.dumps(document_to_dict(doc)))
    gj = json.loads(write_outputs(doc, "geojson", tmp_path, "river")["geojson"].read_text("utf-8"))
    assert gj["type"] == "FeatureCollection" and "crs" not in gj  # RFC 7946: WGS 84 only, no crs member
    assert len(gj["features"]) == len(data["places"])
    for f, p in zip(gj["features"], data["places"]):
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert [lon, lat] == [p["lon"], p["lat"]] and -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["name"] == p["name"]


def test_svg_is_a_vector_figure_with_real_text(tmp_path):
    path = write_outputs(river_doc(), "svg", tmp_path, "river", locale="id")["svg"]
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    for name in ("Phnom Penh", "Bangkok", "Jakarta", "Volunteers count river plastic"):
        assert name in texts, name
    assert "3 Mar 2024" in texts or "3 Mar 2024" in texts.replace("\u00a0", " ")
    assert len(list(root.iter(f"{SVG}path"))) > 20  # land, markers: drawn, not a picture in a frame
    assert not list(root.iter(f"{SVG}image"))


def test_svg_numbers_match_the_page():
    from eventmap.outputs.figure import draw_figure
    from eventmap.page.places import place_markers
    from eventmap.page.timeline import ordered_events

    doc = river_doc()
    dated, undated = ordered_events(doc)
    numbers = {m.name: m.number for m in place_markers(doc, dated + undated)}
    assert numbers["Vientiane"] == 1  # the first event in timeline order ("since 2019") names it
    fig = draw_figure(doc)
    shown = {t.get_text() for ax in fig.axes for t in ax.texts}
    assert {str(n) for n in numbers.values()} <= shown


def test_png_svg_and_pdf_are_drawn_in_python_without_a_browser(tmp_path):
    # a child process where no Chromium can be found: the formats fall back, with a warning, exit 0
    code = ("import sys, os; sys.path.insert(0, 'tests'); os.environ['EVENTMAP_CHROMIUM'] = '/nonexistent'; "
            "from browser import river_doc; from eventmap.outputs import write_outputs; "
            "said = []; print(list(write_outputs(river_doc(), 'png,svg,pdf', sys.argv[1], 'r', warn=said.append))); "
            "print(said)")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, cwd=ROOT,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    out = r.stdout.splitlines()
    assert out[0] == "['svg', 'png', 'pdf']"
    assert "no Chromium is installed" in out[1] and "r.png" in out[1] and "r.pdf" in out[1]
    png = (tmp_path / "r.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(png[16:20], "big") > 1000
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO((tmp_path / "r.pdf").read_bytes()))
    assert len(pdf.pages) == 1 and "Phnom Penh" in pdf.pages[0].extract_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf", "r.png", "r.svg"]


@pytest.mark.browser
def test_pdf_prints_the_page_with_the_browser(tmp_path):
    chromium_or_skip()
    from pypdf import PdfReader

    text = "Crews reached Makassar on 4 March 2024, after a stop in Kendari."
    doc = make_doc(text, title="Ferries to Makassar", lang="id",
                   places=[("Makassar", Place("Makassar", -5.1477, 119.4327, "city", "ID")),
                           ("Kendari", Place("Kendari", -3.9778, 122.515, "city", "ID"))],
                   dates=[("4 March 2024", day("2024-03-04"))],
                   events=[(text, day("2024-03-04")), ("after a stop in Kendari.",
                                                      TimeSpan("2024-03-04", "DATE", "day", "before", "2024-03-04", "2024-03-04"))])
    # a child process: Playwright's sync API allows one browser per thread, and the tests' may be running
    code = ("import sys, pickle; from eventmap.outputs import write_outputs; "
            "doc = pickle.loads(open(sys.argv[2], 'rb').read()); "
            "print(list(write_outputs(doc, 'pdf', sys.argv[1], 'ferries', tiles=None)))")
    import pickle

    (tmp_path / "doc.pickle").write_bytes(pickle.dumps(doc))
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "out"), str(tmp_path / "doc.pickle")],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    pdf = PdfReader(tmp_path / "out" / "ferries.pdf")
    words = " ".join(page.extract_text() for page in pdf.pages)
    assert "Ferries to Makassar" in words and "LINI MASA" in words.upper() and "sebelum 4 Mar 2024" in words
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ferries.pdf"]  # its own page removed
