"""The png format: a full-page screenshot of the page, taken offline by headless Chromium.

Why a real browser: the picture must be the page a reader sees (the map drawn by Leaflet, the
timeline laid out by CSS). Chromium comes from the system (`eventmap.browser`); with every http(s)
request blocked, the map shows the offline land outline whatever the page's tiles setting.
"""
from __future__ import annotations

import os
from pathlib import Path

from eventmap.atomic import write_text_atomic
from eventmap.model import Document
from eventmap.outputs import OutputJob

SUFFIX = ".png"


def write(doc: Document, path: Path, job: OutputJob) -> Path:
    """Photograph the page written before in this call, else a page of its own (removed afterwards)."""
    if "html" in job.written:
        return screenshot(job.written["html"], path, full_page=True)
    from eventmap.page import render_page

    # beside the output rather than in /tmp, which a confined browser (a snap Chromium) may not see
    page = path.with_name("." + path.stem + ".for-png.html")
    write_text_atomic(page, render_page(doc, tiles=False, locale=job.locale))
    try:
        return screenshot(page, path, full_page=True)
    finally:
        page.unlink(missing_ok=True)


def screenshot(html_path: str | os.PathLike, png_path: str | os.PathLike, width: int = 1280, height: int = 900,
               full_page: bool = False, browser=None) -> Path:
    """A PNG of a saved page, taken offline by headless Chromium (see `eventmap.browser`).

    Pass `browser` to reuse one already launched. Raises InputError when the page, Playwright or
    Chromium is missing. The picture is written beside its name and renamed, like every output."""
    from eventmap.browser import open_offline_page

    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with open_offline_page(html_path, width=width, height=height, browser=browser) as session:
        tmp = png_path.with_name("." + png_path.name + ".tmp.png")
        try:
            session.page.screenshot(path=str(tmp), full_page=full_page)
            os.replace(tmp, png_path)
        finally:
            tmp.unlink(missing_ok=True)
    return png_path
