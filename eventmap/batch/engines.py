"""Where a batch's documents are read: in this process, in a pool of local processes, or on a Dask cluster.

Every engine takes the same stream of ``(Job, digest)`` pairs and calls ``on_outcome`` in *this*
process for each document as it finishes, in whatever order they finish; the coordinator does the
writing. They differ only in where `work.process` runs, and each opens the gazetteer once per worker
process (`work.open_gazetteer`): as the pool's initializer, or as a Dask worker plugin.

Documents go out a few at a time (`CHUNK`), with a bounded number of chunks in flight, so a corpus of
any size is read lazily and memory stays flat.

Start-up is paid once, not once per worker: before the local pool forks, the coordinator reads the
first document of each language it sees among the first few (`warm_languages`), so the date grammar,
the word frequencies and the gazetteer's answers it compiled and loaded are inherited by every
worker instead of being built again in each. And while the workers read, the coordinator does what
the end of the batch will need (``meanwhile``: importing the story page's modules), rather than
leaving it to the end, when the workers are done and a core stands idle.
"""
from __future__ import annotations

import gc
import multiprocessing
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice
from typing import Callable, Iterable, Iterator

from eventmap.batch.sources import Job
from eventmap.batch.work import Outcome, Settings, language_of, open_gazetteer, process, process_many

CHUNK = 4            # documents per task
IN_FLIGHT = 4        # tasks per worker waiting or running
WARM_WINDOW = 512    # documents whose languages the coordinator looks at first, to warm each language once
WARM_DETECTIONS = 16  # of those, the first ones whose language is detected (not given) when unknown
DIED = "the worker process died while reading it (run again to retry)"

OnOutcome = Callable[[Outcome], None]
Pending = Iterable[tuple[Job, str]]
Meanwhile = Callable[[], None] | None


def _chunks(pending: Pending, size: int = CHUNK) -> Iterator[list[tuple[Job, str]]]:
    it = iter(pending)
    while chunk := list(islice(it, size)):
        yield chunk


def run_inline(pending: Pending, settings: Settings, on_outcome: OnOutcome, meanwhile: Meanwhile = None) -> None:
    """One document after another in this process (``--workers 1``)."""
    open_gazetteer()
    for job, digest in pending:
        on_outcome(process(job, settings, digest))
    if meanwhile is not None:
        meanwhile()


def run_local(pending: Pending, settings: Settings, workers: int, on_outcome: OnOutcome,
              meanwhile: Meanwhile = None) -> None:
    """A pool of ``workers`` processes. On Linux they are forked from this process, so the modules it
    has imported and the languages it warmed (`warm_languages`) are shared rather than loaded again;
    each worker opens the gazetteer when it starts (its own connection to the file). A worker that
    dies (a crash in a native library) fails the documents it held and the pool is started afresh:
    the batch goes on."""
    if workers <= 1:
        return run_inline(pending, settings, on_outcome, meanwhile)
    forked = "fork" in multiprocessing.get_all_start_methods()
    if forked:
        pending = warm_languages(pending, settings, on_outcome)
        gc.collect()
        gc.freeze()   # what the workers inherit is never walked by their collector, nor copied for it
    chunks = _chunks(pending)
    try:
        while True:
            with _pool(workers) as pool:
                try:
                    if not _drain(pool, chunks, settings, workers, on_outcome, meanwhile):
                        return
                    meanwhile = None   # done with the first pool
                except KeyboardInterrupt:
                    pool.shutdown(wait=False, cancel_futures=True)   # what is queued is dropped, not read
                    raise
    finally:
        if forked:
            gc.unfreeze()


def warm_languages(pending: Pending, settings: Settings, on_outcome: OnOutcome, window: int = WARM_WINDOW,
                   detections: int = WARM_DETECTIONS) -> Iterator[tuple[Job, str]]:
    """Read here the first document of each language among the first ``window``, and hand back the
    others, then the rest of ``pending``. The first document of a language costs far more than the
    next (the date grammar is compiled, word lists loaded); read before the workers are forked, that
    cost is paid once for all of them. A language a document does not give is detected for the first
    ``detections`` only: detection is a text's worth of work, done again by the worker that reads it.
    Results do not change: the same `process` reads the document, here or in a worker."""
    it = iter(pending)
    open_gazetteer()
    seen: set[str] = set()
    later = []
    for n, (job, digest) in enumerate(islice(it, window)):
        lang = language_of(job, settings, detect=n < detections)
        if lang is not None and lang not in seen:
            seen.add(lang)
            on_outcome(process(job, settings, digest))
        else:
            later.append((job, digest))
    return chain(later, it)


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
           on_outcome: OnOutcome, meanwhile: Meanwhile = None) -> bool:
    """Keep the pool busy until the chunks run out (False) or a worker dies (True: start a new pool)."""
    running: dict[Future, list] = {}
    broken = False
    for chunk in islice(chunks, workers * IN_FLIGHT):
        running[pool.submit(process_many, chunk, settings)] = chunk
    if meanwhile is not None:
        meanwhile()   # the workers are forked and busy: finished documents wait in their futures
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


def run_dask(pending: Pending, settings: Settings, scheduler: str, on_outcome: OnOutcome,
             meanwhile: Meanwhile = None) -> None:
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
        if meanwhile is not None:
            meanwhile()
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
