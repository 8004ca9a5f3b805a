"""Accuracy and speed of the date tagger on the annotated dev corpora, against dateparser.search_dates.

    python benchmarks/bench_dates.py [--shared ../shared] [--dateparser-docs N] [CORPUS ...]

For each corpus: runs timeline.find_dates over every document with its "dct" as the anchor, writes the
predictions to benchmarks/results/<corpus>.dates.pred.jsonl (git-ignored), scores them with the reference
score.py, and prints recognition/value F1 and documents per second (CPU time, best of 3 passes); then times
dateparser.search_dates(text, languages=[lang]) over the same texts (the first N documents, all by default)
and prints the speed ratio. The corpora are for measuring only; nothing is tuned to single documents.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from timeline import find_dates  # noqa: E402

CORPORA = ["tbaq_timebank_aquaint", "meantime_en", "indotimex_kompas_gold"]


def _docs(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _anchor(doc: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(doc.get("dct", ""))[:10])
    except ValueError:
        return None


def run_tagger(docs: list[dict], pred: Path, repeats: int = 3) -> float:
    """Tag every document; returns the best CPU time of `repeats` passes (other processes on the machine
    disturb wall-clock figures; CPU time of this process does not depend on them as much)."""
    secs = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        lines = []
        for d in docs:
            mentions = find_dates(d["text"], d.get("lang", "en"), _anchor(d))
            lines.append(json.dumps({"id": d["id"], "places": [], "dates": [m.to_dict() for m in mentions]},
                                    ensure_ascii=False))
        secs = min(secs, time.process_time() - t0)
    tmp = pred.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(pred)
    return secs


def run_dateparser(docs: list[dict]) -> float:
    from dateparser.search import search_dates
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        search_dates(docs[0]["text"], languages=[docs[0].get("lang", "en")])  # warm up its caches
        t0 = time.process_time()
        for d in docs:
            search_dates(d["text"], languages=[d.get("lang", "en")])
    return time.process_time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", default=CORPORA)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--dateparser-docs", type=int, default=0, help="time dateparser on the first N docs (0 = all)")
    ap.add_argument("--no-dateparser", action="store_true", help="skip the dateparser timing")
    args = ap.parse_args()
    dev = Path(args.shared) / "eval" / "dev"
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    find_dates("warm up 9 August 2017", "en")
    find_dates("pemanasan 9 Agustus 2017", "id")
    for name in args.corpora:
        gold = dev / f"{name}.jsonl"
        if not gold.exists():
            print(f"{name}: no such corpus at {gold}")
            continue
        docs = _docs(gold)
        pred = out_dir / f"{name}.dates.pred.jsonl"
        secs = run_tagger(docs, pred)
        r = subprocess.run([sys.executable, str(Path(args.shared) / "eval" / "score.py"), str(gold), str(pred),
                            "--json"], capture_output=True, text=True, check=True)
        s = json.loads(r.stdout)["dates"]
        line = (f"{name:24s} docs {len(docs):4d}  R-F1 {s['recognition']['f1']:.3f} "
                f"(P {s['recognition']['p']:.3f} R {s['recognition']['r']:.3f})  value-F1 {s['value']['f1']:.3f} "
                f"(P {s['value']['p']:.3f} R {s['value']['r']:.3f})  tagger {len(docs) / secs:8.1f} docs/s")
        if not args.no_dateparser:
            sample = docs[:args.dateparser_docs] if args.dateparser_docs else docs
            dsecs = run_dateparser(sample)
            tsecs = secs * len(sample) / len(docs)
            line += f"  dateparser {len(sample) / dsecs:6.1f} docs/s  speed-up x{dsecs / tsecs:.0f}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
