"""Turn candidates (timeline/candidates.py) into TIMEX3 readings at the expression's own precision.

Why: each shape has one small handler; all of them read words through the language table, so no handler
knows which language it serves. A handler returns [] to reject a candidate (a number that is not a year,
a lower-case month name in a language that capitalises them, a weekday that is also a unit word ...).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.anchor import fit_year, resolve_weekday, tense
from timeline.calendar import PRECISION, holiday, shift_value, weekend_value
from timeline.candidates import Candidate, Grammar, alt
from timeline.lang import load_language

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11,
         "xii": 12, "xiii": 13, "xiv": 14, "xv": 15, "xvi": 16, "xvii": 17, "xviii": 18, "xix": 19, "xx": 20,
         "xxi": 21, "xxii": 22}
QUARTER_CONTEXT = 400     # characters after a quarter within which "a year earlier" means that quarter
WEEKDAY_TENSE_REACH = 40  # a weekday's tense cue must be close: "will meet on Friday"
DURATION_UNIT = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "DE", "CE": "CE", "FN": "W", "WINDU": "Y"}


@lru_cache(maxsize=None)
def _not_year(code: str) -> tuple[re.Pattern, re.Pattern]:
    """A number right before a unit/count word ("2000 persen") or right after a label ("pasal 2014") is no year.
    Words come from the table (`not_year_after`, `not_year_before`); signs and symbols are the same everywhere."""
    table = load_language(code)
    after = re.compile(rf"^\s*(?:%|[-–]\s*\d|(?:{alt(table.not_year_after)})\b)", re.I)
    before = re.compile(rf"(?:us\$|\$|€|£|¥|#|{alt(table.not_year_before)})\s*$", re.I)
    return after, before

@lru_cache(maxsize=None)
def _closer(code: str) -> tuple[re.Pattern, re.Pattern]:
    """Words after a period phrase that close it on a date ("the year ended ...", `period_closers`) and
    words after it that make it no date at all ("the year of ...", `period_blockers`)."""
    t = load_language(code)
    return (re.compile(rf"\s+(?:{alt(t.get('period_closers'))})\b", re.I),
            re.compile(rf"\s+(?:{alt(t.get('period_blockers'))})\b", re.I))


_YEAR_AFTER = re.compile(r"\s+(?:1[5-9]\d\d|20\d\d)(?!\w)")
_NAME_BEFORE = re.compile(r"[^\s.!?\"'“(:;\n]\s+[A-Z][\w'’]*\s+$")


@dataclass
class Reading:
    start: int
    end: int
    value: str
    type: str = "DATE"
    precision: str | None = None
    qualifier: str | None = None
    notes: list = field(default_factory=list)
    kind: str = ""


@dataclass
class Context:
    text: str
    g: Grammar
    anchor: dt.date | None
    last_day: str | None = None
    last_quarter: tuple[str, int] | None = None
    last_month: tuple[str, int] | None = None    # ("2009-02", offset) of the last month named
    last_year: int | None = None                 # year of the last mention that names or implies one


def _num(word: str, ctx: Context):
    w = re.sub(r"\s+", " ", word.lower())
    if w.isdigit():
        return int(w)
    return ctx.g.table.numbers.get(w)


def _lookup(d: dict, word: str):
    return d.get(re.sub(r"\s+", " ", word.lower().rstrip(".")))


def _direction(c: Candidate, ctx: Context, reach: int = 0) -> int:
    """Tense of the expression: a signal word just before it ("since" -1, "until" +1) wins over the sentence."""
    m = None if reach else ctx.g.signal_tense.search(ctx.text[max(0, c.start - 20):c.start])
    if m:
        return ctx.g.table.get("signal_tense", {}).get(re.sub(r"\s+", " ", m.group("sig").lower()), 0)
    return tense(ctx.text, c.start, c.end, ctx.g.future_cue, ctx.g.past_cue, reach, *_sentence_words(ctx.g.table.code))


@lru_cache(maxsize=None)
def _sentence_words(code: str) -> tuple[frozenset, frozenset]:
    """Words whose stop does not end a sentence ("vs.", "Mr.": `abbreviations`) and auxiliaries that make a
    past form a participle ("be paid": `participle_aux`), from the table."""
    t = load_language(code)
    return (frozenset(w.lower().rstrip(".") for w in t.get("abbreviations")),
            frozenset(w.lower() for w in t.get("participle_aux")))


def _name_ok(name: str, c: Candidate, ctx: Context, alone: bool) -> bool:
    """Month/weekday names: capitalised where the language capitalises them; abbreviations and names that
    are also common words only next to a number or after a cue word."""
    t = ctx.g.table
    key = name.lower().rstrip(".")
    pos = ctx.text.find(name, c.start, c.end)
    pos = c.start if pos < 0 else pos
    if t.names_capitalized and alone and not name[:1].isupper():
        return False
    if alone and key in t.short_names:
        return ctx.text[pos + len(name) - 1: pos + len(name) + 1].endswith(".")
    if alone and key in t.weak_names:
        return bool(ctx.g.weak_cue.search(ctx.text[max(0, pos - 25):pos]))
    return True


def _two_digit_year(y2: str, ctx: Context) -> int:
    y = int(y2)
    ref = ctx.anchor.year if ctx.anchor else 2000
    return 2000 + y if 2000 + y <= ref + 10 else 1900 + y


def _year(c: Candidate, ctx: Context) -> int | None:
    f = c.fields
    if "y" in f:
        y = f["y"]
        return int(y) if len(y) == 4 else _two_digit_year(y, ctx)
    if "y2" in f:
        return _two_digit_year(f["y2"], ctx)
    if "range_year" in f:
        return f["range_year"]
    return None


def _time_suffix(c: Candidate, ctx: Context) -> tuple[str, str | None]:
    """'T06:18' / 'TMO' from a clock or a part-of-day word written after a day, and its precision."""
    f = c.fields
    pods = ctx.g.table.get("pods", {})
    pod = _lookup(pods, f["pod"]) if "pod" in f else None
    if "cword" in f:
        return "T" + _lookup(ctx.g.table.get("clock_words", {}), f["cword"]), "minute"
    if "hh" in f:
        hh, mm = int(f["hh"]), int(f.get("mm") or 0)
        ampm = _lookup(ctx.g.table.get("ampm", {}), f["ampm"]) if "ampm" in f else None
        pm_pods = {p.lower() for p in ctx.g.table.get("clock_pm_pods")}
        if (ampm == "pm" or ("pod" in f and f["pod"].lower() in pm_pods)) and hh < 12:
            hh += 12
        if ampm == "am" and hh == 12:
            hh = 0
        zone = "Z" if "tz" in f and _lookup({z: 1 for z in ctx.g.table.get("utc_zones")}, f["tz"]) else ""
        return f"T{hh:02d}:{mm:02d}{zone}", "minute"   # ISO 8601: a clock given in UTC ends in "Z"
    if pod and ctx.g.table.get("part_of_day_in_value", True):
        return f"T{pod}", "hour"
    return "", None


def _day_reading(c: Candidate, ctx: Context, d: dt.date | None, value: str, notes=None) -> list[Reading]:
    suffix, prec = _time_suffix(c, ctx)
    r = Reading(c.start, c.end, value + suffix, "TIME" if suffix else "DATE", prec or "day", None, list(notes or []))
    return [r]


def _numeric_readings(a: int, b: int, order: str):
    """(day, month) readings of 'a/b', the language's usual order first."""
    first = (b, a) if order.startswith("M") else (a, b)
    second = (first[1], first[0])
    return [first, second] if first != second else [first]


