"""The data that `timeline/` hands to the rest of the pipeline.

A `TimeSpan` is a normalised time (a TIMEX3 value plus the bounds needed to draw and sort it);
a `DateMention` ties a `TimeSpan` to the characters of the article it was read from, so that
every item on the timeline can point back to its source text.
"""
from __future__ import annotations

from dataclasses import dataclass, field


# The precisions a TimeSpan may have, finest first (the one vocabulary of precisions): an event is drawn
# at its sentence's most precise date. A season and a quarter are about as fine; a half is coarser, a
# year coarser still ("2016" does not beat "the first half of 2016").
PRECISION_RANK = {"minute": 0, "hour": 1, "day": 2, "week": 3, "month": 4, "season": 5, "quarter": 5, "half": 6,
                  "year": 7, "decade": 8, "century": 9}
UNRANKED = max(PRECISION_RANK.values()) + 1   # no precision (PRESENT_REF ...): the least precise of all


@dataclass(frozen=True)
class TimeSpan:
    """A normalised time.

    value      TIMEX3 value: ``2017-08-09``, ``2017-08``, ``2017``, ``2017-W32``, ``2017-Q3``,
               ``2017-SU``, ``PRESENT_REF``, ``P3D``, ``XXXX-WXX-1`` ...
    type       TIMEX3 type: DATE, TIME, DURATION or SET.
    precision  a key of PRECISION_RANK (day, month, year, week, quarter, half, season, decade, century,
               hour, minute), or None.
    qualifier  before, after, approx, start, mid, end, ongoing, or None.
    earliest / latest  ISO dates (``YYYY-MM-DD``) bounding the span, for drawing and sorting;
               None when the span cannot be placed on a calendar (durations, unanchored sets).
    """

    value: str
    type: str = "DATE"
    precision: str | None = None
    qualifier: str | None = None
    earliest: str | None = None
    latest: str | None = None

    def to_dict(self) -> dict:
        """The fields by name, in order (``dataclasses.asdict`` makes the same, at several times the cost)."""
        return {"value": self.value, "type": self.type, "precision": self.precision, "qualifier": self.qualifier,
                "earliest": self.earliest, "latest": self.latest}

    @property
    def edtf(self) -> str | None:
        """The span in EDTF, a compact human-and-machine form (``2017-08-09``, ``2017-08~``, ``../2017``)."""
        if not self.earliest:
            return None
        base = self.value if self.value[:4].isdigit() else self.earliest
        if self.qualifier == "approx":
            return base + "~"
        if self.qualifier == "before":
            return "../" + base
        if self.qualifier in ("after", "ongoing"):
            return base + "/.."
        return base


@dataclass
class DateMention:
    """A date expression found in the text: ``text == article[start:end]``."""

    start: int
    end: int
    text: str
    span: TimeSpan
    notes: list[str] = field(default_factory=list)  # e.g. "weekday Rabu decided day/month order"

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "text": self.text}
        d.update(self.span.to_dict())
        if self.notes:
            d["notes"] = list(self.notes)
        return d
