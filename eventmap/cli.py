"""The `eventmap` command: a thin layer over the library that reads arguments, reports progress on
stderr, and turns every user mistake into one line and exit code 2 (never a traceback).

    eventmap ARTICLE [ARTICLE ...]        page + JSON per article, in output/
    eventmap extract INPUT [-o FILE]      the JSON export (JSONL for a .jsonl corpus)
    eventmap gazetteer build|info|lookup  the embedded offline gazetteer
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import webbrowser
from pathlib import Path

from eventmap import __version__, outputs
from eventmap.article import checked_language, parse_date, read_article, read_corpus
from eventmap.atomic import check_replaceable, write_text_atomic
from eventmap.commands.batch import run_batch_command
from eventmap.commands.render import add_page_options, page_settings, run_render
from eventmap.commands import evaluate
from eventmap.console import write_stdout
from eventmap.decoding import replace_lone_surrogates
from eventmap.errors import InputError, MachineError, shown
from eventmap.outputs.json_export import to_json
from eventmap.pipeline import analyse
from maps import geocoding
from maps.gazetteer import GazetteerError

EXIT_INPUT = 2
EXIT_ENVIRONMENT = 1

MAIN_EPILOG = """\
other commands:
  eventmap extract INPUT [-o FILE]     write the JSON export (one line per document for .jsonl input)
  eventmap gazetteer build|info|lookup NAME
                                       build, describe or query the embedded offline gazetteer
  eventmap render FILE.json [-o DIR] [--formats LIST]
                                       draw every output from a JSON export (e.g. one corrected in the page)
  eventmap evaluate GOLD.jsonl [--pred PRED.jsonl] [--report DIR]
                                       score eventmap on your own annotated news, error by error
  eventmap batch INPUT... -o DIR [--workers N] [--pages] [--engine dask --scheduler ADDRESS]
                                       many articles at once, resumable: extractions.jsonl and one story page
Run 'eventmap COMMAND --help' (extract, gazetteer, render, evaluate, batch) for their options.

examples:
  eventmap examples/pameran-perahu-makassar.txt
  eventmap --lang en --published 2024-05-02 story.html -o reports/
  curl -s https://example.org/news | eventmap - --lang id
