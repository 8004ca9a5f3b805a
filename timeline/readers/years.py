"""Years: "2017", "tahun 2014", "'98", and years spelled out ("nineteen ninety-six").

Why a module: a bare four-digit number is the most ambiguous shape, so the checks that tell a year from
an amount, a label or a name ("2000 persen", "pasal 2014", "Windows 2000") live here, beside the reader.
"""
from __future__ import annotations

import re
from functools import lru_cache

from timeline.candidates import Candidate
from timeline.lang import load_language
from timeline.patterns import alt
from timeline.readers.base import Context, Reading, in_list, lookup, name_ok, year_of

_NAME_BEFORE = re.compile(r"[^\s.!?\"'“(:;\n]\s+[A-Z][\w'’]*\s+$")


@lru_cache(maxsize=None)
def _not_year(code: str) -> tuple[re.Pattern, re.Pattern]:
    """A number right before a unit/count word ("2000 persen") or right after a label ("pasal 2014") is no year.
    Words come from the table (`not_year_after`, `not_year_before`); signs and symbols are the same everywhere."""
    table = load_language(code)
    # "1500-2000 people" is an amount; a year heading a list ("1950\n- 25 June") is a year
    after = re.compile(rf"^(?:[ \t]*[-–][ \t]*\d|\s*(?:%|(?:{alt(table.not_year_after)})\b))", re.I)
    before = re.compile(rf"(?:\$|€|£|¥|#|{alt(table.not_year_before)})\s*$", re.I)
    return after, before


def read_year(c: Candidate, ctx: Context) -> list[Reading]:
    """A year; without a year word before it, only a number near the anchor that no amount, label or name
    claims."""
    f = c.fields
    y = year_of(c, ctx)
    if y is None:
        return []
    if "yprefix" not in f and not _bare_year_ok(c, ctx, y):
        return []
    return [Reading(c.start, c.end, f"{y:04d}", "DATE", "year")]


def _bare_year_ok(c: Candidate, ctx: Context, y: int) -> bool:
    # near the anchor - or, in a story of long ago, near the writer's present: a history told from 1937 on
    # still names 1968 and 1991
    if ctx.anchor and not any(a.year - 300 <= y <= a.year + 30 for a in (ctx.anchor, ctx.present) if a):
        return False
    if "y2" in c.fields and not ctx.text[c.start - 1:c.start].isspace() and c.start > 0:
        return False
    not_after, not_before = _not_year(ctx.g.table.code)
    if not_after.match(ctx.text[c.end:c.end + 20]) or not_before.search(ctx.text[max(0, c.start - 15):c.start]):
        return False
    if ctx.g.table.get("nouns_capitalized"):   # German capitalises every noun: "Olympiasieger 1998" is a year
        return True
    return not _NAME_BEFORE.search(ctx.text[max(0, c.start - 40):c.start])  # "Windows 2000", "Orion 1980"


def read_spelled_year(c: Candidate, ctx: Context) -> list[Reading]:
    """"nineteen ninety-six" (broadcast transcripts write years out), "January nineteen ninety-seven",
    "the winter of nineteen ninety-four", "the year two thousand and five"."""
    f = c.fields
    t = ctx.g.table
    year = _spelled(c, ctx)
    if year is None:
        return []
    if "mon" in f:   # "January nineteen ninety-seven", as transcripts write "January 1997"
        month = lookup(t.months, f["mon"])
        if month is None or not name_ok(f["mon"], c, ctx, alone=False):
            return []
        return [Reading(c.start, c.end, f"{year:04d}-{month:02d}", "DATE", "month")]
    if "season" in f:   # "the winter of nineteen ninety-four"
        return [Reading(c.start, c.end, f"{year:04d}-{lookup(t.get('seasons', {}), f['season'])}", "DATE", "season")]
    return [Reading(c.start, c.end, f"{year:04d}", "DATE", "year")]


def _spelled(c: Candidate, ctx: Context) -> int | None:
    """The number of a spelled year: thousands + ones, or century * 100 + tens + ones."""
    f = c.fields
    t = ctx.g.table
    ones = lookup(t.get("spelled_ones", {}), f["syo"]) if "syo" in f else 0
    if "sym" in f:   # "the year two thousand and five"
        return lookup(t.get("spelled_millennia", {}), f["sym"]) + (ones or 0)
    century = lookup(t.get("spelled_centuries", {}), f["syc"])
    tens = lookup(t.get("spelled_tens", {}), f["syt"])
    if century is None or tens is None or (ones and tens % 10):
        return None
    if not ones and in_list(f["syt"], t.get("spelled_zeros")):
        return None   # "nineteen oh" is no year, "nineteen oh five" is
    return century * 100 + tens + ones


def read_year_range(c: Candidate, ctx: Context) -> list[Reading]:
    """"1982-1990", "1965-8", "1931-35", "2002/2003": two years, each a reading of its own; the second may
    be written with its last digits only. The first must pass the checks of a bare year."""
    f = c.fields
    y0 = int(f["y"])
    end = f["y_end"]
    y1 = int(end) if len(end) == 4 else int(f["y"][:4 - len(end)] + end)
    if not y0 < y1 <= y0 + 99 or not _bare_year_ok(c, ctx, y0):
        return []
    if len(end) < 4 and y1 == y0 + 1:
        return []   # "2010-11", "2007/08": one season or fiscal year across two, which TIMEX3 has no value for
    a, b = c.spans["y_end"]
    note = f"range {y0:04d}/{y1:04d}"
    return [Reading(c.start, c.spans["y"][1], f"{y0:04d}", "DATE", "year", None, [note]),
            Reading(a, b, f"{y1:04d}", "DATE", "year", None, [note])]


def read_era_year(c: Candidate, ctx: Context) -> list[Reading]:
    """"208 π.Χ." -> BC0208, "939 μ.Χ." -> 0939: a year with its era written after it (`era_bc`, `era_ad`)."""
    f = c.fields
    y = int(f["ey"])
    if y == 0:
        return []
    bc = in_list(f["era"].rstrip("."), [w.rstrip(".") for w in ctx.g.table.get("era_bc")])
    return [Reading(c.start, c.end, f"{'BC' if bc else ''}{y:04d}", "DATE", "year")]
