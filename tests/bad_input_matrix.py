"""The bad-input matrix: every command against every kind of bad input, as one table.

A row is (command, case): the command is run in-process on the case's input, with an old output already
in place, and must end with the expected exit code and one clear line naming the input and what to do -
no traceback, nothing half-written, and the old output untouched unless the run succeeded (in whole or,
for JSON Lines, for the lines that could be read). tests/test_bad_input_matrix.py runs every row;
``python tests/bad_input_matrix.py`` prints the table for the README (input -> message -> exit code).

To add a command: one `Command` (how to run it on an input file, where its old output lies) with the
`Kind` of input it reads; every case that says how to build that kind of input gives a row, expected
to behave as the other commands of that kind do (a case may expect otherwise of one command by its
name), as `eventmap batch` does: it reads a corpus as `extract` does, but a document it cannot read is
skipped with exit code 3 (the batch finished, some documents failed), not 2.
A command that reads a new kind of input also adds a `Kind` (its good input) and, in the cases that
apply, the expectation for that kind - as `eventmap render` did with "export" (a JSON export).
Machine failures that cannot be produced for real in a test (the tests may run as root, for whom no
directory is read-only; a disk is not filled on purpose) are simulated by patching the one writer,
eventmap/atomic.py, to fail as the system would. The texts were written for these tests.
"""
from __future__ import annotations

import datetime as dt
import errno
import json
import os
from contextlib import ExitStack, contextmanager, nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable
from unittest import mock

STORY = ("Harbour Works Resume in Mombasa\n\n"
         "Cranes returned to the port of Mombasa, Kenya, on Tuesday 5 March 2024 after a two-week stoppage. "
         "Yesterday the crews said the berth in Dar es Salaam, Tanzania, would follow next month.\n")
ACCENTED = "Café owners in São Paulo and Bogotá met on 3 May 2021, the first time since 2019.\n"
ODD_DATES = "Talks set for 31/2/2017 and 0/0/0000 never happened; the year 1 and the year 9999 were named in Rome.\n"
HUGE = 20 * 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def corpus_line(text: str, **fields) -> str:
    return json.dumps({"id": fields.pop("id", "doc-1"), "text": text, "lang": "en", "dct": "2024-03-06", **fields},
                      ensure_ascii=False)


def gold_line(text: str, **fields) -> str:
    i = text.find("Mombasa")
    places = [{"start": i, "end": i + 7, "text": "Mombasa", "lat": -4.0547, "lon": 39.6636}] if i >= 0 else []
    return corpus_line(text, places=places, dates=[], **fields)


@lru_cache(maxsize=8)
def export_of(text: str) -> str:
    """A JSON export of the text, as `eventmap render` reads: eventmap's own reading of (the start of) it."""
    from eventmap import analyse, document_to_dict
    from eventmap.article import make_article

    head = text if len(text) <= 5000 else text[:text.rfind(" ", 0, 5000)]
    data = document_to_dict(analyse(make_article(head, id="story", source="matrix", lang="en",
                                                 published=dt.date(2024, 3, 6), published_source="cli")))
    return json.dumps({**data, "text": text}, ensure_ascii=False)


def _export(**fields) -> bytes:
    return json.dumps({**json.loads(export_of(STORY)), **fields}, ensure_ascii=False).encode()


@dataclass(frozen=True)
class Kind:
    """What a command reads, as a good input; cases turn it into bad ones."""

    name: str
    suffix: str
    good: Callable[[str], str]           # a good input holding this text
    lines: bool = False                  # JSON Lines: a bad line is skipped, the others are processed
    argument: bool = False               # given as an argument, not as a file


KINDS = {
    "article": Kind("article", ".txt", lambda t: t),
    "corpus": Kind("corpus", ".jsonl", lambda t: corpus_line(t) + "\n" + corpus_line(t, id="doc-2") + "\n", True),
    "gold": Kind("gold", ".jsonl", lambda t: gold_line(t) + "\n" + gold_line(t, id="doc-2") + "\n", True),
    "geonames": Kind("geonames", ".txt", lambda t: t),
    "name": Kind("name", "", lambda t: "Mombasa", argument=True),
    "export": Kind("export", ".json", export_of),
}


@dataclass(frozen=True)
class Expect:
    code: int
    message: str                   # a piece of the first error line (or warning, for exit code 0)
    writes: bool = False           # the output is (re)written: the run succeeded, in whole or in part