"""


def _warn(msg: str) -> None:
    print(f"eventmap: warning: {msg}", file=sys.stderr)


def _info(msg: str) -> None:
    print(f"eventmap: {msg}", file=sys.stderr)


def _add_reading_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", metavar="CODE",
                   help="language of the article(s), an ISO 639-1 code such as 'id' or 'en' "
                        "(default: detected from the text)")
    p.add_argument("--published", metavar="DATE",
                   help="publication date YYYY-MM-DD, the anchor for relative dates such as 'kemarin' or "
                        "'last week' (default: from the page's metadata or the corpus 'dct', "
                        "else inferred from the latest full date in the text)")
    p.add_argument("--allow-local-urls", action="store_true",
                   help="let ARTICLE be a URL on this machine or a private network (refused by default, "
                        "so that eventmap run as a service cannot be made to read internal pages)")
    geocoding.add_arguments(p)


def _main_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="eventmap",
        description="Read news articles and write, for each, a page where a timeline and a map are linked "
                    "(output/<slug>.html) and the JSON export (output/<slug>.json).",
        epilog=MAIN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("articles", nargs="+", metavar="ARTICLE",
                   help="a text file, an .html file, an http(s) URL, or - for standard input")
    _add_reading_options(p)
    p.add_argument("-o", "--output", metavar="DIR", default="output",
                   help="directory to write into (default: output/)")
    p.add_argument("--formats", metavar="LIST", default=",".join(outputs.DEFAULT_FORMATS),
                   help=f"comma-separated outputs to write, of {', '.join(outputs.FORMATS)} (default: "
                        f"{','.join(outputs.DEFAULT_FORMATS)}; "
                        "png and pdf are the page as headless Chromium shows and prints it, or, with no Chromium, "
                        "the static figure drawn by matplotlib; svg is always that figure)")
    add_page_options(p)
    p.add_argument("--open", action="store_true", help="open the page in the web browser when done")
    p.add_argument("--version", action="version", version=f"eventmap {__version__}")
    return p


def _extract_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="eventmap extract",
        description="Write the JSON export: dates, places and events with character offsets. For a .jsonl "
                    "corpus (lines {\"id\", \"text\", \"lang\"?, \"dct\"?}) one JSON line per input line, "
                    "same id, 'dct' as the publication date.")
    p.add_argument("input", metavar="INPUT", help="a text or .html file, a URL, - for stdin, or a .jsonl corpus")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    _add_reading_options(p)
    return p


def _gazetteer_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="eventmap gazetteer",
                                description="The embedded offline gazetteer (built once into the user cache).")
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    b = sub.add_parser("build", help="build it now (it is otherwise built on first use)")
    b.add_argument("--force", action="store_true", help="rebuild even if an up-to-date copy exists")
    b.add_argument("--geonames", metavar="ZIP",
                   help="also import a full GeoNames dump (allCountries.zip) you downloaded yourself")
    b.add_argument("--alternate-names", metavar="ZIP", help="with --geonames: alternateNamesV2.zip")
    sub.add_parser("info", help="where it is, its sources, versions, sizes and attribution")
    lk = sub.add_parser("lookup", help="every candidate for a name, best first")
    lk.add_argument("name", metavar="NAME")
    lk.add_argument("-n", type=int, default=10, help="how many candidates to show (default 10)")
    return p


def _settings(args) -> tuple[str | None, object, object]:
    try:
        lang = checked_language(args.lang) if args.lang else None
    except InputError as e:
        raise InputError(f"--lang: {e}") from None
    published = parse_date(args.published, "--published date") if args.published is not None else None
    try:
        config = geocoding.config_from_args(args)
    except ValueError as e:
        raise InputError(str(e)) from None
    online = geocoding.OnlineGeocoding(config, warn=_warn) if config is not None else None
    return lang, published, online


def _with_settings(args, work) -> int:
    """Run `work(args, lang, published, online)`, closing the online geocoder (if any) afterwards."""
    lang, published, online = _settings(args)
    try:
        return work(args, lang, published, online)
    finally:
        if online is not None:
            online.close()


def run_main(argv: list[str]) -> int:
    return _with_settings(_main_parser().parse_args(argv), _write_pages)


def _write_pages(args, lang, published, online) -> int:
    formats = outputs.parse_formats(args.formats)  # checked before any article is read
    settings = page_settings(args)
    out_dir = outputs.check_directory(args.output)
    articles = [read_article(src, lang=lang, published=published, allow_local_urls=args.allow_local_urls)
                for src in args.articles]
    used: set[str] = set()
    for article in articles:
        _info(f"reading {article.source} ({article.lang})")
        doc = analyse(article, geocoding=online, warn=_warn)
        name = _unused(outputs.default_name(article), used)
        written = outputs.write_outputs(doc, formats, out_dir, name, warn=_warn, **settings)
        _info(f"{len(doc.dates)} dates, {len(doc.places)} places, {len(doc.events)} events -> "
              f"{', '.join(str(p) for p in written.values())}")
        if args.open and "html" in written:
            webbrowser.open(written["html"].resolve().as_uri())
    return 0


def _unused(name: str, used: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3`` ... when an earlier article of this run took it."""
    base, n = name, 1
    while name in used:
        n += 1
        name = f"{base}-{n}"
    used.add(name)
    return name


def run_extract(argv: list[str]) -> int:
    return _with_settings(_extract_parser().parse_args(argv), _extract)


def _extract(args, lang, published, online) -> int:
    if args.output and Path(args.output).is_dir():
        raise InputError(f"{args.output}: is a directory; -o takes a file name")
    if args.output:
        check_replaceable(args.output)   # before the work, not after it
    bad: list[str] = []
    if args.input.lower().endswith(".jsonl"):
        articles = read_corpus(args.input, lang=lang, published=published, warn=_warn, on_bad_line=_bad(bad))
        lines = [to_json(analyse(a, geocoding=online, warn=_warn), indent=None) for a in articles]
        if bad and not lines:   # an earlier output is worth more than an empty one
            raise InputError(f"{args.input}: none of its lines could be read (see above); nothing was written")
        text = "\n".join(lines) + ("\n" if lines else "")
    else:
        doc = analyse(read_article(args.input, lang=lang, published=published, allow_local_urls=args.allow_local_urls),
                      geocoding=online, warn=_warn)
        text = to_json(doc) + "\n"
    if args.output:
        write_text_atomic(args.output, text)
    else:
        write_stdout(text)
    if bad:
        print(f"eventmap: error: {len(bad)} line(s) of {args.input} skipped (see above); the other documents "
              f"were written", file=sys.stderr)
        return EXIT_INPUT
    return 0


