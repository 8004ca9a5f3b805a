"""The bad-input matrix (tests/bad_input_matrix.py), one test per row: the exit code, one clear line
naming the input (or the place that cannot be written) and what to do, no traceback, nothing
half-written, and an earlier output left as it was unless the run succeeded.

The 20 MB rows read the whole 20 MB input; eventmap's limit (eventmap/limits.py, 2,000,000
characters) is lowered here to 100,000 so that the cut and its warning are checked in seconds
(``python tests/bad_input_matrix.py`` runs the rows with the real limit).
"""
import json

import pytest

from bad_input_matrix import KINDS, Row, message_line, rows
from eventmap.cli import main

ROWS = rows()


@pytest.fixture(autouse=True)
def small_limit(monkeypatch):
    monkeypatch.setattr("eventmap.limits.MAX_ARTICLE_CHARS", 100_000)


def temp_files(directory):
    """Files left half-written (a batch's journal directory is its own, kept on purpose)."""
    return [p.name for p in directory.rglob("*") if (p.name.startswith(".") or ".tmp" in p.name)
            and ".eventmap-batch" not in p.parts]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_bad_input(row: Row, tmp_path, capsys):
    code, err, out, old = row.run(tmp_path, main, lambda: tuple(capsys.readouterr()))
    line = message_line(err, code)
    assert code == row.expect.code, err
    assert "Traceback" not in err and row.expect.message in line, err
    assert all(ln.startswith("eventmap: ") for ln in err.splitlines()), err
    if code == 2 and not KINDS[row.command.kind].argument:
        named = ["input"] + [a for a in row.case.args if a.startswith("--")]
        assert any(n in line for n in named)         # the input (or the option) is named
    if code == 1 and row.case.machine is not None and row.command.output is not None \
            and "cache" not in row.case.name and "Chromium" not in row.case.name:
        assert str(out) in line                      # so is the place that cannot be written
    assert temp_files(out) == [] and temp_files(tmp_path) == []
    if old is None:
        return
    if row.expect.writes:
        text = old.read_text("utf-8")
        assert text != "an earlier run's output\n"
        for ln in text.splitlines() if old.suffix == ".jsonl" else [text]:
            json.loads(ln)                           # a whole, valid output
    else:
        assert old.read_text("utf-8") == "an earlier run's output\n"


def test_every_command_meets_every_kind_of_bad_input():
    """The matrix is complete: each command has a row for each case that its kind of input allows."""
    names = {(r.command.name, r.case.name) for r in ROWS}
    for command in {r.command.name for r in ROWS}:
        cases = {c for n, c in names if n == command}
        assert {"empty file", "white space only", "binary (a PNG picture)", "20 MB text"} <= cases, command
    assert len(ROWS) >= 90
