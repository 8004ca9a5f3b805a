"""Time the whole pipeline on one long single-paragraph article, to check that cost grows linearly.

    python benchmarks/bench_long_input.py [KB ...]     (default: 100 200 400 800)

The text repeats a few sentences written for this benchmark; it is generated, never stored.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eventmap import analyse  # noqa: E402
from eventmap.article import make_article  # noqa: E402

UNIT = ("The ferry left Mombasa on 3 May 2021 and reached Zanzibar two days later. Dr. Okello said the "
        "crossing was calm. Officials in Dar es Salaam expect more boats next month. ")


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 200, 400, 800]
    analyse(make_article(UNIT, id="warm", source="bench", lang="en"))
    for kb in sizes:
        text = UNIT * (kb * 1024 // len(UNIT))
        t0 = time.perf_counter()
        doc = analyse(make_article(text, id=f"{kb}kb", source="bench", lang="en"))
        secs = time.perf_counter() - t0
        print(f"{kb:5d} KB  {secs:6.2f} s  {kb / secs:7.1f} KB/s  {len(doc.events)} events", flush=True)


if __name__ == "__main__":
    main()
