"""eventmap batch against the naive pip stack on the same mixed news documents, whole commands.

    python benchmarks/bench_batch.py [--shared ../shared] [--per-corpus 75] [--workers 2] [--repeats 3]

Builds one JSONL corpus from the first ``--per-corpus`` documents of eight dev corpora - Indonesian
(IndoSum, Kompas raw news, IndoTimex) and English (LGL, GeoVirus, TR-News, GeoWebNews, TimeBank) -
keeping each document's text, language and ``dct``. Then runs, one after the other and ``--repeats``
times, each as a whole command from a fresh process (start-up, imports, reading and writing included):

  naive     benchmarks/naive_stack.py: geotext for places, dateparser.search_dates (language given)
  batch     eventmap batch CORPUS -o FRESH_DIR --workers N (extractions.jsonl and the story page)
  extract   eventmap extract CORPUS (one process, for reference)

and prints, per command, the best wall time of the repeats, documents per second, the CPU time, and
the peak memory: the most that the command's processes held at once (resident set, summed over the
coordinator and its workers, sampled every 10 ms with psutil). Forked workers share the pages they
inherited from the coordinator, which that sum counts once per process; ``PSS`` (proportional set
size: a shared page split among those sharing it) is the memory the machine really gave them. Other processes on the machine slow
every command alike; the ratio is what to read, and the best of several repeats is the least
disturbed figure. The corpora are for measuring only.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = ["indosum_dev01_sample", "kompas_raw_id", "indotimex_kompas_gold", "lgl", "geovirus", "tr_news",
           "geowebnews", "tbaq_timebank_aquaint"]


def build_corpus(shared: Path, per_corpus: int, out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for name in CORPORA:
            with (shared / "eval" / "dev" / f"{name}.jsonl").open(encoding="utf-8") as src:
                for i, line in enumerate(src):
                    if i >= per_corpus:
                        break
                    d = json.loads(line)
                    doc = {"id": f"{name}/{d['id']}", "text": d["text"], "lang": d["lang"]}
                    if d.get("dct"):
                        doc["dct"] = d["dct"]
                    f.write(json.dumps(doc, ensure_ascii=False) + "\n")
                    n += 1
    return n


def measure(argv: list[str]) -> dict:
    """Run a command; its wall time, CPU time (it and its children) and peak summed resident memory."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    top = psutil.Process(proc.pid)
    peak, peak_pss, cpu = 0, 0, {}
    while proc.poll() is None:
        try:
            family = [top] + top.children(recursive=True)
            rss = pss = 0
            for p in family:
                try:
                    mem = p.memory_full_info()
                    rss, pss = rss + mem.rss, pss + mem.pss
                    t = p.cpu_times()
                    cpu[p.pid] = t.user + t.system
                except psutil.Error:
                    pass
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)
        except psutil.Error:
            pass
        time.sleep(0.01)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(argv)} failed with exit code {proc.returncode}")
    return {"wall": wall, "cpu": sum(cpu.values()), "peak_mb": peak / 2**20, "pss_mb": peak_pss / 2**20}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--per-corpus", type=int, default=75)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--skip", default="", help="comma-separated commands not to run (naive, batch, extract)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    corpus = tmp / "mixed.jsonl"
    n = build_corpus(Path(args.shared), args.per_corpus, corpus)
    py = sys.executable
    commands = {
        "naive": lambda: [py, str(HERE / "naive_stack.py"), str(corpus), "-o", str(tmp / "naive.jsonl")],
        "batch": lambda: [py, "-m", "eventmap", "batch", str(corpus), "-o", str(_fresh(tmp / "batch")),
                          "--workers", str(args.workers), "--no-progress"],
        "extract": lambda: [py, "-m", "eventmap", "extract", str(corpus), "-o", str(tmp / "extract.jsonl")],
    }
    skip = set(filter(None, args.skip.split(",")))
    best: dict[str, dict] = {}
    for _ in range(args.repeats):
        for name, make in commands.items():
            if name in skip:
                continue
            r = measure(make())
            if name not in best or r["wall"] < best[name]["wall"]:
                best[name] = r
            print(f"  {name:8s} {r['wall']:7.2f} s wall  {r['cpu']:7.2f} s CPU  {r['peak_mb']:6.0f} MB "
                  f"(PSS {r['pss_mb']:4.0f} MB)", flush=True)
    print(f"{n} documents ({args.per_corpus} per corpus of {', '.join(CORPORA)}), best of {args.repeats}:")
    base = best.get("naive")
    for name, r in best.items():
        ratio = f"  {base['wall'] / r['wall']:5.1f}x naive" if base else ""
        print(f"{name:8s} {r['wall']:7.2f} s  {n / r['wall']:7.1f} docs/s  CPU {r['cpu']:6.2f} s  "
              f"peak {r['peak_mb']:5.0f} MB (PSS {r['pss_mb']:4.0f} MB){ratio}")
    shutil.rmtree(tmp, ignore_errors=True)


def _fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    return path


if __name__ == "__main__":
    main()
