"""Throughput of the date tagger per language, on documents of one size, against English.

    python benchmarks/bench_dates_languages.py [--shared ../shared] [--chars 2000] [--docs 60] [LANG ...]

Why one size: the dev corpora differ in length by two orders of magnitude (a WikiWars article is 25,000
characters, a French TimeBank story 900), so documents/second taken on them compares lengths, not
languages. Here the text of every dev corpus of a language (annotated or raw, the gold is not read) is cut
at whitespace into documents of about --chars characters (at any character in a language written without
spaces), the first --docs of them are tagged with timeline.find_dates (anchor: the corpus dct), and the
best CPU time of three passes gives documents/second and characters/second, with the ratio to English's.
The issue's bound: no language slower than a third of English. Languages with no dev text are listed as
such. CPU time of this process is less disturbed by other processes than wall-clock time, not immune.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import languages  # noqa: E402
from timeline import find_dates  # noqa: E402
from timeline.lang import load_language  # noqa: E402


def _anchor(doc: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(doc.get("dct", ""))[:10])
    except ValueError:
        return None


def _cut(text: str, size: int, unspaced: bool) -> list[str]:
    """Pieces of about `size` characters, cut at whitespace (anywhere in a language without spaces)."""
    out, start = [], 0
    while len(text) - start > size // 2:
        end = min(len(text), start + size)
        if not unspaced and end < len(text):
            space = text.rfind(" ", start + size // 2, end)
            end = space if space > 0 else end
        out.append(text[start:end])
        start = end
    return out


def documents(dev: Path, size: int) -> dict[str, list[tuple[str, dt.date | None]]]:
    """Every language's text in the dev corpora, cut into documents of about `size` characters."""
    by_lang: dict[str, list[tuple[str, dt.date | None]]] = defaultdict(list)
    for path in sorted(dev.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                lang = languages.primary(doc.get("lang", ""))
                unspaced = bool(load_language(lang).get("unspaced"))
                by_lang[lang] += [(piece, _anchor(doc)) for piece in _cut(doc["text"], size, unspaced)]
    return by_lang


def speed(docs: list[tuple[str, dt.date | None]], lang: str) -> float:
    """Best CPU seconds of three passes over the documents."""
    find_dates(docs[0][0], lang, docs[0][1])   # warm up: the language's patterns compiled
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for text, anchor in docs:
            find_dates(text, lang, anchor)
        best = min(best, time.process_time() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*", help="language codes (default: every language with a dates table)")
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--chars", type=int, default=2000, help="size of a document in characters")
    ap.add_argument("--docs", type=int, default=60, help="documents per language")
    args = ap.parse_args()
    by_lang = documents(Path(args.shared) / "eval" / "dev", args.chars)
    wanted = args.langs or sorted(c for c in languages.codes() if languages.has_part(c, "dates")) + \
        sorted(c for c in by_lang if not languages.has_part(c, "dates"))
    rows = {}
    for lang in ["en"] + [c for c in wanted if c != "en"]:
        docs = by_lang.get(lang, [])[:args.docs]
        if not docs:
            print(f"{lang:4s} no dev text")
            continue
        secs = speed(docs, lang)
        rows[lang] = (len(docs) / secs, sum(len(t) for t, _ in docs) / secs)
        ratio = rows[lang][0] / rows["en"][0]
        print(f"{lang:4s} {len(docs):3d} docs of ~{args.chars} chars  {rows[lang][0]:8.1f} docs/s  "
              f"{rows[lang][1] / 1000:7.1f} kchars/s  x{ratio:.2f} of English"
              f"{'  SLOWER THAN A THIRD OF ENGLISH' if ratio < 1 / 3 else ''}", flush=True)


if __name__ == "__main__":
    main()
