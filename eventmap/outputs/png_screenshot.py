"""The png format: a full-page screenshot of the page, taken offline by headless Chromium, else the figure.

Why a real browser: the picture must be the page a reader sees (the map drawn by Leaflet, the
timeline laid out by CSS). Chromium comes from the system (`eventmap.browser`); with every http(s)
request blocked, the map shows the offline land outline whatever the page's tiles setting. With no
Chromium or Playwright the static figure (eventmap/outputs/figure.py, matplotlib) is drawn instead,
with a warning, rather than failing the run.
"""
from __future__ import annotations

import os
from pathlib import Path

from eventmap.atomic import write_bytes_atomic
from eventmap.model import Document
from eventmap.outputs import OutputJob, page_locale
from eventmap.outputs.browser_shot import browser_missing, with_page

SUFFIX = ".png"


def write(doc: Document, path: Path, job: OutputJob) -> Path:
    """Photograph the page written before in this call, else a page of its own (removed afterwards)."""
    why = browser_missing()
    if why is None:
        return with_page(doc, job, path, lambda session: session.page.screenshot(full_page=True))
    from eventmap.outputs.figure import figure_bytes

    job.say(f"{path.name}: {why}; drawing the static figure with matplotlib instead of a screenshot")
    return write_bytes_atomic(path, figure_bytes(doc, "png", page_locale(doc, job)))


def screenshot(html_path: str | os.PathLike, png_path: str | os.PathLike, width: int = 1280, height: int = 900,
               full_page: bool = False, browser=None) -> Path:
    """A PNG of a saved page, taken offline by headless Chromium (see `eventmap.browser`).

    Pass `browser` to reuse one already launched. Raises InputError when the page, Playwright or
    Chromium is missing. The picture is written beside its name and renamed, like every output."""
    from eventmap.browser import open_offline_page

    with open_offline_page(html_path, width=width, height=height, browser=browser) as session:
        data = session.page.screenshot(full_page=full_page)
    return write_bytes_atomic(png_path, data)
