"""The export as an input: reading it back (the contract checked field by field), `eventmap render`, and
the page options shared with the main command."""
from __future__ import annotations

import copy
from pathlib import Path
import json

import pytest

from browser import river_doc
from eventmap import document_from_dict, read_export
from eventmap.cli import main
from eventmap.commands.render import parse_embed
from eventmap.errors import InputError
from eventmap.export import document_to_dict
from eventmap.load_export import ContractError
from eventmap.outputs import tiles_setting
from maps.model import Alternative, Basis, Place, PlaceMention


def exported() -> dict:
    doc = river_doc()
    m = doc.places[1]
    m.place.alternatives = [Alternative("Bangkok Noi", "TH", 13.77, 100.47, "admin2", 2.5)]
    m.put_at(m.place, Basis.NEXT_CITY, Place("Bangkok", 13.754, 100.5014))
    m.notes.append("a note for people")
    doc.unresolved[0].head_kind = "landmark"
    return json.loads(json.dumps(document_to_dict(doc)))


def test_the_export_reads_back_to_the_same_export():
    data = exported()
    assert data["text"].startswith("Volunteers began") and data["places"][1]["basis"] == "next_city"
    again = document_to_dict(document_from_dict(copy.deepcopy(data)))
    assert again == data


@pytest.mark.parametrize("break_it, field", [
    (lambda d: d.pop("text"), "text"),
    (lambda d: d.__setitem__("dates", {"0": 1}), "dates"),
    (lambda d: d["places"][2].__setitem__("lat", "north"), "places[2].lat"),
    (lambda d: d["places"][2].__setitem__("lon", 181), "places[2].lon"),
    (lambda d: d["places"][0].__setitem__("confidence", 1.5), "places[0].confidence"),
    (lambda d: d["places"][0].__setitem__("text", "Paris"), "places[0].text"),
    (lambda d: d["places"][0].__setitem__("end", 10 ** 6), "places[0].end"),
    (lambda d: d["places"][0].pop("name"), "places[0].name"),
    (lambda d: d["places"][1].__setitem__("basis", "guess"), "places[1].basis"),
    (lambda d: d["places"][1]["alternatives"][0].__setitem__("lat", None), "places[1].alternatives[0].lat"),
    (lambda d: d["dates"][3].__setitem__("qualifier", "maybe"), "dates[3].qualifier"),
    (lambda d: d["dates"][0].__setitem__("earliest", "3 March"), "dates[0].earliest"),
    (lambda d: d["events"][1]["places"].append(42), "events[1].places[2]"),
    (lambda d: d["events"][1].__setitem__("when", "tomorrow"), "events[1].when"),
    (lambda d: d["events"][2].__setitem__("id", "e1"), "events[2].id"),
    (lambda d: d["events"][0]["sentence"].pop("end"), "events[0].sentence.end"),
    (lambda d: d.__setitem__("published", "02/05/2024"), "published"),
    (lambda d: d.__setitem__("corrections", ["moved it"]), "corrections[0]"),
])
def test_a_broken_contract_names_its_field(break_it, field):
    data = exported()
    break_it(data)
    with pytest.raises(ContractError) as err:
        document_from_dict(data)
    message = str(err.value)
    assert message.startswith(f"{field}: expected"), message
    assert "\n" not in message and isinstance(err.value, InputError)


def test_corrected_items_keep_their_marks():
    data = exported()
    data["places"][0].update(source="human", basis="human", confidence=1.0, lat=11.6, lon=104.9)
    data["events"][0]["source"] = "human"
    data["corrections"] = [{"action": "move_place", "source": "human", "lat": 11.6, "lon": 104.9}]
    doc = document_from_dict(copy.deepcopy(data))
    assert doc.places[0].basis is Basis.HUMAN and doc.places[0].place.source == "human"
    assert doc.events[0].source == "human" and doc.corrections[0]["action"] == "move_place"
    assert isinstance(doc.places[0], PlaceMention)
    assert document_to_dict(doc) == data


def run(argv, capsys):
    code = main(argv)
    return code, capsys.readouterr().err


def test_render_draws_every_output_from_a_json(tmp_path, capsys):
    src = tmp_path / "story.json"
    src.write_text(json.dumps(exported()), "utf-8")
    code, err = run(["render", str(src), "-o", str(tmp_path / "out"), "--formats", "html,json,geojson,csv,kml,svg",
                     "--tiles", "none", "--ui-lang", "id"], capsys)
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["story.csv", "story.geojson", "story.html", "story.json", "story.kml", "story.svg"]
    assert json.loads((tmp_path / "out" / "story.json").read_text("utf-8")) == exported()
    page = (tmp_path / "out" / "story.html").read_text("utf-8")
    assert '<html lang="id">' in page and "tile.openstreetmap.org" not in page
    assert "6 places, 4 events" in err


