"""Geoparser accuracy, speed and memory over the annotated dev corpora.

    python benchmarks/bench_places.py [--shared ../shared] [--errors N] [CORPUS ...]

Runs maps.find_places over each corpus, writes predictions to benchmarks/results/<corpus>.places.pred.jsonl
(git-ignored), scores them with the reference score.py, and prints recognition P/R/F1, acc@161,
documents/second (extraction only) and the process's peak memory. With --errors N it also prints the
N most frequent false positives, false negatives and far-off resolutions in aggregate - to study
conventions and error classes, never to fix single documents. Run by hand; not a test.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from maps import find_places  # noqa: E402
from maps.geo import distance_km  # noqa: E402

CORPORA = ["lgl", "geovirus", "tr_news", "geowebnews", "idner_news_2k_test", "meantime_en"]


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def errors(gold_docs: list[dict], preds: dict, n: int) -> None:
    fp, fn, far = Counter(), Counter(), Counter()
    for d in gold_docs:
        gold = d.get("places", [])
        pred = preds.get(d["id"], [])
        used = set()
        for g in gold:
            hit = None
            for k, p in enumerate(pred):
                if k not in used and min(g["end"], p["end"]) > max(g["start"], p["start"]):
                    hit = k
                    break
            if hit is None:
                fn[g["text"]] += 1
                continue
            used.add(hit)
            p = pred[hit]
            if "lat" in g and g.get("lat") is not None and p.get("lat") is not None:
                km = distance_km(float(g["lat"]), float(g["lon"]), p["lat"], p["lon"])
                if km > 161:
                    far[f"{g['text']} -> {p.get('name')},{p.get('country')} ({km:.0f} km)"] += 1
            elif "lat" in g and g.get("lat") is not None:
                far[f"{g['text']} -> unresolved"] += 1
        for k, p in enumerate(pred):
            if k not in used:
                fp[p["text"]] += 1
    for title, c in (("false positives", fp), ("false negatives", fn), ("far off", far)):
        print(f"  top {title} ({sum(c.values())}):", "; ".join(f"{k} x{v}" for k, v in c.most_common(n)))


def first_lines_score(docs: list[dict], preds: dict, n: int) -> str:
    """Recognition P/R/F1 over the first ``n`` lines of each document (same one-to-one overlap rule)."""
    tp = n_pred = n_gold = 0
    for d in docs:
        cut = sum(len(line) + 1 for line in d["text"].split("\n")[:n])
        gold = [g for g in d.get("places", []) if g["start"] < cut]
        pred = [p for p in preds.get(d["id"], []) if p["start"] < cut]
        n_gold += len(gold)
        n_pred += len(pred)
        used: set[int] = set()
        for g in gold:
            for k, p in enumerate(pred):
                if k not in used and min(g["end"], p["end"]) > max(g["start"], p["start"]):
                    used.add(k)
                    tp += 1
                    break
    prec, rec = tp / max(n_pred, 1), tp / max(n_gold, 1)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return f"P {prec:.3f} R {rec:.3f} F1 {f1:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", default=CORPORA)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent errors of each kind")
    ap.add_argument("--first-lines", type=int, default=0,
                    help="also score only the first N lines of each document (MEANTIME annotates only the "
                         "title and first sentences; its gold says nothing about the rest)")
    args = ap.parse_args()
    dev = Path(args.shared) / "eval" / "dev"
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    find_places("Warm-up in Paris and Jakarta.", "en")   # gazetteer open, tables compiled
    print(f"warm-up {time.perf_counter() - t0:.2f} s")
    total_docs, total_secs = 0, 0.0
    for name in args.corpora:
        gold_path = dev / f"{name}.jsonl"
        docs = read_jsonl(gold_path)
        preds = {}
        t0 = time.perf_counter()
        for d in docs:
            preds[d["id"]] = [m.to_dict() for m in find_places(d["text"], d.get("lang") or "en")]
        secs = time.perf_counter() - t0
        total_docs += len(docs)
        total_secs += secs
        pred_path = out_dir / f"{name}.places.pred.jsonl"
        tmp = pred_path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d["id"], "places": preds[d["id"]], "dates": []}, ensure_ascii=False) + "\n")
        tmp.replace(pred_path)
        r = subprocess.run([sys.executable, str(Path(args.shared) / "eval" / "score.py"), str(gold_path),
                            str(pred_path), "--json"], capture_output=True, text=True, check=True)
        p = json.loads(r.stdout)["places"]
        rec = p["recognition"]
        acc = p["acc@161"]
        print(f"{name:20s} docs {len(docs):4d}  P {rec['p']:.3f} R {rec['r']:.3f} F1 {rec['f1']:.3f}  "
              f"acc@161 {acc if acc is None else format(acc, '.3f')}  geo-F1 {p['geo']['f1']:.3f}  "
              f"median {p['median_km']} km  {len(docs) / secs:6.0f} docs/s", flush=True)
        if args.first_lines:
            print(f"  first {args.first_lines} lines only: " + first_lines_score(docs, preds, args.first_lines))
        if args.errors:
            errors(docs, preds, args.errors)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"all: {total_docs} docs in {total_secs:.2f} s = {total_docs / total_secs:.0f} docs/s; peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
