"""JSON Lines files (corpora, gold files, predictions): one object a line, each bad line reported
with its number while the others are read.

Why one reader: `eventmap extract` reads corpora, `eventmap evaluate` gold files and predictions, and
all must treat a broken line the same way - say which line and why, and go on - so that one stray
line in a corpus of thousands costs that line, not the run. The file as a whole is checked first: a
missing, empty or binary file is one error; UTF-8 (with or without a byte-order mark) is read line by
line, so a corpus of any size streams; UTF-16 and UTF-32 files with a byte-order mark are read whole.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterator

from eventmap.decoding import bom_encoding, decode_bytes, looks_binary, not_utf8
from eventmap.errors import InputError

BadLine = Callable[[str], None]
JSON_TYPES = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null",
              dict: "object"}


def check_file(path: str | Path) -> Path:
    """``path`` as a Path; InputError when it is missing or a directory."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a JSON Lines file")
    return p


def read_lines(path: str | Path) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, None) for each non-blank line, or (line number, None, why) for a line that
    is not text. InputError when the file is missing, empty or binary."""
    p = check_file(path)
    try:
        f = p.open("rb")
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    with f:
        head = f.read(8192)
        codec = bom_encoding(head[:4])
        if not head.strip():
            raise InputError(f"{path}: the file is empty")
        if looks_binary(head):
            raise InputError(f"{path}: this looks like a binary file, not JSON Lines")
        f.seek(0)
        if codec in ("utf-16", "utf-32"):
            lines = decode_bytes(f.read(), str(path)).split("\n")
            yield from ((n, line, None) for n, line in enumerate(lines, 1) if line.strip())
            return
        for n, raw in enumerate(f, 1):
            if n == 1 and codec:
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                yield n, raw.decode("utf-8"), None
            except UnicodeDecodeError as e:
                yield n, None, not_utf8(e)


def check_lines(path: str | Path) -> None:
    """InputError now, not when the lines are read, when the file as a whole is not JSON Lines text
    (missing, empty, binary)."""
    for _ in read_lines(path):
        return


def read_objects(path: str | Path, on_bad_line: BadLine | None = None) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each line that holds a JSON object. A line that does not is
    reported as ``path:N: why`` through ``on_bad_line`` and skipped - or, without ``on_bad_line``,
    raised as an InputError. Blank lines are skipped silently."""
    for n, line, why in read_lines(path):
        if why is None:
            try:
                obj = json.loads(line)
            except ValueError as e:
                why = f"not valid JSON ({e})"
            else:
                if isinstance(obj, dict):
                    yield n, obj
                    continue
                why = f"a JSON {JSON_TYPES.get(type(obj), 'value')}, not an object"
        bad_line(f"{path}:{n}: {why}; line skipped", on_bad_line)


def bad_line(message: str, on_bad_line: BadLine | None) -> None:
    """Report a bad line (and go on), or raise it when no one listens."""
    if on_bad_line is None:
        raise InputError(message)
    on_bad_line(message)
