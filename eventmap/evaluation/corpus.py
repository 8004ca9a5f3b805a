"""Gold files and prediction files for `eventmap evaluate`: read line by line, checked, keyed by id.

Why checks beyond score.py's: a user's own annotations are hand-made and a broken line should cost that
line, said with its number, not the run (or, worse, a score computed from spans that point nowhere).
A gold line needs an "id" (text or whole number), a "text", and "places"/"dates" lists (either may be
left out) of objects whose "start"/"end" are whole numbers inside the text. A prediction line needs an
"id" and the same lists (extra fields are ignored: the JSON export passes as it is). Everything else
is as score.py reads it: a repeated id keeps its first place and its last line's content.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from eventmap.decoding import clean_strings
from eventmap.errors import shown
from eventmap.jsonl import bad_line, read_objects

SPAN_LISTS = ("places", "dates")


@dataclass
class Docs:
    """Documents by id (as text), with the line each came from."""

    docs: dict[str, dict] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


def _problem(obj: dict, text_len: int | None) -> str | None:
    """Why a line cannot be scored (None when it can)."""
    ident = obj.get("id")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        return 'no "id" field' if ident is None else '"id" is not a string or a whole number'
    for name in SPAN_LISTS:
        spans = obj.get(name)
        if spans is None:
            continue
        if not isinstance(spans, list):
            return f'"{name}" is not a list'
        for k, s in enumerate(spans):
            bad = _span_problem(s, text_len)
            if bad:
                return f'"{name}"[{k}] {bad}'
    return None


def _span_problem(s, text_len: int | None) -> str | None:
    if not isinstance(s, dict):
        return "is not an object"
    start, end = s.get("start"), s.get("end")
    if any(isinstance(v, bool) or not isinstance(v, int) for v in (start, end)):
        return 'has no whole-number "start" and "end"'
    if not 0 <= start <= end or (text_len is not None and end > text_len):
        return f"has offsets {start}-{end} outside the text" if text_len is not None else \
            f"has offsets {start}-{end} that are not a span"
    return None


def read_docs(path: str, gold: bool, on_bad_line: Callable[[str], None],
              warn: Callable[[str], None]) -> Docs:
    """The documents of a gold file (``gold=True``: a "text" is required and spans must lie in it) or
    of a prediction file; bad lines go to ``on_bad_line``, repeated ids to ``warn``."""
    out = Docs()
    for n, obj in read_objects(path, on_bad_line):
        text = obj.get("text")
        if gold and not isinstance(text, str):
            bad_line(f"{path}:{n}: " + ('no "text" field' if text is None else '"text" is not a string')
                     + "; line skipped", on_bad_line)
            continue
        why = _problem(obj, len(text) if gold else None)
        if why:
            bad_line(f"{path}:{n}: {why}; line skipped", on_bad_line)
            continue
        obj, replaced = clean_strings(obj)
        if replaced:
            warn(f"{path}:{n}: {replaced} lone surrogate code point(s) (not valid Unicode text) replaced by U+FFFD")
        ident = str(obj["id"])
        if ident in out.docs:
            warn(f"{path}:{n}: id {shown(ident)} already on line {out.lines[ident]}; this line is the one scored")
        out.docs[ident] = obj
        out.lines[ident] = n
    return out

