"""The svg format: the static figure (map + numbered events) as a vector drawing with real text.

Why matplotlib and not the browser: a browser prints PDF but cannot write SVG. An SVG of a screenshot
would be a picture in a frame; converting the printed PDF needs a tool outside Python. The figure
(eventmap/outputs/figure.py) draws the page's own views - the same land outline, outlines, circles and
numbers - as paths and <text>, so the SVG opens in Inkscape or a report template with its words
editable, and is the same with or without a browser installed.
"""
from __future__ import annotations

from pathlib import Path

from eventmap.atomic import write_text_atomic
from eventmap.model import Document
from eventmap.outputs import OutputJob, page_locale
from eventmap.outputs.figure import figure_bytes

SUFFIX = ".svg"


def write(doc: Document, path: Path, job: OutputJob) -> Path:
    return write_text_atomic(path, figure_bytes(doc, "svg", page_locale(doc, job)).decode("utf-8"))
