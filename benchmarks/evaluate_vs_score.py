"""`eventmap evaluate` next to the reference scorer, on every annotated dev corpus, metric by metric.

    python benchmarks/evaluate_vs_score.py [--shared ../shared] [--out DIR] [CORPUS ...]

For each corpus: ``eventmap evaluate GOLD --json --report DIR/<corpus>`` runs eventmap on the gold texts
and prints its metrics; ``score.py GOLD DIR/<corpus>/predictions.jsonl --json`` scores the very
predictions that run wrote. Every number of the two JSON objects is compared (same names, same
structure); the table shows the headline figures of both and how many numbers differ (0 is the goal).
The corpora are for measuring only.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HEADLINE = [("places", "recognition", "f1"), ("places", "acc@161"), ("places", "geo", "f1"),
            ("dates", "recognition", "f1"), ("dates", "value", "f1")]


def numbers(obj, path=()) -> dict:
    """Every number in a JSON object, by its path."""
    if isinstance(obj, dict):
        return {k: v for key, val in obj.items() for k, v in numbers(val, path + (key,)).items()}
    if isinstance(obj, list):
        return {k: v for i, val in enumerate(obj) for k, v in numbers(val, path + (i,)).items()}
    return {path: obj} if isinstance(obj, (int, float)) and not isinstance(obj, bool) else {}


def headline(obj: dict, path: tuple) -> str:
    for key in path:
        if not isinstance(obj, dict) or key not in obj:
            return "-"
        obj = obj[key]
    return f"{obj:.3f}" if isinstance(obj, (int, float)) else "-"


def annotated(shared: Path) -> list[str]:
    out = []
    for p in sorted((shared / "eval" / "dev").glob("*.jsonl")):
        with p.open(encoding="utf-8") as f:
            first = json.loads(f.readline())
        if first.get("places") is not None or first.get("dates") is not None:
            out.append(p.stem)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--out", default="/tmp/evaluate-vs-score")
    ap.add_argument("corpora", nargs="*")
    args = ap.parse_args()
    shared, out = Path(args.shared), Path(args.out)
    scorer = shared / "eval" / "score.py"
    print(f"{'corpus':24} {'metric':26} {'evaluate':>9} {'score.py':>9}   numbers differing")
    differ_total = 0
    for name in args.corpora or annotated(shared):
        gold, report = shared / "eval" / "dev" / f"{name}.jsonl", out / name
        ours = subprocess.run([sys.executable, "-m", "eventmap.cli", "evaluate", str(gold), "--json",
                               "--report", str(report)], capture_output=True, text=True)
        ref = subprocess.run([sys.executable, str(scorer), str(gold), str(report / "predictions.jsonl"), "--json"],
                             capture_output=True, text=True)
        a, b = json.loads(ours.stdout), json.loads(ref.stdout)
        na, nb = numbers(a), numbers(b)
        differ = sum(1 for k in set(na) | set(nb) if na.get(k) != nb.get(k))
        differ_total += differ
        for i, path in enumerate(p for p in HEADLINE if headline(b, p) != "-"):
            tail = f"   {differ} of {len(set(na) | set(nb))}" if i == 0 else ""
            print(f"{name if i == 0 else '':24} {' '.join(path):26} {headline(a, path):>9} {headline(b, path):>9}{tail}")
    print(f"numbers that differ, all corpora: {differ_total}")
    return 1 if differ_total else 0


if __name__ == "__main__":
    raise SystemExit(main())
