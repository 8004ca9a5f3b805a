"""Other named periods: seasons ("summer 2016", "last winter"), decades ("the 1980s", "tahun 1980-an",
"the nineties"), centuries ("abad ke-20", "the 21st century"), fixed phrases ("year-end", "akhir pekan",
"the weekend") and holidays ("Thanksgiving", "Hari Kemerdekaan").

Why together: each is a span longer than a day named by a word of the table, placed in the year written
or near the anchor.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from timeline.calendar import PRECISION, holiday, shift_value, weekend_value
from timeline.candidates import Candidate
from timeline.lang import load_language
from timeline.patterns import alt
from timeline.readers.base import DURATION_UNIT, Context, Reading, direction, lookup, shift_of, year_of

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11,
         "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19, "xx": 20,
         "xxi": 21, "xxii": 22}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_YEAR_AFTER = re.compile(r"\s+(?:1[5-9]\d\d|20\d\d)(?!\w)")


def read_season(c: Candidate, ctx: Context) -> list[Reading]:
    """A season in the year written, or the one the shift word or the anchor's date points to."""
    f = c.fields
    code = lookup(ctx.g.table.get("seasons", {}), f["season"])
    shift = shift_of(c, ctx)
    year = year_of(c, ctx)
    if code is None:
        return []
    if year is None:
        if ctx.anchor is None:
            return []
        if shift is None and " " not in f["season"].strip() and not _season_cue(c, ctx):
            return []  # a bare "fall"/"spring" is too often a verb or a noun
        year = _season_year(code, shift, ctx.anchor)
    return [Reading(c.start, c.end, f"{year:04d}-{code}", "DATE", "season")]


def _season_year(code: str, shift: int | None, a: dt.date) -> int:
    """The year of the season before (-1), after (+1) or around (0, None) the anchor; a winter is the
    year it begins in."""
    start_month = SEASON_START[code]
    year = a.year
    if shift == -1 and (a.month < start_month + 3 and not (code == "WI" and a.month <= 2)):
        year -= 1
    elif shift == 1 and a.month >= start_month:
        year += 1
    if code == "WI" and a.month <= 2 and shift in (None, 0):
        year -= 1
    return year


def _season_cue(c: Candidate, ctx: Context) -> bool:
    before = ctx.text[max(0, c.start - 12):c.start].lower().split()
    return bool(before) and before[-1] in {w.lower() for w in ctx.g.table.get("season_cues")}


def read_decade(c: Candidate, ctx: Context) -> list[Reading]:
    """"the 1980s", "'80s", "tahun 1980-an", "the (late) nineties": a decade, with its part when a part
    word is in the prefix."""
    f = c.fields
    t = ctx.g.table
    if "sdec" in f:   # "the nineties": the spelled tens of the latest such decade up to the anchor
        f = dict(f, dec=f"{lookup(t.get('spelled_decades', {}), f['sdec']):02d}")
    dec = f["dec"].lstrip("'")
    if len(dec) == 2:
        if "dprefix" not in f and "dword" not in f and not f["dec"].startswith("'"):
            return []
        ref = ctx.present.year if ctx.present else 2000   # "the 60s" of a story of 1930 told today: 1960s
        century = 19 if 1900 + int(dec) <= ref else 18
        dec = f"{century}{dec}"
    fmt = t.get("decade_format", "") or "{decade}"
    # "the late 1960s": the part word inside the prefix still says which part of the decade
    words = re.sub(r"\s+", " ", f.get("dprefix", "").lower()).split(" ")
    part = next((q for w in words if (q := t.get("parts", {}).get(w))), None)
    return [Reading(c.start, c.end, fmt.format(decade=dec[:3]), "DATE", "decade", part)]


def read_century(c: Candidate, ctx: Context) -> list[Reading]:
    """"abad ke-20", "abad XXI", "the 21st century"."""
    raw = c.fields["cent"].lower()
    n = int(raw) if raw.isdigit() else ROMAN.get(raw)
    if not n or n > 22:
        return []
    return [Reading(c.start, c.end, f"{n - 1:02d}", "DATE", "century")]


@lru_cache(maxsize=None)
def _closer(code: str) -> tuple[re.Pattern, re.Pattern]:
    """Words after a period phrase that close it on a date ("the year ended ...", `period_closers`) and
    words after it that make it no date at all ("the year of ...", `period_blockers`)."""
    t = load_language(code)
    return (re.compile(rf"\s+(?:{alt(t.get('period_closers'))})\b", re.I),
            re.compile(rf"\s+(?:{alt(t.get('period_blockers'))})\b", re.I))


def read_phrase(c: Candidate, ctx: Context) -> list[Reading]:
    """Fixed period phrases from the table: "year-end", "akhir pekan", "the end of the month" ..."""
    if ctx.anchor is None:
        return []
    unit, shift, qualifier = lookup(ctx.g.table.get("period_phrases", {}), c.fields["phrase"])
    closer, blocker = _closer(ctx.g.table.code)
    if _YEAR_AFTER.match(ctx.text, c.end):
        return []   # "akhir tahun 2015", "the end of the year 2015": the year written decides, not the anchor's
    if blocker.match(ctx.text, c.end):
        return []   # "the year of the flood" names a year by an event, not the current one
    if qualifier is None and unit in DURATION_UNIT and closer.match(ctx.text, c.end):
        # "the year ended March 31": a twelve-month stretch closed by a date, not the calendar year (TimeML)
        return [Reading(c.start, c.end, f"P1{DURATION_UNIT[unit]}", "DURATION", None)]
    if unit == "WE":
        value = weekend_value(ctx.anchor, shift, direction(c, ctx))
    else:
        value = shift_value(ctx.anchor, unit, shift or 0)
    if value is None:
        return []
    return [Reading(c.start, c.end, value, "DATE", PRECISION.get(unit), qualifier)]


def read_holiday(c: Candidate, ctx: Context) -> list[Reading]:
    """Named days ("Thanksgiving", "Hari Kemerdekaan"): the year written, or the occurrence near the anchor."""
    f = c.fields
    t = ctx.g.table
    if t.names_capitalized and not f["hol"][:1].isupper():
        return []
    rule = lookup(t.get("holidays", {}), f["hol"])
    year = year_of(c, ctx)
    if year is None:
        if ctx.anchor is None:
            return []
        year = _holiday_year(rule, c, ctx)
        if year is None:
            return []
    d = holiday(rule, year)
    if d is None:
        return []
    return [Reading(c.start, c.end, d.isoformat(), "DATE", "day")]


def _holiday_year(rule: list, c: Candidate, ctx: Context) -> int | None:
    """The year of the occurrence the shift word or the tense points to; without either, the nearest."""
    a = ctx.anchor
    this = holiday(rule, a.year)
    if this is None:
        return None
    shift = shift_of(c, ctx)
    way = shift if shift is not None else direction(c, ctx)
    if way < 0 and this >= a:
        return a.year - 1
    if way > 0 and this <= a:
        return a.year + 1
    # no tense: the nearest occurrence ("Natal dan Tahun Baru" written on 29 December)
    near = [(abs((d - a).days), y) for y in (a.year - 1, a.year, a.year + 1) if (d := holiday(rule, y)) is not None]
    return min(near)[1] if way == 0 and near else a.year
