"""Run the whole pipeline over the dev corpora and score it with the reference scorer.

    python benchmarks/eval_all.py [--shared ../shared] [--out DIR] [--code CHECKOUT] [CORPUS ...]

Every corpus in ../shared/eval/dev is run by default (the annotated ones are scored; the raw ones,
kompas_raw_id and indosum_dev01_sample, are only extracted, so their predictions can be compared
between two versions). Predictions go to DIR/<corpus>.pred.jsonl (default benchmarks/results/,
git-ignored), score.py's figures per corpus are printed with documents/second, and a summary is
written to DIR/summary.json. ``--code`` runs another checkout of eventmap (for example a
`git worktree` of an older commit), so two versions can be measured side by side on one machine:

    git worktree add /tmp/eventmap-before <commit>
    python benchmarks/eval_all.py --code /tmp/eventmap-before --out /tmp/before
    python benchmarks/eval_all.py --out /tmp/after
    python benchmarks/diff_predictions.py /tmp/before /tmp/after

Nothing here is tuned to these corpora; they are for measuring only.
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


def _import_eventmap(code: Path):
    sys.path.insert(0, str(code))
    from eventmap import analyse, document_to_dict, read_corpus  # noqa: E402

    return analyse, document_to_dict, read_corpus


def _corpora(dev: Path, names: list[str]) -> list[Path]:
    if names:
        return [dev / f"{n}.jsonl" for n in names]
    return sorted(dev.glob("*.jsonl"))


def _annotated(path: Path) -> bool:
    with path.open(encoding="utf-8") as f:
        first = json.loads(f.readline())
    return "places" in first or "dates" in first


def _score(shared: Path, gold: Path, pred: Path) -> dict:
    r = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(pred), "--json"],
                       capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def _line(name: str, n: int, secs: float, s: dict) -> str:
    out = [f"{name:28s} docs {n:4d}  {n / secs:7.1f} docs/s"]
    p, d = s.get("places"), s.get("dates")
    if p and p.get("gold"):
        out.append(f"places R-F1 {p['recognition']['f1']:.3f} acc@161 {p['acc@161'] or 0:.3f} "
                   f"geo-F1 {p['geo']['f1']:.3f}")
    if d and d.get("gold"):
        out.append(f"dates R-F1 {d['recognition']['f1']:.3f} value-F1 {d['value']['f1']:.3f}")
    return "  ".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", help="corpus names (file stems); default: every file in eval/dev")
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--out", default=str(HERE / "results"), help="directory for predictions and summary.json")
    ap.add_argument("--code", default=str(HERE.parent), help="the eventmap checkout to run (default: this one)")
    args = ap.parse_args()
    shared = Path(args.shared)
    dev = shared / "eval" / "dev"
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    analyse, document_to_dict, read_corpus = _import_eventmap(Path(args.code).resolve())
    analyse(next(read_corpus(str(dev / "lgl.jsonl"))))  # warm up: gazetteer open, tables compiled
    summary = {}
    for gold in _corpora(dev, args.corpora):
        pred = out_dir / f"{gold.stem}.pred.jsonl"
        t0 = time.perf_counter()
        n = 0
        with pred.open("w", encoding="utf-8") as f:
            for article in read_corpus(str(gold)):
                f.write(json.dumps(document_to_dict(analyse(article)), ensure_ascii=False) + "\n")
                n += 1
        secs = time.perf_counter() - t0
        scores = _score(shared, gold, pred) if _annotated(gold) else {}
        summary[gold.stem] = {"docs": n, "seconds": round(secs, 3), "scores": scores}
        print(_line(gold.stem, n, secs, scores), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    summary["_peak_mb"] = round(peak)
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(f"peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
