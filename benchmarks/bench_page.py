"""How big and how fast the page is: the seed article, and a small and a long synthetic article (run by hand).

    .venv/bin/python benchmarks/bench_page.py [--events N] [--no-browser] [--seed PATH] [--repeat N]

Prints the page size, the time render_page takes (the first call in the process, which reads the
assets, and the best of --repeat later calls), and (with Chromium) the time from opening the file to the
map being drawn and linked, with the network blocked (the best of --repeat loads in one browser).
Targets (issue 11): the seed page <= 600 KB, rendered in <= 1 s. Synthetic sentences are generated,
not real news; the seed article is ../shared/articles/ (analysed first, not timed).
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


SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "articles" / "id-rusia-indonesia-isis-2017.txt"


def seed_doc(path: str):
    from eventmap import analyse, read_article

    return analyse(read_article(path))


def measure(label: str, doc, repeat: int, browser: bool) -> None:
    """Size, cold and warm render_page time, and (optionally) the best browser load-to-ready time."""
    t = time.perf_counter()
    html = render_page(doc, tiles=False)
    cold = (time.perf_counter() - t) * 1000
    warm = []
    for _ in range(repeat):
        t = time.perf_counter()
        render_page(doc, tiles=False)
        warm.append((time.perf_counter() - t) * 1000)
    print(f"{label}: page {len(html.encode()) / 1024:.0f} KiB, render_page first {cold:.0f} ms, best {min(warm):.0f} ms",
          end="")
    if browser:
        from playwright.sync_api import sync_playwright

        from eventmap.browser import file_url, launch, new_offline_page

        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
            path = Path(tmp) / "p.html"
            path.write_text(html, encoding="utf-8")
            b = launch(p)
            loads, errors, blocked = [], 0, 0
            for _ in range(repeat):
                s = new_offline_page(b)
                t = time.perf_counter()
                s.page.goto(file_url(path), wait_until="load")
                s.page.wait_for_function("window.EventMap && window.EventMap.ready === true")
                loads.append((time.perf_counter() - t) * 1000)
                errors += len(s.console_errors + s.page_errors)
                blocked += len(s.blocked)
                s.page.context.close()
            b.close()
        print(f", browser load+ready best {min(loads):.0f} ms (of {repeat}), blocked {blocked}, errors {errors}", end="")
    print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=300)
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--seed", default=str(SEED))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if Path(args.seed).is_file():
        measure("seed article", seed_doc(args.seed), args.repeat, not args.no_browser)
    for n in (5, args.events):
        doc = synthetic_doc(n)
        measure(f"{n:4d} events, {len(doc.article.text):6d} chars", doc, args.repeat, not args.no_browser)
    return 0


if __name__ == "__main__":
    sys.exit(main())