@dataclass(frozen=True)
class Case:
    """One bad input. ``build(kind)`` gives its bytes (None: it does not apply to that kind);
    ``expect[command name]``, else ``expect[kind name]``, what must happen."""

    name: str
    build: Callable[[Kind], bytes | None]
    expect: dict[str, Expect]
    args: tuple = ()                                 # options given with an article (a corpus says it in its lines)
    suffix: str | None = None                        # a file name ending of its own (".html")
    machine: Callable[[Path], object] | None = None  # a context manager that makes the machine fail
    commands: frozenset | None = None                # only these commands (None: every command of the kinds)
    argument: str | None = None                      # what the case is called when given as an argument
    args_for: tuple = ("article",)                   # the kinds whose commands get ``args``


def _lines(kind: Kind, *lines: str) -> bytes | None:
    return "".join(line + "\n" for line in lines).encode() if kind.lines else None


def _only(*kinds):
    return lambda build: (lambda kind: build(kind) if kind.name in kinds else None)


def _good(kind: Kind, text: str = STORY, encoding: str = "utf-8") -> bytes:
    return kind.good(text).encode(encoding)


# ---------------------------------------------------------------- machine failures, simulated

@contextmanager
def _unwritable(out: Path):
    """mkstemp in the output directory fails as in a directory without write permission."""
    def refuse(*args, dir=None, prefix="", **kw):
        raise PermissionError(errno.EACCES, "Permission denied", os.path.join(dir or ".", prefix + "x1y2.tmp"))
    with mock.patch("eventmap.atomic.tempfile.mkstemp", side_effect=refuse):
        yield


@contextmanager
def _failing_sync(exc: BaseException):
    with mock.patch("eventmap.atomic.os.fsync", side_effect=exc):
        yield


@contextmanager
def _env(**values):
    with mock.patch.dict(os.environ, values):
        yield


def _cache_under_a_file(out: Path):
    blocker = out / "not-a-directory"
    blocker.write_text("a file where the cache directory should be\n")
    return _env(EVENTMAP_CACHE_DIR=str(blocker / "cache"))


def _read_only(out: Path):
    return nullcontext()   # the command's old output is made read-only by the runner (see Row.run)


def _date_case(name: str, day: str, expect: dict, relative: str = "") -> Case:
    """A publication date given on the command line (an article), as a line's dct (a corpus, a gold
    file) or as the export's published date, before a text with relative dates."""
    def build(k: Kind) -> bytes | None:
        if k.name == "article":
            return _good(k)
        if k.name == "export":
            return _export(published=day, anchor=day)
        line = corpus_line(STORY, dct=day) if k.name == "corpus" else gold_line(STORY, dct=day)
        return _lines(k, line)
    return Case(f"{name} as the publication date{relative} (--published, dct, \"published\")", build, expect,
                args=("--published", day))


FILES = ("article", "corpus", "gold", "export")
TEXTS = ("article", "corpus", "gold")   # what eventmap reads and analyses (an export is drawn as it is)
EDGE = {**dict.fromkeys(TEXTS, Expect(0, "lies near the end of the calendar", writes=True)),
        "export": Expect(0, "", writes=True)}