@pytest.mark.parametrize("content, says", [
    (None, "no such file"),
    (b"{not json", "not valid JSON (line 1"),
    (b"\xff\xfd{\x01", "not UTF-8"),   # (\xff\xfe would open UTF-16, which is read)
    (json.dumps({"id": "x"}).encode(), "text: expected the article's text"),
    (json.dumps([1, 2]).encode(), "the export: expected an object"),
])
def test_render_refuses_a_bad_json_with_one_line_and_writes_nothing(tmp_path, capsys, content, says):
    src = tmp_path / "in.json"
    if content is not None:
        src.write_bytes(content)
    code, err = run(["render", str(src), "-o", str(tmp_path / "out")], capsys)
    assert code == 2
    assert err.count("\n") == 1 and says in err and "Traceback" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_render_checks_its_options_before_reading(tmp_path, capsys):
    src = tmp_path / "story.json"
    src.write_text(json.dumps(exported()), "utf-8")
    for argv, says in ((["--formats", "docx"], "unknown format docx"), (["--embed", "big"], "--embed 'big'"),
                       (["--tiles", "ftp://x/{z}/{x}/{y}"], "tiles: "), (["--ui-lang", "xx-not"], "")):
        code, err = run(["render", str(src), "-o", str(tmp_path / "o"), *argv], capsys)
        assert code == 2 and says in err, (argv, err)
    assert not (tmp_path / "o").exists()


def test_page_options_parse():
    assert parse_embed("800x600") == (800, 600) and parse_embed(" 400 X 300 ") == (400, 300) and parse_embed(None) is None
    for bad in ("800", "10x10", "800x600x2", "axb"):
        with pytest.raises(InputError):
            parse_embed(bad)
    assert tiles_setting(True) == "osm" and tiles_setting("none") is None and tiles_setting(False) is None
    url = "https://tiles.example.org/{z}/{x}/{y}.png"
    assert tiles_setting(url) == url
    for bad in ("javascript:alert(1)//{z}{x}{y}", "https://example.org/tile.png",
                'https://"><img src=x onerror=alert(1)>/{z}/{x}/{y}', "https://a.org/<b>/{z}/{x}/{y}"):
        with pytest.raises(InputError):
            tiles_setting(bad)


def test_the_main_command_takes_the_page_options(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Banjir melanda Jakarta pada 3 Maret 2024.\n", "utf-8")
    code, err = run([str(article), "--lang", "id", "-o", str(tmp_path), "--tiles", "none", "--embed", "640x480",
                     "--formats", "html"], capsys)
    assert code == 0, err
    page = (tmp_path / "a.html").read_text("utf-8")
    assert "--embed-w: 640px" in page and "tile.openstreetmap.org" not in page
    assert ">Lini masa</h2>" in page  # the article's language by default
    code, err = run([str(article), "--lang", "id", "-o", str(tmp_path), "--ui-lang", "en", "--formats", "html"], capsys)
    assert code == 0 and ">Timeline</h2>" in (tmp_path / "a.html").read_text("utf-8")


def test_a_document_shows_itself_in_a_notebook():
    import eventmap  # noqa: F401 (the package sets the notebook view)

    html = river_doc()._repr_html_()
    assert html.startswith("<iframe srcdoc=\"&lt;!DOCTYPE html&gt;") and 'sandbox="allow-scripts' in html
    assert "<script" not in html  # all of the page is inside the escaped attribute
    assert "tile.openstreetmap.org" not in html


def test_read_export_reads_a_file(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("\ufeff" + json.dumps(exported()), "utf-8")  # a BOM, as some editors write
    assert read_export(path).article.title == "Volunteers count river plastic in four capitals"
    bad = exported()
    bad["places"][0]["lat"] = 99
    path.write_text(json.dumps(bad), "utf-8")
    with pytest.raises(ContractError, match=r"s\.json: places\[0\]\.lat: expected a number from -90 to 90, got 99"):
        read_export(path)


def test_every_word_of_the_page_has_an_indonesian_form():
    """id/ui.json translates every key of en/ui.json (the fallback would silently show English)."""
    root = Path(__file__).resolve().parent.parent / "languages" / "data"
    en = json.loads((root / "en" / "ui.json").read_text("utf-8"))
    ind = json.loads((root / "id" / "ui.json").read_text("utf-8"))

    def keys(d, prefix=""):
        return {prefix + k for k, v in d.items() if not k.startswith("_")} | {
            x for k, v in d.items() if isinstance(v, dict) and k not in ("count_dates",) for x in keys(v, prefix + k + ".")
            if not any(x.endswith("." + c) for c in ("one", "two", "few", "many", "zero"))}

    assert keys(en) - keys(ind) == set()
