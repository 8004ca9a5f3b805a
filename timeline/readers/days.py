"""Days: numeric dates ("9/8/2017", "Rabu (9/8)", "2017-08-09"), dates with unit marks (2017年8月9日),
written dates ("9 Agustus 2017", "Wednesday, August 9") and day ranges ("9-11 Agustus", "August 9-11").

Why together: all of them name a day of a month, so they share the checks of a weekday written next to
the date and the choice of the year when none is written.
"""
from __future__ import annotations

import datetime as dt
import re

from timeline.anchor import fit_year
from timeline.candidates import Candidate
from timeline.readers.base import (Context, Reading, day_reading, direction, lookup, month_day_value, name_ok,
                                   year_of)


def _numeric_readings(a: int, b: int, order: str):
    """(day, month) readings of 'a/b', the language's usual order first."""
    first = (b, a) if order.startswith("M") else (a, b)
    second = (first[1], first[0])
    return [first, second] if first != second else [first]


def read_numeric(c: Candidate, ctx: Context) -> list[Reading]:
    """"9/8/2017", "Rabu (9/8)" style numbers: the language's day/month order first; a weekday written
    next to the date is checked and, when it contradicts that reading, decides it (noted)."""
    f = c.fields
    t = ctx.g.table
    if f.get("sep") in (".", "-") and len(f.get("y", "")) != 4:
        return []
    if "wd" in f and not name_ok(f["wd"], c, ctx, alone=False):
        return []
    wd = t.weekdays.get(f["wd"].lower().rstrip(".")) if "wd" in f else None
    readings = _numeric_dates(c, ctx, wd)
    if not readings:
        return []
    if wd is not None:
        chosen, notes = _weekday_decides(readings, wd, f["wd"], ctx)
    else:
        (order, chosen), notes = readings[0], []
        if order != 0:
            notes.append(f"only the {chosen.isoformat()} reading is a valid date")
    return day_reading(c, ctx, chosen.isoformat(), notes)


def _numeric_dates(c: Candidate, ctx: Context, wd: int | None) -> list[tuple[int, dt.date]]:
    """Every valid (order index, date) reading of the numbers; order 0 is the language's usual one. Without
    a year: the year that fits the anchor and the tense, or - with a weekday to decide - the anchor's year
    and the years around it."""
    f = c.fields
    year = year_of(c, ctx)
    readings = []
    for order, (day, month) in enumerate(_numeric_readings(int(f["a"]), int(f["b"]), ctx.g.table.date_order)):
        if year is not None:
            years = [year]
        elif ctx.anchor is None:
            continue
        elif wd is None:
            years = [fit_year(ctx.anchor, month, day, direction(c, ctx))]
        else:
            years = [ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1]
        for y in years:
            try:
                readings.append((order, dt.date(y, month, day)))
            except ValueError:
                pass
    return readings


def _weekday_decides(readings: list[tuple[int, dt.date]], wd: int, name: str,
                     ctx: Context) -> tuple[dt.date, list[str]]:
    """The reading whose weekday is the one written (the usual order first, then the nearest the anchor),
    with a note when the weekday changed the order or the year, or does not fit at all."""
    order, chosen = readings[0]
    matching = [(o, d) for o, d in readings if d.weekday() == wd]
    if not matching:
        return chosen, [f"weekday {name} does not fit {chosen.isoformat()}"]
    if ctx.anchor is not None:
        matching.sort(key=lambda od: (od[0], abs((od[1] - ctx.anchor).days)))
    order2, chosen2 = matching[0]
    notes = []
    if order2 != order:
        notes.append(f"weekday {name} decided the day/month order: {chosen2.isoformat()}")
    elif chosen2 != chosen:
        notes.append(f"weekday {name} decided the year: {chosen2.isoformat()}")
    return chosen2, notes


def read_iso(c: Candidate, ctx: Context) -> list[Reading]:
    """"2017-08-09"."""
    f = c.fields
    try:
        d = dt.date(int(f["y"]), int(f["mnum"]), int(f["d"]))
    except ValueError:
        return []
    return day_reading(c, ctx, d.isoformat())


