"""Durations, sets and clock times: "three years", "selama tiga bulan", "bertahun-tahun", "daily",
"every Monday", "on Mondays", "10:30 p.m.", "pukul 06.18 WIB", "noon".

Why together: none of them is placed by the anchor's calendar alone - a duration and a set are no point
in time, and a clock time takes the day the text last spoke of.
"""
from __future__ import annotations

from timeline.candidates import Candidate
from timeline.readers.base import DURATION_UNIT, Context, Reading, lookup, name_ok, number, time_suffix, unit_and_count


def read_set(c: Candidate, ctx: Context) -> list[Reading]:
    """A recurring time (TIMEX3 SET): "daily", "every two weeks", "setiap Senin", "on Mondays", "Tuesday
    nights", "every May"."""
    f = c.fields
    t = ctx.g.table
    if "setw" in f:
        return [Reading(c.start, c.end, lookup(t.get("set_words", {}), f["setw"]), "SET", None)]
    n = number(f["num"], ctx) if "num" in f else 1
    if "unit" in f:
        unit = lookup(t.units, f["unit"])
        if unit in ("H", "MIN"):
            return [Reading(c.start, c.end, f"PT{n}{'H' if unit == 'H' else 'M'}", "SET", None)]
        u = DURATION_UNIT.get(unit)
        return [Reading(c.start, c.end, f"P{n}{u}", "SET", None)] if u else []
    if "wd" in f:
        if "setpre" not in f and not name_ok(f["wd"], c, ctx, alone=True):
            return []
        wd = t.weekdays.get(f["wd"].lower().rstrip("."))
        pod = f"T{lookup(t.get('pods', {}), f['pod'])}" if "pod" in f else ""
        return [Reading(c.start, c.end, f"XXXX-WXX-{wd + 1}{pod}", "SET", None)]
    if "mon" in f:
        month = lookup(t.months, f["mon"])
        return [Reading(c.start, c.end, f"XXXX-{month:02d}", "SET", None)]
    if "pod" in f:
        return [Reading(c.start, c.end, f"XXXX-XX-XXT{lookup(t.get('pods', {}), f['pod'])}", "SET", None)]
    return []


def read_duration(c: Candidate, ctx: Context) -> list[Reading]:
    """A stretch of time: "three years", "two to three weeks" (the larger count), "setahun", "bertahun-tahun"."""
    f = c.fields
    t = ctx.g.table
    if "vague" in f:
        return [Reading(c.start, c.end, lookup(t.get("duration_vague", {}), f["vague"]), "DURATION", None)]
    if "one" in f:
        unit, n = unit_and_count(t, f["one"])
    else:
        unit = lookup(t.units, f["unit"])
        n = number(f["num2"] if "num2" in f else f["num"], ctx)
    if unit is None or n is None:
        return []
    if unit in ("H", "MIN"):
        return [Reading(c.start, c.end, f"PT{n}{'H' if unit == 'H' else 'M'}", "DURATION", None)]
    if unit == "Q":
        return [Reading(c.start, c.end, f"P{n * 3 if n != 'X' else 'X'}M", "DURATION", None)]
    if unit == "WINDU":
        return [Reading(c.start, c.end, f"P{n * 8 if n != 'X' else 'X'}Y", "DURATION", None)]
    u = DURATION_UNIT.get(unit)
    if u is None:
        return []
    return [Reading(c.start, c.end, f"P{n}{u}", "DURATION", None)]


def read_clock(c: Candidate, ctx: Context) -> list[Reading]:
    """A clock time or clock word on the day the text last spoke of (else the anchor)."""
    day = ctx.last_day or (ctx.anchor.isoformat() if ctx.anchor else None)
    if day is None:
        return []
    suffix, _ = time_suffix(c, ctx)
    if not suffix:
        return []
    return [Reading(c.start, c.end, day + suffix, "TIME", "minute")]


def read_clock_range(c: Candidate, ctx: Context) -> list[Reading]:
    """"von 10-18 Uhr", "14.00 und 17.40 Uhr": two clock times on the day the text last spoke of, the first
    borrowing the clock word of the second; each is a reading of its own, noted as an end of the range (or
    as one of a list)."""
    day = ctx.last_day or (ctx.anchor.isoformat() if ctx.anchor else None)
    f = c.fields
    h0, m0, h1, m1 = int(f["hh0"]), int(f.get("mm0") or 0), int(f["hh"]), int(f.get("mm") or 0)
    if day is None or (h0, m0) >= (h1, m1):
        return []
    v0, v1 = f"{day}T{h0:02d}:{m0:02d}", f"{day}T{h1:02d}:{m1:02d}"
    note = f"list {v0}, {v1}" if "lj" in f else f"range {v0}/{v1}"
    first_end = c.spans["mm0"][1] if "mm0" in c.spans else c.spans["hh0"][1]
    return [Reading(c.start, first_end, v0, "TIME", "minute", None, [note]),
            Reading(c.spans["hh"][0], c.end, v1, "TIME", "minute", None, [note])]
