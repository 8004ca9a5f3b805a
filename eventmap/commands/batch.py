"""``eventmap batch INPUT... -o DIR``: many articles into one JSONL of extractions and one story page.

Exit codes: 0 every document read; 3 finished, but some documents failed (each named on stderr
and in DIR/errors.jsonl); 2 bad input to the command itself; 1 the machine failed; 130 interrupted
(run the same command again to go on: finished documents are kept).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventmap.article import checked_language, parse_date
from eventmap.errors import InputError

EXIT_SOME_FAILED = 3

EPILOG = """\
outputs (in DIR):
  extractions.jsonl   the JSON export of every document, one line each, in input order, same ids
  story.html          every event of every article on one timeline and one map, duplicates merged
  pages/              each article's own page (with --pages)
  errors.jsonl        the documents that failed, with why (only when some did)

A corpus line is {"id", "text", "lang"?, "dct"?, "title"?, "url"?, "source"?}; url and source are
shown and filtered on the story page. Run the same command again after an interruption: documents
already finished are skipped.

examples:
  eventmap batch news/ wire.jsonl -o story/
  eventmap batch corpus.jsonl -o out/ --workers 4 --pages
  eventmap batch corpus.jsonl -o out/ --engine dask --scheduler tcp://10.0.0.5:8786
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="eventmap batch", epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Read many articles - directories of text and HTML files, JSONL corpora - in parallel, "
                    "resumably, into one JSONL of extractions and one story page.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="a directory, a .jsonl corpus, or a text or .html file")
    p.add_argument("-o", "--output", metavar="DIR", required=True, help="the output directory")
    p.add_argument("--workers", type=int, default=0, metavar="N",
                   help="worker processes (default: every core; 1 reads in this process)")
    p.add_argument("--pages", action="store_true", help="also write each article's own page into DIR/pages/")
    p.add_argument("--no-story", action="store_true", help="do not write the story page")
    p.add_argument("--no-tiles", action="store_true", help="pages without the online OpenStreetMap tiles")
    p.add_argument("--lang", metavar="CODE", help="language of documents that do not give one (default: detected)")
    p.add_argument("--locale", metavar="CODE", default="en", help="the story page's language (default: en)")
    p.add_argument("--published", metavar="DATE",
                   help="publication date YYYY-MM-DD for documents that do not give one")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the scheduler, e.g. tcp://host:8786")
    p.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    return p


def run_batch_command(argv: list[str]) -> int:
    from eventmap.batch import Plan, Settings, run_batch

    args = parser().parse_args(argv)
    if args.workers < 0:
        raise InputError("--workers must be 0 (every core) or more")
    settings = Settings(lang=checked_language(args.lang) if args.lang else None,
                        published=parse_date(args.published, "--published date").isoformat() if args.published else None,
                        pages=args.pages, tiles=not args.no_tiles)
    plan = Plan(Path(args.output), workers=args.workers, engine=args.engine, scheduler=args.scheduler,
                story=not args.no_story, locale=checked_language(args.locale),
                progress=False if args.no_progress else None)
    try:
        report = run_batch(args.inputs, plan, settings)
    except KeyboardInterrupt:
        print(f"eventmap: interrupted; the documents finished so far are kept in {args.output}: run the same "
              "command again to go on", file=sys.stderr)
        return 130
    done = report.read + report.skipped
    print(f"eventmap: {done} of {report.total} documents done ({report.read} read now at {report.rate:.1f}/s, "
          f"{report.skipped} from an earlier run), {len(report.failed)} failed -> "
          f"{', '.join(str(p) for p in report.written.values())}", file=sys.stderr)
    return EXIT_SOME_FAILED if report.failed else 0
