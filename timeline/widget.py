"""The timeline as HTML: events in date order, each saying when (in words and EDTF), where and what.

A hand-made list instead of a timeline library (vis-timeline alone is ~550 KB): news events are few,
and a list reads well on a phone, prints well and is accessible (a listbox of options).
Everything is drawn from the `document_to_dict` dict, so the page and the JSON never disagree.
Dates are written with Babel in the page's locale; the words for qualifiers and the other labels
are the page's own UI text (English), kept in the tables below.
"""
from __future__ import annotations

import datetime as dt
import re
from html import escape

from babel.dates import format_date, format_skeleton

# How a qualifier changes the words of a date ("{}" is the date).
QUALIFIER_WORDS = {
    "before": "before {}",
    "after": "after {}",
    "approx": "about {}",
    "start": "early {}",
    "mid": "mid {}",
    "end": "late {}",
    "ongoing": "since {} (ongoing)",
}
SEASON_WORDS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
REF_WORDS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
MAX_LANES = 4  # rows of marks on the drawn axis before marks may overlap
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "TM": "minute",
                  "S": "second", "DE": "decade", "CE": "century"}


def _iso(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s) if s else None
    except ValueError:
        return None


def _duration_words(value: str) -> str | None:
    m = re.fullmatch(r"P(T?)(\d+(?:\.\d+)?|X)(DE|CE|[YMWDHS])", value)
    if not m:
        return None
    time_part, n, unit = m.groups()
    word = DURATION_UNITS["TM" if (time_part and unit == "M") else unit]
    if n == "X":
        return f"some {word}s"
    return f"{n} {word}" + ("" if n == "1" else "s")


def _base_words(when: dict, locale: str) -> str:
    value = when.get("value") or ""
    prec = when.get("precision")
    early = _iso(when.get("earliest"))
    if value in REF_WORDS:
        return REF_WORDS[value]
    if when.get("type") == "DURATION":
        return _duration_words(value) or value
    if prec == "day" and early:
        return format_date(early, "d MMM y", locale=locale)
    if prec == "month" and early:
        return format_skeleton("yMMM", early, locale=locale)
    if prec == "year" and early:
        return str(early.year)
    m = re.fullmatch(r"(\d{4})-W(\d\d)", value)
    if m:
        return f"week {int(m.group(2))}, {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        return f"Q{m.group(2)} {m.group(1)}"
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value)
    if m:
        return f"{SEASON_WORDS[m.group(2)]} {m.group(1)}"
    if prec == "decade" and re.fullmatch(r"\d{3}", value):
        return f"the {value}0s"
    if prec == "century" and re.fullmatch(r"\d{2}", value):
        return f"the {value}00s"
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(\d\d(?::\d\d)?)", value)
    if m and _iso(m.group(1)):
        return f"{format_date(_iso(m.group(1)), 'd MMM y', locale=locale)}, {m.group(2)}"
    late = _iso(when.get("latest"))
    if early and late and early != late:
        return f"{format_date(early, 'd MMM y', locale=locale)} – {format_date(late, 'd MMM y', locale=locale)}"
    if early:
        return format_date(early, "d MMM y", locale=locale)
    return value or "undated"


def date_words(when: dict | None, locale: str = "en") -> str:
    """A time span in words: "9 Aug 2017", "before 9 Aug 2017", "since May 2017 (ongoing)"."""
    if not when:
        return "undated"
    words = _base_words(when, locale)
    q = when.get("qualifier")
    return QUALIFIER_WORDS.get(q, "{}").format(words) if q else words


def date_code(when: dict | None) -> str:
    """The machine form shown next to the words: EDTF when the span is on the calendar, else TIMEX3."""
    if not when:
        return ""
    return when.get("edtf") or when.get("value") or ""


QUALIFIER_ORDER = {"before": 0, "start": 1, None: 1, "approx": 1, "mid": 1, "end": 1, "ongoing": 2, "after": 2}


def is_dated(event: dict) -> bool:
    return bool(event.get("when") and event["when"].get("earliest"))


def ordered_events(data: dict) -> tuple[list[dict], list[dict]]:
    """(dated events by earliest date, then text order; undated events in text order)."""
    events = data.get("events", [])
    dated = [e for e in events if is_dated(e)]
    # on the same day: what came before it, then the day itself, then what goes on or follows from it;
    # ties keep the text's order
    dated.sort(key=lambda e: (e["when"]["earliest"], QUALIFIER_ORDER.get(e["when"].get("qualifier"), 1),
                              e["sentence"]["start"]))
    undated = sorted((e for e in events if not is_dated(e)), key=lambda e: e["sentence"]["start"])
    return dated, undated


def event_places(data: dict, event: dict) -> list[str]:
    """Distinct place names of an event, in the order the text names them."""
    names: list[str] = []
    places = data.get("places", [])
    for i in event.get("places", []):
        if 0 <= i < len(places):
            name = places[i].get("name") or places[i].get("text")
            if name and name not in names:
                names.append(name)
    return names


