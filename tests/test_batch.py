"""eventmap batch: inputs of every kind, per-document errors, resuming, and a run killed mid-way."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_corpus import corpus_lines, item, write_corpus
from eventmap.batch.journal import Journal
from eventmap.cli import main
from eventmap.errors import InputError

ROOT = Path(__file__).resolve().parent.parent


def batch(argv, capsys):
    code = main(["batch", "--no-progress"] + [str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, err


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_directory_and_a_corpus_with_bad_lines(tmp_path, capsys):
    news = tmp_path / "news"
    (news / "week2").mkdir(parents=True)
    (news / "a.txt").write_text(item(0)["text"], encoding="utf-8")
    (news / "week2" / "b.html").write_text(f"<html><body><article><h1>Ferries</h1><p>{item(2)['text']}</p>"
                                           "</article></body></html>", encoding="utf-8")
    (news / ".draft.txt").write_text("not a document of the batch", encoding="utf-8")
    (news / "empty.txt").write_text("   \n", encoding="utf-8")
    corpus = write_corpus(tmp_path / "wire.jsonl", 3, extra=["{not json", json.dumps({"id": "x", "text": 5})])
    code, err = batch([news, corpus, "-o", tmp_path / "out", "--workers", "1"], capsys)
    assert code == 3, err
    assert "Traceback" not in err
    for where in ("empty.txt", "wire.jsonl:4", "wire.jsonl:5"):
        assert where in err
    got = lines(tmp_path / "out" / "extractions.jsonl")
    assert [d["id"] for d in got] == ["a", "week2/b", "doc-000", "doc-001", "doc-002"]
    assert all(d["events"] for d in got)
    failed = lines(tmp_path / "out" / "errors.jsonl")
    assert sorted(f["id"] for f in failed) == ["4", "empty", "x"]
    assert (tmp_path / "out" / "story.html").is_file()


def test_same_lines_as_extract(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "c.jsonl", 8)
    assert main(["extract", str(corpus), "-o", str(tmp_path / "extract.jsonl")]) == 0
    code, err = batch([corpus, "-o", tmp_path / "out", "--workers", "2", "--no-story"], capsys)
    assert code == 0, err
    assert (tmp_path / "out" / "extractions.jsonl").read_text() == (tmp_path / "extract.jsonl").read_text()


def test_a_rerun_reads_only_what_changed(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "c.jsonl", 6)
    code, err = batch([corpus, "-o", tmp_path / "out", "--workers", "1"], capsys)
    assert code == 0 and "6 read now" in err, err
    first = (tmp_path / "out" / "extractions.jsonl").read_text()
    code, err = batch([corpus, "-o", tmp_path / "out", "--workers", "1"], capsys)
    assert code == 0 and "0 read now" in err and "6 from an earlier run" in err, err
    assert (tmp_path / "out" / "extractions.jsonl").read_text() == first
    changed = corpus_lines(6)
    doc = json.loads(changed[2])
    doc["text"] = doc["text"].replace("2023", "2022")
    changed[2] = json.dumps(doc, ensure_ascii=False)
    corpus.write_text("\n".join(changed) + "\n", encoding="utf-8")
    code, err = batch([corpus, "-o", tmp_path / "out", "--workers", "1"], capsys)
    assert code == 0 and "1 read now" in err and "5 from an earlier run" in err, err
    assert "2022" in json.dumps(lines(tmp_path / "out" / "extractions.jsonl")[2])
    code, err = batch([corpus, "-o", tmp_path / "out", "--workers", "1", "--lang", "en"], capsys)
    assert "6 read now" in err, "another setting makes every result stale"


def test_pages_on_request_and_linked_from_the_story(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "c.jsonl", 3)
    code, err = batch([corpus, "-o", tmp_path / "out", "--workers", "1", "--pages", "--no-tiles"], capsys)
    assert code == 0, err
    pages = sorted((tmp_path / "out" / "pages").glob("*.html"))
    assert len(pages) == 3 and all(p.name.startswith("doc-00") for p in pages)
    story = (tmp_path / "out" / "story.html").read_text()
    for p in pages:
        assert f'href="pages/{p.name}#tl-e' in story
    code, err = batch([corpus, "-o", tmp_path / "out", "--workers", "1", "--pages", "--no-tiles"], capsys)
    assert "0 read now" in err
    pages[0].unlink()
    code, err = batch([corpus, "-o", tmp_path / "out", "--workers", "1", "--pages", "--no-tiles"], capsys)
    assert "1 read now" in err and pages[0].is_file(), "a page that is gone is made again"


@pytest.mark.parametrize("argv, says", [
    (["missing-dir", "-o", "out"], "no such file"),
    (["notes.pdf", "-o", "out"], "not a text, HTML or .jsonl file"),
    (["c.jsonl", "-o", "c.jsonl"], "not a directory"),
    (["c.jsonl", "-o", "out", "--engine", "dask"], "--scheduler"),
    (["c.jsonl", "-o", "out", "--lang", "qq"], "qq"),
    (["-", "-o", "out"], "standard input"),
])
def test_bad_command_input_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch, argv, says):
    monkeypatch.chdir(tmp_path)
    write_corpus(tmp_path / "c.jsonl", 1)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    code, err = batch(argv, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and says in err, err


def test_the_journal_cuts_a_torn_tail_and_keeps_whole_lines(tmp_path):
    with Journal(tmp_path) as j:
        j.append("a", "d1", None, json.dumps({"key": "a", "digest": "d1", "page": None, "doc": {"id": "a"}}))
        j.append("b", "d2", None, json.dumps({"key": "b", "digest": "d2", "page": None, "doc": {"id": "b"}}))
    path = tmp_path / ".eventmap-batch" / "journal.jsonl"
    whole = path.read_bytes()
    path.write_bytes(whole + b'{"key": "c", "digest": "d3", "doc": {"id"')   # killed in the middle of a write
    with Journal(tmp_path) as j:
        assert sorted(j.entries) == ["a", "b"]
        assert j.finished("a", "d1", None) and not j.finished("a", "other", None)
        j.append("c", "d3", None, json.dumps({"key": "c", "digest": "d3", "page": None, "doc": {"id": "c"}}))
        assert [r["doc"]["id"] for r in j.records(["c", "a", "b"])] == ["c", "a", "b"]
    assert path.read_bytes().startswith(whole) and path.read_bytes().count(b"\n") == 3


def test_two_batches_cannot_write_into_one_directory(tmp_path):
    with Journal(tmp_path):
        with pytest.raises(InputError, match="another eventmap batch"):
            Journal(tmp_path).__enter__()


def _run(corpus: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "eventmap", "batch", str(corpus), "-o", str(out),
                             "--workers", "2", "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def test_a_batch_killed_mid_run_and_run_again_equals_an_uninterrupted_run(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 120)
    whole = _run(corpus, tmp_path / "whole")
    assert whole.wait(timeout=600) == 0, whole.stderr.read()
    journal = tmp_path / "killed" / ".eventmap-batch" / "journal.jsonl"
    killed = _run(corpus, tmp_path / "killed")
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and killed.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 10:
            break
        time.sleep(0.005)
    assert killed.poll() is None, "the batch finished before it could be killed; make the corpus larger"
    os.killpg(killed.pid, signal.SIGKILL)   # the coordinator and its workers, without warning
    killed.wait()
    done_before = journal.read_bytes().count(b"\n")
    assert 10 <= done_before < 120
    assert not (tmp_path / "killed" / "extractions.jsonl").exists()
    again = _run(corpus, tmp_path / "killed")
    assert again.wait(timeout=600) == 0
    err = again.stderr.read().decode()
    assert f"{120 - done_before} read now" in err or "from an earlier run" in err, err
    for name in ("extractions.jsonl", "story.html"):
        assert (tmp_path / "killed" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name


def test_ctrl_c_stops_with_one_line_and_keeps_what_is_finished(tmp_path):
    corpus = write_corpus(tmp_path / "c.jsonl", 120)
    journal = tmp_path / "out" / ".eventmap-batch" / "journal.jsonl"
    run = subprocess.Popen([sys.executable, "-m", "eventmap", "batch", str(corpus), "-o", str(tmp_path / "out"),
                            "--workers", "2", "--no-progress"], stderr=subprocess.PIPE, start_new_session=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and run.poll() is None and not (journal.exists() and journal.stat().st_size):
        time.sleep(0.005)
    os.killpg(run.pid, signal.SIGINT)   # what a terminal sends on Ctrl-C
    assert run.wait(timeout=60) == 130
    err = run.stderr.read().decode()
    assert "Traceback" not in err and "run the same command again" in err, err
    kept = journal.read_bytes().count(b"\n")
    assert kept >= 1
    again = _run(corpus, tmp_path / "out")
    assert again.wait(timeout=600) == 0
    assert len((tmp_path / "out" / "extractions.jsonl").read_text().splitlines()) == 120
