"""The pdf format: the page as printed by headless Chromium (its print stylesheet), else the figure.

Why a browser first: the PDF a report needs is the page itself - map, timeline and the article with its
marks - laid out by the print stylesheet, and `page.pdf()` is Chromium's own printing. On a machine
with no Chromium (or no Playwright) the static figure is drawn instead (eventmap/outputs/figure.py,
matplotlib), with a warning, rather than failing the run.
"""
from __future__ import annotations

from pathlib import Path

from eventmap.atomic import write_bytes_atomic
from eventmap.model import Document
from eventmap.outputs import OutputJob, page_locale
from eventmap.outputs.browser_shot import browser_missing, with_page

SUFFIX = ".pdf"


def write(doc: Document, path: Path, job: OutputJob) -> Path:
    why = browser_missing()
    if why is None:
        return with_page(doc, job, path, lambda session: _print(session.page), print_media=True)
    from eventmap.outputs.figure import figure_bytes

    job.say(f"{path.name}: {why}; drawing the static figure with matplotlib instead of printing the page")
    return write_bytes_atomic(path, figure_bytes(doc, "pdf", page_locale(doc, job)))


# A4 less the margins, in CSS pixels: the page is laid out at the paper's width before the map is fitted
PRINT_WIDTH, PRINT_HEIGHT = 703, 1000


def _print(page) -> bytes:
    page.set_viewport_size({"width": PRINT_WIDTH, "height": PRINT_HEIGHT})
    page.evaluate("EventMap.preparePrint()")
    return page.pdf(format="A4", print_background=True,
                    margin={"top": "12mm", "bottom": "12mm", "left": "12mm", "right": "12mm"})
