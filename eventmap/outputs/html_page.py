"""The html format: the linked timeline + map page (eventmap/page/), one self-contained file."""
from __future__ import annotations

from pathlib import Path

from eventmap.atomic import write_text_atomic
from eventmap.model import Document
from eventmap.outputs import OutputJob
from eventmap.page import render_page

SUFFIX = ".html"


def write(doc: Document, path: Path, job: OutputJob) -> Path:
    return write_text_atomic(path, render_page(doc, tiles=job.tiles, locale=job.locale))
