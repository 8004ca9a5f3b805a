"""`eventmap evaluate GOLD.jsonl [--pred PRED.jsonl] [--json] [--report DIR]`: measure eventmap on
your own annotated news before relying on it.

Runs eventmap on every gold document (or reads the predictions given), prints the reference scorer's
metrics and a table of every error (missed, spurious and far-off places with distances, wrong date
values with gold and predicted), and with --report writes a page that shows each document's errors in
its text. The gold format is that of ../shared/eval (README "Evaluate on your own data").
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventmap.atomic import check_replaceable, write_text_atomic
from eventmap.console import write_stdout
from eventmap.errors import InputError

REPORT_FILES = ("index.html", "scores.json", "errors.jsonl", "predictions.jsonl")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="eventmap evaluate",
        description="Score eventmap (or predictions you give) against gold annotations: the metrics of the "
                    "reference scorer, then every error, document by document.",
        epilog="GOLD lines: {\"id\", \"text\", \"lang\"?, \"dct\"?, \"places\": [{\"start\", \"end\", \"lat\"?, "
               "\"lon\"?}], \"dates\": [{\"start\", \"end\", \"type\"?, \"value\"}]}. Exit code 2 when a line "
               "could not be read (the others are scored).")
    p.add_argument("gold", metavar="GOLD.jsonl", help="annotated documents, one JSON object a line")
    p.add_argument("--pred", metavar="PRED.jsonl",
                   help="predictions to score (one JSON export a line, same ids); default: run eventmap")
    p.add_argument("--json", action="store_true",
                   help="print only the metrics, as JSON (the names and structure of score.py --json)")
    p.add_argument("--report", metavar="DIR",
                   help="also write DIR/index.html (each document's errors in its text), scores.json, "
                        "errors.jsonl and, when eventmap ran, predictions.jsonl")
    return p


def run(argv: list[str]) -> int:
    from eventmap.evaluation import evaluate
    from eventmap.evaluation.table import findings_table, metrics_lines

    args = _parser().parse_args(argv)
    report_dir = _check_report_dir(args.report) if args.report else None
    ev = evaluate(args.gold, args.pred, on_bad_line=_say("error"), warn=_say("warning"))
    if not ev.gold.docs:
        raise InputError(f"{args.gold}: no gold document could be read (see above); nothing was written")
    noisy = [i for i, w in ev.warnings.items() if w]
    if noisy:
        _say("warning")(f"{len(noisy)} document(s) gave warnings (such as {ev.warnings[noisy[0]][0]!r})"
                        + ("; the report lists them" if report_dir else "; --report DIR lists them"))
    if args.json:
        write_stdout(json.dumps(ev.scores) + "\n")
    else:
        rows = [f for found in ev.findings.values() for f in found]
        write_stdout("\n".join(metrics_lines(ev.scores) + [""] + findings_table(rows)) + "\n")
    if report_dir:
        page = write_report(ev, report_dir)
        print(f"eventmap: report written to {page}", file=sys.stderr)
    if ev.bad_lines:
        print(f"eventmap: error: {len(ev.bad_lines)} line(s) could not be read (see above); the scores leave "
              f"them out", file=sys.stderr)
        return 2
    return 0


def _say(level: str):
    return lambda msg: print(f"eventmap: {level}: {msg}", file=sys.stderr)


def _check_report_dir(directory: str) -> Path:
    """Checked before the work: not a file, and no read-only report file in the way."""
    d = Path(directory)
    if d.exists() and not d.is_dir():
        raise InputError(f"{directory}: exists and is not a directory; --report takes a directory")
    for name in REPORT_FILES:
        check_replaceable(d / name)
    return d


def write_report(ev, directory: Path) -> Path:
    """The report's files, each written whole (temp file, then rename); returns the page's path."""
    from eventmap.evaluation.page import doc_view, render_report
    from eventmap.evaluation.table import metrics_lines

    docs = [doc_view(n, i, ev.gold.docs[i]["text"], found, ev.matches[i], ev.warnings.get(i, []))
            for n, (i, found) in enumerate(ev.findings.items(), 1)]
    source = f"predictions from {ev.pred_path}" if ev.pred_path else "predictions made by running eventmap"
    write_text_atomic(directory / "scores.json", json.dumps(ev.scores, indent=1) + "\n")
    write_text_atomic(directory / "errors.jsonl", "".join(
        json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for found in ev.findings.values() for f in found))
    if ev.pred_path is None:
        write_text_atomic(directory / "predictions.jsonl", "".join(
            json.dumps(p, ensure_ascii=False) + "\n" for p in ev.predictions.values()))
    return write_text_atomic(directory / "index.html", render_report(
        Path(ev.gold_path).name, source, metrics_lines(ev.scores), docs, len(ev.gold.docs)))
