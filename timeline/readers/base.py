"""What every reader shares: the `Reading` it returns, the `Context` it reads in, and the small steps
most readers take (looking a word up in the table, the year written, the tense, a name's spelling).

Why here: the readers (one module per family of shapes) must not import each other for these, and the
dispatcher (timeline/normalize.py) imports the readers, so the types live below both.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from languages.sentences import SentenceIndex
from timeline.anchor import fit_year, tense
from timeline.candidates import Candidate, Grammar
from timeline.lang import load_language

QUARTER_CONTEXT = 400     # characters after a quarter (or month) within which "a year earlier" means it
DURATION_UNIT = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "DE", "CE": "CE", "FN": "W", "WINDU": "Y"}


@dataclass
class Reading:
    """One TIMEX3 reading of text[start:end]; `kind` is the shape it was read from (set by `read`)."""

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
    """The text, its grammar and anchor, and what the text last spoke of (the tagger updates these as it
    reads in text order, so a clock time takes the last day mentioned, "that year" the last year)."""

    text: str
    g: Grammar
    anchor: dt.date | None
    sentences: SentenceIndex
    last_day: str | None = None
    last_quarter: tuple[str, int] | None = None
    last_month: tuple[str, int] | None = None    # ("2009-02", offset) of the last month named
    last_year: int | None = None                 # year of the last mention that names or implies one
    narrative: bool = False   # a story of long ago: partial and relative dates count from the story's dates
    present: dt.date | None = None   # the writer's present (the publication date): the anchor of a story of
    # long ago moves with its dates, this does not - which years and decades a text can name depends on it

    def __post_init__(self) -> None:
        if self.present is None:
            self.present = self.anchor


def lookup(d: dict, word: str):
    """The table entry of a word as written (any case, any run of spaces, a trailing dot)."""
    return d.get(re.sub(r"\s+", " ", word.lower().rstrip(".")))


def unit_and_count(t, word: str):
    """A unit written in one word with its count: "setahun" (one year) -> ("Y", 1); a table may give the
    count of a word that holds more than one ("يومين", two days, a dual) as [unit, count]."""
    v = lookup(t.unit_one, word)
    return (v[0], v[1]) if isinstance(v, (list, tuple)) else (v, 1)


def number(word: str, ctx: Context):
    """A count written in digits or as a number word of the table ("three", "beberapa" -> "X")."""
    w = re.sub(r"\s+", " ", word.lower())
    if w.isdigit():
        return int(w)
    return ctx.g.table.numbers.get(w)


def in_list(word: str, words) -> bool:
    """Is the word (any case, any run of spaces) one of the table's words?"""
    return re.sub(r"\s+", " ", word.lower()) in {w.lower() for w in words}


def direction(c: Candidate, ctx: Context, reach: int = 0) -> int:
    """Tense of the expression: a shift word written after a date ("le 21 juin dernier", "Minggu (28/12)
    kemarin") or a signal word just before it ("since" -1, "until" +1) wins over the sentence."""
    tail = lookup(ctx.g.table.shift_post, c.fields["tail"]) if "tail" in c.fields else None
    if tail:
        return tail
    m = None if reach else ctx.g.signal_tense.search(ctx.text[max(0, c.start - 20):c.start])
    if m:
        return ctx.g.table.get("signal_tense", {}).get(re.sub(r"\s+", " ", m.group("sig").lower()), 0)
    return tense(ctx.text, c.start, c.end, ctx.g.future_cue, ctx.g.past_cue, ctx.sentences.around(c.start, c.end),
                 reach, _auxiliaries(ctx.g.table.code))


@lru_cache(maxsize=None)
def _auxiliaries(code: str) -> frozenset:
    """Auxiliaries that make a past form a participle ("be paid": `participle_aux`), from the table."""
    return frozenset(w.lower() for w in load_language(code).get("participle_aux"))


def name_ok(name: str, c: Candidate, ctx: Context, alone: bool) -> bool:
    """Month/weekday names: capitalised where the language capitalises them (a month name borrowed from
    another language always, and only with a day or year next to it); abbreviations and names that are
    also common words only next to a number or after a cue word."""
    t = ctx.g.table
    key = name.lower().rstrip(".")
    pos = ctx.text.find(name, c.start, c.end)
    pos = c.start if pos < 0 else pos
    if key in t.borrowed and (alone or not name[:1].isupper()):
        return False    # a borrowed name ("August" in a German text may be a man) only in a date, capitalised
    if t.names_capitalized and alone and not name[:1].isupper():
        return False
    if alone and key in t.short_names:
        return ctx.text[pos + len(name) - 1: pos + len(name) + 1].endswith(".")
    if alone and key in t.weak_names:
        return bool(ctx.g.weak_cue.search(ctx.text[max(0, pos - 25):pos]))
    return True


def _two_digit_year(y2: str, ctx: Context) -> int:
    y = int(y2)
    ref = ctx.present.year if ctx.present else 2000
    return 2000 + y if 2000 + y <= ref + 10 else 1900 + y


