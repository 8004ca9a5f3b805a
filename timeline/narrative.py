"""Historical narrative: a text whose dates lie long before its publication date counts from its own dates.

Why: news speaks of the days around its publication, so a bare "20 November" or "the next day" is placed
near the anchor. A history (an encyclopedia article on a war, a chronicle) tells a story of long ago: its
"20 November" is in the year the story has reached, its "the next day" the day after the one just told,
its "today" the writer's present (TIMEX3 PRESENT_REF), not a day of the story. Which kind a text is comes
from the text alone: when most of the years written in it lie far before the anchor, it is a story of long
ago. The tagger (timeline/tagger.py) then moves its reference along the story's absolute dates, from the
first one on (a news lead before it still counts from the anchor).
"""
from __future__ import annotations

import datetime as dt

from timeline.calendar import bounds

FAR_YEARS = 10        # a year this far before the anchor is the past of a story, not the news of the day
MIN_YEARS = 4         # written years needed before a text is judged a story of long ago
SHARE = 0.6           # ... and the share of them that must lie that far back
_YEAR_FIELDS = ("y", "y2", "y_end", "ey")


def writes_year(fields: dict) -> bool:
    """Does the candidate write its year (not borrow it from the anchor or the text)?"""
    return any(k in fields for k in _YEAR_FIELDS)


NEWS_KINDS = frozenset({"wd", "wd_shift", "deictic", "deictic_pod", "rel_unit", "rel_phrase", "ago", "phrase"})
OPENING = 300         # characters of a text's opening (headline, dateline, lead) that may set it in the news


def is_narrative(chosen, anchor: dt.date | None, length: int = 0) -> bool:
    """Most of the four-digit years written in the text lie more than FAR_YEARS before the anchor, and the
    text does not open on the days around the anchor: a weekday, "yesterday", "last week" or a date of the
    anchor's years in its opening (its first OPENING characters - a quarter of a shorter text - or up to its
    first year of long ago) is a
    news lead, and the text is news that looks back, whose relative dates count from the anchor."""
    if anchor is None:
        return False
    far_start = next((c.start for c in chosen if _far(c, anchor)), None)
    if far_start is None:
        return False
    opening = max(far_start, min(OPENING, length // 4))
    if any(c.kind in NEWS_KINDS or (writes_year(c.fields) and not _far(c, anchor))
           for c in chosen if c.start < opening):
        return False
    years = [int(c.fields["y"]) for c in chosen if len(c.fields.get("y", "")) == 4]
    eras = sum(1 for c in chosen if "ey" in c.fields)   # "208 π.Χ.": a year of an era is long ago
    if len(years) + eras < MIN_YEARS:
        return False
    far = eras + sum(1 for y in years if anchor.year - y > FAR_YEARS)
    return far >= SHARE * (len(years) + eras)


def _far(c, anchor: dt.date) -> bool:
    y = c.fields.get("y", "")
    return "ey" in c.fields or (len(y) == 4 and anchor.year - int(y) > FAR_YEARS)


def story_date(value: str) -> dt.date | None:
    """The first day a reading's value covers: the story's new reference."""
    lo_hi = bounds(value)
    return lo_hi[0] if lo_hi else None