def read_marked(c: Candidate, ctx: Context) -> list[Reading]:
    """Dates written with unit marks (2017年8月9日, 8月9日, 2017년 8월, 去年12月, 3月, 3日): year, month and
    day are numbers, the marks say which is which, so there is no order to guess. A year named relative to
    the anchor (a `relative-type` phrase of a year) places the month; a month alone takes the year that fits
    the anchor and the tense, a day alone the month that does."""
    f = c.fields
    year = year_of(c, ctx)
    if "mnum" not in f and "d" not in f:
        return [Reading(c.start, c.end, f"{year:04d}", "DATE", "year")]
    if "relp" in f:
        unit, n = lookup(ctx.g.table.rel_phrases, f["relp"]) or (None, 0)
        if unit != "Y" or ctx.anchor is None:
            return []
        year = ctx.anchor.year + n
    if "mnum" not in f:
        return _day_of_month(c, ctx, int(f["d"]))
    month = int(f["mnum"])
    if "d" not in f:
        value, _ = month_day_value(month, None, c, ctx, year)
        return [Reading(c.start, c.end, value, "DATE", "month")]
    value, _ = month_day_value(month, int(f["d"]), c, ctx, year)
    return day_reading(c, ctx, value) if value else []


def _day_of_month(c: Candidate, ctx: Context, day: int) -> list[Reading]:
    """A day written alone with its mark ("3日"): in the month of the day in view, else of the anchor; a day
    well after the anchor's (more than a week) is last month's, as news reports the recent past."""
    ref = dt.date.fromisoformat(ctx.last_day) if ctx.last_day else ctx.anchor
    if ref is None:
        return []
    y, m = ref.year, ref.month
    if not ctx.last_day and day > ref.day + 7 and direction(c, ctx) <= 0:
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    try:
        return day_reading(c, ctx, dt.date(y, m, day).isoformat())
    except ValueError:
        return []


def read_date(c: Candidate, ctx: Context) -> list[Reading]:
    """"9 Agustus 2017", "August 9", "Wednesday, August 9": a weekday written next to a date without a year
    may move it to the year around the anchor's where the weekday fits (noted)."""
    f = c.fields
    t = ctx.g.table
    month = lookup(t.months, f["mon"])
    if month is None or not name_ok(f["mon"], c, ctx, alone=False):
        return []
    if "wd" in f and not name_ok(f["wd"], c, ctx, alone=False):
        return []
    day = int(f["d"])
    year = year_of(c, ctx)
    value, d = month_day_value(month, day, c, ctx, year)
    if value is None:
        return []
    notes = []
    wd = t.weekdays.get(f["wd"].lower().rstrip(".")) if "wd" in f else None
    if wd is not None and d is not None and d.weekday() != wd:
        moved = _year_of_weekday(month, day, wd, d.year) if year is None and ctx.anchor is not None else None
        if moved:
            notes.append(f"weekday {f['wd']} decided the year: {moved.isoformat()}")
            value = moved.isoformat()
        else:
            notes.append(f"weekday {f['wd']} does not fit {value}")
    return day_reading(c, ctx, value, notes)


def _year_of_weekday(month: int, day: int, wd: int, year: int) -> dt.date | None:
    """The day in the year before or after `year` that falls on the weekday, if one does."""
    for y in (year - 1, year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d.weekday() == wd:
            return d
    return None


def read_day_range(c: Candidate, ctx: Context) -> list[Reading]:
    """"9-11 Agustus", "August 9-11", "am 10. und 11. Februar", "11., 18. und 25. März": days of one month
    whose month (and year) is written once, after the last day or before the first; each day is a reading
    of its own, noted as a day of the range or list."""
    f = c.fields
    month = lookup(ctx.g.table.months, f["mon"])
    if month is None or not name_ok(f["mon"], c, ctx, alone=False):
        return []
    year = year_of(c, ctx)
    if "dlist" in f:
        lo = c.spans["dlist"][0]
        days = [(lo + m.start(), lo + m.end(), int(m.group())) for m in re.finditer(r"\d+", f["dlist"])]
    else:
        days = [(c.start, c.spans["d0"][1], int(f["d0"]))]
    last = int(f["d"])
    if any(d >= last for *_, d in days) or any(a[2] >= b[2] for a, b in zip(days, days[1:])):
        return []
    values = [month_day_value(month, d, c, ctx, year)[0] for *_, d in days + [(0, 0, last)]]
    if not all(values):
        return []
    note = f"range {values[0]}/{values[-1]}"
    out = [Reading(a, b, v, "DATE", "day", None, [note]) for (a, b, _), v in zip(days, values)]
    return out + [Reading(c.spans["d"][0], c.end, values[-1], "DATE", "day", None, [note])]
