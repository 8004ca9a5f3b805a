"""`eventmap render FILE.json [-o DIR] [--formats LIST]`: every output drawn from a JSON export.

Why: the export is also an input. A person corrects a reading in the page ("Download" writes the
corrected JSON) or by hand, and this command draws the page, the GeoJSON, the KML, the figure ... from
it, so corrected data goes back into the pipeline. The JSON is checked field by field first
(eventmap/load_export.py): one that breaks the contract gets one line naming the field, exit code 2,
and nothing is written.

Also here: the page options the main command shares (`add_page_options`, `page_settings`).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from eventmap import outputs
from eventmap.errors import InputError
from eventmap.load_export import read_export

EMBED_RANGE = (120, 4000)


def add_page_options(p: argparse.ArgumentParser) -> None:
    """The options that shape the page: its language, its tiles, an embedded size."""
    p.add_argument("--ui-lang", metavar="CODE",
                   help="the page's language: its labels and how dates are written (default: the article's "
                        "language; languages without their own words get English's)")
    p.add_argument("--tiles", metavar="none|osm|URL", default=None,
                   help="online map tiles under the places: osm (OpenStreetMap, the default), none (the page then "
                        "makes no outside request at all), or a tile URL template with {z}/{x}/{y}")
    p.add_argument("--no-tiles", action="store_true", help="the same as --tiles none")
    p.add_argument("--embed", metavar="WIDTHxHEIGHT",
                   help="lay the page out for an iframe of this size in pixels (e.g. 800x600): map and timeline "
                        "side by side or stacked to fit, the text in its own scrolling panel")


def parse_embed(value: str | None) -> tuple[int, int] | None:
    """``"800x600"`` -> (800, 600); InputError for anything else."""
    if value is None:
        return None
    m = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", value)
    lo, hi = EMBED_RANGE
    if not m or not all(lo <= int(v) <= hi for v in m.groups()):
        raise InputError(f"--embed {value!r}: expected WIDTHxHEIGHT in pixels, each from {lo} to {hi} (e.g. 800x600)")
    return int(m.group(1)), int(m.group(2))


def page_settings(args) -> dict:
    """write_outputs' keyword arguments from the page options (checked: InputError when wrong)."""
    from eventmap.article import checked_language

    tiles = "none" if args.no_tiles else (args.tiles or "osm")
    return {"tiles": outputs.tiles_setting(tiles), "embed": parse_embed(args.embed),
            "locale": checked_language(args.ui_lang) if args.ui_lang else None}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="eventmap render",
        description="Draw every output from a JSON export (for example one corrected in the page and "
                    "downloaded): the page, the JSON itself, GeoJSON, CSV, KML, SVG, PNG, PDF.")
    p.add_argument("export", metavar="FILE.json", help="a JSON export written by eventmap (or the page's Download)")
    p.add_argument("-o", "--output", metavar="DIR", default="output", help="directory to write into (default: output/)")
    p.add_argument("--formats", metavar="LIST", default=",".join(outputs.DEFAULT_FORMATS),
                   help=f"comma-separated outputs, of {', '.join(outputs.FORMATS)} "
                        f"(default: {','.join(outputs.DEFAULT_FORMATS)})")
    p.add_argument("--name", metavar="NAME", help="file name without suffix (default: the JSON file's name)")
    add_page_options(p)
    return p


def run_render(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    formats = outputs.parse_formats(args.formats)
    settings = page_settings(args)
    out_dir = outputs.check_directory(args.output)
    doc = read_export(args.export, warn=_warn)  # checked whole before anything is written
    name = args.name or _stem(Path(args.export))
    written = outputs.write_outputs(doc, formats, out_dir, name, warn=_warn, **settings)
    n_human = len(doc.corrections)
    print(f"eventmap: {len(doc.dates)} dates, {len(doc.places)} places, {len(doc.events)} events"
          f"{f', {n_human} corrections' if n_human else ''} -> {', '.join(str(p) for p in written.values())}",
          file=sys.stderr)
    return 0


def _stem(path: Path) -> str:
    """story.json -> story; story.corrected.json -> story.corrected (the page's download name)."""
    return path.name[: -len(".json")] if path.name.lower().endswith(".json") else path.stem


def _warn(msg: str) -> None:
    print(f"eventmap: warning: {msg}", file=sys.stderr)