RELATIVE = ", with relative dates in the text"
E_EMPTY = Expect(2, "the file is empty")
CASES = [
    Case("no such file", lambda k: None if k.argument else b"",
         {k: Expect(2, "no such file") for k in (*FILES, "geonames")}),
    Case("empty file", lambda k: b"", {**dict.fromkeys(FILES, E_EMPTY), "geonames": Expect(2, "no GeoNames records read"),
                                       "name": Expect(2, "no name given")}, argument="an empty name"),
    Case("white space only", lambda k: b" \n\t \r\n  ",
         {**dict.fromkeys(FILES, E_EMPTY), "geonames": Expect(2, "no GeoNames records read"),
          "name": Expect(2, "no name given")}, argument="a name of white space"),
    Case("binary (a PNG picture)", lambda k: PNG if not k.argument else b"\x01\x02\x7f",
         {**dict.fromkeys(FILES, Expect(2, "looks like a binary file")), "geonames": Expect(2, "line 1: not UTF-8 text"),
          "name": Expect(1, "no gazetteer entry")}, argument="a name of control characters"),
    Case("UTF-16 with byte-order mark", lambda k: None if k.argument else _good(k, encoding="utf-16"),
         {**dict.fromkeys(FILES, Expect(0, "", writes=True)), "geonames": Expect(2, "line 1: not UTF-8 text")}),
    Case("UTF-32 with byte-order mark", lambda k: None if k.argument else _good(k, encoding="utf-32"),
         {**dict.fromkeys(FILES, Expect(0, "", writes=True)), "geonames": Expect(2, "line 1: not UTF-8 text")}),
    Case("cp1252 (Windows) text", lambda k: (ACCENTED.encode("cp1252") if k.name in ("article", "geonames", "name")
                                             else (k.good(ACCENTED).encode("cp1252"))),
         {"article": Expect(2, "not UTF-8 text (byte 0xe9 at offset 3); convert it first"),
          "batch": Expect(3, ":1: not UTF-8 text (byte 0xe9 at offset", writes=True),
          "export": Expect(2, "not UTF-8 text (byte 0xe9 at offset"),
          "corpus": Expect(2, ":1: not UTF-8 text (byte 0xe9 at offset"),
          "gold": Expect(2, ":1: not UTF-8 text (byte 0xe9 at offset"),
          "geonames": Expect(2, "line 1: not UTF-8 text"), "name": Expect(2, "not valid UTF-8 text")},
         argument="a name in cp1252 bytes (not UTF-8)"),
    Case("mixed line endings (\\r\\n, \\r, \\n)",
         _only(*FILES)(lambda k: json.dumps(json.loads(_good(k)), indent=1).replace("\n", "\r\n", 5).encode()
                       if k.name == "export" else
                       _good(k, STORY.replace("\n\n", "\r\n\r\n", 1)).replace(b"\n", b"\r\n", 1)
                       + (b"" if k.lines else b"More work\rstarted in Malindi.\n")),
         dict.fromkeys(FILES, Expect(0, "", writes=True))),
    Case("20 MB text", lambda k: (b"Talks on 3 May 2021 in Lamu\n" * (HUGE // 28) if k.name == "geonames" else
                                  ("Malindi" * 15_000).encode() if k.argument else
                                  _good(k, (STORY.replace("\n\n", " ") * (HUGE // len(STORY))).replace("\n", " "))),
         {**dict.fromkeys(TEXTS, Expect(0, "characters, more than eventmap reads in one article", writes=True)),
          "export": Expect(0, "", writes=True),    # drawn whole: drawing costs little next to reading
          "geonames": Expect(2, "not a GeoNames record"), "name": Expect(1, "no gazetteer entry")},
         argument="a 105,000-character name"),
    Case("HTML page without a body", _only("article")(lambda k: b"<html><head><title>Port news</title></head></html>"),
         {"article": Expect(2, "no article text found in this HTML page")}, suffix=".html"),
    Case("malformed JSON (lines)", lambda k: b'{"text": "Rain in Lamu", ' if k.name == "export" else _lines(
        k, k.good(STORY).splitlines()[0], "{not json", "[1, 2]", k.good(STORY).splitlines()[1]),
         {"corpus": Expect(2, ":2: not valid JSON", writes=True), "batch": Expect(3, ":2: not valid JSON", writes=True),
          "gold": Expect(2, ":2: not valid JSON", writes=True),
          "export": Expect(2, "not valid JSON (line 1, column")}),
    Case("wrong JSON types", lambda k: _export(text=5) if k.name == "export" else _lines(k, k.good(STORY).splitlines()[0],
                                              json.dumps({"id": [1], "text": 5, "places": "Lamu"}),
                                              json.dumps({"id": "d3", "text": "Rain in Lamu.", "title": 7,
                                                          "places": [{"start": "0", "end": 4}]})),
         {"corpus": Expect(2, ':2: "text" is not a string', writes=True),
          "batch": Expect(3, ':2: "text" is not a string', writes=True),
          "gold": Expect(2, ':2: "text" is not a string', writes=True), "export": Expect(2, "text: expected")}),
    Case("unknown language code (qq, 5, [\"en\"])",
         lambda k: _good(k) if k.name == "article" else _export(lang="qq") if k.name == "export" else _lines(
             k, k.good(STORY).splitlines()[0], *(json.dumps({**json.loads(k.good(STORY).splitlines()[1]), "lang": v,
                                                             "id": f"d{n}"}) for n, v in enumerate(["qq", 5, ["en"]]))),
         {"article": Expect(2, "unknown language 'qq'"), "corpus": Expect(2, ":2: unknown language 'qq'", writes=True),
          "batch": Expect(3, ":2: unknown language 'qq'", writes=True),
          "gold": Expect(2, ":2: unknown language 'qq'", writes=True),
          "export": Expect(2, "lang: expected a language code such as 'en' or 'id', got \"qq\"")}, args=("--lang", "qq")),
    _date_case("impossible date 31/2/2017 (2017-02-31)", "2017-02-31", {
        "article": Expect(2, "invalid --published date '2017-02-31': expected YYYY-MM-DD"),
        "corpus": Expect(0, "invalid dct on line 1 '2017-02-31'", writes=True),
        "gold": Expect(0, "invalid dct on line 1 '2017-02-31'", writes=True),
        "export": Expect(2, 'published: expected a date YYYY-MM-DD or null, got "2017-02-31"')}),
    _date_case("date 0/0/0000 (0000-00-00)", "0000-00-00", {
        "article": Expect(2, "invalid --published date '0000-00-00'"),
        "corpus": Expect(0, "invalid dct on line 1 '0000-00-00'", writes=True),
        "gold": Expect(0, "invalid dct on line 1 '0000-00-00'", writes=True),
        "export": Expect(2, 'published: expected a date YYYY-MM-DD or null, got "0000-00-00"')}),
    _date_case("year 1 (0001-01-01)", "0001-01-01", EDGE, RELATIVE),
    _date_case("year 9999 (9999-12-31)", "9999-12-31", EDGE, RELATIVE),
    Case("impossible and extreme dates in the text (31/2/2017, 0/0/0000, year 1, year 9999)",
         _only(*FILES)(lambda k: _good(k, ODD_DATES)), dict.fromkeys(FILES, Expect(0, "", writes=True))),
    Case("lone surrogate (a JSON \\ud800)", _only("corpus", "gold", "export")(
        lambda k: k.good(STORY.replace("Kenya", "Ken\ud800ya")).encode("utf-8", "surrogatepass").replace(
            "\ud800".encode("utf-8", "surrogatepass"), b"\\ud800")),
         dict.fromkeys(("corpus", "gold", "export"), Expect(0, "lone surrogate code point(s)", writes=True))),
    Case("cache directory not writable (gazetteer not built yet)", _good,
         {**dict.fromkeys((*TEXTS, "geonames", "name"), Expect(1, "gazetteer: cannot write the gazetteer in")),
          "export": Expect(0, "", writes=True)},   # drawing an export needs no gazetteer
         machine=_cache_under_a_file),
    Case("output directory not writable (EACCES, simulated)", _only(*FILES)(_good),
         dict.fromkeys(FILES, Expect(1, "cannot write into this directory (Permission denied)")), machine=_unwritable),
    Case("full disk (ENOSPC, simulated)", _only(*FILES)(_good),
         dict.fromkeys(FILES, Expect(1, "could not be written (No space left on device); nothing was changed")),
         machine=lambda out: _failing_sync(OSError(errno.ENOSPC, "No space left on device"))),
    Case("interrupted write (Ctrl-C, simulated)", _only(*FILES)(_good),
         dict.fromkeys(FILES, Expect(130, "interrupted")), machine=lambda out: _failing_sync(KeyboardInterrupt())),
    Case("read-only output file", _only(*FILES)(_good),
         dict.fromkeys(FILES, Expect(1, "the file is read-only and was left as it is")), machine=_read_only),
    Case("Chromium that does not start (--formats png)", _only("article", "export")(_good),
         dict.fromkeys(("article", "export"), Expect(1, "did not start")), args=("--formats", "png"),
         args_for=("article", "export"), machine=lambda out: _env(EVENTMAP_CHROMIUM="/bin/false"),
         commands=frozenset({"main", "render"})),
]


# ---------------------------------------------------------------- the commands

@dataclass(frozen=True)
class Command:
    """How to run a command on an input; ``output`` is the file an earlier run left, which a failed run
    must not touch; ``accepts`` the options of the cases it takes (--lang, --published, --formats)."""

    name: str
    kind: str
    argv: Callable[[str, Path], list[str]]
    output: Callable[[Path, str], Path] | None
    accepts: frozenset = frozenset()
    context: Callable[[Path], object] = lambda out: nullcontext()


def _own_geonames_file(out: Path):
    """A GeoNames import, if one ever succeeded, goes to the test's directory, not the shared cache."""
    return mock.patch("maps.gazetteer.store.geonames_path", lambda: out / "geonames-full.sqlite")


READING = frozenset({"--lang", "--published"})
COMMANDS = [
    Command("main", "article", lambda inp, out: [inp, "-o", str(out), "--formats", "html,json"],
            lambda out, stem: out / f"{stem}.json", READING | {"--formats"}),
    Command("extract", "article", lambda inp, out: ["extract", inp, "-o", str(out / "pred.json")],
            lambda out, stem: out / "pred.json", READING),
    Command("extract (corpus)", "corpus", lambda inp, out: ["extract", inp, "-o", str(out / "pred.jsonl")],
            lambda out, stem: out / "pred.jsonl", READING),
    Command("evaluate", "gold", lambda inp, out: ["evaluate", inp, "--report", str(out), "--json"],
            lambda out, stem: out / "scores.json"),
    Command("render", "export", lambda inp, out: ["render", inp, "-o", str(out)],
            lambda out, stem: out / f"{stem}.json", frozenset({"--formats"})),
    Command("batch", "corpus", lambda inp, out: ["batch", inp, "-o", str(out), "--workers", "1", "--no-progress"],
            lambda out, stem: out / "extractions.jsonl", READING),
    Command("gazetteer build --geonames", "geonames", lambda inp, out: ["gazetteer", "build", "--geonames", inp],
            None, context=_own_geonames_file),
    Command("gazetteer lookup", "name", lambda inp, out: ["gazetteer", "lookup", inp], None),
]


@dataclass
class Row:
    command: Command
    case: Case
    expect: Expect

    @property
    def id(self) -> str:
        return f"{self.command.name} | {self.case.name}"

    def prepare(self, tmp: Path) -> tuple[list[str], Path, Path | None]:
        """The input in ``tmp``, the output directory, and the old output put there (None: none)."""
        kind = KINDS[self.command.kind]
        out = tmp / "out"
        out.mkdir()
        data = self.case.build(kind)
        if kind.argument:
            inp = os.fsdecode(data)
        else:
            path = tmp / f"input{self.case.suffix or kind.suffix}"
            if self.case.name != "no such file":
                path.write_bytes(data)
            inp = str(path)
        old = self.command.output(out, "input") if self.command.output else None
        if old is not None:
            old.write_text("an earlier run's output\n")
            if self.case.machine is _read_only:
                old.chmod(0o444)
        return self.command.argv(inp, out) + list(self.case.args if kind.name in self.case.args_for else ()), out, old

    def run(self, tmp: Path, main, capture) -> tuple[int, str, Path, Path | None]:
        """(exit code, stderr, output directory, old output) of one run; ``capture()`` -> (out, err)."""
        argv, out, old = self.prepare(tmp)
        with ExitStack() as stack:
            stack.enter_context(self.command.context(out))
            if self.case.machine is not None:
                stack.enter_context(self.case.machine(out))
            capture()
            code = main(argv)
            _, err = capture()
        return code, err, out, old


def rows() -> list[Row]:
    """Every (command, case) that applies, in table order: the case expects something of the command's
    kind of input (or of the command by name), and its options are options the command takes."""
    out = []
    for command in COMMANDS:
        kind = KINDS[command.kind]
        for case in CASES:
            expect = case.expect.get(command.name, case.expect.get(kind.name))
            options = {a for a in case.args if a.startswith("--")} if kind.name in case.args_for else set()
            if expect is None or not options <= command.accepts:
                continue
            if case.commands is None or command.name in case.commands:
                out.append(Row(command, case, expect))
    return out


def message_line(err: str, code: int) -> str:
    """The line a row is judged by: the first error (the first warning, for a run that succeeded)."""
    lines = err.splitlines()
    want = "eventmap: error:" if code else "eventmap: warning:"
    return next((ln for ln in lines if ln.startswith(want)), lines[-1] if lines and code else "")


def markdown(results: list[tuple[Row, int, str]], tmp_root: str) -> str:
    """The README table: command, input, message, exit code."""
    head = ["| command | input | message | exit |", "|---|---|---|---|"]
    body = []
    for row, code, line in results:
        shown = line.replace(tmp_root, "").replace("|", "\\|") or "(read; no message)"
        shown = shown if len(shown) <= 240 else shown[:239] + "…"
        name = row.case.argument if KINDS[row.command.kind].argument and row.case.argument else row.case.name
        body.append(f"| {row.command.name} | {name} | `{shown}` | {code} |")
    return "\n".join(head + body)


if __name__ == "__main__":   # print the README table, running every row for real (the 20 MB rows take minutes)
    import io
    import re
    import sys
    import tempfile
    from contextlib import redirect_stderr, redirect_stdout

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from eventmap.cli import main as cli_main

    buf_err, buf_out = io.StringIO(), io.StringIO()

    def capture():
        e, o = buf_err.getvalue(), buf_out.getvalue()
        for b in (buf_err, buf_out):
            b.seek(0)
            b.truncate()
        return o, e

    results = []
    for row in rows():
        with tempfile.TemporaryDirectory() as tmp, redirect_stderr(buf_err), redirect_stdout(buf_out):
            code, err, _, _ = row.run(Path(tmp), cli_main, capture)
            results.append((row, code, re.sub(r"/tmp/[^/ ]+/", "", message_line(err, code))))
        print(f"{row.id}: {code}", file=sys.stderr)
    print(markdown(results, ""))
