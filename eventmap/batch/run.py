"""The coordinator of a batch: which documents still need reading, who reads them, and the outputs.

Why one coordinator and many readers: the coordinator is the only process that writes into the
output directory, so the on-disk state has one writer. It reads the inputs in order, skips what the
journal (journal.py) says is finished under the same settings, hands the rest to an engine
(engines.py), and for each finished document puts its page in place and then appends its journal
line - so a kill at any moment leaves whole pages and whole lines. At the end it writes, each
atomically, the extractions (one line per document, in input order, as ``eventmap extract``
writes them), the list of failures, and the story page (eventmap/story/).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from eventmap.atomic import write_text_atomic
from eventmap.batch import engines
from eventmap.batch.aside import Aside
from eventmap.batch.journal import Journal
from eventmap.batch.progress import Progress
from eventmap.batch.sources import check_inputs, count_documents, jobs
from eventmap.batch.work import Outcome, Settings
from eventmap.errors import InputError
from eventmap.outputs import check_directory

EXTRACTIONS = "extractions.jsonl"
ERRORS = "errors.jsonl"
STORY = "story.html"
ENGINES = ("local", "dask")


@dataclass
class Report:
    """What a run did: documents read now, found finished, failed (key, id, message), files written."""

    total: int = 0
    read: int = 0
    skipped: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)
    written: dict[str, Path] = field(default_factory=dict)
    rate: float = 0.0


@dataclass(frozen=True)
class Plan:
    """How to run: where, with how many workers, on which engine, and which outputs."""

    out_dir: Path
    workers: int = 0               # 0: every core
    engine: str = "local"
    scheduler: str | None = None
    story: bool = True
    locale: str = "en"             # the story page's language
    progress: bool | None = None   # None: a bar when stderr is a terminal


def run_batch(inputs: list[str], plan: Plan, settings: Settings) -> Report:
    """Read every document of ``inputs`` into ``plan.out_dir``; see the module docstring."""
    paths = check_inputs(inputs)
    out_dir = check_directory(plan.out_dir)
    if plan.engine not in ENGINES:
        raise InputError(f"unknown engine {plan.engine!r}: choose from {', '.join(ENGINES)}")
    if plan.engine == "dask" and not plan.scheduler:
        raise InputError("--engine dask needs --scheduler ADDRESS (for example tcp://10.0.0.5:8786)")
    fingerprint = settings.fingerprint(_gazetteer_identity() if plan.engine == "local" else "remote")
    report = Report(total=count_documents(paths))
    keys: list[str] = []
    with Journal(out_dir) as journal, Progress(report.total, plan.progress) as bar:
        pending = _pending(paths, journal, settings, fingerprint, keys, bar, out_dir)
        _engine(plan)(pending, settings, _writer(out_dir, journal, bar, report))
        report.read, report.skipped, report.rate = bar.read, bar.skipped, bar.rate()
        _write_outputs(out_dir, journal, keys, plan, settings, report)
        journal.compact(keys)
    return report


def _pending(paths, journal: Journal, settings: Settings, fingerprint: str, keys: list, bar: Progress, out_dir: Path):
    """The jobs still to read, with their digests; remembers every key (the outputs' order)."""
    for job in jobs(paths):
        keys.append(job.key)
        digest = job.digest(fingerprint)
        wanted = settings.page_wanted(job)
        if journal.finished(job.key, digest, wanted) and (wanted is None or (out_dir / wanted["file"]).is_file()):
            bar.skip()
            continue
        yield job, digest


def _writer(out_dir: Path, journal: Journal, bar: Progress, report: Report):
    def on_outcome(o: Outcome) -> None:
        for message in o.warnings:
            bar.warn(message)
        if o.error is not None:
            report.failed.append((o.key, o.ident, o.error))
            bar.fail(o.error)
            return
        if o.page_html is not None:
            write_text_atomic(out_dir / o.page["file"], o.page_html)   # the page first, then its line
        journal.append(o.key, o.digest, o.page, o.record)
        bar.done()

    return on_outcome


def _engine(plan: Plan):
    meanwhile = (lambda: _prepare_story(plan.locale)) if plan.story else None
    if plan.engine == "dask":
        return lambda pending, settings, cb: engines.run_dask(pending, settings, plan.scheduler, cb, meanwhile)
    workers = plan.workers or _cores()
    if workers > 1:
        import eventmap.pipeline  # noqa: F401 - imported once here, shared by the forked workers
    return lambda pending, settings, cb: engines.run_local(pending, settings, workers, cb, meanwhile)


def _prepare_story(locale: str) -> None:
    """The story page's modules (folium) take a third of a second to import, and its template, words
    and map pieces some more to load the first time: done while the workers read (an empty story is
    drawn), not after them."""
    from eventmap.story import build_story, render_story

    render_story(build_story([], None, locale), locale=locale)


def _cores() -> int:
    """The cores this process may run on (a container's share, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:   # not on Linux
        return os.cpu_count() or 1


def _gazetteer_identity() -> str:
    """The gazetteer file the workers will read (built here first if missing, so that they do not
    all build it at once), named with its size and time: a rebuilt gazetteer makes results stale."""
    from maps.gazetteer import store

    path = store.active_path()
    if not path.is_file():
        if path == store.embedded_path():
            store.build()
        else:
            store.default_gazetteer()   # says, in one line, what is wrong with the file asked for
    st = path.stat()
    return f"{path.name}:{st.st_size}:{int(st.st_mtime)}"


def _write_outputs(out_dir: Path, journal: Journal, keys: list[str], plan: Plan, settings: Settings,
                   report: Report) -> None:
    """The extractions, the failures and the story page. With local workers, the story page is drawn
    in a forked child (eventmap/batch/aside.py) while this process writes the rest: the end of a batch
    is one core's work otherwise, with the workers' cores idle."""
    def draw_story() -> Path:
        from eventmap.story import write_story

        return write_story(journal.records(keys), out_dir / STORY, tiles=settings.tiles, locale=plan.locale)

    aside = Aside(draw_story) if plan.story and plan.engine == "local" and (plan.workers or _cores()) > 1 else None
    lines = [json.dumps(r["doc"], ensure_ascii=False) for r in journal.records(keys)]
    report.written["extractions"] = write_text_atomic(out_dir / EXTRACTIONS, "".join(line + "\n" for line in lines))
    errors = out_dir / ERRORS
    if report.failed:
        text = "".join(json.dumps({"key": k, "id": i, "error": e}, ensure_ascii=False) + "\n"
                       for k, i, e in report.failed)
        report.written["errors"] = write_text_atomic(errors, text)
    elif errors.exists():
        errors.unlink()
    if plan.story:
        drawn = aside is not None and aside.done()
        report.written["story"] = out_dir / STORY if drawn else draw_story()   # drawn here if the child failed
