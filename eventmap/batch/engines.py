"""Where a batch's documents are read: in this process, in a pool of local processes, or on a Dask cluster.

Every engine takes the same stream of ``(Job, digest)`` pairs and calls ``on_outcome`` in *this*
process for each document as it finishes, in whatever order they finish; the coordinator does the
writing. They differ only in where `work.process` runs, and each opens the gazetteer once per worker
process (`work.open_gazetteer`): as the pool's initializer, or as a Dask worker plugin.

Documents go out a few at a time (`CHUNK`), with a bounded number of chunks in flight, so a corpus of
any size is read lazily and memory stays flat.
"""
from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Callable, Iterable, Iterator

from eventmap.batch.sources import Job
from eventmap.batch.work import Outcome, Settings, open_gazetteer, process, process_many

CHUNK = 4            # documents per task
IN_FLIGHT = 4        # tasks per worker waiting or running
DIED = "the worker process died while reading it (run again to retry)"

OnOutcome = Callable[[Outcome], None]
Pending = Iterable[tuple[Job, str]]


def _chunks(pending: Pending, size: int = CHUNK) -> Iterator[list[tuple[Job, str]]]:
    it = iter(pending)
    while chunk := list(islice(it, size)):
        yield chunk


def run_inline(pending: Pending, settings: Settings, on_outcome: OnOutcome) -> None:
    """One document after another in this process (``--workers 1``)."""
    open_gazetteer()
    for job, digest in pending:
        on_outcome(process(job, settings, digest))


def run_local(pending: Pending, settings: Settings, workers: int, on_outcome: OnOutcome) -> None:
    """A pool of ``workers`` processes. On Linux they are forked from this process, so the modules it
    has imported are shared rather than imported again; each opens the gazetteer once when it starts.
    A worker that dies (a crash in a native library) fails the documents it held and the pool is
    started afresh: the batch goes on."""
    if workers <= 1:
        return run_inline(pending, settings, on_outcome)
    chunks = _chunks(pending)
    while True:
        with _pool(workers) as pool:
            try:
                if not _drain(pool, chunks, settings, workers, on_outcome):
                    return
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)   # what is queued is dropped, not read
                raise


def _pool(workers: int) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)


def _start_worker() -> None:
    """A local worker leaves Ctrl-C to the coordinator: the terminal sends SIGINT to the whole process
    group, and a worker that took it would print a traceback from wherever it waited. The coordinator
    stops the pool, says what is kept, and exits 130; a worker finishes the chunk it holds, then ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    open_gazetteer()


def _drain(pool: ProcessPoolExecutor, chunks: Iterator, settings: Settings, workers: int,
           on_outcome: OnOutcome) -> bool:
    """Keep the pool busy until the chunks run out (False) or a worker dies (True: start a new pool)."""
    running: dict[Future, list] = {}
    broken = False
    for chunk in islice(chunks, workers * IN_FLIGHT):
        running[pool.submit(process_many, chunk, settings)] = chunk
    while running:
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        for fut in done:
            chunk = running.pop(fut)
            try:
                outcomes = fut.result()
            except BrokenProcessPool:
                broken = True
                outcomes = [Outcome(job.key, job.ident, digest, error=f"{job.key}: {DIED}") for job, digest in chunk]
            for o in outcomes:
                on_outcome(o)
            if not broken:
                nxt = next(chunks, None)
                if nxt is not None:
                    running[pool.submit(process_many, nxt, settings)] = nxt
    return broken


def run_dask(pending: Pending, settings: Settings, scheduler: str, on_outcome: OnOutcome) -> None:
    """The same documents on a Dask cluster (dask.distributed) whose scheduler is at ``scheduler``
    (``tcp://host:8786``). Every worker must have eventmap installed; each opens its own gazetteer
    (building it in its own cache on first use) once, through a worker plugin."""
    from distributed import Client, as_completed

    with Client(scheduler, set_as_default=False) as client:
        client.register_plugin(gazetteer_plugin(), name="eventmap-gazetteer")
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = _chunks(pending)
        first = [client.submit(process_many, c, settings, pure=False) for c in islice(chunks, n_workers * IN_FLIGHT)]
        queue = as_completed(first)
        for fut in queue:
            for o in fut.result():
                on_outcome(o)
            nxt = next(chunks, None)
            if nxt is not None:
                queue.add(client.submit(process_many, nxt, settings, pure=False))


def gazetteer_plugin():
    """A Dask worker plugin that opens the gazetteer when a worker starts (made here, so that
    distributed is imported only when the Dask engine is used)."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class OpenGazetteer(WorkerPlugin):
        name = "eventmap-gazetteer"

        def setup(self, worker) -> None:
            open_gazetteer()

    return OpenGazetteer()
