"""Many articles at once: ``eventmap batch INPUT... -o DIR`` (eventmap/commands/batch.py).

    sources.py   the inputs (directories, JSONL corpora, files) as `Job`s, one per document
    work.py      what a worker does with one document: read, analyse, its record and page
    engines.py   where the work runs: this process, a pool of local processes, a Dask cluster
    journal.py   what is finished, on disk: append-only, so a kill at any moment loses nothing
    progress.py  the progress bar
    run.py       `run_batch`: the coordinator, the one writer of the output directory

Python API:

    from eventmap.batch import Plan, Settings, run_batch
    report = run_batch(["news/", "wire.jsonl"], Plan(Path("out"), workers=4), Settings(lang="id"))
"""
from eventmap.batch.run import Plan, Report, run_batch
from eventmap.batch.work import Settings

__all__ = ["Plan", "Report", "Settings", "run_batch"]
