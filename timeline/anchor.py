"""Placing partial and relative expressions on the calendar: tense cues, the year that fits, weekdays.

Why: news mostly reports the recent past, so a bare "9 August" or "Wednesday" is read as the closest
occurrence around the publication date, moved forward or back by tense words found in the same sentence
(future cues such as "will"/"akan", past cues such as "was"/"telah"), all taken from the language tables.
"""
from __future__ import annotations

import datetime as dt
import re

_SENT_END = re.compile(r"[.!?\n]\s|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Rough sentence around [start, end): from after the previous full stop to the next one."""
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start),
             text.rfind("! ", 0, start))
    m = _SENT_END.search(text, end)
    return lo + 1, (m.start() + 1 if m else len(text))


def tense(text: str, start: int, end: int, future_cue: re.Pattern, past_cue: re.Pattern, reach: int = 0) -> int:
    """+1 when the sentence speaks of the future, -1 of the past, 0 when it gives no cue.

    `reach` > 0 looks only that many characters to the left (within the sentence)."""
    lo, hi = sentence_bounds(text, start, end)
    if reach:  # only the words just before: "will meet on Friday", not "said Friday it would ..."
        lo, hi = max(lo, start - reach), end
    left, right = text[lo:start], text[end:hi]
    for strong in (True, False):
        # a listed cue outranks a word that only looks past ("-ed": "unspecified", "planned"); among cues of
        # the same strength the nearest one before the expression governs it ("would appeal the decision,
        # announced Wednesday"); only when none stands before it do the words after it count
        fut = [m.end() for m in future_cue.finditer(left)] if strong else []
        past = [m.end() for m in past_cue.finditer(left) if (m.groupdict().get("weak") is None) == strong]
        if fut or past:
            return 1 if (fut[-1] if fut else -1) >= (past[-1] if past else -1) else -1
        f = future_cue.search(right) if strong else None
        p = next((m for m in past_cue.finditer(right) if (m.groupdict().get("weak") is None) == strong), None)
        if f or p:   # after it, a future cue wins ("... on Saturday and were planning to ...")
            return 1 if f else -1
    return 0


def fit_year(anchor: dt.date, month: int, day: int | None, direction: int) -> int:
    """The year for a month (and day) written without one.

    News looks back more than ahead: without a cue the month is placed from seven months before the
    anchor's month to four months after it. A future cue moves a month lying well before the anchor
    (more than four months) into the next year; a past cue moves a month lying more than two months
    ahead into the previous year. A day of the anchor's own month stays in the anchor's year whatever the
    cue ("through Oct. 3" in a late-October story that also says "will"): next year's is far less likely.
    """
    offset = (month - anchor.month) % 12          # 0..11 months ahead within the coming year
    if offset > 4:
        offset -= 12                               # -7..4
    if direction > 0 and offset < -4:
        offset += 12
    elif direction < 0 and offset > 2:
        offset -= 12
    return anchor.year + (anchor.month - 1 + offset) // 12


def resolve_weekday(anchor: dt.date, weekday: int, shift: int | None, direction: int) -> dt.date:
    """The date of a weekday near the anchor.

    shift -1 ("last Wednesday", "Rabu lalu"): the latest one before the anchor; +1: the first one after it;
    0 ("this Wednesday"): the one in the anchor's week. With no shift word the tense decides: the next
    one on or after the anchor for the future, else the latest one on or before it; but the weekday right
    after the anchor's, with no past cue, is the next day (wire stories are dated the day before they
    speak of "Thursday", and one day ahead is nearer than six days back).
    """
    diff = weekday - anchor.weekday()
    if shift == -1:
        back = (anchor.weekday() - weekday) % 7 or 7
        return anchor - dt.timedelta(days=back)
    if shift == 1:
        fwd = (weekday - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=fwd)
    if shift == 0:
        return anchor + dt.timedelta(days=diff)
    if direction >= 0 and weekday == (anchor.weekday() + 1) % 7:
        return anchor + dt.timedelta(days=1)
    if direction > 0 and weekday != anchor.weekday():
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
