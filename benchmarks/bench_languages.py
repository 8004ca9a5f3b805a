"""Throughput per language: documents (and thousands of characters) per CPU second, on the dev corpora.

    python benchmarks/bench_languages.py [--shared ../shared] [--docs 60] [--repeat 3] [--cut 2000] [LANG ...]
    python benchmarks/bench_languages.py --probes [LANG ...]

Why: the issue asks that no language be slower than a third of English. Each language's documents are
taken from the dev corpora in that language (the first ``--docs`` of them, corpora in name order); a
warm-up text made of their openings loads what they need once (the gazetteer, the language's tables,
its morphology or segmenter - that one-time cost is printed apart as ``load s``), then they are timed; each of the ``--repeat`` runs is a fresh
process (so no run profits from the look-up caches of the one before) and the best counts, in CPU
seconds of that process (time.process_time), so that other work on a shared machine weighs less.
Documents differ in length between corpora (a WikiWars article is a hundred news sentences), so
characters per second is printed too, and ``--cut N`` makes every document its first N characters (cut
at a line end), so that documents per second compare languages on documents of one size. The ratio
columns compare with English. ``--probes`` measures the languages that have no dev corpus here instead,
on the stories of benchmarks/data/probe_languages_*.jsonl (written for the project), each written five
times over into a document of about 800 characters, against an English story of the same make.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
WARM_CHARS = 200   # of each document, for the warm-up text
sys.path.insert(0, str(HERE.parent))


def _by_language(dev: Path, per_lang: int, cut: int = 0) -> dict[str, list]:
    """The first ``per_lang`` articles of each language, read as the CLI reads a corpus (each cut to its
    first ``cut`` characters, at a line end where there is one, when ``cut`` is given)."""
    from eventmap import read_corpus

    out: dict[str, list] = defaultdict(list)
    for path in sorted(dev.glob("*.jsonl")):
        for article in read_corpus(str(path)):
            if len(out[article.lang]) < per_lang:
                if cut and len(article.text) > cut:
                    end = article.text.rfind("\n", 0, cut)
                    article = dataclasses.replace(article, text=article.text[:end if end > cut // 2 else cut])
                out[article.lang].append(article)
    return out


# The English story the probe stories are measured against: the same make (a day with its weekday, "two
# days later", a weekday, "yesterday", "last week", towns and foreign capitals), written for this benchmark.
EN_STORY = ("On Monday 4 March 2024 the ministers met in Leeds. Two days later the delegation travelled to "
            "Bristol and on Friday to Cardiff. Yesterday the prime minister returned from Dublin. Last week "
            "he held talks in Oslo and Warsaw.")
PROBE_REPEAT = 5


def _probe_articles(per_lang: int) -> dict[str, list]:
    """Each probe story of each language written PROBE_REPEAT times over, as one article."""
    import datetime as dt

    from eventmap.article import make_article

    stories: dict[str, list] = defaultdict(list)
    for path in sorted((HERE / "data").glob("probe_languages_*.jsonl")):
        for line in path.open(encoding="utf-8"):
            d = json.loads(line)
            stories[d["lang"]].append((d["text"], d.get("dct")))
    stories["en"].append((EN_STORY, "2024-03-10"))
    return {lang: [make_article("\n\n".join([text] * PROBE_REPEAT), id=f"{lang}-{k}", source="probe", lang=lang,
                                published=dt.date.fromisoformat(dct) if dct else None)
                   for k, (text, dct) in enumerate(told[:per_lang])]
            for lang, told in stories.items()}


def _one(dev: Path | None, lang: str, per_lang: int, cut: int) -> dict:
    """In this process: load and warm up on one article of ``lang``, then time all of them (the dev
    corpora's, or with ``dev`` None the probe stories')."""
    from eventmap import analyse

    articles = (_by_language(dev, per_lang, cut) if dev is not None else _probe_articles(per_lang))[lang]
    # warm up on the openings of all the documents and every letter of the scripts they use: every one-time
    # load they will trigger (the language's morphology or segmenter, the gazetteer's names in scripts
    # without capitals) happens here
    letters = "".join(sorted({ch for a in articles for ch in a.text if ch.isalpha() and ord(ch) > 0x24F}))
    warm = dataclasses.replace(articles[0], text="\n\n".join([a.text[:WARM_CHARS] for a in articles] + [letters]))
    t0 = time.perf_counter()
    analyse(warm)
    load = time.perf_counter() - t0
    t0 = time.process_time()
    for a in articles:
        analyse(a)
    cpu = time.process_time() - t0
    return {"docs": len(articles), "chars": sum(len(a.text) for a in articles), "cpu": cpu, "load": load,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _measure(shared: str, lang: str, per_lang: int, repeat: int, cut: int, probes: bool) -> dict:
    runs = []
    for _ in range(repeat):
        r = subprocess.run([sys.executable, __file__, "--shared", shared, "--docs", str(per_lang), "--cut", str(cut),
                            "--one", lang] + (["--probes"] if probes else []),
                           capture_output=True, text=True, check=True)
        runs.append(json.loads(r.stdout.strip().splitlines()[-1]))
    return min(runs, key=lambda r: r["cpu"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*")
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cut", type=int, default=0, help="cut every document to its first N characters")
    ap.add_argument("--probes", action="store_true", help="the probe stories of languages without a dev corpus")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    dev = None if args.probes else Path(args.shared) / "eval" / "dev"
    if args.one:
        print(json.dumps(_one(dev, args.one, args.docs, args.cut)))
        return
    langs = args.langs or sorted(_by_language(dev, 2) if dev is not None else _probe_articles(2),
                                 key=lambda c: (c != "en", c))
    rows = []
    for lang in langs:
        r = _measure(args.shared, lang, args.docs, args.repeat, args.cut, args.probes)
        rows.append((lang, r["docs"], r["load"], r["docs"] / r["cpu"], r["chars"] / r["cpu"] / 1000, r["peak_mb"]))
    en = next((r for r in rows if r[0] == "en"), None)
    print(f"{'lang':5s} {'docs':>5s} {'load s':>7s} {'docs/s':>8s} {'kchars/s':>9s} {'vs en docs':>10s} "
          f"{'vs en chars':>11s} {'peak MB':>8s}")
    for lang, n, load, dps, kcps, peak in rows:
        ratio = f"{dps / en[3]:10.2f} {kcps / en[4]:11.2f}" if en else ""
        print(f"{lang:5s} {n:5d} {load:7.2f} {dps:8.1f} {kcps:9.1f} {ratio} {peak:8.0f}")


if __name__ == "__main__":
    main()
