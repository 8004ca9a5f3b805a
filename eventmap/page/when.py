"""A time span in words for the page: "9 Aug 2017", "before 9 Aug 2017", "since May 2017 (ongoing)".

Why here: the timeline, the map's popups and the article's date marks all say when, and must say it
the same way. Dates are written by Babel in the page's locale; every other word (qualifiers,
seasons, "week", "now" ...) comes from the page's words (`eventmap.page.words`, ui.json).
"""
from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date, format_skeleton

from eventmap.page.words import Words, page_words
from timeline.model import TimeSpan

DAY_PATTERN = "d MMM y"  # a CLDR pattern (ui.json "day_pattern" per language): Babel writes the month's name
# TIMEX3 duration units and the words of ui.json's "durations" table ("TM" is minutes: PT5M)
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "TM": "minute",
                  "S": "second", "DE": "decade", "CE": "century"}


def iso_date(s: str | None) -> dt.date | None:
    """A date from ``YYYY-MM-DD``, or None for nothing or anything else."""
    try:
        return dt.date.fromisoformat(s) if s else None
    except ValueError:
        return None


def day_words(day: dt.date, locale: str = "en") -> str:
    """One calendar day in the locale's words ("4 Mar 2024", German "4. März 2024"): the order and marks are
    the language's ui.json "day_pattern", the month's name Babel's."""
    return format_date(day, page_words(locale).table.get("day_pattern", DAY_PATTERN), locale=locale)


def date_words(span: TimeSpan | None, locale: str = "en") -> str:
    """A time span in words, qualified ("before ...", "since ... (ongoing)"); "undated" for None."""
    words = page_words(locale)
    if span is None:
        return words("undated")
    base = _base_words(span, words)
    qualified = words.entry("qualifiers", span.qualifier) if span.qualifier else None
    return qualified.format(base) if qualified else base


def date_code(span: TimeSpan | None) -> str:
    """The machine form shown next to the words: EDTF when the span is on the calendar, else TIMEX3."""
    if span is None:
        return ""
    return span.edtf or span.value or ""


def _base_words(span: TimeSpan, words: Words) -> str:
    """The span without its qualifier: the first reading that fits its value and precision."""
    value = span.value or ""
    if value in words.table["references"]:
        return words.entry("references", value)
    if span.type == "DURATION":
        return _duration_words(value, words) or value
    return (_calendar_words(span, words) or _coded_words(value, span.precision, words)
            or _bounds_words(span, words) or value or words("undated"))


def _calendar_words(span: TimeSpan, words: Words) -> str | None:
    early, prec = iso_date(span.earliest), span.precision
    if early is None:
        return None
    if prec == "day":
        return day_words(early, words.locale)
    if prec == "month":
        return format_skeleton("yMMM", early, locale=words.locale)
    if prec == "year":
        return str(early.year)
    return None


def _coded_words(value: str, prec: str | None, words: Words) -> str | None:
    """Weeks, quarters, seasons, decades, centuries and times of day, read from the TIMEX3 value."""
    if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
        return words("week", week=int(m.group(2)), year=m.group(1))
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return words("quarter", quarter=m.group(2), year=m.group(1))
    if (m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value)) and words.entry("seasons", m.group(2)):
        return words("season", season=words.entry("seasons", m.group(2)), year=m.group(1))
    if prec == "decade" and re.fullmatch(r"\d{3}", value):
        return words("decade", decade=value)
    if prec == "century" and re.fullmatch(r"\d{2}", value):
        return words("century", century=value)
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d(?::\d\d)?)", value)
    if m and iso_date(m.group(1)):
        return words("day_time", day=day_words(iso_date(m.group(1)), words.locale), time=m.group(2))
    return None


def _bounds_words(span: TimeSpan, words: Words) -> str | None:
    early, late = iso_date(span.earliest), iso_date(span.latest)
    if early and late and early != late:
        return words("range", start=day_words(early, words.locale), end=day_words(late, words.locale))
    return day_words(early, words.locale) if early else None


def _duration_words(value: str, words: Words) -> str | None:
    m = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?|X)(DE|CE|[YMWDHS])", value)
    if not m:
        return None
    time_part, n, unit = m.groups()
    forms = words.entry("durations", DURATION_UNITS["TM" if (time_part and unit == "M") else unit])
    if forms is None:
        return None
    return forms["unknown"] if n == "X" else words.counted(forms, n)
