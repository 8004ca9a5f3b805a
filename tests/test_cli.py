"""The command line: outputs, corpus extraction, and one clear line + exit 2 for every bad input."""
import http.server
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from eventmap.cli import main

STORY_EN = ("Harbour Works Resume in Mombasa\n\n"
            "Cranes returned to the port of Mombasa, Kenya, on Tuesday 5 March 2024 after a two-week stoppage. "
            "Previously, the same crews had finished a berth in Dar es Salaam, Tanzania.\n")


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def one_clear_error(code, err):
    assert code == 2
    lines = [l for l in err.splitlines() if l.strip()]
    assert len(lines) == 1 and lines[0].startswith("eventmap: error:"), err
    assert "Traceback" not in err


def test_missing_file(tmp_path, capsys):
    code, _, err = run([str(tmp_path / "nope.txt"), "-o", str(tmp_path)], capsys)
    one_clear_error(code, err)
    assert "no such file" in err


def test_empty_file(tmp_path, capsys):
    f = tmp_path / "empty.txt"
    f.write_text("  \n\n")
    code, _, err = run([str(f), "-o", str(tmp_path)], capsys)
    one_clear_error(code, err)
    assert "empty" in err


def test_binary_file(tmp_path, capsys):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, _, err = run([str(f), "-o", str(tmp_path)], capsys)
    one_clear_error(code, err)
    assert "binary" in err


