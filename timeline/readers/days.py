"""Days: numeric dates ("9/8/2017", "Rabu (9/8)", "2017-08-09"), dates with unit marks (2017年8月9日),
written dates ("9 Agustus 2017", "Wednesday, August 9") and day ranges ("9-11 Agustus", "August 9-11").

Why together: all of them name a day of a month, so they share the checks of a weekday written next to
the date and the choice of the year when none is written.
"""
from __future__ import annotations

import datetime as dt

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
    """Dates written with unit marks (2017年8月9日, 8月9日, 2017년 8월): year, month and day are numbers,
    the marks say which is which, so there is no order to guess."""
    f = c.fields
    if "mnum" not in f:
        return [Reading(c.start, c.end, f"{int(f['y']):04d}", "DATE", "year")]
    month = int(f["mnum"])
    year = year_of(c, ctx)
    if "d" not in f:
        return [Reading(c.start, c.end, f"{year:04d}-{month:02d}", "DATE", "month")]
    value, _ = month_day_value(month, int(f["d"]), c, ctx, year)
    return day_reading(c, ctx, value) if value else []


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
    """"9-11 Agustus", "August 9-11": two days of one month ("9" and "11 Agustus"; "August 9" and "11"),
    each noted as an end of the range."""
    f = c.fields
    month = lookup(ctx.g.table.months, f["mon"])
    if month is None:
        return []
    year = year_of(c, ctx)
    d0, d1 = int(f["d0"]), int(f["d"])
    if d0 >= d1:
        return []
    v0, _ = month_day_value(month, d0, c, ctx, year)
    v1, _ = month_day_value(month, d1, c, ctx, year)
    if not v0 or not v1:
        return []
    note = f"range {v0}/{v1}"
    first = Reading(c.start, c.spans["d0"][1], v0, "DATE", "day", None, [note])
    second = Reading(c.spans["d"][0], c.end, v1, "DATE", "day", None, [note])
    return [first, second]