def h_numeric(c: Candidate, ctx: Context) -> list[Reading]:
    """"9/8/2017", "Rabu (9/8)", "2017-08-09" style numbers: the language's day/month order first; a weekday
    written next to the date is checked and, when it contradicts that reading, decides it (noted)."""
    f = c.fields
    t = ctx.g.table
    if f.get("sep") in (".", "-") and len(f.get("y", "")) != 4:
        return []
    if "wd" in f and not _name_ok(f["wd"], c, ctx, alone=False):
        return []
    a, b = int(f["a"]), int(f["b"])
    wd = t.weekdays.get(f["wd"].lower().rstrip(".")) if "wd" in f else None
    year = _year(c, ctx)
    readings = []  # (order index, date): order 0 is the language's usual one
    for order, (day, month) in enumerate(_numeric_readings(a, b, t.date_order)):
        if year is not None:
            years = [year]
        elif ctx.anchor is None:
            continue
        elif wd is None:
            years = [fit_year(ctx.anchor, month, day, _direction(c, ctx))]
        else:
            years = [ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1]
        for y in years:
            try:
                readings.append((order, dt.date(y, month, day)))
            except ValueError:
                pass
    if not readings:
        return []
    notes = []
    order, chosen = readings[0]
    if wd is not None:
        matching = [(o, d) for o, d in readings if d.weekday() == wd]
        if matching:
            if ctx.anchor is not None:
                matching.sort(key=lambda od: (od[0], abs((od[1] - ctx.anchor).days)))
            order2, chosen2 = matching[0]
            if order2 != order:
                notes.append(f"weekday {f['wd']} decided the day/month order: {chosen2.isoformat()}")
            elif chosen2 != chosen:
                notes.append(f"weekday {f['wd']} decided the year: {chosen2.isoformat()}")
            order, chosen = order2, chosen2
        else:
            notes.append(f"weekday {f['wd']} does not fit {chosen.isoformat()}")
    elif order != 0:
        notes.append(f"only the {chosen.isoformat()} reading is a valid date")
    return _day_reading(c, ctx, chosen, chosen.isoformat(), notes)


