"""Compare two directories of predictions (eval_all.py --out) document by document.

    python benchmarks/diff_predictions.py BEFORE_DIR AFTER_DIR [--show N] [--ignore KEY,KEY]

Why: a change meant to move code, not behaviour, must give the same dates, places and events on
every corpus; a change meant to improve something should change only what it says. For each
corpus this prints how many documents differ in their dates, places, unresolved names or events,
and the first N differing mentions. Keys named by --ignore are left out of the comparison (default:
``notes``, which are for people and may be reworded; add a key that a change introduces on purpose).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

PARTS = ("dates", "places", "unresolved", "events")


def _load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as f:
        return {d["id"]: d for d in (json.loads(line) for line in f if line.strip())}


def _strip(items: list, ignore: frozenset) -> list:
    if not ignore:
        return items
    return [{k: v for k, v in it.items() if k not in ignore} if isinstance(it, dict) else it for it in items]


def _first_difference(a: list, b: list) -> str:
    for x, y in zip(a, b):
        if x != y:
            return f"- {json.dumps(x, ensure_ascii=False)[:300]}\n      + {json.dumps(y, ensure_ascii=False)[:300]}"
    longer, sign = (a, "-") if len(a) > len(b) else (b, "+")
    extra = longer[min(len(a), len(b))]
    return f"{sign} {json.dumps(extra, ensure_ascii=False)[:300]} (lengths {len(a)} / {len(b)})"


def compare(before: Path, after: Path, show: int, ignore: frozenset) -> int:
    total = 0
    for pb in sorted(before.glob("*.pred.jsonl")):
        pa = after / pb.name
        if not pa.exists():
            print(f"{pb.name}: missing in {after}")
            continue
        a, b = _load(pb), _load(pa)
        counts = {p: 0 for p in PARTS}
        shown = []
        for doc_id in a:
            for part in PARTS:
                x = _strip(a[doc_id].get(part, []), ignore)
                y = _strip(b.get(doc_id, {}).get(part, []), ignore)
                if x != y:
                    counts[part] += 1
                    if len(shown) < show:
                        shown.append(f"  {doc_id} {part}: {_first_difference(x, y)}")
        changed = sum(counts.values())
        total += changed
        name = pb.name.replace(".pred.jsonl", "")
        print(f"{name:28s} " + "  ".join(f"{p} {counts[p]:3d}" for p in PARTS) + ("" if changed else "  same"))
        for line in shown:
            print(line)
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--show", type=int, default=3, help="differences shown per corpus (default 3)")
    ap.add_argument("--ignore", default="notes", help="comma-separated keys left out of the comparison "
                                                      "(default: notes; give '' to compare everything)")
    args = ap.parse_args()
    total = compare(args.before, args.after, args.show, frozenset(k for k in args.ignore.split(",") if k))
    print(f"{total} document parts differ")


if __name__ == "__main__":
    main()
