"""Relative and anaphoric expressions: "last week", "bulan depan", "la semaine dernière", "three days ago",
"dua tahun lalu", "that day", "the following year", "now", "in the past".

Why together: each is a shift from a reference - the anchor, or the time the text last spoke of - by a
unit, or a reference to the present, past or future as a whole.
"""
from __future__ import annotations

import datetime as dt
import re

from timeline.calendar import PRECISION, shift_value
from timeline.candidates import Candidate
from timeline.readers.base import (DURATION_UNIT, QUARTER_CONTEXT, Context, Reading, direction, in_list, lookup,
                                   number, shift_of, unit_and_count)
from timeline.readers.durations import read_duration


def read_rel_unit(c: Candidate, ctx: Context) -> list[Reading]:
    """"last week", "bulan depan", "the following month": the reference moved by one unit; plural units
    ("the coming years") are a vague stretch."""
    t = ctx.g.table
    unit = lookup(t.units, c.fields["unit"])
    n = shift_of(c, ctx)
    if ctx.anchor is None or unit is None or n is None:
        return []
    if c.fields["unit"].lower() in t.get("plural_units"):  # "the coming years": a vague stretch, not a date
        if any(in_list(ctx.text[c.start:c.end], t.get(k)) for k in ("future_ref", "past_ref")):
            return []   # ... unless the table lists the phrase as the future or past as a whole ("kommenden Jahre")
        u = DURATION_UNIT.get(unit)
        return [Reading(c.start, c.end, f"PX{u}", "DURATION", None)] if u else []
    value = shift_value(_reference(c, ctx, unit) or ctx.anchor, unit, n)
    if value is None:
        return []
    return [Reading(c.start, c.end, value, "DATE", PRECISION.get(unit))]


def _reference(c: Candidate, ctx: Context, unit: str) -> dt.date | None:
    """For an anaphoric shift word ("the following month", "the previous week"): the period the text last
    named, as a day inside it (TimeML counts these from the time in view, not from the publication date)."""
    word = c.fields.get("shift_pre") or c.fields.get("shift_post") or ""
    if not in_list(word, ctx.g.table.get("anaphoric_shifts")):
        return None
    if unit == "M" and ctx.last_month and c.start - ctx.last_month[1] < QUARTER_CONTEXT:
        return dt.date(int(ctx.last_month[0][:4]), int(ctx.last_month[0][5:7]), 1)
    if unit in ("D", "W") and ctx.last_day:
        return dt.date.fromisoformat(ctx.last_day)
    return None


def read_rel_phrase(c: Candidate, ctx: Context) -> list[Reading]:
    """A whole relative phrase from dateparser's locale data ("la semaine dernière", "letztes Jahr")."""
    if ctx.anchor is None:
        return []
    unit, n = lookup(ctx.g.table.rel_phrases, c.fields["relp"])
    value = shift_value(ctx.anchor, unit, n)
    return [Reading(c.start, c.end, value, "DATE", PRECISION.get(unit))] if value else []


def read_ago(c: Candidate, ctx: Context) -> list[Reading]:
    """"three days ago", "dua tahun lalu", "setahun lalu": the anchor moved by the count; "three days later"
    counts from an event, so only the stretch is read (a DURATION)."""
    t = ctx.g.table
    f = c.fields
    if "one" in f:
        unit, n = unit_and_count(t, f["one"])
    else:
        unit, n = lookup(t.units, f["unit"]), number(f["num"], ctx)
    sign = lookup(t.ago_post, f["ago"])
    if sign is None:   # "vor drei Jahren", "il y a trois ans": the word before the count
        sign = lookup(t.ago_pre, f["ago"])
    if unit is None or n is None or sign is None:
        return []
    if in_list(f["ago"], t.get("ago_event_relative")) or in_list(f["ago"], t.get("ago_as_duration")):
        # "three days later", "two weeks before the vote": counted from an event, not from the publication
        # date, so TimeML marks only the stretch ("three days") as a DURATION and leaves the signal out;
        # some languages' guidelines read "vor drei Jahren" the same way (`ago_as_duration`)
        return read_duration(_stretch(c, ctx.text), ctx)
    if ctx.anchor is None:
        return []
    if n == "X" and unit in ("H", "MIN"):   # "a few hours ago": still the anchor's day
        return [Reading(c.start, c.end, ctx.anchor.isoformat(), "DATE", "day")]
    if n == "X":
        return [Reading(c.start, c.end, "PAST_REF" if sign < 0 else "FUTURE_REF", "DATE", None)]
    value = shift_value(_ago_reference(c, ctx, sign), unit, sign * n)
    if value is None:
        return []
    return [Reading(c.start, c.end, value, "DATE", PRECISION.get(unit))]


