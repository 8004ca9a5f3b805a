"""Turn candidates (timeline/candidates.py) into TIMEX3 readings: one reader per shape.

Why a dispatcher: each shape has one small reader (timeline/readers/, one module per family of shapes);
all of them read words through the language table, so no reader knows which language it serves. A reader
returns [] to reject a candidate (a number that is not a year, a lower-case month name in a language that
capitalises them, a weekday that is also a unit word ...).
"""
from __future__ import annotations

import re

from timeline.candidates import Candidate
from timeline.readers import days, durations, months, periods, quarters, relative, weekdays, years
from timeline.readers.base import Context, Reading

__all__ = ["Context", "HANDLERS", "Reading", "read"]

_OFF_CALENDAR = re.compile(r"-|\d{5}|0000")   # a year before 1 or after 9999: TIMEX3 cannot write it

HANDLERS = {
    "wd_numeric": days.read_numeric, "numeric": days.read_numeric, "iso": days.read_iso,
    "marked": days.read_marked, "wd_date": days.read_date, "date": days.read_date, "day_range": days.read_day_range,
    "month_year": months.read_month_year, "month_rel": months.read_month_rel,
    "month_of_rel": months.read_month_of_rel,
    "month_shift": months.read_month_shift, "month": months.read_month,
    "year": years.read_year, "spelled_year": years.read_spelled_year, "year_range": years.read_year_range,
    "era_year": years.read_era_year,
    "wd": weekdays.read_weekday, "wd_shift": weekdays.read_weekday, "deictic": weekdays.read_deictic,
    "deictic_pod": weekdays.read_deictic_pod, "pod_alone": weekdays.read_pod_alone,
    "quarter": quarters.read_quarter, "quarter_of_year": quarters.read_quarter_of_year,
    "current_period": quarters.read_current_period, "closed_quarter": quarters.read_closed_quarter, "year_ago": quarters.read_year_ago,
    "season": periods.read_season, "decade": periods.read_decade, "decade_word": periods.read_decade, "spelled_decade": periods.read_decade,
    "century": periods.read_century, "phrase": periods.read_phrase, "holiday": periods.read_holiday,
    "rel_unit": relative.read_rel_unit, "rel_phrase": relative.read_rel_phrase, "ago": relative.read_ago,
    "anaphoric": relative.read_anaphoric, "ref": relative.read_ref,
    "set": durations.read_set, "duration": durations.read_duration,
    "clock": durations.read_clock, "clock_word": durations.read_clock, "clock_range": durations.read_clock_range,
}


def read(c: Candidate, ctx: Context) -> list[Reading]:
    """The readings of one candidate ([] when it is not a date after all, or when the anchor moved by
    it leaves the calendar that TIMEX3 values can write: years 1 to 9999)."""
    try:
        out = HANDLERS[c.kind](c, ctx)
    except (OverflowError, ValueError):   # "tomorrow" from 9999-12-31, "last week" from 0001-01-01
        return []
    for r in out:
        r.kind = c.kind
    return [r for r in out if r.value and not _OFF_CALENDAR.match(r.value)]
