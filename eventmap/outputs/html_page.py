"""The html format: the linked timeline + map page (eventmap/page/), one self-contained file."""
from __future__ import annotations

from pathlib import Path

from eventmap.atomic import write_text_atomic
from eventmap.model import Document
from eventmap.outputs import OutputJob, page_locale
from eventmap.page import render_page

SUFFIX = ".html"
_JOB = object()


def page_html(doc: Document, job: OutputJob, tiles=_JOB) -> str:
    """The page for this job (`tiles` overrides the job's: the png and pdf pages make no requests)."""
    return render_page(doc, tiles=job.tiles if tiles is _JOB else tiles, locale=page_locale(doc, job),
                       embed=job.embed)


def write(doc: Document, path: Path, job: OutputJob) -> Path:
    return write_text_atomic(path, page_html(doc, job))
