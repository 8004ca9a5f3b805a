"""Speed and size of the embedded gazetteer: build time, file size, cold open, lookup and max_tokens.

Run by hand:  .venv/bin/python benchmarks/bench_gazetteer.py [--reuse]
It builds into a fresh temporary cache directory (so nothing of the user's cache is touched), unless
--reuse is given, in which case it measures the file in the current cache (EVENTMAP_CACHE_DIR or the
platform cache). Targets (from the project issue): build < 60 s, file < ~60 MB, cold open <= 0.1 s,
lookup < 1 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NAMES = ["Jakarta", "Manila", "Paris", "Springfield", "New York", "Rusia", "Asia Tenggara", "Timur Tengah",
         "Semenanjung Korea", "Washington", "San Jose", "Nigerian", "Qwxzzy", "London", "Sulawesi Utara",
         "Mindanao", "Amerika Serikat", "Georgia", "Cairo", "Buenos Aires", "Kabul", "Laut Cina Selatan"]

COLD = """
import time, sys
t0 = time.perf_counter()
from maps import gazetteer
t1 = time.perf_counter()
g = gazetteer.default_gazetteer()
t2 = time.perf_counter()
g.lookup("Jakarta")
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuse", action="store_true", help="measure the existing cache instead of a fresh build")
    args = ap.parse_args()
    tmp = None
    if not args.reuse:
        tmp = os.environ["EVENTMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="eventmap-bench-")
    try:
        return measure(args)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def measure(args) -> int:
    from maps import gazetteer
    from maps.gazetteer import Gazetteer

    out: dict = {}
    t = time.perf_counter()
    path = gazetteer.build(force=not args.reuse)
    out["build_s"] = round(time.perf_counter() - t, 2)
    out["size_mb"] = round(path.stat().st_size / 1e6, 1)

    colds = []
    for _ in range(5):
        r = subprocess.run([sys.executable, "-c", COLD], cwd=ROOT, capture_output=True, text=True,
                           env=dict(os.environ), check=True)
        colds.append([float(x) for x in r.stdout.split()])
    out["cold_import_s"] = round(statistics.median(c[0] for c in colds), 4)
    out["cold_open_s"] = round(statistics.median(c[1] for c in colds), 4)
    out["cold_first_lookup_s"] = round(statistics.median(c[2] for c in colds), 5)

    g = Gazetteer(path)
    for n in NAMES:   # warm the page cache
        g.lookup(n)
    reps = 200
    t = time.perf_counter()
    for _ in range(reps):
        for n in NAMES:
            g.lookup(n)
    out["lookup_ms"] = round((time.perf_counter() - t) / (reps * len(NAMES)) * 1000, 4)
    worst = max(NAMES, key=lambda n: len(g.lookup(n)))
    t = time.perf_counter()
    for _ in range(reps):
        g.lookup(worst)
    out["lookup_ms_most_candidates"] = [worst, len(g.lookup(worst)),
                                        round((time.perf_counter() - t) / reps * 1000, 4)]
    t = time.perf_counter()
    for _ in range(reps):
        for n in NAMES:
            g.max_tokens(n.split()[0])
    out["max_tokens_ms"] = round((time.perf_counter() - t) / (reps * len(NAMES)) * 1000, 4)
    out["counts"] = g.counts()
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