def h_iso(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    try:
        d = dt.date(int(f["y"]), int(f["mnum"]), int(f["d"]))
    except ValueError:
        return []
    return _day_reading(c, ctx, d, d.isoformat())


def h_marked(c: Candidate, ctx: Context) -> list[Reading]:
    """Dates written with unit marks (2017年8月9日, 8月9日, 2017년 8월): year, month and day are numbers,
    the marks say which is which, so there is no order to guess."""
    f = c.fields
    if "mnum" not in f:
        return [Reading(c.start, c.end, f"{int(f['y']):04d}", "DATE", "year")]
    month = int(f["mnum"])
    year = _year(c, ctx)
    if "d" not in f:
        return [Reading(c.start, c.end, f"{year:04d}-{month:02d}", "DATE", "month")]
    value, d = _month_day_value(month, int(f["d"]), c, ctx, year)
    return _day_reading(c, ctx, d, value) if value else []


def _month_day_value(month: int, day: int | None, c: Candidate, ctx: Context, year: int | None):
    if year is None and ctx.anchor is not None:
        year = fit_year(ctx.anchor, month, day, _direction(c, ctx))
    ys = f"{year:04d}" if year else "XXXX"
    if day is None:
        return f"{ys}-{month:02d}", None
    try:
        d = dt.date(year or 2000, month, day)
    except ValueError:
        return None, None
    return f"{ys}-{month:02d}-{day:02d}", (d if year else None)


def h_date(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    t = ctx.g.table
    month = _lookup(t.months, f["mon"])
    if month is None or not _name_ok(f["mon"], c, ctx, alone=False):
        return []
    if "wd" in f and not _name_ok(f["wd"], c, ctx, alone=False):
        return []
    day = int(f["d"])
    year = _year(c, ctx)
    value, d = _month_day_value(month, day, c, ctx, year)
    if value is None:
        return []
    notes = []
    if "wd" in f and d is not None:
        wd = t.weekdays.get(f["wd"].lower().rstrip("."))
        if wd is not None and d.weekday() != wd:
            if year is None and ctx.anchor is not None:
                for y in (d.year - 1, d.year + 1):
                    try:
                        alt_d = dt.date(y, month, day)
                    except ValueError:
                        continue
                    if alt_d.weekday() == wd:
                        notes.append(f"weekday {f['wd']} decided the year: {alt_d.isoformat()}")
                        d, value = alt_d, alt_d.isoformat()
                        break
            if not notes:
                notes.append(f"weekday {f['wd']} does not fit {value}")
    return _day_reading(c, ctx, d, value, notes)


def h_day_range(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    month = _lookup(ctx.g.table.months, f["mon"])
    if month is None:
        return []
    year = _year(c, ctx)
    d0, d1 = int(f["d0"]), int(f["d"])
    if d0 >= d1:
        return []
    v0, _ = _month_day_value(month, d0, c, ctx, year)
    v1, _ = _month_day_value(month, d1, c, ctx, year)
    if not v0 or not v1:
        return []
    s0, e0 = c.spans["d0"]
    mon_s, mon_e = c.spans["mon"]
    note = f"range {v0}/{v1}"
    if mon_s < s0:  # "August 9-11": "August 9" and "11"
        first = Reading(c.start, e0, v0, "DATE", "day", None, [note])
        second = Reading(c.spans["d"][0], c.end, v1, "DATE", "day", None, [note])
    else:           # "9-11 Agustus": "9" and "11 Agustus"
        first = Reading(c.start, e0, v0, "DATE", "day", None, [note])
        second = Reading(c.spans["d"][0], c.end, v1, "DATE", "day", None, [note])
    return [first, second]


def h_month_year(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    month = _lookup(ctx.g.table.months, f["mon"])
    if month is None or not _name_ok(f["mon"], c, ctx, alone=False):
        return []
    year = _year(c, ctx)
    return [Reading(c.start, c.end, f"{year:04d}-{month:02d}", "DATE", "month")]


def _month_and_shift(c: Candidate, ctx: Context, alone: bool) -> tuple[int, int] | None:
    """The month named and the signed shift of a month-relative candidate, when both read and an
    anchor is known (the shared guard of `h_month_rel` and `h_month_shift`)."""
    month = _lookup(ctx.g.table.months, c.fields["mon"])
    shift = _shift(c, ctx)
    if month is None or shift is None or ctx.anchor is None or not _name_ok(c.fields["mon"], c, ctx, alone=alone):
        return None
    return month, shift


def h_month_rel(c: Candidate, ctx: Context) -> list[Reading]:
    """"June last year", "Agustus tahun lalu": a month in a year named relative to the anchor."""
    found = _month_and_shift(c, ctx, alone=False)
    if found is None or _lookup(ctx.g.table.units, c.fields["unit"]) != "Y":
        return []
    month, shift = found
    return [Reading(c.start, c.end, f"{ctx.anchor.year + shift:04d}-{month:02d}", "DATE", "month")]


def h_month_shift(c: Candidate, ctx: Context) -> list[Reading]:
    """"last December", "Juni lalu", "next March": the nearest such month before / after the anchor's month."""
    found = _month_and_shift(c, ctx, alone=True)
    if found is None:
        return []
    month, shift = found
    a = ctx.anchor
    if shift < 0:
        year = a.year if month < a.month else a.year - 1
    elif shift > 0:
        year = a.year if month > a.month else a.year + 1
    else:
        year = a.year
    return [Reading(c.start, c.end, f"{year:04d}-{month:02d}", "DATE", "month")]


def h_month(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    month = _lookup(ctx.g.table.months, f["mon"])
    if month is None or not _name_ok(f["mon"], c, ctx, alone=True):
        return []
    value, _ = _month_day_value(month, None, c, ctx, _year(c, ctx))
    return [Reading(c.start, c.end, value, "DATE", "month")]


def h_year(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    y = _year(c, ctx)
    if y is None:
        return []
    if "yprefix" not in f:
        if ctx.anchor and not (ctx.anchor.year - 300 <= y <= ctx.anchor.year + 30):
            return []
        if "y2" in f and not ctx.text[c.start - 1:c.start].isspace() and c.start > 0:
            return []
        not_after, not_before = _not_year(ctx.g.table.code)
        if not_after.match(ctx.text[c.end:c.end + 20]) or not_before.search(ctx.text[max(0, c.start - 15):c.start]):
            return []
        if _NAME_BEFORE.search(ctx.text[max(0, c.start - 40):c.start]):
            return []  # "Windows 2000", "Orion 1980": a number that is part of a name
    return [Reading(c.start, c.end, f"{y:04d}", "DATE", "year")]


def h_spelled_year(c: Candidate, ctx: Context) -> list[Reading]:
    """"nineteen ninety-six" (broadcast transcripts write years out)."""
    f = c.fields
    t = ctx.g.table
    ones = _lookup(t.get("spelled_ones", {}), f["syo"]) if "syo" in f else 0
    if "sym" in f:   # "the year two thousand and five"
        year = _lookup(t.get("spelled_millennia", {}), f["sym"]) + (ones or 0)
    else:
        century = _lookup(t.get("spelled_centuries", {}), f["syc"])
        tens = _lookup(t.get("spelled_tens", {}), f["syt"])
        if century is None or tens is None or (ones and tens % 10):
            return []
        if f["syt"].lower() == "oh" and not ones:
            return []
        year = century * 100 + tens + ones
    if "mon" in f:   # "January nineteen ninety-seven", as transcripts write "January 1997"
        month = _lookup(t.months, f["mon"])
        if month is None or not _name_ok(f["mon"], c, ctx, alone=False):
            return []
        return [Reading(c.start, c.end, f"{year:04d}-{month:02d}", "DATE", "month")]
    if "season" in f:   # "the winter of nineteen ninety-four"
        return [Reading(c.start, c.end, f"{year:04d}-{_lookup(t.get('seasons', {}), f['season'])}", "DATE", "season")]
    return [Reading(c.start, c.end, f"{year:04d}", "DATE", "year")]


def h_wd(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    t = ctx.g.table
    name = f["wd"]
    wd = t.weekdays.get(name.lower().rstrip("."))
    if wd is None or not _name_ok(name, c, ctx, alone=True):
        return []
    if name.lower() in t.units and (not name[:1].isupper() or c.kind == "wd_shift" or "tail" in f):
        return []  # "minggu"/"Minggu lalu": the week, unless a date stands next to it
    shift = None
    for key in ("shift_pre", "shift_post", "tail"):
        if key in f:
            s = _lookup(t.shift_pre if key == "shift_pre" else t.shift_post, f[key])
            if s is not None:
                shift = s
    if c.kind == "wd_shift" and shift is None:
        return []
    if ctx.anchor is None:
        suffix, prec = _time_suffix(c, ctx)
        return [Reading(c.start, c.end, f"XXXX-WXX-{wd + 1}" + suffix, "DATE", "day")]
    direction = _direction(c, ctx, reach=WEEKDAY_TENSE_REACH)
    if shift is None and ctx.g.future_cue.match(ctx.text[c.end:c.end + 40].lstrip(" ,")):
        direction = 1   # "the council on Tuesday will consider": the tense word right after the weekday
    if direction == 0 and shift is None and wd == (ctx.anchor.weekday() + 1) % 7:
        direction = min(0, _direction(c, ctx))  # "the day after the anchor" only when the sentence is not past
    ref = ctx.anchor
    word = f.get("shift_pre") or f.get("shift_post") or ""
    if ctx.last_day and re.sub(r"\s+", " ", word.lower()) in {w.lower() for w in t.get("anaphoric_shifts")}:
        ref = dt.date.fromisoformat(ctx.last_day)   # "the previous Friday": before the day in view (TimeML)
    d = resolve_weekday(ref, wd, shift, direction)
    return _day_reading(c, ctx, d, d.isoformat())


def h_deictic(c: Candidate, ctx: Context) -> list[Reading]:
    if ctx.anchor is None:
        return []
    n = _lookup(ctx.g.table.deictic_days, c.fields["deictic"])
    if n is None:
        return []
    d = ctx.anchor + dt.timedelta(days=n)
    return _day_reading(c, ctx, d, d.isoformat())


def h_deictic_pod(c: Candidate, ctx: Context) -> list[Reading]:
    if ctx.anchor is None:
        return []
    n, pod = _lookup(ctx.g.table.deictic_pod, c.fields["dpod"])
    d = ctx.anchor + dt.timedelta(days=n)
    if not ctx.g.table.get("part_of_day_in_value", True):
        return [Reading(c.start, c.end, d.isoformat(), "DATE", "day")]
    return [Reading(c.start, c.end, f"{d.isoformat()}T{pod}", "TIME", "hour")]


def h_pod_alone(c: Candidate, ctx: Context) -> list[Reading]:
    """"the morning", "mid-afternoon (yesterday)": a part of the day the text speaks of (the last day named,
    else the anchor), or of the deictic day written after it."""
    t = ctx.g.table
    if ctx.anchor is None or not t.get("part_of_day_in_value", True):
        return []
    m = re.match(r"\s+(\w+)(?:\s+(\w+))?", ctx.text[c.end:c.end + 30])
    if "deictic" not in c.fields and m and (m.group(1).lower() in {w.lower() for w in t.pertain + t.get("articles")}
                                            or (m.group(2) or "").lower() in {w.lower() for w in t.pertain}):
        return []   # "the night of Oct. 23", "the afternoon hours of June 1", "the night the plane fell"
    if "deictic" in c.fields:
        n = _lookup(t.deictic_days, c.fields["deictic"])
        if n is None:
            return []
        day = (ctx.anchor + dt.timedelta(days=n)).isoformat()
    else:
        day = ctx.last_day or ctx.anchor.isoformat()
    return [Reading(c.start, c.end, f"{day}T{_lookup(t.get('pods', {}), c.fields['pod'])}", "TIME", "hour")]


def _shift(c: Candidate, ctx: Context):
    t = ctx.g.table
    if "shift_pre" in c.fields:
        return _lookup(t.shift_pre, c.fields["shift_pre"])
    if "shift_post" in c.fields:
        return _lookup(t.shift_post, c.fields["shift_post"])
    return None


def h_rel_unit(c: Candidate, ctx: Context) -> list[Reading]:
    t = ctx.g.table
    unit = _lookup(t.units, c.fields["unit"])
    n = _shift(c, ctx)
    if ctx.anchor is None or unit is None or n is None:
        return []
    if c.fields["unit"].lower() in t.get("plural_units"):  # "the coming years": a vague stretch, not a date
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
    if re.sub(r"\s+", " ", word.lower()) not in {w.lower() for w in ctx.g.table.get("anaphoric_shifts")}:
        return None
    if unit == "M" and ctx.last_month and c.start - ctx.last_month[1] < QUARTER_CONTEXT:
        return dt.date(int(ctx.last_month[0][:4]), int(ctx.last_month[0][5:7]), 1)
    if unit in ("D", "W") and ctx.last_day:
        return dt.date.fromisoformat(ctx.last_day)
    return None


def h_rel_phrase(c: Candidate, ctx: Context) -> list[Reading]:
    """A whole relative phrase from dateparser's locale data ("la semaine dernière", "letztes Jahr")."""
    if ctx.anchor is None:
        return []
    unit, n = _lookup(ctx.g.table.rel_phrases, c.fields["relp"])
    value = shift_value(ctx.anchor, unit, n)
    return [Reading(c.start, c.end, value, "DATE", PRECISION.get(unit))] if value else []


def h_ago(c: Candidate, ctx: Context) -> list[Reading]:
    t = ctx.g.table
    f = c.fields
    if "one" in f:
        unit, n = _lookup(t.unit_one, f["one"]), 1
    else:
        unit, n = _lookup(t.units, f["unit"]), _num(f["num"], ctx)
    sign = _lookup(t.ago_post, f["ago"])
    if unit is None or n is None or sign is None:
        return []
    if f["ago"].lower() in {w.lower() for w in t.get("ago_event_relative")}:
        # "three days later", "two weeks before the vote": counted from an event, not from the publication
        # date, so TimeML marks only the stretch ("three days") as a DURATION and leaves the signal out
        end = c.spans["ago"][0]
        while end > c.start and ctx.text[end - 1].isspace():
            end -= 1
        dur = h_duration(Candidate(c.start, end, "duration", {k: v for k, v in f.items() if k != "ago"}), ctx)
        return dur
    if ctx.anchor is None:
        return []
    if n == "X":
        return [Reading(c.start, c.end, "PAST_REF" if sign < 0 else "FUTURE_REF", "DATE", None)]
    value = shift_value(ctx.anchor, unit, sign * n)
    if value is None:
        return []
    return [Reading(c.start, c.end, value, "DATE", PRECISION.get(unit))]


def h_quarter(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    t = ctx.g.table
    ords = t.get("ordinals", {})
    word = re.sub(r"\s+", " ", (f.get("qw") or f.get("qw2") or "").lower())
    half = word in {w.lower() for w in t.get("half_words")} or "hn" in f
    if "qn" in f:
        n = int(f["qn"])
    elif "hn" in f:
        n = int(f["hn"])
    else:
        word = f.get("qord") or f.get("qord2")
        n = _lookup(t.get("half_ordinals", {}), word) if half else None   # "the last half" is the second
        n = n if n is not None else _lookup(ords, word)
    if n is None or n > (2 if half else 4):
        return []
    year = _year(c, ctx)
    if year is None and ("unit" in f or "unit2" in f):   # "the second half of this year", "kuartal I tahun depan"
        shift = _shift(c, ctx)
        if ctx.anchor is None or shift is None or _lookup(t.units, f.get("unit") or f["unit2"]) != "Y":
            return []
        year = ctx.anchor.year + shift
    if year is None:
        if ctx.anchor is None or _of_something(c, ctx):
            return []   # "the last half of the '80s", "the first half of the match": not a half-year
        current = (ctx.anchor.month - 1) // (6 if half else 3) + 1
        year = ctx.anchor.year if n <= current else ctx.anchor.year - 1
    value = f"{year:04d}-{'H' if half else 'Q'}{n}"
    return [Reading(c.start, c.end, value, "DATE", "half" if half else "quarter")]


def _of_something(c: Candidate, ctx: Context) -> bool:
    """A part followed by "of" and a word (the table's pertain words) that did not take a year belongs to
    something else ("of the '80s"); "the third quarter of $2 million" is still the quarter."""
    m = re.match(r"\s+(\w+)\s+[^\W\d]", ctx.text[c.end:c.end + 16])
    return bool(m) and m.group(1).lower() in {w.lower() for w in ctx.g.table.pertain}


def _month_under_discussion(c: Candidate, ctx: Context) -> str | None:
    """"in February, against the same period last year": the month last named, when it is nearer than the
    last quarter named; "the same month a year ago" takes it even without one (then the anchor's month)."""
    t = ctx.g.table
    pw = re.sub(r"\s+", " ", c.fields.get("pw", "").lower())
    month_word = pw in {w.lower() for w in t.get("month_period_words")}
    if pw in {w.lower() for w in t.get("quarter_words")}:
        return None
    recent = ctx.last_month and c.start - ctx.last_month[1] < QUARTER_CONTEXT
    if recent and (month_word or not ctx.last_quarter or ctx.last_quarter[1] < ctx.last_month[1]):
        return ctx.last_month[0]
    if month_word and ctx.anchor:
        return f"{ctx.anchor.year:04d}-{ctx.anchor.month:02d}"
    return None


def h_quarter_of_year(c: Candidate, ctx: Context) -> list[Reading]:
    """"the 1988 third quarter", "the year-ago period", "last year's quarter", "the same period last year":
    a quarter (named, or the one under discussion) placed in a given or the previous year."""
    f = c.fields
    t = ctx.g.table
    if ctx.anchor is None:
        return []
    n = _lookup(t.get("ordinals", {}), f["qord"]) if "qord" in f else None
    month = _month_under_discussion(c, ctx)
    if month and n is None and ("yam" in f or "yas" in f):
        return [Reading(c.start, c.end, f"{int(month[:4]) - 1:04d}{month[4:]}", "DATE", "month")]
    if n is None:
        if ctx.last_quarter and c.start - ctx.last_quarter[1] < QUARTER_CONTEXT:
            base_year, q = ctx.last_quarter[0].split("-")
            n, base_year = int(q[1:]), int(base_year)
        else:
            prev = shift_value(ctx.anchor, "Q", -1)
            n, base_year = int(prev[-1]), int(prev[:4])
    else:
        current = (ctx.anchor.month - 1) // 3 + 1
        base_year = ctx.anchor.year if n <= current else ctx.anchor.year - 1
    if "y" in f:
        year = int(f["y"])
    elif "yam" in f or "yas" in f:
        year = base_year - 1
    else:
        shift = _shift(c, ctx)
        if shift is None or _lookup(t.units, f["unit"]) != "Y":
            return []
        year = ctx.anchor.year + shift
    return [Reading(c.start, c.end, f"{year:04d}-Q{n}", "DATE", "quarter")]


def h_current_period(c: Candidate, ctx: Context) -> list[Reading]:
    if ctx.anchor is None:
        return []
    return [Reading(c.start, c.end, shift_value(ctx.anchor, "Q", -1), "DATE", "quarter")]


def h_year_ago(c: Candidate, ctx: Context) -> list[Reading]:
    if ctx.anchor is None:
        return []
    if ctx.last_quarter and c.start - ctx.last_quarter[1] < QUARTER_CONTEXT:
        y, q = ctx.last_quarter[0].split("-")
        return [Reading(c.start, c.end, f"{int(y) - 1:04d}-{q}", "DATE", "quarter")]
    return [Reading(c.start, c.end, f"{ctx.anchor.year - 1:04d}", "DATE", "year")]


def h_season(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    t = ctx.g.table
    code = _lookup(t.get("seasons", {}), f["season"])
    shift = _shift(c, ctx)
    year = _year(c, ctx)
    if code is None:
        return []
    if year is None:
        if ctx.anchor is None:
            return []
        if shift is None and " " not in f["season"].strip() and not _season_cue(c, ctx):
            return []  # a bare "fall"/"spring" is too often a verb or a noun
        start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        a = ctx.anchor
        year = a.year
        if shift == -1 and (a.month < start_month + 3 and not (code == "WI" and a.month <= 2)):
            year -= 1
        elif shift == 1 and a.month >= start_month:
            year += 1
        if code == "WI" and a.month <= 2 and shift in (None, 0):
            year -= 1
    return [Reading(c.start, c.end, f"{year:04d}-{code}", "DATE", "season")]


def _season_cue(c: Candidate, ctx: Context) -> bool:
    before = ctx.text[max(0, c.start - 12):c.start].lower().split()
    return bool(before) and before[-1] in {w.lower() for w in ctx.g.table.get("season_cues")}


def h_decade(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    if "sdec" in f:   # "the nineties": the spelled tens of the latest such decade up to the anchor
        f = dict(f, dec=f"{_lookup(ctx.g.table.get('spelled_decades', {}), f['sdec']):02d}")
    dec = f["dec"].lstrip("'")
    if len(dec) == 2:
        if "dprefix" not in f and not f["dec"].startswith("'"):
            return []
        ref = ctx.anchor.year if ctx.anchor else 2000
        century = 19 if 1900 + int(dec) <= ref else 18
        dec = f"{century}{dec}"
    fmt = ctx.g.table.get("decade_format", "") or "{decade}"
    # "the late 1960s": the part word inside the prefix still says which part of the decade
    words = re.sub(r"\s+", " ", f.get("dprefix", "").lower()).split(" ")
    part = next((q for w in words if (q := ctx.g.table.get("parts", {}).get(w))), None)
    return [Reading(c.start, c.end, fmt.format(decade=dec[:3]), "DATE", "decade", part)]


def h_century(c: Candidate, ctx: Context) -> list[Reading]:
    raw = c.fields["cent"].lower()
    n = int(raw) if raw.isdigit() else ROMAN.get(raw)
    if not n or n > 22:
        return []
    return [Reading(c.start, c.end, f"{n - 1:02d}", "DATE", "century")]


def h_set(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    t = ctx.g.table
    if "setw" in f:
        return [Reading(c.start, c.end, _lookup(t.get("set_words", {}), f["setw"]), "SET", None)]
    n = _num(f["num"], ctx) if "num" in f else 1
    if "unit" in f:
        unit = _lookup(t.units, f["unit"])
        if unit in ("H", "MIN"):
            return [Reading(c.start, c.end, f"PT{n}{'H' if unit == 'H' else 'M'}", "SET", None)]
        u = DURATION_UNIT.get(unit)
        return [Reading(c.start, c.end, f"P{n}{u}", "SET", None)] if u else []
    if "wd" in f:
        if "setpre" not in f and not _name_ok(f["wd"], c, ctx, alone=True):
            return []
        wd = t.weekdays.get(f["wd"].lower().rstrip("."))
        pod = f"T{_lookup(t.get('pods', {}), f['pod'])}" if "pod" in f else ""
        return [Reading(c.start, c.end, f"XXXX-WXX-{wd + 1}{pod}", "SET", None)]
    if "mon" in f:
        month = _lookup(t.months, f["mon"])
        return [Reading(c.start, c.end, f"XXXX-{month:02d}", "SET", None)]
    if "pod" in f:
        return [Reading(c.start, c.end, f"XXXX-XX-XXT{_lookup(t.get('pods', {}), f['pod'])}", "SET", None)]
    return []


def h_duration(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    t = ctx.g.table
    if "vague" in f:
        return [Reading(c.start, c.end, _lookup(t.get("duration_vague", {}), f["vague"]), "DURATION", None)]
    if "one" in f:
        unit, n = _lookup(t.unit_one, f["one"]), 1
    else:
        unit = _lookup(t.units, f["unit"])
        n = _num(f["num2"] if "num2" in f else f["num"], ctx)
    if unit is None or n is None:
        return []
    if unit in ("H", "MIN"):
        return [Reading(c.start, c.end, f"PT{n}{'H' if unit == 'H' else 'M'}", "DURATION", None)]
    if unit == "Q":
        return [Reading(c.start, c.end, f"P{n * 3 if n != 'X' else 'X'}M", "DURATION", None)]
    if unit == "WINDU":
        return [Reading(c.start, c.end, f"P{n * 8 if n != 'X' else 'X'}Y", "DURATION", None)]
    u = DURATION_UNIT.get(unit)
    if u is None:
        return []
    return [Reading(c.start, c.end, f"P{n}{u}", "DURATION", None)]


def h_clock(c: Candidate, ctx: Context) -> list[Reading]:
    day = ctx.last_day or (ctx.anchor.isoformat() if ctx.anchor else None)
    if day is None:
        return []
    suffix, _ = _time_suffix(c, ctx)
    return [Reading(c.start, c.end, day + suffix, "TIME", "minute")]


def h_anaphoric(c: Candidate, ctx: Context) -> list[Reading]:
    """"hari itu", "that day", "the following year": the day or year the text last spoke of."""
    f = c.fields
    t = ctx.g.table
    if "anad" in f:
        if ctx.last_day is None:
            return []
        n = _lookup(t.get("anaphoric_offsets", {}), f["anad"]) or 0
        d = dt.date.fromisoformat(ctx.last_day) + dt.timedelta(days=n)
        return [Reading(c.start, c.end, d.isoformat(), "DATE", "day")]
    if ctx.last_year is None:
        return []
    n = _lookup(t.get("anaphoric_year_offsets", {}), f["anay"]) or 0
    return [Reading(c.start, c.end, f"{ctx.last_year + n:04d}", "DATE", "year")]


def h_phrase(c: Candidate, ctx: Context) -> list[Reading]:
    """Fixed period phrases from the table: "year-end", "akhir pekan", "the end of the month" ..."""
    if ctx.anchor is None:
        return []
    unit, shift, qualifier = _lookup(ctx.g.table.get("period_phrases", {}), c.fields["phrase"])
    closer, blocker = _closer(ctx.g.table.code)
    if _YEAR_AFTER.match(ctx.text, c.end):
        return []   # "akhir tahun 2015", "the end of the year 2015": the year written decides, not the anchor's
    if blocker.match(ctx.text, c.end):
        return []   # "the year of the flood" names a year by an event, not the current one
    if qualifier is None and unit in DURATION_UNIT and closer.match(ctx.text, c.end):
        # "the year ended March 31": a twelve-month stretch closed by a date, not the calendar year (TimeML)
        return [Reading(c.start, c.end, f"P1{DURATION_UNIT[unit]}", "DURATION", None)]
    if unit == "WE":
        value = weekend_value(ctx.anchor, shift, _direction(c, ctx))
    else:
        value = shift_value(ctx.anchor, unit, shift or 0)
    if value is None:
        return []
    return [Reading(c.start, c.end, value, "DATE", PRECISION.get(unit), qualifier)]


def h_holiday(c: Candidate, ctx: Context) -> list[Reading]:
    """Named days ("Thanksgiving", "Hari Kemerdekaan"): the year written, or the occurrence near the anchor."""
    f = c.fields
    t = ctx.g.table
    if t.names_capitalized and not f["hol"][:1].isupper():
        return []
    rule = _lookup(t.get("holidays", {}), f["hol"])
    year = _year(c, ctx)
    shift = _shift(c, ctx)
    if year is None:
        if ctx.anchor is None:
            return []
        a = ctx.anchor
        this = holiday(rule, a.year)
        if this is None:
            return []
        direction = shift if shift is not None else _direction(c, ctx)
        if direction < 0 and this >= a:
            year = a.year - 1
        elif direction > 0 and this <= a:
            year = a.year + 1
        else:   # no tense: the nearest occurrence ("Natal dan Tahun Baru" written on 29 December)
            near = [(abs((d - a).days), y) for y in (a.year - 1, a.year, a.year + 1)
                    if (d := holiday(rule, y)) is not None]
            year = min(near)[1] if direction == 0 and near else a.year
    d = holiday(rule, year)
    if d is None:
        return []
    return [Reading(c.start, c.end, d.isoformat(), "DATE", "day")]


def _opens_sentence(c: Candidate, ctx: Context) -> bool:
    before = ctx.text[max(0, c.start - 4):c.start].rstrip(" \t\"'`“‘(")
    return not before or before[-1] in ".!?\n"


def h_ref(c: Candidate, ctx: Context) -> list[Reading]:
    f = c.fields
    value = "PRESENT_REF" if "present" in f else "PAST_REF" if "past" in f else "FUTURE_REF"
    word = re.sub(r"\s+", " ", ctx.text[c.start:c.end].lower())
    if word in {w.lower() for w in ctx.g.table.get("discourse_openers")} and _opens_sentence(c, ctx) \
            and ctx.text[c.end:c.end + 3].lstrip(" ").startswith(","):
        return []  # "Now, he says ...": a discourse marker that opens a sentence, not a time (TimeML)
    nxt = re.match(r"\s+(\w+)", ctx.text[c.end:c.end + 12])
    if value != "PRESENT_REF" and nxt and nxt.group(1).lower() in {w.lower() for w in ctx.g.table.get("ref_not_before")}:
        return []  # "the future of the industry": its prospects, not a time
    # "saat ini", "now": true as of the anchor and still going on, which is what the timeline should draw
    return [Reading(c.start, c.end, value, "DATE", None, "ongoing" if value == "PRESENT_REF" else None)]


HANDLERS = {
    "wd_numeric": h_numeric, "numeric": h_numeric, "iso": h_iso, "wd_date": h_date, "date": h_date,
    "day_range": h_day_range, "month_year": h_month_year, "month_rel": h_month_rel, "month_shift": h_month_shift, "month": h_month, "year": h_year, "spelled_year": h_spelled_year, "wd": h_wd,
    "wd_shift": h_wd, "deictic": h_deictic, "deictic_pod": h_deictic_pod, "pod_alone": h_pod_alone, "rel_unit": h_rel_unit, "rel_phrase": h_rel_phrase, "ago": h_ago,
    "quarter": h_quarter, "quarter_of_year": h_quarter_of_year, "current_period": h_current_period, "year_ago": h_year_ago, "season": h_season,
    "decade": h_decade, "spelled_decade": h_decade, "century": h_century, "set": h_set, "duration": h_duration, "clock": h_clock, "clock_word": h_clock,
    "ref": h_ref, "phrase": h_phrase, "anaphoric": h_anaphoric, "holiday": h_holiday, "marked": h_marked,
}


def read(c: Candidate, ctx: Context) -> list[Reading]:
    """The readings of one candidate ([] when it is not a date after all)."""
    out = HANDLERS[c.kind](c, ctx)
    for r in out:
        r.kind = c.kind
    return [r for r in out if r.value]
