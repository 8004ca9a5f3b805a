"""Calendar arithmetic on TIMEX3 values: shifting by units, and the earliest/latest days a value covers.

Why: relative expressions ("two weeks ago", "bulan depan") are resolved by moving the anchor by whole
units and printing the result at the unit's own precision, and every value needs drawing bounds.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

# the precision of a value written at a unit's own precision (units below a day are never written so)
PRECISION = {"D": "day", "W": "week", "WE": "week", "M": "month", "Q": "quarter", "Y": "year",
             "DE": "decade", "CE": "century", "FN": "week", "WINDU": "year"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    if not 1 <= year <= 9999:
        raise ValueError("year out of range")
    return dt.date(year, m + 1, min(d.day, calendar.monthrange(year, m + 1)[1]))


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


# the widest value of each written precision: years 1-9999 are all a value can say
_RANGE = {"Y": (1, 9999), "WINDU": (1, 9999), "DE": (0, 999), "CE": (0, 99)}


def shift_value(anchor: dt.date, unit: str, n: int) -> str | None:
    """The anchor moved by n units, written at that unit's precision (None for units below a day, and
    when the move leaves years 1-9999; a date past them raises OverflowError or ValueError)."""
    value = _shifted(anchor, unit, n)
    if unit in _RANGE and value is not None and not _RANGE[unit][0] <= int(value) <= _RANGE[unit][1]:
        return None
    return value


def _shifted(anchor: dt.date, unit: str, n: int) -> str | None:
    if unit == "D":
        return (anchor + dt.timedelta(days=n)).isoformat()
    if unit in ("W", "FN"):
        return week_value(anchor + dt.timedelta(weeks=n * (2 if unit == "FN" else 1)))
    if unit == "WE":
        return week_value(anchor + dt.timedelta(weeks=n)) + "-WE"
    if unit == "M":
        d = add_months(anchor, n)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        q = (anchor.year * 4 + (anchor.month - 1) // 3) + n
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if unit == "Y":
        return f"{anchor.year + n:04d}"
    if unit == "WINDU":
        return f"{anchor.year + 8 * n:04d}"
    if unit == "DE":
        return f"{anchor.year // 10 + n:03d}"
    if unit == "CE":
        return f"{anchor.year // 100 + n:02d}"
    return None


def holiday(rule: list, year: int) -> dt.date | None:
    """A holiday's date in a year from its table rule: ["fixed", month, day], ["nth", month, weekday, n],
    ["last", month, weekday] or ["easter", days after Easter Sunday]."""
    from dateutil.easter import easter  # dateparser depends on python-dateutil
    kind = rule[0]
    try:
        if kind == "fixed":
            return dt.date(year, rule[1], rule[2])
        if kind == "nth":
            first = dt.date(year, rule[1], 1)
            return first + dt.timedelta(days=(rule[2] - first.weekday()) % 7 + 7 * (rule[3] - 1))
        if kind == "last":
            last = _last_day(year, rule[1])
            return last - dt.timedelta(days=(last.weekday() - rule[2]) % 7)
        if kind == "easter":
            return easter(year) + dt.timedelta(days=rule[1])
    except (ValueError, IndexError):
        return None
    return None


def weekend_value(anchor: dt.date, shift: int | None, direction: int) -> str:
    """The weekend meant by "the weekend"/"akhir pekan": the one just past unless the tense points ahead or
    the anchor is a Friday or in the weekend itself."""
    if shift is None:   # on a Friday the weekend ahead is the one in view
        shift = 0 if anchor.weekday() >= 4 or direction > 0 else -1
    return week_value(anchor + dt.timedelta(weeks=shift)) + "-WE"


def _last_day(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last calendar day a TIMEX3 date value covers, or None when it is not on the calendar."""
    try:
        v = value.split("T")[0]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            d = dt.date.fromisoformat(v)
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), _last_day(y, mo)
        if m := re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", v):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            return monday, monday + dt.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m[1]), int(m[2])
            return dt.date(y, 3 * q - 2, 1), _last_day(y, 3 * q)
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m[1]), int(m[2])
            return dt.date(y, 6 * h - 5, 1), _last_day(y, 6 * h)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y, (a, b) = int(m[1]), SEASON_MONTHS[m[2]]
            return dt.date(y, a, 1), _last_day(y + (1 if b < a else 0), b)
        if re.fullmatch(r"\d{4}", v):
            y = int(v)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if re.fullmatch(r"\d{3}", v):
            y = int(v) * 10
            return dt.date(max(y, 1), 1, 1), dt.date(y + 9, 12, 31)
        if re.fullmatch(r"\d{2}", v):
            y = int(v) * 100
            return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31)
    except (ValueError, OverflowError):   # a week or season running past 9999-12-31
        return None
    return None


def narrow(lo: dt.date, hi: dt.date, qualifier: str | None) -> tuple[dt.date, dt.date]:
    """Bounds for 'start/mid/end of' a span: its first, middle or last third."""
    if qualifier not in ("start", "mid", "end") or lo == hi:
        return lo, hi
    third = (hi - lo).days // 3
    if qualifier == "start":
        return lo, lo + dt.timedelta(days=third)
    if qualifier == "mid":
        return lo + dt.timedelta(days=third), hi - dt.timedelta(days=third)
    return hi - dt.timedelta(days=third), hi
