"""What the png and pdf formats share: is a browser there, and the page to photograph or print.

Why one place: both need the page written earlier in the same call (or a page of their own, removed
afterwards), opened offline by `eventmap.browser`, and both fall back to the static figure when no
browser can be had.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from eventmap.atomic import write_bytes_atomic, write_text_atomic
from eventmap.model import Document
from eventmap.outputs import OutputJob


def browser_missing() -> str | None:
    """Why no page can be photographed here (no Playwright, no Chromium), or None when one can."""
    from eventmap.browser import find_chromium

    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed"
    if find_chromium() is None:
        return "no Chromium is installed"
    return None


def with_page(doc: Document, job: OutputJob, path: Path, take: Callable, print_media: bool = False) -> Path:
    """`take(session)` -> bytes on the page written before in this call, else on a page of its own."""
    from eventmap.browser import open_offline_page

    page = job.written.get("html")
    own = None
    if page is None:
        from eventmap.outputs.html_page import page_html

        # beside the output rather than in /tmp, which a confined browser (a snap Chromium) may not see
        own = path.with_name("." + path.stem + ".for-" + path.suffix.lstrip(".") + ".html")
        write_text_atomic(own, page_html(doc, job, tiles=None))
        page = own
    try:
        with open_offline_page(page) as session:
            if print_media:
                session.page.emulate_media(media="print")
            data = take(session)
    finally:
        if own is not None:
            own.unlink(missing_ok=True)
    return write_bytes_atomic(path, data)