def year_of(c: Candidate, ctx: Context) -> int | None:
    """The year written in the candidate ("2017", "'17"), or borrowed from the end of its range."""
    f = c.fields
    if "ceyear" in f:   # a year of a calendar era: its first year is the table's year of the era
        first = in_list(f["ceyear"], ctx.g.table.get("era_first_year"))
        return ctx.g.table.get("calendar_eras")[f["cera"]] + (0 if first else int(f["ceyear"]) - 1)
    if "y" in f:
        y = f["y"]
        return int(y) if len(y) == 4 else _two_digit_year(y, ctx)
    if "y2" in f:
        return _two_digit_year(f["y2"], ctx)
    if "range_year" in f:
        return f["range_year"]
    return None


def shift_of(c: Candidate, ctx: Context) -> int | None:
    """The signed shift of a "last"/"next"/"lalu"/"depan" word in the candidate, if it has one."""
    t = ctx.g.table
    if "shift_pre" in c.fields:
        return lookup(t.shift_pre, c.fields["shift_pre"])
    if "shift_post" in c.fields:
        return lookup(t.shift_post, c.fields["shift_post"])
    return None


def time_suffix(c: Candidate, ctx: Context) -> tuple[str, str | None]:
    """'T06:18' / 'TMO' from a clock or a part-of-day word written after a day, and its precision."""
    f = c.fields
    t = ctx.g.table
    if "cword" in f:
        return "T" + lookup(t.get("clock_words", {}), f["cword"]), "minute"
    if "hh" in f or "hw" in f:
        hh, mm = _hour_minute(f, t)
        if hh is None:
            return "", None
        ampm = lookup(t.get("ampm", {}), f["ampm"]) if "ampm" in f else None
        pm_pods = {p.lower() for p in t.get("clock_pm_pods")}
        pm_word = any(k in f and f[k].lower() in pm_pods for k in ("pod", "clk_pre"))   # "at 3 in the afternoon", "午後3時"
        if (ampm == "pm" or pm_word) and hh < 12:
            hh += 12
        if ampm == "am" and hh == 12:
            hh = 0
        zone = "Z" if "tz" in f and lookup({z: 1 for z in t.get("utc_zones")}, f["tz"]) else ""
        return f"T{hh:02d}:{mm:02d}{zone}", "minute"   # ISO 8601: a clock given in UTC ends in "Z"
    pod = lookup(t.get("pods", {}), f["pod"]) if "pod" in f else None
    if pod:
        return f"T{pod}", "hour"
    return "", None


def _hour_minute(f: dict, t) -> tuple[int | None, int]:
    """The hour and minute written: digits, or a number word of the table, half an hour before it after a
    `clock_half_words` word ("halb neun" is 8:30)."""
    if "hh" in f:
        return int(f["hh"]), int(f.get("mm") or f.get("mm2") or 0)
    hh = t.numbers.get(re.sub(r"\s+", " ", f["hw"].lower()))
    if not isinstance(hh, int) or not 1 <= hh <= 24:
        return None, 0
    return (hh - 1, 30) if "half" in f else (hh, 0)


def day_reading(c: Candidate, ctx: Context, value: str, notes=None) -> list[Reading]:
    """A day, made a TIME when a clock or a part of the day is written after it."""
    suffix, prec = time_suffix(c, ctx)
    return [Reading(c.start, c.end, value + suffix, "TIME" if suffix else "DATE", prec or "day", None,
                    list(notes or []))]


def story_year(ctx: Context, month: int, day: int | None) -> int:
    """The year of a month (and day) in a story of long ago: the year the story is at, or the next one when
    the story has reached the end of its year and the date lies just after it (a chronicle turning the
    year: "... 25 December. On 8 January ...")."""
    year = ctx.last_year
    if ctx.last_day and int(ctx.last_day[:4]) == year:
        front = dt.date.fromisoformat(ctx.last_day)
        try:
            here, ahead = dt.date(year, month, day or 1), dt.date(year + 1, month, day or 1)
        except ValueError:
            return year
        if (front - here).days > 180 and (ahead - front).days < 92:
            return year + 1
    return year


def month_day_value(month: int, day: int | None, c: Candidate, ctx: Context, year: int | None):
    """The value of a month (and day) in the year written, or the year that fits the anchor and the tense
    ("XXXX" without either); with a day, also the date when the year is known. (None, None): no such day."""
    if year is None and ctx.narrative and ctx.last_year is not None:
        year = story_year(ctx, month, day)   # a story of long ago: "on 20 November" is in the story's year
    elif year is None and ctx.anchor is not None:
        year = fit_year(ctx.anchor, month, day, direction(c, ctx))
    ys = f"{year:04d}" if year else "XXXX"
    if day is None:
        return f"{ys}-{month:02d}", None
    try:
        d = dt.date(year or 2000, month, day)
    except ValueError:
        return None, None
    return f"{ys}-{month:02d}-{day:02d}", (d if year else None)