def _ago_reference(c: Candidate, ctx: Context, sign: int) -> dt.date:
    """What a count of units is counted from: the anchor, except for a forward count ("через два дня",
    "dentro de dos días") in a sentence told in the past - "two days on, the delegation left" cannot lie
    after the publication date, so it counts from the day the story last named, when that day lies before
    the anchor (the WikiWars corpora mark "через два дні" so, as a date from the story's last day)."""
    if sign > 0 and ctx.last_day and not ctx.narrative:
        day = dt.date.fromisoformat(ctx.last_day)
        if day < ctx.anchor and direction(c, ctx) < 0:
            return day
    return ctx.anchor


def _stretch(c: Candidate, text: str) -> Candidate:
    """The count and unit of an "ago" candidate without its "ago" word, written before or after them."""
    a, b = c.spans["ago"]
    start, end = c.start, c.end
    if a == c.start:
        start = b
        while start < end and text[start].isspace():
            start += 1
    else:
        end = a
        while end > start and text[end - 1].isspace():
            end -= 1
    f = {k: v for k, v in c.fields.items() if k != "ago"}
    return Candidate(start, end, "duration", f)


def read_anaphoric(c: Candidate, ctx: Context) -> list[Reading]:
    """"hari itu", "that day", "the following year": the day or year the text last spoke of."""
    f = c.fields
    t = ctx.g.table
    if "anad" in f:
        n = lookup(t.get("anaphoric_offsets", {}), f["anad"]) or 0
        reference = ctx.last_day
        if reference is None and n and ctx.anchor and not ctx.narrative:
            reference = ctx.anchor.isoformat()   # news with no day in view yet: "am nächsten Tag" is the report's next
        if reference is None:
            return []   # "that day" with no day in view names nothing
        d = dt.date.fromisoformat(reference) + dt.timedelta(days=n)
        return [Reading(c.start, c.end, d.isoformat(), "DATE", "day")]
    if ctx.last_year is None:
        return []
    n = lookup(t.get("anaphoric_year_offsets", {}), f["anay"]) or 0
    return [Reading(c.start, c.end, f"{ctx.last_year + n:04d}", "DATE", "year")]


def _opens_sentence(c: Candidate, ctx: Context) -> bool:
    before = ctx.text[max(0, c.start - 4):c.start].rstrip(" \t\"'`“‘(")
    return not before or before[-1] in ".!?\n"


def read_ref(c: Candidate, ctx: Context) -> list[Reading]:
    """"now", "saat ini" (PRESENT_REF, still going on), "in the past" (PAST_REF), "the future" (FUTURE_REF)."""
    f = c.fields
    value = "PRESENT_REF" if "present" in f else "PAST_REF" if "past" in f else "FUTURE_REF"
    if in_list(ctx.text[c.start:c.end], ctx.g.table.get("discourse_openers")) and _opens_sentence(c, ctx) \
            and ctx.text[c.end:c.end + 3].lstrip(" ").startswith(","):
        return []  # "Now, he says ...": a discourse marker that opens a sentence, not a time (TimeML)
    nxt = re.match(r"\s+(\w+)", ctx.text[c.end:c.end + 12])
    last = ctx.text[c.start:c.end].split()[-1].lower()
    if value != "PRESENT_REF" and nxt and nxt.group(1).lower() in {w.lower() for w in ctx.g.table.get("ref_not_before")} \
            and last not in ctx.g.table.get("plural_units"):
        return []  # "the future of the industry": its prospects, not a time ("die kommenden Jahre der ..." is one)
    # "saat ini", "now": true as of the anchor and still going on, which is what the timeline should draw
    return [Reading(c.start, c.end, value, "DATE", None, "ongoing" if value == "PRESENT_REF" else None)]
