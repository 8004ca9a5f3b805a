"""Quarters and halves: "the third quarter of 1988", "kuartal III tahun depan", "Q3", "H1 2016",
"the second half of this year", "the year-ago period", "the same period last year", "the latest quarter".

Why together: business news names quarters in many ways, and the ones without a number ("the period",
"a year earlier") mean the quarter (or month) the text last named, which the tagger tracks in `Context`.
"""
from __future__ import annotations

import re

from timeline.anchor import fit_year
from timeline.calendar import shift_value
from timeline.candidates import Candidate
from timeline.readers.base import QUARTER_CONTEXT, Context, Reading, in_list, lookup, shift_of, year_of


def read_quarter(c: Candidate, ctx: Context) -> list[Reading]:
    """A numbered quarter or half, in the year written, a year relative to the anchor, or the latest one."""
    f = c.fields
    t = ctx.g.table
    half = in_list(f.get("qw") or f.get("qw2") or "", t.get("half_words")) or "hn" in f
    n = _quarter_number(f, ctx, half)
    if n is None or n > (2 if half else 4):
        return []
    year = year_of(c, ctx)
    if year is None and ("unit" in f or "unit2" in f):   # "the second half of this year", "kuartal I tahun depan"
        shift = shift_of(c, ctx)
        if ctx.anchor is None or shift is None or lookup(t.units, f.get("unit") or f["unit2"]) != "Y":
            return []
        year = ctx.anchor.year + shift
    if year is None:
        if ctx.anchor is None or _of_something(c, ctx):
            return []   # "the last half of the '80s", "the first half of the match": not a half-year
        current = (ctx.anchor.month - 1) // (6 if half else 3) + 1
        year = ctx.anchor.year if n <= current else ctx.anchor.year - 1
    value = f"{year:04d}-{'H' if half else 'Q'}{n}"
    return [Reading(c.start, c.end, value, "DATE", "half" if half else "quarter")]


def _quarter_number(f: dict, ctx: Context, half: bool) -> int | None:
    """The number of the quarter or half: written after Q/H, or an ordinal ("the last half" is the second)."""
    if "qn" in f:
        return int(f["qn"])
    if "hn" in f:
        return int(f["hn"])
    t = ctx.g.table
    word = f.get("qord") or f.get("qord2")
    n = lookup(t.get("half_ordinals", {}), word) if half else None
    return n if n is not None else lookup(t.get("ordinals", {}), word)


def _of_something(c: Candidate, ctx: Context) -> bool:
    """A part followed by "of" and a word (the table's pertain words) that did not take a year belongs to
    something else ("of the '80s"); "the third quarter of $2 million" is still the quarter."""
    m = re.match(r"\s+(\w+)\s+[^\W\d]", ctx.text[c.end:c.end + 16])
    return bool(m) and m.group(1).lower() in {w.lower() for w in ctx.g.table.pertain}


def _month_under_discussion(c: Candidate, ctx: Context) -> str | None:
    """"in February, against the same period last year": the month last named, when it is nearer than the
    last quarter named; "the same month a year ago" takes it even without one (then the anchor's month)."""
    t = ctx.g.table
    pw = c.fields.get("pw", "")
    month_word = in_list(pw, t.get("month_period_words"))
    if in_list(pw, t.get("quarter_words")):
        return None
    recent = ctx.last_month and c.start - ctx.last_month[1] < QUARTER_CONTEXT
    if recent and (month_word or not ctx.last_quarter or ctx.last_quarter[1] < ctx.last_month[1]):
        return ctx.last_month[0]
    if month_word and ctx.anchor:
        return f"{ctx.anchor.year:04d}-{ctx.anchor.month:02d}"
    return None


def read_quarter_of_year(c: Candidate, ctx: Context) -> list[Reading]:
    """"the 1988 third quarter", "the year-ago period", "last year's quarter", "the same period last year":
    a quarter (named, or the one under discussion) placed in a given or the previous year."""
    f = c.fields
    if ctx.anchor is None:
        return []
    n = lookup(ctx.g.table.get("ordinals", {}), f["qord"]) if "qord" in f else None
    month = _month_under_discussion(c, ctx)
    if month and n is None and ("yam" in f or "yas" in f):
        return [Reading(c.start, c.end, f"{int(month[:4]) - 1:04d}{month[4:]}", "DATE", "month")]
    n, base_year = _quarter_in_view(c, ctx, n)
    if "y" in f:
        year = int(f["y"])
    elif "yam" in f or "yas" in f:
        year = base_year - 1
    else:
        shift = shift_of(c, ctx)
        if shift is None or lookup(ctx.g.table.units, f["unit"]) != "Y":
            return []
        year = ctx.anchor.year + shift
    return [Reading(c.start, c.end, f"{year:04d}-Q{n}", "DATE", "quarter")]


def _quarter_in_view(c: Candidate, ctx: Context, n: int | None) -> tuple[int, int]:
    """(quarter number, its year): the quarter named, in the latest year it has ended or begun in; without
    a number, the quarter the text last named (when near), else the one before the anchor's."""
    if n is not None:
        current = (ctx.anchor.month - 1) // 3 + 1
        return n, (ctx.anchor.year if n <= current else ctx.anchor.year - 1)
    if ctx.last_quarter and c.start - ctx.last_quarter[1] < QUARTER_CONTEXT:
        base_year, q = ctx.last_quarter[0].split("-")
        return int(q[1:]), int(base_year)
    prev = shift_value(ctx.anchor, "Q", -1)
    return int(prev[-1]), int(prev[:4])


def read_current_period(c: Candidate, ctx: Context) -> list[Reading]:
    """"the latest quarter", "the period": the quarter before the anchor's (the one just reported)."""
    if ctx.anchor is None:
        return []
    return [Reading(c.start, c.end, shift_value(ctx.anchor, "Q", -1), "DATE", "quarter")]


def read_closed_quarter(c: Candidate, ctx: Context) -> list[Reading]:
    """"o trimestre encerrado a 30 de setembro": the quarter that holds the closing day, in the year that day
    fits (a closing day lies before the report: the past tense), as TimeBank marks "the quarter ended Sept. 30"."""
    month = lookup(ctx.g.table.months, c.fields["mon"])
    if ctx.anchor is None or month is None:
        return []
    year = fit_year(ctx.anchor, month, int(c.fields["d"]), -1)
    return [Reading(c.start, c.end, f"{year:04d}-Q{(month - 1) // 3 + 1}", "DATE", "quarter")]


def read_year_ago(c: Candidate, ctx: Context) -> list[Reading]:
    """"the year-ago quarter", "a year earlier": the quarter in view a year before, else last year."""
    if ctx.anchor is None:
        return []
    if ctx.last_quarter and c.start - ctx.last_quarter[1] < QUARTER_CONTEXT:
        y, q = ctx.last_quarter[0].split("-")
        return [Reading(c.start, c.end, f"{int(y) - 1:04d}-{q}", "DATE", "quarter")]
    return [Reading(c.start, c.end, f"{ctx.anchor.year - 1:04d}", "DATE", "year")]