def _item(data: dict, e: dict, locale: str, first: bool) -> str:
    when = e.get("when")
    words = date_words(when, locale) if is_dated(e) or when else "undated"
    code = date_code(when)
    places = event_places(data, e)
    eid = escape(e["id"])
    parts = [f'<li class="tl-item{" is-undated" if not is_dated(e) else ""}" role="option" '
             f'id="tl-{eid}" data-event="{eid}" tabindex="{0 if first else -1}" aria-selected="false">',
             '<div class="tl-when">',
             f'<span class="tl-words">{escape(words)}</span>']
    if code:
        parts.append(f' <code class="tl-code" title="EDTF / TIMEX3">{escape(code)}</code>')
    parts.append("</div>")
    if places:
        parts.append('<div class="tl-places"><span class="tl-pin" aria-hidden="true"></span>'
                     f'{escape(", ".join(places))}</div>')
    parts.append(f'<p class="tl-summary">{escape(e.get("summary", ""))}</p></li>')
    return "".join(parts)


def event_labels(data: dict, locale: str = "en") -> dict[str, dict]:
    """Per event id, the words and code the timeline shows (the map's popups reuse them)."""
    return {e["id"]: {"words": date_words(e.get("when"), locale), "code": date_code(e.get("when"))}
            for e in data.get("events", [])}


def _ticks(lo: dt.date, hi: dt.date, locale: str) -> list[tuple[dt.date, str]]:
    """At most about eight tick dates between lo and hi, on years, months or days as the span needs."""
    days = (hi - lo).days
    if days > 3 * 366:
        step = max(1, -(-(hi.year - lo.year) // 7))
        return [(dt.date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1, step)]
    if days > 75:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month
        step = max(1, -(-months // 7))
        out, y, m = [], lo.year, lo.month
        while True:
            m += step
            y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
            d = dt.date(y, m, 1)
            if d > hi:
                return out
            new_year = not out or out[-1][0].year != y
            out.append((d, format_skeleton("yMMM" if new_year else "MMM", d, locale=locale)))
    step = max(1, -(-days // 7))
    return [(lo + dt.timedelta(n), format_skeleton("MMMd", lo + dt.timedelta(n), locale=locale))
            for n in range(step, days + 1, step)]


def render_axis(data: dict, locale: str = "en") -> str:
    """A small drawn time axis over the list: one dot (or bar, for long spans) per dated event.

    Decorative for screen readers (the list says the same); each mark is clickable like its item."""
    dated, _ = ordered_events(data)
    spans = [(e, _iso(e["when"]["earliest"]), _iso(e["when"].get("latest")) or _iso(e["when"]["earliest"]))
             for e in dated]
    spans = [(e, a, max(a, b)) for e, a, b in spans if a]
    if not spans:
        return ""
    lo, hi = min(a for _, a, _ in spans), max(b for _, _, b in spans)
    pad = max(1, (hi - lo).days // 20)
    lo, hi = lo - dt.timedelta(pad), hi + dt.timedelta(pad)
    total = (hi - lo).days or 1

    def pos(d: dt.date) -> float:
        return round(100 * (d - lo).days / total, 2)

    lanes: list[float] = []
    marks = []
    for e, a, b in spans:
        x0, x1 = pos(a), pos(b)
        lane = next((i for i, end in enumerate(lanes) if x0 > end + 2.5), None)  # first row with room
        if lane is None and len(lanes) < MAX_LANES:
            lanes.append(-100.0)
            lane = len(lanes) - 1
        elif lane is None:  # crowded: the row that ends earliest
            lane = min(range(MAX_LANES), key=lanes.__getitem__)
        lanes[lane] = max(lanes[lane], x1)
        bar = x1 - x0 >= 1.5
        style = f"left:{x0}%;top:{4 + lane * 12}px" + (f";width:{round(x1 - x0, 2)}%" if bar else "")
        marks.append(f'<span class="ax-ev{" is-bar" if bar else ""}" data-event="{escape(e["id"])}" '
                     f'style="{style}" title="{escape(date_words(e["when"], locale))}"></span>')
    ticks = "".join(f'<span class="ax-tick" style="left:{pos(d)}%">{escape(label)}</span>'
                    for d, label in _ticks(lo, hi, locale) if 4 <= pos(d) <= 96)  # labels fit in the box
    height = 16 + len(lanes) * 12
    return (f'<div class="tl-axis" aria-hidden="true"><div class="ax-track" style="height:{height}px">'
            f'{"".join(marks)}</div><div class="ax-ticks">{ticks}</div></div>')


def render_timeline(data: dict, locale: str = "en") -> str:
    """The timeline's HTML (every article string escaped). Says so when the article has no dates."""
    dated, undated = ordered_events(data)
    out = []
    if not data.get("dates"):
        out.append('<p class="tl-empty">No dates found in this article.</p>')
    elif not dated:
        out.append('<p class="tl-empty">No dates found that can be placed on a calendar.</p>')
    if dated:
        out.append(render_axis(data, locale))
        out.append('<ol class="tl-list" role="listbox" aria-label="Events in date order">')
        out.extend(_item(data, e, locale, first=(n == 0)) for n, e in enumerate(dated))
        out.append("</ol>")
    if undated:
        out.append('<h3 class="tl-subhead" id="tl-undated">Without a date</h3>')
        out.append('<ol class="tl-list" role="listbox" aria-labelledby="tl-undated">')
        out.extend(_item(data, e, locale, first=(n == 0 and not dated)) for n, e in enumerate(undated))
        out.append("</ol>")
    if not dated and not undated and data.get("dates"):
        out.append('<p class="tl-empty">No events to show.</p>')
    return "\n".join(out)
