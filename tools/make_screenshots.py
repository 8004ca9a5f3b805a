"""Make the README's screenshots: the seed article's page wide and on a phone, a story whose dates pile up
on a few days, a story whose dates spread over years, a correction in progress, the demo story, and the
story page of a batch of the three demo articles (`eventmap batch examples/*.txt -o DIR --no-tiles`).

    .venv/bin/python tools/make_screenshots.py [--out docs] [--seed ../shared/articles/id-rusia-indonesia-isis-2017.txt]

Each page is made by the real pipeline (`eventmap`), opened offline in headless Chromium with every
http(s) request blocked (so the map shows the offline land outline, as a reader without network sees
it), put in the state the caption describes, and photographed. The script fails if a page logs an error
or tries to reach the network. Needs Chromium (see README, Tests).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventmap import analyse, read_article, write_outputs  # noqa: E402
from eventmap.article import parse_date  # noqa: E402
from eventmap.browser import launch, new_offline_page, file_url  # noqa: E402

SEED = ROOT.parent / "shared" / "articles" / "id-rusia-indonesia-isis-2017.txt"

# (file name, article, published, viewport, what to do before the picture, full page)
SHOTS = [
    ("seed.png", "seed", None, (1280, 860), "popup:9 Agu 2017", False),
    ("seed-phone.png", "seed", None, (390, 1500), "select:9 Agu 2017", False),
    ("clustered.png", ROOT / "examples" / "storm-three-days.txt", "2023-11-15", (1280, 860), "select:14 Nov 2023", False),
    ("spread.png", ROOT / "examples" / "mangroves-ten-years.txt", "2024-06-10", (1280, 860), "select:mid 2019", False),
    ("correcting.png", ROOT / "examples" / "mangroves-ten-years.txt", "2024-06-10", (1280, 900), "correct", False),
    ("demo.png", ROOT / "examples" / "pameran-perahu-makassar.txt", None, (1280, 860), "select:4 Mar 2024", False),
]


def story_page(out: Path) -> Path:
    """The story page of the demo articles, made as `eventmap batch examples/*.txt --no-tiles` makes it."""
    from eventmap.batch import Plan, Settings, run_batch

    articles = [str(p) for p in sorted((ROOT / "examples").glob("*.txt"))]
    run_batch(articles, Plan(out / "story", workers=1, progress=False), Settings(tiles=False))
    return out / "story" / "story.html"


def shoot_story(browser, out: Path, tmp: Path) -> list:
    session = new_offline_page(browser, 1280, 860)
    session.page.goto(file_url(story_page(tmp)), wait_until="load")
    session.page.wait_for_function("window.EventStory && window.EventStory.ready === true")
    session.page.wait_for_timeout(600)
    session.page.screenshot(path=str(out / "story.png"))
    problems = session.blocked + session.console_errors + session.page_errors
    session.page.context.close()
    return problems


def page_for(article: Path, published: str | None, out: Path) -> Path:
    doc = analyse(read_article(str(article), published=parse_date(published) if published else None))
    return write_outputs(doc, ["html"], out, article.stem, tiles=None)["html"]


def prepare(page, how: str) -> None:
    """Put the page in the state its caption describes."""
    if how.startswith(("select:", "popup:")):  # the first event whose date reads so; its popup open or not
        key = how.split(":", 1)[1]
        page.evaluate("""key => {
            const li = [...document.querySelectorAll('#tl-dated .tl-item')].find(n =>
                n.querySelector('.tl-words').textContent === key);
            EventMap.activateEvent(li.dataset.event, {scrollText: false});
        }""", key)
        page.wait_for_timeout(1200)  # the map's flight and the smooth scrolls
        if how.startswith("select:"):
            page.evaluate("EventMap.map.closePopup()")
    elif how == "correct":  # correcting: an event's editor open, a place being searched
        page.click("#em-edit-toggle")
        page.click("#tl-e2 .tl-edit-btn")
        page.fill("#tl-e2 .ed-query", "Sema")
        page.wait_for_selector("#tl-e2 .ed-result")
        page.evaluate("document.querySelector('#tl-e2 .ed-results').scrollIntoView({block: 'end'})")
    page.wait_for_timeout(600)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "docs"))
    ap.add_argument("--seed", default=str(SEED))
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = launch(p)
        pages: dict[tuple, Path] = {}
        for name, article, published, (w, h), how, full in SHOTS:
            src = Path(args.seed) if article == "seed" else Path(article)
            key = (src, published)
            if key not in pages:
                pages[key] = page_for(src, published, Path(tmp))
            session = new_offline_page(browser, w, h)
            session.page.goto(file_url(pages[key]), wait_until="load")
            session.page.wait_for_function("window.EventMap && window.EventMap.ready === true")
            prepare(session.page, how)
            session.page.screenshot(path=str(out / name), full_page=full)
            problems = session.blocked + session.console_errors + session.page_errors
            session.page.context.close()
            if problems:
                print(f"make_screenshots: {name}: {problems}", file=sys.stderr)
                return 1
            print(f"wrote {out / name}")
        problems = shoot_story(browser, out, Path(tmp))
        browser.close()
        if problems:
            print(f"make_screenshots: story.png: {problems}", file=sys.stderr)
            return 1
        print(f"wrote {out / 'story.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
