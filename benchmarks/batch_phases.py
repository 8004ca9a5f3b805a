"""Where a local batch's time goes, in CPU seconds, process by process: a measure that holds on a busy machine.

    python benchmarks/batch_phases.py CORPUS.jsonl [--workers 2] [--repeats 3]

Wall times taken while other programs run say more about them than about eventmap; CPU time spent by
each process does not depend on them much. This runs ``eventmap batch CORPUS -o TMP --workers N`` in
this process, hooked at its seams, and prints per run:

  before    the coordinator's CPU until the workers are forked (imports, the inputs looked over, the
            first document of each language read to warm it)
  workers   each worker's CPU (its documents)
  during    the coordinator's CPU while the workers read (results written to the journal, the story
            page's modules loaded)
  end       the end of the batch: the coordinator's CPU writing the extractions, and the story page's
            (drawn in a forked child when there are workers)

and ``idle``: the wall time these imply on N idle cores - before, then the workers and the coordinator
sharing the cores, then the longer of the two parts of the end. The figures are CPU seconds measured
under whatever else runs, so compare runs of one sitting (``--code`` runs another checkout).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _children_cpu() -> float:
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return c.ru_utime + c.ru_stime


SPOOL = Path(tempfile.gettempdir())   # where each worker leaves its CPU time (set per run)
_PROCESS_MANY = None


def timed_many(*a, **k):
    """The workers' task (module-level: it is pickled to them), noting the worker's CPU after each chunk."""
    out = _PROCESS_MANY(*a, **k)
    (SPOOL / str(os.getpid())).write_text(str(time.process_time()))
    return out


def one_run(corpus: str, workers: int) -> dict:
    """One batch in this process (called in a fresh interpreter: see `main`)."""
    global SPOOL, _PROCESS_MANY
    from eventmap.batch import engines, run
    from eventmap.cli import main as cli

    spool = SPOOL = Path(tempfile.mkdtemp(prefix="batch-phases-"))
    marks: dict[str, float] = {}
    _PROCESS_MANY, pool, write_outputs, engine = engines.process_many, engines._pool, run._write_outputs, run._engine

    def first_pool(n):
        marks.setdefault("before", time.process_time())
        return pool(n)

    def timed_engine(plan):
        go = engine(plan)

        def run_it(*a):
            go(*a)
            marks["engine"] = time.process_time()
        return run_it

    def timed_outputs(*a):
        cpu, kids = time.process_time(), _children_cpu()
        write_outputs(*a)
        marks["end_self"], marks["end_child"] = time.process_time() - cpu, _children_cpu() - kids

    engines.process_many, engines._pool, run._engine, run._write_outputs = timed_many, first_pool, timed_engine, timed_outputs
    out = spool / "out"
    cli(["batch", corpus, "-o", str(out), "--workers", str(workers), "--no-progress"])
    per_worker = sorted(float(p.read_text()) for p in spool.iterdir() if p.name.isdigit())
    shutil.rmtree(spool, ignore_errors=True)
    before = marks.get("before", 0.0)
    return {"before": before, "workers": per_worker, "during": marks["engine"] - before,
            "end_self": marks["end_self"], "end_child": marks["end_child"]}


def idle_wall(r: dict, workers: int) -> float:
    shared = max(max(r["workers"], default=0.0), (sum(r["workers"]) + r["during"]) / workers)
    return r["before"] + shared + max(r["end_self"], r["end_child"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--code", default=str(HERE.parent), help="the eventmap checkout to run (default: this one)")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)   # a single run, in this process
    args = ap.parse_args()
    if args.one:
        r = one_run(args.corpus, args.workers)
        print(json.dumps(r), file=sys.__stdout__)
        return
    env = dict(os.environ, PYTHONPATH=str(Path(args.code).resolve()))
    for _ in range(args.repeats):
        got = subprocess.run([sys.executable, str(Path(__file__).resolve()), args.corpus, "--workers", str(args.workers),
                              "--one"], env=env, cwd=tempfile.gettempdir(), capture_output=True, text=True, check=True)
        r = json.loads(got.stdout.strip().splitlines()[-1])
        print(f"before {r['before']:5.2f}  workers {' '.join(f'{w:5.2f}' for w in r['workers'])}  "
              f"during {r['during']:5.2f}  end {r['end_self']:5.2f} (story child {r['end_child']:5.2f})  "
              f"=> {idle_wall(r, args.workers):5.2f} s on {args.workers} idle cores", flush=True)


if __name__ == "__main__":
    main()
