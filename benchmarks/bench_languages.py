"""Throughput per language: documents (and thousands of characters) per CPU second, on the dev corpora.

    python benchmarks/bench_languages.py [--shared ../shared] [--docs 60] [--repeat 3] [LANG ...]

Why: the issue asks that no language be slower than a third of English. Each language's documents are
taken from the dev corpora in that language (the first ``--docs`` of them, corpora in name order), run
once to warm up (the gazetteer, the language's tables and its morphology or segmenter load - that
one-time cost is printed apart as ``load s``), then timed ``--repeat`` times; the best run counts, in
CPU seconds of this process (time.process_time), so that other work on a shared machine weighs less.
Documents differ in length between corpora (a WikiWars article is a hundred news sentences), so
characters per second is printed too. The ratio column compares with English.
"""
from __future__ import annotations

import argparse
import resource
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


def _run(analyse, articles) -> float:
    t0 = time.process_time()
    for a in articles:
        analyse(a)
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*")
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from eventmap import analyse

    docs = _by_language(Path(args.shared) / "eval" / "dev", args.docs)
    langs = args.langs or sorted(docs, key=lambda c: (c != "en", c))
    rows = []
    for lang in langs:
        articles = docs[lang]
        t0 = time.perf_counter()
        analyse(articles[0])
        load = time.perf_counter() - t0
        best = min(_run(analyse, articles) for _ in range(args.repeat))
        chars = sum(len(a.text) for a in articles)
        rows.append((lang, len(articles), load, len(articles) / best, chars / best / 1000))
    en = next((r for r in rows if r[0] == "en"), None)
    print(f"{'lang':5s} {'docs':>5s} {'load s':>7s} {'docs/s':>8s} {'kchars/s':>9s} {'vs en docs':>10s} {'vs en chars':>11s}")
    for lang, n, load, dps, kcps in rows:
        ratio = f"{dps / en[3]:10.2f} {kcps / en[4]:11.2f}" if en else ""
        print(f"{lang:5s} {n:5d} {load:7.2f} {dps:8.1f} {kcps:9.1f} {ratio}")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (all languages in one process)")


if __name__ == "__main__":
    main()