def test_unknown_lang(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(STORY_EN)
    code, _, err = run([str(f), "--lang", "qq", "-o", str(tmp_path)], capsys)
    one_clear_error(code, err)
    assert "qq" in err


@pytest.mark.parametrize("bad", ["yesterday", "2024-13-01", "5/3/2024", ""])
def test_invalid_published(tmp_path, capsys, bad):
    f = tmp_path / "a.txt"
    f.write_text(STORY_EN)
    code, _, err = run([str(f), "--published", bad, "-o", str(tmp_path)], capsys)
    one_clear_error(code, err)


def test_bad_input_leaves_earlier_outputs_untouched(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(STORY_EN)
    out = tmp_path / "out"
    assert run([str(f), "-o", str(out), "--formats", "json"], capsys)[0] == 0
    before = (out / "a.json").read_bytes()
    f.write_bytes(b"")
    code, _, err = run([str(f), "-o", str(out), "--formats", "json"], capsys)
    one_clear_error(code, err)
    assert (out / "a.json").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["a.json"]  # no temp files left behind


def test_main_job_writes_page_and_json(tmp_path, capsys):
    f = tmp_path / "harbour.txt"
    f.write_text(STORY_EN)
    code, out, err = run([str(f), "-o", str(tmp_path / "o"), "--lang", "en"], capsys)
    assert code == 0, err
    assert out == ""                         # progress goes to stderr
    assert "harbour.txt" in err
    data = json.loads((tmp_path / "o" / "harbour.json").read_text("utf-8"))
    html = (tmp_path / "o" / "harbour.html").read_text("utf-8")
    assert data["title"] == "Harbour Works Resume in Mombasa"
    assert any(d["value"] == "2024-03-05" for d in data["dates"])
    assert any(p["text"] == "Mombasa" for p in data["places"])
    assert "Harbour Works Resume in Mombasa" in html


def test_extra_formats(tmp_path, capsys):
    f = tmp_path / "harbour.txt"
    f.write_text(STORY_EN)
    code, _, err = run([str(f), "-o", str(tmp_path), "--lang", "en", "--formats", "geojson,csv"], capsys)
    assert code == 0, err
    gj = json.loads((tmp_path / "harbour.geojson").read_text())
    assert gj["type"] == "FeatureCollection" and gj["features"]
    assert (tmp_path / "harbour.csv").read_text().startswith("event,when,")
    code, _, err = run([str(f), "-o", str(tmp_path), "--formats", "pdfx"], capsys)
    one_clear_error(code, err)


def test_extract_corpus_keeps_ids_and_uses_dct(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    lines = [{"id": "doc-a", "text": "The mayor spoke in Leeds yesterday.", "lang": "en", "dct": "2021-06-10"},
             {"id": "doc-b", "text": "Banjir melanda Medan kemarin.", "lang": "id", "dct": "2020-01-02"},
             {"id": "doc-c", "text": "Nothing here at all."}]
    corpus.write_text("\n".join(json.dumps(l) for l in lines) + "\n")
    out = tmp_path / "pred.jsonl"
    code, _, err = run(["extract", str(corpus), "-o", str(out)], capsys)
    assert code == 0, err
    got = [json.loads(l) for l in out.read_text().splitlines()]
    assert [g["id"] for g in got] == ["doc-a", "doc-b", "doc-c"]
    assert got[0]["published"] == "2021-06-10" and got[0]["anchor"] == "2021-06-10"
    assert got[1]["lang"] == "id"
    for g, src in zip(got, lines):
        for d in g["dates"] + g["places"]:
            assert src["text"][d["start"]:d["end"]] == d["text"]


def test_extract_bad_corpus_line_is_reported_and_the_others_written(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": 1, "text": "ok"}\nnot json\n')
    code, _, err = run(["extract", str(corpus), "-o", str(tmp_path / "p.jsonl")], capsys)
    assert code == 2 and "Traceback" not in err
    errors = [l for l in err.splitlines() if l.startswith("eventmap: error:")]
    assert len(errors) == 2 and "c.jsonl:2: not valid JSON" in errors[0] and "1 line(s)" in errors[1]
    assert [json.loads(l)["id"] for l in (tmp_path / "p.jsonl").read_text().splitlines()] == ["1"]


def test_stdin_and_html_page(tmp_path, capsys, monkeypatch):
    page = ("<html><head><title>Quake shakes Valparaíso</title></head><body><nav>Home | Sport | Weather</nav>"
            "<article><h1>Quake shakes Valparaíso</h1><p>A strong earthquake struck near Valparaíso, Chile, "
            "on 14 February 2024, officials said. Buildings swayed as far as Santiago.</p>"
            "<p>Rescue teams from Concepción arrived the next morning and searched the old port district.</p>"
            "</article><footer>Copyright notice</footer></body></html>")
    f = tmp_path / "quake.html"
    f.write_text(page)
    code, out, err = run(["extract", str(f), "--lang", "en"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["title"] == "Quake shakes Valparaíso"
    assert any(p["text"] == "Santiago" for p in data["places"])
    assert "Home | Sport" not in json.dumps(data)

    import io
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY_EN.encode())))
    code, out, err = run(["extract", "-", "--lang", "en"], capsys)
    assert code == 0, err
    assert json.loads(out)["title"].startswith("Harbour Works")


def test_url_from_a_local_server(tmp_path, capsys):
    body = ("<html><head><title>Ferry returns to Zanzibar</title></head><body><article>"
            "<h1>Ferry returns to Zanzibar</h1><p>The ferry to Zanzibar sailed again from Dar es Salaam on "
            "1 July 2023 after repairs. Passengers said the crossing was calm.</p>"
            "<p>Operators plan a second boat for the route before the end of the year.</p></article></body></html>")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *a):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{srv.server_address[1]}/news/ferry"
        code, _, err = run(["extract", url], capsys)
        one_clear_error(code, err)           # local addresses are refused unless asked for, and it says so
        assert "refused" in err and "--allow-local-urls" in err
        code, out, err = run(["extract", url, "--allow-local-urls"], capsys)
    finally:
        srv.shutdown()
    assert code == 0, err
    data = json.loads(out)
    assert data["lang"] == "en" and data["title"] == "Ferry returns to Zanzibar"
    assert any(d["value"] == "2023-07-01" for d in data["dates"])


def test_console_entry_point_runs_as_a_module(tmp_path):
    r = subprocess.run([sys.executable, "-m", "eventmap", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "extract" in r.stdout and "--published" in r.stdout
    r = subprocess.run([sys.executable, "-m", "eventmap", str(tmp_path / "missing.txt")],
                       capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_an_article_with_no_dates_and_no_places_still_gets_a_page(tmp_path, capsys):
    f = tmp_path / "quiet.txt"
    f.write_text("the committee talked for a while and then everybody went home without deciding anything.\n")
    code, _, err = run([str(f), "--lang", "en", "-o", str(tmp_path)], capsys)
    assert code == 0, err
    html = (tmp_path / "quiet.html").read_text("utf-8")
    assert "No places found" in html and "No dates found" in html
    data = json.loads((tmp_path / "quiet.json").read_text("utf-8"))
    assert data["dates"] == [] and data["places"] == [] and data["events"] == []


def test_a_corpus_line_with_an_odd_dct_is_read_with_a_warning(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x", "text": "Rain fell on 4 May 2022.", "dct": "04/05/2022"}) + "\n" +
                      json.dumps({"id": "y", "text": "Rain fell.", "dct": "2022-5-4"}) + "\n")
    code, out, err = run(["extract", str(corpus), "--lang", "en"], capsys)
    assert code == 0 and "04/05/2022" in err and "warning" in err
    got = [json.loads(l) for l in out.splitlines()]
    assert got[0]["published"] is None and got[0]["anchor"] == "2022-05-04" and got[0]["anchor_source"] == "inferred"
    assert got[1]["published"] == "2022-05-04"


def test_a_broken_gazetteer_file_is_one_line_not_a_traceback(tmp_path):
    import os

    bad = tmp_path / "not-a-gazetteer.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 10)
    f = tmp_path / "a.txt"
    f.write_text(STORY_EN)
    # a fresh process, as a user would meet it (this one may have a gazetteer open already)
    r = subprocess.run([sys.executable, "-m", "eventmap", str(f), "--lang", "en", "-o", str(tmp_path / "o")],
                       capture_output=True, text=True, env={**os.environ, "EVENTMAP_GAZETTEER": str(bad)})
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    errors = [l for l in r.stderr.splitlines() if "error" in l]
    assert len(errors) == 1 and errors[0].startswith("eventmap: error: gazetteer"), r.stderr
    assert not (tmp_path / "o").exists() or not any((tmp_path / "o").iterdir())


def test_a_one_sentence_story_is_an_event_not_a_headline(tmp_path, capsys):
    f = tmp_path / "short.txt"
    f.write_text("Floods closed the port of Mombasa on 5 March 2024.\n")
    code, out, err = run(["extract", str(f), "--lang", "en"], capsys)
    data = json.loads(out)
    assert code == 0 and data["title"] == ""
    assert len(data["events"]) == 1 and data["events"][0]["when"]["value"] == "2024-03-05"


def test_unwritable_outputs_are_one_line_errors(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(STORY_EN)
    code, _, err = run(["extract", str(f), "--lang", "en", "-o", str(tmp_path)], capsys)
    one_clear_error(code, err)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code = main([str(f), "--lang", "en", "-o", str(blocker / "sub"), "--formats", "json"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 2  # progress + the error
    assert err.strip().splitlines()[-1].startswith("eventmap: error:")


def test_corpus_title_must_be_text(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Rain in Oslo.", "title": 5}) + "\n")
    code, out, err = run(["extract", str(corpus)], capsys)
    assert code == 2 and out == "" and 'c.jsonl:1: "title" is not a string; line skipped' in err


def test_same_names_get_counted_slugs(tmp_path, capsys):
    for d in ("x", "y", "z"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text(STORY_EN)
    code, _, err = run([str(tmp_path / d / "story.txt") for d in ("x", "y", "z")] +
                       ["--lang", "en", "-o", str(tmp_path / "o"), "--formats", "json"], capsys)
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["story-2.json", "story-3.json", "story.json"]


def test_a_short_text_is_still_recognised_as_its_language():
    from languages.identify import detect_language

    assert detect_language("Pada 9 Agustus 2017 di Jakarta.") == "id"
