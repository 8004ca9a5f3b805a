"""Run the whole pipeline over the annotated dev corpora and score it with the reference scorer.

    python benchmarks/eval_all.py [--shared ../shared] [CORPUS ...]

Writes predictions to benchmarks/results/<corpus>.pred.jsonl (git-ignored), prints score.py's
figures per corpus, documents/second and the process's peak memory. Nothing here is tuned to
these corpora; they are for measuring only.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from eventmap import analyse, document_to_dict, read_corpus  # noqa: E402

ANNOTATED = ["lgl", "geovirus", "tr_news", "geowebnews", "idner_news_2k_test", "meantime_en",
             "tbaq_timebank_aquaint", "indotimex_kompas_gold"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", default=ANNOTATED)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    args = ap.parse_args()
    dev = Path(args.shared) / "eval" / "dev"
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    analyse(next(read_corpus(str(dev / "lgl.jsonl"))))  # warm up: gazetteer open, tables compiled
    for name in args.corpora:
        gold = dev / f"{name}.jsonl"
        pred = out_dir / f"{name}.pred.jsonl"
        t0 = time.perf_counter()
        n = 0
        with pred.open("w", encoding="utf-8") as f:
            for article in read_corpus(str(gold)):
                f.write(json.dumps(document_to_dict(analyse(article)), ensure_ascii=False) + "\n")
                n += 1
        secs = time.perf_counter() - t0
        r = subprocess.run([sys.executable, str(Path(args.shared) / "eval" / "score.py"), str(gold), str(pred),
                            "--json"], capture_output=True, text=True, check=True)
        s = json.loads(r.stdout)
        line = [f"{name:24s} docs {n:4d}  {n / secs:7.1f} docs/s"]
        if "places" in s:
            p = s["places"]
            line.append(f"places R-F1 {p['recognition']['f1']:.3f} acc@161 {p['acc@161'] or 0:.3f} "
                        f"geo-F1 {p['geo']['f1']:.3f} median {p['median_km']} km")
        if "dates" in s:
            d = s["dates"]
            line.append(f"dates R-F1 {d['recognition']['f1']:.3f} value-F1 {d['value']['f1']:.3f}")
        print("  ".join(line), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
