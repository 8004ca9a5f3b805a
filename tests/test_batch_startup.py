"""What a batch does once rather than once per worker or per call: warming each language in the
coordinator before it forks, the work it does while the workers read, a gazetteer connection per
process, and the date candidates of a text searched once for the anchor and the dates."""
import gc
import json
import multiprocessing

import pytest

from batch_corpus import corpus_lines
from eventmap.batch import engines
from eventmap.batch.sources import Job
from eventmap.batch.work import Settings, language_of, process
from maps.gazetteer import default_gazetteer
from timeline.candidates import find_candidates

FORK = "fork" in multiprocessing.get_all_start_methods()


def _jobs(lines: list[str]) -> list[tuple[Job, str]]:
    return [(Job(f"c.jsonl:{n + 1}", str(n + 1), line.encode("utf-8"), "line"), f"d{n}")
            for n, line in enumerate(lines)]


def test_the_language_of_a_job_is_the_one_it_is_read_in():
    (en, _), (id_, _) = _jobs(corpus_lines(2))
    assert language_of(en, Settings()) == "en"
    assert language_of(id_, Settings()) == "id"
    unsaid = Job("c.jsonl:9", "9", json.dumps({"id": "9", "text": "Kapal berangkat dari Medan."}).encode(), "line")
    assert language_of(unsaid, Settings(lang="id")) == "id"    # the batch's language, when the line gives none
    assert language_of(unsaid, Settings()) == "id"              # else the one detected in its text
    assert language_of(unsaid, Settings(), detect=False) is None
    assert language_of(Job("c.jsonl:3", "3", b"{not json", "line"), Settings()) is None
    assert language_of(Job("gone.txt", "gone", b"", error="unreadable"), Settings()) is None


def test_warming_detects_a_language_only_for_the_first_documents():
    unsaid = [json.dumps({k: v for k, v in item.items() if k != "lang"}) for item in map(json.loads, corpus_lines(4))]
    outcomes = []
    rest = list(engines.warm_languages(iter(_jobs(unsaid)), Settings(), outcomes.append, detections=1))
    assert [o.key for o in outcomes] == ["c.jsonl:1"] and len(rest) == 3


def test_warming_reads_the_first_document_of_each_language_and_hands_back_the_rest_in_order():
    pending = _jobs(["{not json"] + corpus_lines(7))
    outcomes = []
    rest = list(engines.warm_languages(iter(pending), Settings(), outcomes.append, window=5))
    assert [o.key for o in outcomes] == ["c.jsonl:2", "c.jsonl:3"]    # the first English, the first Indonesian
    assert all(o.error is None and o.record for o in outcomes)
    assert [job.key for job, _ in rest] == [job.key for job, _ in pending if job.key not in ("c.jsonl:2", "c.jsonl:3")]
    again = process(pending[1][0], Settings(), pending[1][1])
    assert json.loads(again.record) == json.loads(outcomes[0].record)   # read here as a worker reads it


@pytest.mark.skipif(not FORK, reason="warming is for forked workers")
def test_a_local_run_does_its_meanwhile_once_while_the_workers_read_and_unfreezes_after():
    calls, outcomes = [], []
    engines.run_local(iter(_jobs(corpus_lines(12))), Settings(), 2, outcomes.append, lambda: calls.append(len(outcomes)))
    assert len(calls) == 1 and calls[0] < 12
    assert sorted(o.key for o in outcomes) == sorted(f"c.jsonl:{n}" for n in range(1, 13))
    assert all(o.error is None for o in outcomes)
    assert gc.get_freeze_count() == 0   # what was frozen for the workers is this process's to collect again


def _child_lookup(gaz, inherited, conn) -> None:
    conn.send((gaz._db() is not inherited, [c.name for c in gaz.lookup("Surabaya")][:1]))


@pytest.mark.skipif(not FORK, reason="a forked child")
def test_a_forked_process_opens_its_own_connection_to_the_gazetteer():
    gaz = default_gazetteer()
    inherited = gaz._db()
    ctx = multiprocessing.get_context("fork")
    here, there = ctx.Pipe()
    child = ctx.Process(target=_child_lookup, args=(gaz, inherited, there))
    child.start()
    own, found = here.recv()
    child.join(30)
    assert own and found == ["Surabaya"]
    assert gaz._db() is inherited   # the parent keeps its own


def test_candidates_of_the_same_text_are_equal_and_each_callers_own():
    text = "The harbour reopened on 5 May 2023, two days after the storm of 3 May."
    first = find_candidates(text, "en")
    first[0].fields["range_year"] = 1999     # what the tagger may write into a candidate
    second = find_candidates(text, "en")
    assert "range_year" not in second[0].fields
    assert [(c.start, c.end, c.kind) for c in first] == [(c.start, c.end, c.kind) for c in second]
    other = find_candidates("Rapat digelar pada 5 Mei 2023.", "id")
    assert other and other[0].start != first[0].start



def test_work_aside_says_whether_it_succeeded_and_leaves_this_process_alone(tmp_path):
    from eventmap.batch.aside import Aside

    marker = tmp_path / "drawn.txt"
    good = Aside(lambda: marker.write_text("drawn", encoding="utf-8"))
    assert good.done() is True and marker.read_text(encoding="utf-8") == "drawn"
    bad = Aside(lambda: 1 / 0)
    assert bad.done() is False
    assert bad.done() is False   # asked again: nothing to wait for


def test_the_story_drawn_aside_is_the_story_drawn_in_one_process(tmp_path, capsys):
    from eventmap.cli import main
    from batch_corpus import write_corpus

    corpus = write_corpus(tmp_path / "c.jsonl", 10)
    for workers in ("1", "2"):
        assert main(["batch", "--no-progress", str(corpus), "-o", str(tmp_path / workers), "--workers", workers]) == 0
    capsys.readouterr()
    assert (tmp_path / "2" / "story.html").read_bytes() == (tmp_path / "1" / "story.html").read_bytes()
    assert (tmp_path / "2" / "extractions.jsonl").read_bytes() == (tmp_path / "1" / "extractions.jsonl").read_bytes()


def test_a_time_span_as_a_dict_has_every_field_in_order():
    from dataclasses import asdict

    from timeline.model import TimeSpan

    span = TimeSpan("2023-05", "DATE", "month", "approx", "2023-05-01", "2023-05-31")
    assert span.to_dict() == asdict(span) and list(span.to_dict()) == list(asdict(span))


@pytest.mark.parametrize("before", [
    "RUSIA - CEI ", "Rusia - CEI ", "A ", "", "12 - ", "ÉTATS-UNIS, ", "東京 AB ", "AB 2023 - X", "AB² - ½ C",
    "THE HARBOUR REOPENED AFTER THE STORM AND THE FERRIES SAILED AGAIN - ",   # past the letters read in place
    "THE HARBOUR REOPENED AFTER THE STORM AND THE FERRIES SAILED again - ",
])
def test_a_headline_in_capitals_is_one_whose_every_letter_is_a_capital(before):
    from maps.cues import Around

    letters = [ch for ch in before if ch.isalpha()]   # the rule, reading the whole line
    rule = len(letters) >= 2 and all(ch.isupper() for ch in letters)
    assert Around(before, [], None)._capitals_headline(0, len(before)) is rule
    around = Around("lower " + before + " lower", [], None)
    assert around._capitals_headline(6, 6 + len(before)) is rule   # only that part of the text
