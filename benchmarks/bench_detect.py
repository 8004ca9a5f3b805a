"""How often language detection is right on short pieces of the dev corpora (their first N characters).

    python benchmarks/bench_detect.py [--chars 60 120 300] [--shared ../shared]

Why: a one-sentence article must keep its language (an English sentence read as Estonian loses its
dates). Each dev document's language is known, so its opening characters - cut at a word - make a test
of short texts in 14 languages. Measuring only: nothing here tunes the detector.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from languages.identify import _identifier, detect_language  # noqa: E402


def _pieces(dev: Path, chars: int):
    for path in sorted(dev.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                text = " ".join(d["text"].split())
                piece = text[:chars].rsplit(" ", 1)[0] if len(text) > chars else text
                yield path.stem, d["lang"], piece


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, nargs="*", default=[60, 120, 300])
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    args = ap.parse_args()
    dev = Path(args.shared) / "eval" / "dev"
    for chars in args.chars:
        right, langid_right, total = Counter(), Counter(), Counter()
        for _corpus, lang, piece in _pieces(dev, chars):
            total[lang] += 1
            right[lang] += detect_language(piece) == lang
            langid_right[lang] += _identifier().classify(piece)[0] == lang
        n = sum(total.values())
        print(f"{chars} characters: right {sum(right.values()) / n:.3f} (py3langid alone {sum(langid_right.values()) / n:.3f})")
        for lang in sorted(total):
            print(f"  {lang}  {right[lang]:4d}/{total[lang]:<4d} {right[lang] / total[lang]:.3f}"
                  f"  (py3langid alone {langid_right[lang] / total[lang]:.3f})")


if __name__ == "__main__":
    main()