def _bad(seen: list[str]):
    """A corpus' bad-line callback: each bad line is one error line on stderr, counted in ``seen``."""
    def report(msg: str) -> None:
        seen.append(msg)
        print(f"eventmap: error: {msg}", file=sys.stderr)
    return report


def run_gazetteer(argv: list[str]) -> int:
    args = _gazetteer_parser().parse_args(argv)
    from maps import gazetteer
    from maps.gazetteer.sources.geonames_dump import GeoNamesFileError

    if args.action == "build":
        for dump in filter(None, (args.geonames, args.alternate_names)):   # before the embedded build
            if not Path(dump).is_file():
                raise InputError(f"{dump}: no such file (give the GeoNames .zip or .txt you downloaded)")
        path = gazetteer.build(force=args.force)
        _info(f"gazetteer ready: {path}")
        if args.geonames:
            try:
                path = gazetteer.import_geonames(args.geonames, args.alternate_names)
            except GeoNamesFileError as e:   # the file given is not a dump: the user's input
                raise InputError(f"{e}; expected a GeoNames dump such as allCountries.zip") from None
            _info(f"GeoNames imported: {path}")
    elif args.action == "info":
        write_stdout(json.dumps(gazetteer.info(), ensure_ascii=False, indent=1, default=str) + "\n")
    elif args.action == "lookup":
        return _lookup(gazetteer.default_gazetteer(), args.name, args.n)
    return 0


def _lookup(gaz, name: str, n: int) -> int:
    """Print the candidates for a name; exit 1 when there are none (as grep does), 2 for no name."""
    clean, bad = replace_lone_surrogates(name)
    if bad:
        raise InputError(f"{shown(name)}: the name is not valid UTF-8 text (check the terminal's encoding)")
    if not clean.strip():
        raise InputError("no name given: 'eventmap gazetteer lookup NAME', e.g. 'eventmap gazetteer lookup Jakarta'")
    if n < 1:
        raise InputError(f"-n {n}: give a number of candidates of at least 1")
    found = gaz.lookup(clean)[:n]
    if not found:
        _info(f"no gazetteer entry for {shown(clean)}")
        return 1
    write_stdout("".join(f"{c.name}\t{c.kind}\t{c.country or '-'}\t{c.lat:.4f},{c.lon:.4f}\tpop {c.population}\t"
                    f"{c.source}/{c.match}\tprior {c.prior:.2f}\n" for c in found))
    return 0


COMMANDS = {"extract": run_extract, "gazetteer": run_gazetteer, "render": run_render, "evaluate": evaluate.run,
            "batch": run_batch_command}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return COMMANDS[argv[0]](argv[1:])
        return run_main(argv)
    except InputError as e:
        print(f"eventmap: error: {e}", file=sys.stderr)
        return EXIT_INPUT
    except (GazetteerError, MachineError) as e:  # a broken cache, a browser that will not start: not the input's fault
        print(f"eventmap: error: {'gazetteer: ' if isinstance(e, GazetteerError) else ''}{e}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except BrokenPipeError:  # the reader of our output went away (| head): nothing to report
        return 0
    except OSError as e:  # an output that cannot be written: a full disk, no permission, a missing parent
        where = f"{e.filename}: " if e.filename else ""
        print(f"eventmap: error: {where}{e.strerror or e}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except KeyboardInterrupt:
        print("eventmap: interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # a bug: still one line, and the way to see more
        if os.environ.get("EVENTMAP_DEBUG"):
            raise
        what = "out of memory" if isinstance(e, MemoryError) else f"internal error ({type(e).__name__}: {e})"
        print(f"eventmap: error: {what}; set EVENTMAP_DEBUG=1 to see where, and please report it", file=sys.stderr)
        return EXIT_ENVIRONMENT


if __name__ == "__main__":
    sys.exit(main())
