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
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable

from eventmap.article import slugify
from eventmap.atomic import check_replaceable
from eventmap.errors import InputError
from eventmap.model import Article, Document

# Format name -> the module that writes it, in the order they are written: png and pdf photograph or
# print the page that html wrote before them in the same call.
REGISTRY = {
    "html": "eventmap.outputs.html_page",
    "json": "eventmap.outputs.json_export",
    "geojson": "eventmap.outputs.geojson_places",
    "csv": "eventmap.outputs.csv_table",
    "kml": "eventmap.outputs.kml_places",
    "svg": "eventmap.outputs.svg_figure",
    "png": "eventmap.outputs.png_screenshot",
    "pdf": "eventmap.outputs.pdf_page",
}
FORMATS = tuple(REGISTRY)
DEFAULT_FORMATS = ("html", "json")

__all__ = ["DEFAULT_FORMATS", "FORMATS", "OutputJob", "UnknownFormat", "default_name", "output_module",
           "page_locale", "parse_formats", "write_outputs"]


class UnknownFormat(InputError, ValueError):
    """A format name no module writes (the command line shows it as one line, exit code 2)."""


@dataclass
class OutputJob:
    """What a format's `write` gets besides the document: the page's settings and what is already written."""

    tiles: str | None = "osm"           # the page's online tiles: "osm", a URL template, or None (no requests)
    locale: str | None = None           # the page's language; None: the article's (eventmap/page/words.py)
    embed: tuple[int, int] | None = None  # a page for an iframe of this many pixels (width, height)
    warn: Callable[[str], None] | None = None  # where a format says it fell back (no browser ...)
    written: dict[str, Path] = field(default_factory=dict)  # format -> path, earlier in this call

    def say(self, msg: str) -> None:
        if self.warn is not None:
            self.warn(msg)


def page_locale(doc: Document, job: OutputJob) -> str:
    """The page's language: the one asked for, else the article's."""
    return job.locale or doc.article.lang or "en"


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
                  *, tiles: bool | str | None = True, locale: str | None = None,
                  embed: tuple[int, int] | None = None, warn: Callable[[str], None] | None = None) -> dict[str, Path]:
    """Write ``<directory>/<name>.<suffix>`` for each format; returns format -> path, in writing order.

    name     the file name without suffix (default: `default_name` of the article).
    tiles    the page's online tiles: True or "osm" (OpenStreetMap), a URL template with {z}/{x}/{y},
             False or None (no outside request at all); png and pdf are taken offline either way.
    locale   the page's language (dates and its own words); default: the article's.
    embed    (width, height): a page laid out for an iframe of that size (no page scrolling).
    warn     called with a line when a format falls back (png/pdf drawn by matplotlib with no browser).
    Each file is written to a temporary file and renamed, so none is ever half-written.
    """
    fmts = parse_formats(formats)
    directory = check_directory(directory)
    stem = name or default_name(doc.article)
    job = OutputJob(tiles=tiles_setting(tiles), locale=locale, embed=embed, warn=warn)
    for fmt in fmts:   # a read-only file in the way stops the call before anything is written
        check_replaceable(directory / f"{stem}{output_module(fmt).SUFFIX}")
    for fmt in fmts:
        module = output_module(fmt)
        job.written[fmt] = module.write(doc, directory / f"{stem}{module.SUFFIX}", job)
    return dict(job.written)


def tiles_setting(tiles: bool | str | None) -> str | None:
    """True/"osm" -> "osm"; False/None/"none" -> None; an http(s) URL template as given (InputError otherwise)."""
    if tiles is True or tiles == "osm":
        return "osm"
    if tiles in (False, None, "none", ""):
        return None
    # a plain host and a path without quotes or markup: Leaflet writes the tile credit as HTML
    if isinstance(tiles, str) and re.fullmatch(r"https?://[A-Za-z0-9.-]+(:\d+)?/[^\s\"'<>\\`]*", tiles) and all(
            k in tiles for k in ("{z}", "{x}", "{y}")):
        return tiles
    raise InputError(f"tiles: {tiles!r} is not none, osm or an http(s) URL template with {{z}}, {{x}} and {{y}}")
