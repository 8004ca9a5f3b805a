"""Weekdays and deictic words: "Wednesday", "last Friday", "Rabu lalu", "yesterday", "tonight",
"the morning", "mid-afternoon yesterday".

Why together: each names a day relative to the anchor (or to the day the text last spoke of) by a word,
not by a number.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from timeline.anchor import resolve_weekday
from timeline.candidates import Candidate
from timeline.lang import load_language
from timeline.patterns import alt
from timeline.readers.base import Context, Reading, day_reading, direction, in_list, lookup, name_ok, time_suffix

WEEKDAY_TENSE_REACH = 40  # a weekday's tense cue must be close: "will meet on Friday"


def read_weekday(c: Candidate, ctx: Context) -> list[Reading]:
    """"Wednesday", "last Friday", "Rabu lalu": the occurrence the shift word or the tense points to."""
    f = c.fields
    t = ctx.g.table
    name = f["wd"]
    wd = t.weekdays.get(name.lower().rstrip("."))
    if wd is None or not name_ok(name, c, ctx, alone=True):
        return []
    if name.lower() in t.units and (not name[:1].isupper() or c.kind == "wd_shift" or "tail" in f):
        return []  # "minggu"/"Minggu lalu": the week, unless a date stands next to it
    shift = _weekday_shift(c, ctx)
    if c.kind == "wd_shift" and shift is None:
        return []
    if ctx.anchor is None:
        suffix, _ = time_suffix(c, ctx)
        return [Reading(c.start, c.end, f"XXXX-WXX-{wd + 1}" + suffix, "DATE", "day")]
    d = resolve_weekday(_weekday_reference(c, ctx), wd, shift, _weekday_direction(c, ctx, wd, shift))
    return day_reading(c, ctx, d.isoformat())


def _weekday_shift(c: Candidate, ctx: Context) -> int | None:
    """The shift of the word before or after the weekday ("last", "lalu"), or of its tail word ("kemarin")."""
    t = ctx.g.table
    shift = None
    for key in ("shift_pre", "shift_post", "tail"):
        if key in c.fields:
            s = lookup(t.shift_pre if key == "shift_pre" else t.shift_post, c.fields[key])
            if s is not None:
                shift = s
    return shift


def _weekday_direction(c: Candidate, ctx: Context, wd: int, shift: int | None) -> int:
    """The tense that places a weekday: the cue words just before it, a future word right after it, and
    for the day after the anchor's, the whole sentence unless it is past."""
    d = direction(c, ctx, reach=WEEKDAY_TENSE_REACH)
    if shift is None and ctx.g.future_cue.match(ctx.text[c.end:c.end + 40].lstrip(" ,")):
        d = 1   # "the council on Tuesday will consider": the tense word right after the weekday
    if d == 0 and shift is None and wd == (ctx.anchor.weekday() + 1) % 7:
        d = min(0, direction(c, ctx))  # "the day after the anchor" only when the sentence is not past
    return d


def _weekday_reference(c: Candidate, ctx: Context) -> dt.date:
    """The anchor, or the day in view for an anaphoric shift word ("the previous Friday", TimeML)."""
    word = c.fields.get("shift_pre") or c.fields.get("shift_post") or ""
    if ctx.last_day and in_list(word, ctx.g.table.get("anaphoric_shifts")):
        return dt.date.fromisoformat(ctx.last_day)
    return ctx.anchor


def read_deictic(c: Candidate, ctx: Context) -> list[Reading]:
    """"yesterday", "kemarin", "besok": the anchor moved by whole days."""
    if ctx.anchor is None:
        return []
    n = lookup(ctx.g.table.deictic_days, c.fields["deictic"])
    if n is None:
        return []
    if n == 0 and ctx.narrative:   # a story of long ago: "today" is the writer's present, not a day of it
        return [Reading(c.start, c.end, "PRESENT_REF", "DATE", None, "ongoing")]
    d = ctx.anchor + dt.timedelta(days=n)
    return day_reading(c, ctx, d.isoformat())


def read_deictic_pod(c: Candidate, ctx: Context) -> list[Reading]:
    """"tonight", "tadi pagi": a part of a day relative to the anchor."""
    if ctx.anchor is None:
        return []
    n, pod = lookup(ctx.g.table.deictic_pod, c.fields["dpod"])
    d = ctx.anchor + dt.timedelta(days=n)
    return [Reading(c.start, c.end, f"{d.isoformat()}T{pod}", "TIME", "hour")]


def read_pod_alone(c: Candidate, ctx: Context) -> list[Reading]:
    """"the morning", "mid-afternoon (yesterday)": a part of the day the text speaks of (the last day named,
    else the anchor), or of the deictic day written after it."""
    t = ctx.g.table
    if ctx.anchor is None:
        return []
    m = re.match(r"\s+(\w+)(?:\s+(\w+))?", ctx.text[c.end:c.end + 30])
    if "deictic" not in c.fields and m and (m.group(1).lower() in {w.lower() for w in t.pertain + t.get("articles")}
                                            or (m.group(2) or "").lower() in {w.lower() for w in t.pertain}):
        return []   # "the night of Oct. 23", "the afternoon hours of June 1", "the night the plane fell"
    if "deictic" not in c.fields and _opens_pod_before_day(t.code).match(ctx.text, c.start):
        return []   # "in der Nacht auf den 28. Juli": the part of that day, read with the day
    if "deictic" in c.fields:
        n = lookup(t.deictic_days, c.fields["deictic"])
        if n is None:
            return []
        day = (ctx.anchor + dt.timedelta(days=n)).isoformat()
    else:
        day = ctx.last_day or ctx.anchor.isoformat()
    return [Reading(c.start, c.end, f"{day}T{lookup(t.get('pods', {}), c.fields['pod'])}", "TIME", "hour")]


@lru_cache(maxsize=None)
def _opens_pod_before_day(code: str) -> re.Pattern:
    """A `pod_before_day` phrase and the digit of the day after it ("in der Nacht auf den 28.")."""
    return re.compile(rf"(?:{alt(load_language(code).get('pod_before_day'))})\s+\d", re.I)
