"""Helpers for the page tests: hand-built documents and a headless Chromium that cannot reach the network.

Documents are built here by hand (sentences written for these tests, offsets found with str.find), so
the page is tested on its own, whatever the date tagger and geoparser currently find.
The browser comes from `eventmap.browser`, the same launcher the screenshot export uses. Without a
Chromium the browser tests are skipped locally but FAIL when CI=true: CI must never pass by skipping.
"""
from __future__ import annotations

import datetime as dt
import os

import pytest

from eventmap.model import Article, Document, Event
from maps.model import Place, PlaceMention
from timeline.model import DateMention, TimeSpan


# ---------------------------------------------------------------- documents

def make_doc(text: str, *, title: str = "", lang: str = "en", published: dt.date | None = None,
             anchor_source: str | None = None, dates=(), places=(), unresolved=(), events=()) -> Document:
    """A Document from substrings of `text`.

    dates       [(substring, TimeSpan)]        places  [(substring, Place)]
    unresolved  [substring]                    events  [(sentence substring, TimeSpan or None)]
    An event gets the dates and places whose start lies inside its sentence.
    """

    def span(sub: str) -> tuple[int, int]:
        i = text.find(sub)
        assert i >= 0, f"{sub!r} is not in the text"
        return i, i + len(sub)

    d_ms = [DateMention(*span(s), s, ts) for s, ts in dates]
    p_ms = [PlaceMention(*span(s), s, pl) for s, pl in places]
    u_ms = [PlaceMention(*span(s), s, None) for s in unresolved]
    evs = []
    for n, (sentence, when) in enumerate(events, 1):
        a, b = span(sentence)
        evs.append(Event(id=f"e{n}", when=when,
                         date_ids=[i for i, m in enumerate(d_ms) if a <= m.start < b],
                         place_ids=[i for i, m in enumerate(p_ms) if a <= m.start < b],
                         sentence=(a, b), summary=" ".join(sentence.split())[:160]))
    art = Article(id="test-article", text=text, title=title, lang=lang, published=published,
                  anchor=published, anchor_source=anchor_source or ("metadata" if published else None))
    return Document(article=art, dates=d_ms, places=p_ms, unresolved=u_ms, events=evs)


XSS_TEXT = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def day(iso: str, qualifier: str | None = None) -> TimeSpan:
    return TimeSpan(iso, "DATE", "day", qualifier, iso, iso)


RIVER_TEXT = (
    "Volunteers began counting plastic on the banks of the river in Phnom Penh on 3 March 2024.\n\n"
    "A week later a second team started in Bangkok, and by April the count had reached Hanoi.\n\n"
    "Organisers said the survey has run every spring since 2019; Vientiane joined it last year.\n\n"
    "The results will be presented in Singapore and Jakarta before 1 June 2024.\n\n"
    "Nobody yet knows how much of the waste reaches the sea near Kep Harbour."
)


def river_doc() -> Document:
    """A small English story with several kinds of dates and places (the page's main test document)."""
    t = RIVER_TEXT
    cities = {
        "Phnom Penh": Place("Phnom Penh", 11.5625, 104.916, "city", "KH"),
        "Bangkok": Place("Bangkok", 13.7540, 100.5014, "city", "TH"),
        "Hanoi": Place("Hanoi", 21.0245, 105.8412, "city", "VN"),
        "Vientiane": Place("Vientiane", 17.9667, 102.6, "city", "LA"),
        "Singapore": Place("Singapore", 1.2897, 103.8501, "city", "SG"),
        "Jakarta": Place("Jakarta", -6.2146, 106.8451, "city", "ID"),
    }
    return make_doc(
        t, title="Volunteers count river plastic in four capitals", published=dt.date(2024, 5, 2),
        dates=[("3 March 2024", day("2024-03-03")),
               ("A week later", day("2024-03-10")),
               ("April", TimeSpan("2024-04", "DATE", "month", None, "2024-04-01", "2024-04-30")),
               ("every spring since 2019", TimeSpan("2019", "DATE", "year", "ongoing", "2019-01-01", "2024-05-02")),
               ("last year", TimeSpan("2023", "DATE", "year", None, "2023-01-01", "2023-12-31")),
               ("before 1 June 2024", day("2024-06-01", "before"))],
        places=[(k, v) for k, v in cities.items()],
        unresolved=["Kep Harbour"],
        events=[("Volunteers began counting plastic on the banks of the river in Phnom Penh on 3 March 2024.",
                 day("2024-03-03")),
                ("A week later a second team started in Bangkok, and by April the count had reached Hanoi.",
                 day("2024-03-10")),
                ("Organisers said the survey has run every spring since 2019; Vientiane joined it last year.",
                 TimeSpan("2019", "DATE", "year", "ongoing", "2019-01-01", "2024-05-02")),
                ("The results will be presented in Singapore and Jakarta before 1 June 2024.",
                 day("2024-06-01", "before"))],
    )


# ---------------------------------------------------------------- browser

def chromium_or_skip() -> str:
    from eventmap.browser import find_chromium

    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _missing("Playwright is not installed")
    exe = find_chromium()
    if exe is None:
        _missing("no Chromium on PATH")
    return exe


def _missing(why: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run in CI: {why}")
    pytest.skip(why)


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole session (launching costs about a second)."""
    chromium_or_skip()
    from playwright.sync_api import sync_playwright

    from eventmap.browser import launch

    with sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture
def open_page(chromium, tmp_path):
    """open_page(html, width=1280, height=900) -> OfflineSession, with the page loaded and ready."""
    from eventmap.browser import file_url, new_offline_page

    sessions = []

    def _open(html: str, width: int = 1280, height: int = 900, name: str = "page.html"):
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        s = new_offline_page(chromium, width, height)
        sessions.append(s)
        s.page.goto(file_url(path), wait_until="load")
        s.page.wait_for_function("window.EventMap && window.EventMap.ready === true", timeout=10000)
        return s

    yield _open
    for s in sessions:
        s.page.context.close()
