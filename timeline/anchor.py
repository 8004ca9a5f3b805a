"""Placing partial and relative expressions on the calendar: tense cues, the year that fits, weekdays.

Why: news mostly reports the recent past, so a bare "9 August" or "Wednesday" is read as the closest
occurrence around the publication date, moved forward or back by tense words found in the same sentence
(future cues such as "will"/"akan", past cues such as "was"/"telah"), all taken from the language tables.
The sentence is the one the shared splitter (languages/sentences.py) found, as for places and events.
"""
from __future__ import annotations

import datetime as dt
import re

_WORD_BEFORE = re.compile(r"(\w+)$")
CUE_REACH = 1000  # characters read on each side within the sentence: a run-on "sentence" of megabytes stays linear


def tense(text: str, start: int, end: int, future_cue: re.Pattern, past_cue: re.Pattern, sentence: tuple[int, int],
          reach: int = 0, auxiliaries: frozenset = frozenset()) -> int:
    """+1 when the sentence speaks of the future, -1 of the past, 0 when it gives no cue.

    ``sentence``: the bounds of the sentence the expression is in (from the one sentence splitter,
    languages/sentences.py). `reach` > 0 looks only that many characters to the left (within the
    sentence). A past form right after one of `auxiliaries` ("be", "been") is a participle ("will be
    paid"), not a past tense."""
    lo, hi = max(sentence[0], start - CUE_REACH), min(sentence[1], end + CUE_REACH)
    if reach:  # only the words just before: "will meet on Friday", not "said Friday it would ..."
        lo, hi = max(lo, start - reach), end
    left, right = text[lo:start], text[end:hi]
    if auxiliaries:
        past_cue = _without_participles(past_cue, auxiliaries)
    # a listed cue outranks a word that only looks past ("-ed": "unspecified", "planned"); among listed cues
    # the nearest one before the expression governs it ("would appeal the decision, announced Wednesday");
    # only when none stands before it do the words after it count, a future one first
    fut = [m.end() for m in future_cue.finditer(left)]
    past = [(m.end(), m.groupdict().get("weak") is None) for m in past_cue.finditer(left)]
    strong = [e for e, listed in past if listed]
    if fut or strong:
        return 1 if (fut[-1] if fut else -1) >= (strong[-1] if strong else -1) else -1
    if future_cue.search(right):
        return 1
    after = past_cue.search(right)
    return -1 if past or after else 0


class _without_participles:
    """A past-cue pattern that skips matches right after an auxiliary ("be paid", "been sold")."""

    def __init__(self, cue: re.Pattern, auxiliaries: frozenset):
        self.cue, self.aux = cue, auxiliaries

    def _ok(self, s: str, m: re.Match) -> bool:
        w = _WORD_BEFORE.search(s[max(0, m.start() - 12):m.start()].rstrip())
        return not (w and w.group(1).lower() in self.aux)

    def finditer(self, s: str):
        return (m for m in self.cue.finditer(s) if self._ok(s, m))

    def search(self, s: str):
        return next(self.finditer(s), None)


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
