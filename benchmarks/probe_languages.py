"""Dates and places found in languages that have no development corpus here, on sentences written for the project.

    python benchmarks/probe_languages.py [--code DIR] [benchmarks/data/probe_languages_a.jsonl ...]

Why: Czech, Hungarian, Thai or Korean news is read by reviewers on corpora we never see. Each line of a
probe file is one short story in one language (a date with its weekday, "two days later", "yesterday",
"last week", places in their cases after prepositions, a foreign capital) with the values of the dates
it names (``exp_dates``) and the places as written (``exp_places``). Set A was written to find the faults,
set B after they were fixed, so set B says whether the rules carry to sentences they were not made on.
A date counts when its value is found, a place when a found place overlaps its text; places found that
no line expects are counted as wrong. ``--code DIR`` runs another checkout (an older commit's worktree).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = [HERE / "data" / "probe_languages_a.jsonl", HERE / "data" / "probe_languages_b.jsonl"]


def _extract(probe: Path, code: Path) -> list[dict]:
    """The JSON export of every story, by `eventmap extract` of the given checkout."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        env = dict(os.environ, PYTHONPATH=str(code))
        subprocess.run([sys.executable, "-m", "eventmap", "extract", str(probe), "-o", str(out)],
                       check=True, env=env, cwd=str(code))
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]


def _overlaps(a: str, b: str) -> bool:
    return a in b or b in a


def _count(gold: dict, doc: dict) -> tuple[int, int, int, int, int]:
    """Dates found, dates expected, places found, places expected, places found that none expects."""
    values = {d["value"] for d in doc.get("dates", [])}
    texts = [p["text"] for p in doc.get("places", [])]
    dates = sum(v in values for v in gold["exp_dates"])
    places = sum(any(_overlaps(p, t) for t in texts) for p in gold["exp_places"])
    wrong = sum(not any(_overlaps(p, t) for p in gold["exp_places"]) for t in texts)
    return dates, len(gold["exp_dates"]), places, len(gold["exp_places"]), wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("probes", nargs="*", type=Path, default=DEFAULT)
    ap.add_argument("--code", type=Path, default=HERE.parent, help="the checkout to run (default: this one)")
    args = ap.parse_args()
    for probe in args.probes:
        gold = {json.loads(line)["id"]: json.loads(line) for line in probe.read_text(encoding="utf-8").splitlines()
                if line.strip()}
        total = [0] * 5
        print(f"{probe.name}\nlang  dates  places  wrong places")
        for doc in _extract(probe, args.code):
            n = _count(gold[doc["id"]], doc)
            total = [a + b for a, b in zip(total, n)]
            print(f"{doc['id']:4}  {n[0]}/{n[1]}    {n[2]}/{n[3]}     {n[4]}")
        print(f"all   {total[0]}/{total[1]}  {total[2]}/{total[3]}  {total[4]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
