"""Outputs: every file eventmap writes for a document, one module per format, and one call to write them.

    from eventmap.outputs import write_outputs
    write_outputs(doc, ["html", "json"], "reports/", "story")
    # -> {"html": Path("reports/story.html"), "json": Path("reports/story.json")}

The folder to open for a new output format. A format is a module here with

    SUFFIX = ".kml"                                  the file name's ending
    def write(doc, path, job) -> Path                write the file (atomically: eventmap/atomic.py)

and one line in `REGISTRY`. Every output is drawn from the typed `Document`; the data formats go
through the JSON contract (`eventmap.export.document_to_dict`) so that they cannot disagree.
Modules are imported only when their format is asked for (the page needs folium, png needs Playwright).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Iterable

from eventmap.article import slugify
from eventmap.errors import InputError
from eventmap.model import Article, Document

# Format name -> the module that writes it, in the order they are written: png photographs the page
# that html wrote before it in the same call.
REGISTRY = {
    "html": "eventmap.outputs.html_page",
    "json": "eventmap.outputs.json_export",
    "geojson": "eventmap.outputs.geojson_places",
    "csv": "eventmap.outputs.csv_table",
    "png": "eventmap.outputs.png_screenshot",
}
FORMATS = tuple(REGISTRY)
DEFAULT_FORMATS = ("html", "json")

__all__ = ["DEFAULT_FORMATS", "FORMATS", "OutputJob", "UnknownFormat", "default_name", "output_module",
           "parse_formats", "write_outputs"]


class UnknownFormat(InputError, ValueError):
    """A format name no module writes (the command line shows it as one line, exit code 2)."""


@dataclass
class OutputJob:
    """What a format's `write` gets besides the document: the page's settings and what is already written."""

    tiles: bool = True                  # the page adds the online OpenStreetMap tiles
    locale: str = "en"                  # the page's language
    written: dict[str, Path] = field(default_factory=dict)  # format -> path, earlier in this call


def parse_formats(formats: str | Iterable[str]) -> list[str]:
    """``"png,html"`` or ``["png", "html"]`` -> ``["html", "png"]``: known, distinct, in writing order."""
    names = formats.split(",") if isinstance(formats, str) else list(formats)
    names = [n.strip().lower() for n in names if n and n.strip()]
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise UnknownFormat(f"unknown format {', '.join(unknown)}: choose from {', '.join(FORMATS)}")
    if not names:
        raise UnknownFormat(f"no output format given: choose from {', '.join(FORMATS)}")
    return [f for f in FORMATS if f in names]


def output_module(fmt: str) -> ModuleType:
    """The module that writes one format (imported on first use)."""
    if fmt not in REGISTRY:
        raise UnknownFormat(f"unknown format {fmt}: choose from {', '.join(FORMATS)}")
    return importlib.import_module(REGISTRY[fmt])


def default_name(article: Article) -> str:
    """The file name (without suffix) for an article: its file's name, else (stdin, a URL) its title."""
    from_source = article.source != "-" and not article.source.startswith("http")
    return slugify(article.id if from_source else (article.title or article.id))


def check_directory(directory: str | Path) -> Path:
    """The output directory as a Path; InputError when a file is in its way (it is made when missing)."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise InputError(f"{directory}: exists and is not a directory")
    return directory


def write_outputs(doc: Document, formats: str | Iterable[str], directory: str | Path, name: str | None = None,
                  *, tiles: bool = True, locale: str = "en") -> dict[str, Path]:
    """Write ``<directory>/<name>.<suffix>`` for each format; returns format -> path, in writing order.

    name     the file name without suffix (default: `default_name` of the article).
    tiles    the page adds the online OpenStreetMap tiles (the png is taken offline either way).
    locale   the page's language (dates and its own words).
    Each file is written to a temporary file and renamed, so none is ever half-written.
    """
    fmts = parse_formats(formats)
    directory = check_directory(directory)
    stem = name or default_name(doc.article)
    job = OutputJob(tiles=tiles, locale=locale)
    for fmt in fmts:
        module = output_module(fmt)
        job.written[fmt] = module.write(doc, directory / f"{stem}{module.SUFFIX}", job)
    return dict(job.written)
