"""The ceiling of place recognition: how many gold place spans of each dev corpus the gazetteer can name.

    python benchmarks/gazetteer_ceiling.py [--shared ../shared] [--code CHECKOUT] [--misses N] [CORPUS ...]

Why: a name the gazetteer cannot find is a name the recogniser cannot resolve, whatever its rules; this
separates what the gazetteer lacks from what recognition gets wrong. Three counts per corpus:
``exact`` - the gold text itself is a gazetteer name; ``language`` - the recogniser's own look-up finds
it (the language's aliases and expansions, dictionary forms of inflected names, words broken at a line
end); ``part`` - some run of the span's words is found so (the scorer counts an overlap, so "Kabupaten
Bogor" is named through "Bogor"). ``--code`` measures another checkout (with its own gazetteer: set
EVENTMAP_CACHE_DIR to that checkout's cache). Measuring only: nothing here tunes the gazetteer.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(code: Path):
    sys.path.insert(0, str(code))
    from maps.gazetteer import default_gazetteer
    from maps.geoparse import _recognizer

    return default_gazetteer(), _recognizer


def _parts(text: str) -> list[str]:
    words = text.split()
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(len(words), i, -1)]


def ceiling(path: Path, gaz, recognizer, misses: int) -> dict:
    n = exact = language = part = 0
    missed: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            rec = recognizer(doc.get("lang") or "en", gaz)
            for p in doc.get("places", []):
                n += 1
                text = p["text"]
                if gaz.lookup(text):
                    exact += 1
                if rec.lookup(text):
                    language += 1
                if any(rec.lookup(w) for w in _parts(text)):
                    part += 1
                elif len(missed) < misses:
                    missed.append(text)
    return {"gold": n, "exact": exact, "language": language, "part": part, "missed": missed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*")
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--code", default=str(HERE.parent))
    ap.add_argument("--misses", type=int, default=0, help="print up to N gold names found in no way")
    args = ap.parse_args()
    gaz, recognizer = _load(Path(args.code).resolve())
    dev = Path(args.shared) / "eval" / "dev"
    paths = [dev / f"{c}.jsonl" for c in args.corpora] or sorted(dev.glob("*.jsonl"))
    print(f"{'corpus':24s} {'gold':>5s} {'exact':>7s} {'language':>9s} {'part':>7s}")
    for path in paths:
        with path.open(encoding="utf-8") as f:
            if "places" not in json.loads(f.readline()):
                continue
        r = ceiling(path, gaz, recognizer, args.misses)
        if not r["gold"]:
            continue
        g = r["gold"]
        print(f"{path.stem:24s} {r['gold']:5d} {r['exact'] / g:7.3f} {r['language'] / g:9.3f} {r['part'] / g:7.3f}")
        if r["missed"]:
            print("   missed: " + " | ".join(r["missed"]))


if __name__ == "__main__":
    main()
