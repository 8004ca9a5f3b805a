"""Placeholder tagger (to be replaced by the full rule-based tagger)."""
from __future__ import annotations

import datetime as dt
import re

from timeline.model import DateMention, TimeSpan

_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def find_dates(text: str, lang: str, anchor: dt.date | None = None) -> list[DateMention]:
    out = []
    for m in _NUMERIC.finditer(text):
        d, mo, y = map(int, m.groups())
        try:
            day = dt.date(y, mo, d)
        except ValueError:
            continue
        iso = day.isoformat()
        out.append(DateMention(m.start(), m.end(), m.group(), TimeSpan(iso, "DATE", "day", None, iso, iso)))
    return out


def infer_anchor(text: str, lang: str) -> dt.date | None:
    days = [dt.date.fromisoformat(m.span.value) for m in find_dates(text, lang) if m.span.precision == "day"]
    return max(days) if days else None
