"""Score predictions on the two halves of each dev corpus, split by a hash of the document id.

    python benchmarks/halves.py PRED_DIR [--before DIR] [--shared ../shared] [CORPUS ...]

Why: rules are written and tuned looking only at the errors of half A (`half("doc id") == "A"`); half B
stands in for the held-out documents the project is also scored on. A rule that lifts A but not B is
tuning to documents, not a rule of the language. The split is fixed (SHA-1 of the id, its first byte's
parity), so every run and every helper sees the same halves. Scores come from the reference scorer
(../shared/eval/score.py, imported, not copied). With --before, each figure is shown as before -> after.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def half(doc_id: str) -> str:
    """"A" (the half rules are tuned on) or "B" (the half kept for checking)."""
    return "A" if hashlib.sha1(str(doc_id).encode("utf-8")).digest()[0] % 2 == 0 else "B"


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _figures(scorer, gold: dict, pred: dict) -> dict[str, str]:
    out = {}
    for h in ("A", "B"):
        g = {k: v for k, v in gold.items() if half(k) == h}
        s = scorer.score(g, pred)
        d, p = s.get("dates"), s.get("places")
        cells = [f"{len(g)} docs"]
        if d:
            cells.append(f"dates R {d['recognition']['f1']:.3f} V {d['value']['f1']:.3f} ({d['gold']} gold)")
        if p:
            cells.append(f"places R {p['recognition']['f1']:.3f}")
        out[h] = "  ".join(cells)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred_dir")
    ap.add_argument("corpora", nargs="*")
    ap.add_argument("--before", help="a second prediction directory to show first")
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    args = ap.parse_intermixed_args()
    shared = Path(args.shared)
    scorer = _scorer(shared)
    dev = shared / "eval" / "dev"
    names = args.corpora or sorted(p.stem.replace(".pred", "") for p in Path(args.pred_dir).glob("*.pred.jsonl"))
    for name in names:
        gold_path = dev / f"{name}.jsonl"
        pred_path = Path(args.pred_dir) / f"{name}.pred.jsonl"
        if not gold_path.is_file() or not pred_path.is_file():
            continue
        gold = scorer.load(str(gold_path))
        if not any(d.get("dates") or d.get("places") for d in gold.values()):
            continue
        after = _figures(scorer, gold, scorer.load(str(pred_path)))
        before = _figures(scorer, gold, scorer.load(str(Path(args.before) / pred_path.name))) if args.before else {}
        for h in ("A", "B"):
            line = f"{before[h]}  ->  {after[h]}" if before else after[h]
            print(f"{name:24s} {h}  {line}")


if __name__ == "__main__":
    main()
