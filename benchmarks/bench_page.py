"""How big and how fast the page is, for a small and a long synthetic article (run by hand).

    .venv/bin/python benchmarks/bench_page.py [--events N] [--no-browser]

Prints the page size, the time render_page takes, and (with Chromium) the time from opening the file
to the map being drawn and linked, with the network blocked. Sentences are generated, not real news.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import day, make_doc  # noqa: E402
from eventmap.page import render_page  # noqa: E402
from maps.model import Place  # noqa: E402


def synthetic_doc(n_events: int):
    """n_events sentences, each with one date and one of 40 places spread over the globe."""
    places = [Place(f"Town {k}", -50 + (k * 37) % 100, -170 + (k * 71) % 340, "city", "XX") for k in range(40)]
    start = dt.date(2020, 1, 1)
    sentences, dates, names, events = [], [], [], []
    for i in range(n_events):
        d = start + dt.timedelta(days=i * 9)
        when = f"{d.day} {d.strftime('%B')} {d.year}"
        town = places[i % 40].name
        sent = f"Item {i}: the survey team reached {town} on {when} and counted {i * 3} bags."
        sentences.append(sent)
        dates.append((when, day(d.isoformat())))
        names.append((town, places[i % 40]))
        events.append((sent, day(d.isoformat())))
    text = "\n\n".join(sentences)
    # make_doc finds first occurrences; give each mention its own sentence's occurrence instead
    doc = make_doc(text, title="Synthetic survey", published=start)
    from eventmap.model import Event
    from maps.model import PlaceMention
    from timeline.model import DateMention

    pos = 0
    for i, sent in enumerate(sentences):
        a = text.index(sent, pos)
        pos = a + len(sent)
        ds = a + sent.index(dates[i][0])
        ps = a + sent.index(names[i][0])
        doc.dates.append(DateMention(ds, ds + len(dates[i][0]), dates[i][0], dates[i][1]))
        doc.places.append(PlaceMention(ps, ps + len(names[i][0]), names[i][0], names[i][1]))
        doc.events.append(Event(f"e{i + 1}", dates[i][1], [i], [i], (a, pos), sent))
    return doc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=300)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args()
    for n in (5, args.events):
        doc = synthetic_doc(n)
        t = time.perf_counter()
        html = render_page(doc, tiles=False)
        ms = (time.perf_counter() - t) * 1000
        print(f"{n:4d} events, {len(doc.article.text):6d} chars: page {len(html.encode()) / 1024:.0f} KiB, "
              f"render_page {ms:.0f} ms", end="")
        if not args.no_browser:
            from eventmap.browser import open_offline_page

            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "p.html"
                path.write_text(html, encoding="utf-8")
                t = time.perf_counter()
                with open_offline_page(path) as s:
                    ready = (time.perf_counter() - t) * 1000
                    errors = s.console_errors + s.page_errors
                    print(f", browser launch+load+ready {ready:.0f} ms, blocked {len(s.blocked)}, errors {len(errors)}",
                          end="")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
