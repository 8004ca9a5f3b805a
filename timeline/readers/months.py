"""Months: "August 2017", "Agustus '17", "June last year", "Juni lalu", "next March", a month alone.

Why together: each names a month and places it in a year - written, relative to the anchor's, or the one
that fits the anchor and the tense.
"""
from __future__ import annotations

import datetime as dt

from timeline.candidates import Candidate
from timeline.readers.base import Context, Reading, day_reading, lookup, month_day_value, name_ok, shift_of, year_of


def read_month_year(c: Candidate, ctx: Context) -> list[Reading]:
    """"August 2017", "Agustus '17"."""
    f = c.fields
    month = lookup(ctx.g.table.months, f["mon"])
    if month is None or not name_ok(f["mon"], c, ctx, alone=False):
        return []
    year = ctx.last_year if "samey" in f else year_of(c, ctx)   # "the same year": the year in view
    if year is None:
        return []
    return [Reading(c.start, c.end, f"{year:04d}-{month:02d}", "DATE", "month")]


def _month_and_shift(c: Candidate, ctx: Context, alone: bool) -> tuple[int, int] | None:
    """The month named and the signed shift of a month-relative candidate, when both read and an
    anchor is known (the shared guard of `read_month_rel` and `read_month_shift`)."""
    month = lookup(ctx.g.table.months, c.fields["mon"])
    shift = shift_of(c, ctx)
    if month is None or shift is None or ctx.anchor is None or not name_ok(c.fields["mon"], c, ctx, alone=alone):
        return None
    return month, shift


def read_month_rel(c: Candidate, ctx: Context) -> list[Reading]:
    """"June last year", "Agustus tahun lalu": a month in a year named relative to the anchor."""
    found = _month_and_shift(c, ctx, alone=False)
    if found is None or lookup(ctx.g.table.units, c.fields["unit"]) != "Y":
        return []
    month, shift = found
    value = f"{ctx.anchor.year + shift:04d}-{month:02d}"
    if "d" not in c.fields:
        return [Reading(c.start, c.end, value, "DATE", "month")]
    try:   # "am 8. Mai dieses Jahres": the day in that month
        day = dt.date(ctx.anchor.year + shift, month, int(c.fields["d"]))
    except ValueError:
        return []
    return day_reading(c, ctx, day.isoformat())


def read_month_of_rel(c: Candidate, ctx: Context) -> list[Reading]:
    """"octubre del año que viene", "outubro do ano passado": the month in the year the phrase after it names,
    and that phrase a year of its own - two mentions, as MEANTIME marks them ("octubre" 2010-10, "año que
    viene" 2010); a shift word before the unit ("julio del próximo año") stays one mention (read_month_rel)."""
    found = read_month_rel(c, ctx)
    if not found:
        return []
    month_end, (rel_start, _) = c.spans["mon"][1], c.spans["rel"]
    value = found[0].value
    return [Reading(c.start, month_end, value, "DATE", "month"), Reading(rel_start, c.end, value[:4], "DATE", "year")]


def read_month_shift(c: Candidate, ctx: Context) -> list[Reading]:
    """"last December", "Juni lalu", "next March": the nearest such month before / after the anchor's month."""
    found = _month_and_shift(c, ctx, alone=True)
    if found is None:
        return []
    month, shift = found
    a = ctx.anchor
    if shift < 0:
        year = a.year if month < a.month else a.year - 1
    elif shift > 0:
        year = a.year if month > a.month else a.year + 1
    else:
        year = a.year
    return [Reading(c.start, c.end, f"{year:04d}-{month:02d}", "DATE", "month")]


def read_month(c: Candidate, ctx: Context) -> list[Reading]:
    """A month name alone: in the year that fits the anchor and the tense."""
    f = c.fields
    month = lookup(ctx.g.table.months, f["mon"])
    if month is None or not name_ok(f["mon"], c, ctx, alone=True):
        return []
    value, _ = month_day_value(month, None, c, ctx, year_of(c, ctx))
    return [Reading(c.start, c.end, value, "DATE", "month")]
