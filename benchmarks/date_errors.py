"""List the date errors of one corpus's predictions, on one half only (see benchmarks/halves.py).

    python benchmarks/date_errors.py CORPUS PRED_DIR [--half A] [--kind missed|spurious|value] [--context 40]

Why: rules are written from the errors of half A alone, so this prints, for the documents of one half,
each gold date that no prediction overlaps (missed), each prediction that overlaps no gold date
(spurious) and each overlapping pair whose values differ (value), with the words around it. Pairs are
made as the reference scorer makes them (largest overlap first, one to one). The list is for reading only:
nothing in the repo may quote the corpora's text.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from halves import _scorer, half  # noqa: E402

CALENDAR = ("DATE", "TIME")


def _ctx(text: str, a: int, b: int, n: int) -> str:
    return (text[max(0, a - n):a] + "[" + text[a:b] + "]" + text[b:b + n]).replace("\n", " ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("pred_dir")
    ap.add_argument("--half", default="A")
    ap.add_argument("--kind", action="append", choices=["missed", "spurious", "value"])
    ap.add_argument("--context", type=int, default=40)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    args = ap.parse_args()
    kinds = set(args.kind or ["missed", "spurious", "value"])
    scorer = _scorer(Path(args.shared))
    gold = scorer.load(str(Path(args.shared) / "eval" / "dev" / f"{args.corpus}.jsonl"))
    pred = scorer.load(str(Path(args.pred_dir) / f"{args.corpus}.pred.jsonl"))
    for doc_id, g in gold.items():
        if args.half != "all" and half(doc_id) != args.half:
            continue
        text = g["text"]
        gd = [d for d in g.get("dates", []) if d.get("type", "DATE") in CALENDAR]
        pd = [d for d in pred.get(doc_id, {}).get("dates", []) if d.get("type", "DATE") in CALENDAR]
        pairs = scorer.pair(gd, pd)
        used_g, used_p = {a for a, _ in pairs}, {b for _, b in pairs}
        lines = []
        if "value" in kinds:
            for gi, pi in pairs:
                if str(gd[gi].get("value")) != str(pd[pi].get("value")):
                    lines.append(f"  VALUE gold {gd[gi]['value']!s:14} pred {pd[pi]['value']!s:14} "
                                 f"{_ctx(text, gd[gi]['start'], gd[gi]['end'], args.context)}  (pred: {pd[pi]['text']!r})")
        if "missed" in kinds:
            for gi, d in enumerate(gd):
                if gi not in used_g:
                    lines.append(f"  MISS  gold {d.get('value')!s:14} {_ctx(text, d['start'], d['end'], args.context)}")
        if "spurious" in kinds:
            for pi, d in enumerate(pd):
                if pi not in used_p:
                    lines.append(f"  SPUR  pred {d.get('value')!s:14} {_ctx(text, d['start'], d['end'], args.context)}")
        if lines:
            print(f"== {doc_id} dct {g.get('dct')}")
            print("\n".join(lines))


if __name__ == "__main__":
    main()
