"""The limits of what eventmap reads, in one place, and what happens when one is reached.

Why limits at all: the pipeline's cost grows with the text (linearly: benchmarks/bench_long_input.py),
about 25 s and 250 MB per million characters, so a 20 MB file - a corpus pasted into one file, a log -
would run for many minutes and take gigabytes before anyone could tell it was a mistake. A news article
is rarely over 50,000 characters. Every stage reads the same text, so a cut, when there is one, is made
once, before any stage, at a line break or a sentence end (never inside a word), and the warning says
exactly which characters were read and how to read the rest. Nothing is ever cut silently.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

MAX_ARTICLE_CHARS = 2_000_000   # characters of one article that are read; the rest is left out, with a warning
CUT_SEARCH = 100_000            # how far back from the limit a line break or sentence end is looked for
CALENDAR_EDGE_YEARS = 100       # an anchor this close to year 1 or 9999 gets a warning (see calendar_edge_note)

_SENTENCE_END = re.compile(r"[.!?。！？]\s")


def cut_point(text: str, limit: int) -> int:
    """Where to cut a text longer than ``limit``: after the last line break before it, else after the
    last sentence end, else at the last white space, else at ``limit`` itself - moved back so that no
    combining mark is parted from its letter."""
    lo = max(0, limit - CUT_SEARCH)
    nl = text.rfind("\n", lo, limit)
    if nl >= 0:
        return nl + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, limit)]
    if ends:
        return ends[-1]
    space = max(text.rfind(" ", lo, limit), text.rfind("\t", lo, limit))
    cut = space + 1 if space >= 0 else limit
    while cut > 0 and unicodedata.combining(text[cut]):
        cut -= 1
    return cut if cut > 0 else limit


def within_limit(text: str, ident: str, limit: int | None = None) -> tuple[str, str | None]:
    """``text`` as it will be read, and the warning when it had to be cut (None when it was not).
    ``limit``: MAX_ARTICLE_CHARS unless given (read when called, so a test may lower it)."""
    limit = MAX_ARTICLE_CHARS if limit is None else limit
    if len(text) <= limit:
        return text, None
    cut = cut_point(text, limit)
    lines_read, lines = text.count("\n", 0, cut) + (0 if text[cut - 1] == "\n" else 1), text.count("\n") + 1
    return text[:cut], (f"{ident}: the text has {len(text):,} characters, more than eventmap reads in one article "
                        f"({limit:,}): only characters 0-{cut:,} (lines 1-{lines_read:,} of {lines:,}) were read "
                        f"and the last {len(text) - cut:,} were left out; split the text into several articles "
                        f"to read them")


def calendar_edge_note(anchor: dt.date | None, ident: str) -> str | None:
    """A warning when the anchor is so near the calendar's ends that relative dates may fall off it
    (TIMEX3 values, like Python's dates, are written for years 1 to 9999; such dates are left out)."""
    if anchor is None or CALENDAR_EDGE_YEARS < anchor.year < 10000 - CALENDAR_EDGE_YEARS:
        return None
    return (f"{ident}: the anchor date {anchor.isoformat()} lies near the end of the calendar that dates can be "
            f"written in (years 1-9999); relative dates that would fall outside it are left out")
