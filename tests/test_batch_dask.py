"""eventmap batch --engine dask: the same results as the local engine, on a LocalCluster the test starts,
with the gazetteer opened once per worker process."""
import json

import pytest

from batch_corpus import write_corpus
from eventmap.cli import main

distributed = pytest.importorskip("distributed")


def _opened_gazetteers() -> int:
    from maps.gazetteer import store

    return len(store._opened)


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as c, Client(c) as client:
        yield c, client


def test_dask_and_local_results_are_identical(tmp_path, capsys, cluster):
    c, client = cluster
    corpus = write_corpus(tmp_path / "c.jsonl", 24, extra=["{broken"])
    assert main(["batch", str(corpus), "-o", str(tmp_path / "local"), "--workers", "2", "--no-progress"]) == 3
    code = main(["batch", str(corpus), "-o", str(tmp_path / "dask"), "--engine", "dask",
                 "--scheduler", c.scheduler_address, "--no-progress"])
    err = capsys.readouterr().err
    assert code == 3 and "c.jsonl:25" in err, err
    for name in ("extractions.jsonl", "story.html", "errors.jsonl"):
        local = (tmp_path / "local" / name).read_text(encoding="utf-8")
        remote = (tmp_path / "dask" / name).read_text(encoding="utf-8")
        assert local == remote, name
    assert len((tmp_path / "dask" / "extractions.jsonl").read_text().splitlines()) == 24
    # every worker read documents, and each opened its gazetteer exactly once
    opened = client.run(_opened_gazetteers)
    assert len(opened) == 2 and all(n == 1 for n in opened.values()), opened


def test_a_resumed_dask_batch_reads_only_what_is_left(tmp_path, capsys, cluster):
    c, _ = cluster
    corpus = write_corpus(tmp_path / "c.jsonl", 6)
    argv = ["batch", str(corpus), "-o", str(tmp_path / "out"), "--engine", "dask", "--scheduler",
            c.scheduler_address, "--no-progress"]
    assert main(argv) == 0
    capsys.readouterr()
    assert main(argv) == 0
    assert "0 read now" in capsys.readouterr().err
    assert [json.loads(line)["id"] for line in (tmp_path / "out" / "extractions.jsonl").read_text().splitlines()] \
        == [f"doc-{n:03d}" for n in range(6)]
