"""Throughput per language: documents (and thousands of characters) per CPU second, on the dev corpora.

    python benchmarks/bench_languages.py [--shared ../shared] [--docs 60] [--repeat 3] [LANG ...]

Why: the issue asks that no language be slower than a third of English. Each language's documents are
taken from the dev corpora in that language (the first ``--docs`` of them, corpora in name order), run
once to warm up (the gazetteer, the language's tables and its morphology or segmenter load - that
one-time cost is printed apart as ``load s``), then timed; each of the ``--repeat`` runs is a fresh
process (so no run profits from the look-up caches of the one before) and the best counts, in CPU
seconds of that process (time.process_time), so that other work on a shared machine weighs less.
Documents differ in length between corpora (a WikiWars article is a hundred news sentences), so
characters per second is printed too. The ratio column compares with English.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _by_language(dev: Path, per_lang: int) -> dict[str, list]:
    """The first ``per_lang`` articles of each language, read as the CLI reads a corpus."""
    from eventmap import read_corpus

    out: dict[str, list] = defaultdict(list)
    for path in sorted(dev.glob("*.jsonl")):
        for article in read_corpus(str(path)):
            if len(out[article.lang]) < per_lang:
                out[article.lang].append(article)
    return out


def _one(dev: Path, lang: str, per_lang: int) -> dict:
    """In this process: load and warm up on one article of ``lang``, then time all of them."""
    from eventmap import analyse

    articles = _by_language(dev, per_lang)[lang]
    t0 = time.perf_counter()
    analyse(articles[0])
    load = time.perf_counter() - t0
    t0 = time.process_time()
    for a in articles[1:]:
        analyse(a)
    cpu = time.process_time() - t0
    return {"docs": len(articles) - 1, "chars": sum(len(a.text) for a in articles[1:]), "cpu": cpu, "load": load,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _measure(shared: str, lang: str, per_lang: int, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        r = subprocess.run([sys.executable, __file__, "--shared", shared, "--docs", str(per_lang), "--one", lang],
                           capture_output=True, text=True, check=True)
        runs.append(json.loads(r.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda r: r["cpu"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*")
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    dev = Path(args.shared) / "eval" / "dev"
    if args.one:
        print(json.dumps(_one(dev, args.one, args.docs)))
        return
    langs = args.langs or sorted(_by_language(dev, 2), key=lambda c: (c != "en", c))
    rows = []
    for lang in langs:
        r = _measure(args.shared, lang, args.docs, args.repeat)
        rows.append((lang, r["docs"], r["load"], r["docs"] / r["cpu"], r["chars"] / r["cpu"] / 1000, r["peak_mb"]))
    en = next((r for r in rows if r[0] == "en"), None)
    print(f"{'lang':5s} {'docs':>5s} {'load s':>7s} {'docs/s':>8s} {'kchars/s':>9s} {'vs en docs':>10s} "
          f"{'vs en chars':>11s} {'peak MB':>8s}")
    for lang, n, load, dps, kcps, peak in rows:
        ratio = f"{dps / en[3]:10.2f} {kcps / en[4]:11.2f}" if en else ""
        print(f"{lang:5s} {n:5d} {load:7.2f} {dps:8.1f} {kcps:9.1f} {ratio} {peak:8.0f}")


if __name__ == "__main__":
    main()
