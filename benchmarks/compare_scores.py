"""Put the scores of two eval_all.py runs side by side, corpus by corpus.

    python benchmarks/compare_scores.py BEFORE_DIR AFTER_DIR [--markdown]

Reads DIR/summary.json of each run and prints, for every corpus, score.py's headline figures
(places: recognition F1, acc@161, geo F1; dates: recognition F1, value F1) and documents/second,
before -> after, marking each figure that went down. Exit code 1 when any score is lower.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FIGURES = (("places", "recognition", "places R-F1"), ("places", "acc@161", "acc@161"), ("places", "geo", "geo-F1"),
           ("dates", "recognition", "dates R-F1"), ("dates", "value", "value-F1"))


def _figure(scores: dict, part: str, name: str) -> float | None:
    s = scores.get(part)
    if not s or not s.get("gold"):
        return None
    v = s.get(name)
    if isinstance(v, dict):
        v = v.get("f1")
    return v


def rows(before: dict, after: dict) -> tuple[list[list[str]], bool]:
    out, lower = [], False
    for corpus in sorted(k for k in before if not k.startswith("_")):
        a, b = before[corpus], after.get(corpus)
        if b is None:
            continue
        cells = [corpus]
        for part, name, _ in FIGURES:
            x, y = _figure(a["scores"], part, name), _figure(b["scores"], part, name)
            if x is None or y is None:
                cells.append("")
                continue
            mark = " !" if round(y, 3) < round(x, 3) else ""
            lower |= bool(mark)
            cells.append(f"{x:.3f} -> {y:.3f}{mark}")
        cells.append(f"{a['docs'] / a['seconds']:.0f} -> {b['docs'] / b['seconds']:.0f}")
        out.append(cells)
    return out, lower


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--markdown", action="store_true", help="a Markdown table")
    args = ap.parse_args()
    before = json.loads((args.before / "summary.json").read_text(encoding="utf-8"))
    after = json.loads((args.after / "summary.json").read_text(encoding="utf-8"))
    table, lower = rows(before, after)
    head = ["corpus"] + [label for _, _, label in FIGURES] + ["docs/s"]
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for r in table:
            print("| " + " | ".join(r) + " |")
    else:
        for r in [head] + table:
            print("  ".join(f"{c:24s}" if i == 0 else f"{c:18s}" for i, c in enumerate(r)))
    print(f"peak memory {before.get('_peak_mb')} MB -> {after.get('_peak_mb')} MB")
    sys.exit(1 if lower else 0)


if __name__ == "__main__":
    main()
