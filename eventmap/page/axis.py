"""The small drawn time axis over the timeline: one dot (or bar, for long spans) per dated event.

Why computed here and not in the browser: the page must draw the same on screen, in print and in a
screenshot with no script run order to worry about, so the layout (positions in percent, rows for
marks that would overlap, tick labels) is decided once, in Python, and written as inline styles.
The axis is decorative for screen readers (the list says the same); each mark is clickable like its item.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_skeleton

from eventmap.model import Event
from eventmap.page.when import date_words, iso_date

MAX_LANES = 4      # rows of marks before marks may overlap
LANE_PX = 12       # height of a row
MIN_GAP = 2.5      # percent of the axis between marks sharing a row
MIN_BAR = 1.5      # a span at least this wide (percent) is drawn as a bar, not a dot
MAX_TICKS = 7      # about this many tick labels


@dataclass(frozen=True)
class AxisMark:
    event: str            # the event id
    left: float           # percent of the axis
    top: int              # px
    width: float | None   # percent, for a bar; None for a dot
    title: str            # when, in words


@dataclass(frozen=True)
class AxisTick:
    left: float
    label: str


@dataclass(frozen=True)
class Axis:
    height: int           # px of the track, rows included
    marks: list[AxisMark]
    ticks: list[AxisTick]


def axis_view(dated: list[Event], locale: str = "en") -> Axis | None:
    """The axis for events already in date order (`ordered_events`); None when none has a day."""
    spans = [(e, iso_date(e.when.earliest), iso_date(e.when.latest) or iso_date(e.when.earliest)) for e in dated]
    spans = [(e, a, max(a, b)) for e, a, b in spans if a]
    if not spans:
        return None
    lo, hi = min(a for _, a, _ in spans), max(b for _, _, b in spans)
    pad = max(1, (hi - lo).days // 20)
    lo, hi = lo - dt.timedelta(pad), hi + dt.timedelta(pad)
    total = (hi - lo).days or 1

    def pos(d: dt.date) -> float:
        return round(100 * (d - lo).days / total, 2)

    lanes: list[float] = []  # where each row's last mark ends
    marks = []
    for e, a, b in spans:
        x0, x1 = pos(a), pos(b)
        lane = _lane(lanes, x0)
        lanes[lane] = max(lanes[lane], x1)
        width = round(x1 - x0, 2) if x1 - x0 >= MIN_BAR else None
        marks.append(AxisMark(e.id, x0, 4 + lane * LANE_PX, width, date_words(e.when, locale)))
    ticks = [AxisTick(pos(d), label) for d, label in _ticks(lo, hi, locale) if 4 <= pos(d) <= 96]  # labels fit
    return Axis(height=16 + len(lanes) * LANE_PX, marks=marks, ticks=ticks)


def _lane(lanes: list[float], x0: float) -> int:
    """The first row with room at x0; a new row while there may be more; else the row ending earliest."""
    lane = next((i for i, end in enumerate(lanes) if x0 > end + MIN_GAP), None)
    if lane is None and len(lanes) < MAX_LANES:
        lanes.append(-100.0)
        lane = len(lanes) - 1
    elif lane is None:
        lane = min(range(MAX_LANES), key=lanes.__getitem__)
    return lane


def _ticks(lo: dt.date, hi: dt.date, locale: str) -> list[tuple[dt.date, str]]:
    """At most about eight tick dates between lo and hi, on years, months or days as the span needs."""
    days = (hi - lo).days
    if days > 3 * 366:
        step = max(1, -(-(hi.year - lo.year) // MAX_TICKS))
        return [(dt.date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1, step)]
    if days > 75:
        return _month_ticks(lo, hi, locale)
    step = max(1, -(-days // MAX_TICKS))
    return [(lo + dt.timedelta(n), format_skeleton("MMMd", lo + dt.timedelta(n), locale=locale))
            for n in range(step, days + 1, step)]


def _month_ticks(lo: dt.date, hi: dt.date, locale: str) -> list[tuple[dt.date, str]]:
    """Ticks on the first of months; a month opening a new year carries the year."""
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    step = max(1, -(-months // MAX_TICKS))
    out: list[tuple[dt.date, str]] = []
    y, m = lo.year, lo.month
    while True:
        m += step
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        d = dt.date(y, m, 1)
        if d > hi:
            return out
        new_year = not out or out[-1][0].year != y
        out.append((d, format_skeleton("yMMM" if new_year else "MMM", d, locale=locale)))
