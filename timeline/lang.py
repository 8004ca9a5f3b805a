"""Language tables for the date tagger: dateparser's locale data plus the project's own additions.

Why: every language dateparser knows should work at least for absolute dates and month names, so the
month/weekday names, unit words, relative phrases and the usual day/month order come from dateparser's
`date_translation_data`; the language's ``dates`` part (languages/data/<lang>/dates.json, read through
the `languages` loader and its one fallback rule) adds what dateparser lacks (number words, part-of-day
words, seasons, quarter words, tense cues ...). No language is special-cased in code.
"""
from __future__ import annotations

import copy
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import languages
from languages.calendar_names import MONTHS, WEEKDAYS, dateparser_info

DP_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "fortnight": "FN"}
DP_PODS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "early_morning": "MO"}
_REL = re.compile(r"^(in )?(\d+) (\w+?)( ago)?$")


@dataclass
class LangTable:
    """Everything the candidate finder and the normaliser need to know about one language."""

    code: str
    date_order: str = "DMY"
    names_capitalized: bool = False
    months: dict = field(default_factory=dict)        # name -> 1..12
    borrowed: set = field(default_factory=set)        # month names of another language, read only capitalised
    weekdays: dict = field(default_factory=dict)      # name -> 0..6 (Monday = 0)
    short_names: set = field(default_factory=set)     # abbreviations: need a dot or a number next to them
    weak_names: set = field(default_factory=set)      # names that are also common words: need a cue
    weak_name_cues: list = field(default_factory=list)
    units: dict = field(default_factory=dict)         # word -> D W M Y DE CE H MIN FN WE Q
    unit_one: dict = field(default_factory=dict)      # "setahun" -> Y (one unit in one word)
    numbers: dict = field(default_factory=dict)       # word -> int or "X"
    shift_pre: dict = field(default_factory=dict)     # "last" -> -1 (before a unit or weekday)
    shift_post: dict = field(default_factory=dict)    # "lalu" -> -1 (after a unit or weekday)
    ago_post: dict = field(default_factory=dict)      # "ago" -> -1 (after a count + unit)
    ago_pre: dict = field(default_factory=dict)       # "vor", "il y a" -> -1, "через" -> +1 (before a count + unit)
    deictic_days: dict = field(default_factory=dict)  # "yesterday" -> -1
    deictic_pod: dict = field(default_factory=dict)   # "tonight" -> [0, "NI"]
    present_words: set = field(default_factory=set)   # dateparser's "now" words
    rel_phrases: dict = field(default_factory=dict)   # "la semaine dernière" -> ("W", -1): whole relative phrases
    pertain: list = field(default_factory=list)       # "of", "de": joins a month to its year
    not_year_after: list = field(default_factory=list)   # "persen", "people": a number before them is no year
    not_year_before: list = field(default_factory=list)  # "pasal", "page": a number after them is no year
    extra: dict = field(default_factory=dict)         # the rest of the JSON table, by key

    def get(self, key, default=None):
        return self.extra.get(key, default if default is not None else [])


def _project_table(code: str) -> dict:
    """The language's ``dates`` part, as a private copy (the table below adds to it)."""
    return copy.deepcopy(dict(languages.part(code, "dates")))


def _add_names(target: dict, short: set, names_by_index: list[list[str]]) -> None:
    """Names by index (0 = January or Monday); a name of up to four letters that begins a longer name of
    the same month or day is an abbreviation ("aug", "sept"): it needs a dot or a number next to it."""
    for idx, names in enumerate(names_by_index):
        names = [n.lower().rstrip(".") for n in names if n]
        for n in names:
            if len(n) < 3:
                continue
            target.setdefault(n, idx)
            if any(o != n and o.startswith(n) for o in names) and len(n) <= 4:
                short.add(n)


def _add_two_letter_months(target: dict, short: set, names_by_index: list[list[str]]) -> None:
    """A month all of whose names are two letters long (Hindi "मई", Bengali "মে", Tamil "மே": May) would
    have no name at all: its names are kept, as names that need a number next to them ("3 मई 2023")."""
    for idx, names in enumerate(names_by_index):
        names = [n.lower().rstrip(".") for n in names if n]
        if names and all(_letters(n) < 3 for n in names):   # Persian "مهٔ" is "مه" with a mark above
            for n in names:
                if len(n) == 2 and not any(ch.isdigit() for ch in n):
                    target.setdefault(n, idx)
                    short.add(n)


def _letters(name: str) -> int:
    return sum(1 for ch in name if not unicodedata.combining(ch))


def _split_relative(phrase: str, unit_words: dict) -> tuple[str, str, str] | None:
    """'last week' -> ('last', 'week', ''); 'minggu lalu' -> ('', 'minggu', 'lalu')."""
    words = phrase.split()
    for i, w in enumerate(words):
        if w in unit_words:
            return " ".join(words[:i]), w, " ".join(words[i + 1:])
    return None


@lru_cache(maxsize=None)
def load_language(code: str) -> LangTable:
    """The merged table for an ISO 639-1 code (unknown codes give an English-free, numbers-only table)."""
    code = (code or "").lower().split("-")[0].split("_")[0]
    info = dateparser_info(code) if code else {}
    extra = _project_table(code)
    t = LangTable(code=code or "xx")
    t.date_order = info.get("date_order", "DMY")
    t.names_capitalized = bool(extra.get("names_capitalized", False))
    _read_names(t, info, extra)
    _read_units_and_shifts(t, info, extra)
    t.pertain = [w.lower() for w in info.get("pertain", []) or []] + list(extra.get("pertain", []))
    for key in ("not_year_after", "not_year_before"):
        setattr(t, key, [w.lower() for w in extra.get(key, [])])
    t.deictic_days = dict(extra.get("deictic_days", {}))
    t.deictic_pod = dict(extra.get("deictic_pod", {}))
    extra["pods"] = _pods(info, extra)
    _read_relative_phrases(t, info)
    _drop_not_words(t, extra.get("not_words", []), extra)
    t.extra = extra
    return t


def _drop_not_words(t: LangTable, words: list, extra: dict) -> None:
    """dateparser's words that are, in running text of the language, mostly something else (`not_words`:
    "mit" is no Wednesday in German, 今 alone no "now" in Japanese, where it begins 今回 and 今後). A word
    the table itself lists as a unit, count or shift word stays one: 日 is no Sunday, but the day of "2日後"."""
    own = {w.lower() for key in ("units", "unit_one", "deictic_days", "shift_pre", "shift_post", "ago_post")
           for w in extra.get(key, {})}
    for w in (w.lower() for w in words):
        t.present_words.discard(w)
        for table in (t.rel_phrases, t.deictic_days, t.unit_one, t.shift_pre, t.shift_post, t.ago_post, t.units):
            if w not in own:
                table.pop(w, None)


def _read_names(t: LangTable, info: dict, extra: dict) -> None:
    """Month and weekday names from dateparser, then the table's own forms (`month_forms`, `weekday_forms`:
    the case endings and colloquial names dateparser lacks, "у червні", "τον Μάρτιο"); the table also says
    which names are also common words."""
    _add_names(t.months, t.short_names, [info.get(m, []) for m in MONTHS])
    _add_two_letter_months(t.months, t.short_names, [info.get(m, []) for m in MONTHS])
    t.months = {k: v + 1 for k, v in t.months.items()}
    _add_names(t.weekdays, t.short_names, [info.get(d, []) for d in WEEKDAYS])
    for name in extra.get("not_words", []):   # dateparser's abbreviations that are common words ("mit", "die")
        t.months.pop(name.lower(), None)
        t.weekdays.pop(name.lower(), None)
    for name, month in extra.get("month_forms", {}).items():
        t.months[name.lower()] = int(month)
        t.short_names.discard(name.lower())
    for name, day in extra.get("weekday_forms", {}).items():   # ISO numbers: Monday = 1
        t.weekdays[name.lower()] = int(day) - 1
        t.short_names.discard(name.lower())
    for name, month in extra.get("borrowed_months", {}).items():   # "9 August 2017" in an Indonesian text
        key = name.lower()
        if key not in t.months and key not in t.weekdays:
            t.months[key] = int(month)
            t.borrowed.add(key)
    t.weak_names = {w.lower() for w in extra.get("weak_names", [])}
    t.weak_name_cues = [w.lower() for w in extra.get("weak_name_cues", [])]


def _read_units_and_shifts(t: LangTable, info: dict, extra: dict) -> None:
    """Unit words (dateparser's, then the table's), number words, shift words and "ago" words."""
    for key, unit in DP_UNITS.items():
        for w in info.get(key, []):
            if len(w) >= 3:
                t.units[w.lower()] = unit
    t.units.update(extra.get("units", {}))
    t.unit_one = dict(extra.get("unit_one", {}))
    t.numbers = dict(extra.get("numbers", {}))
    t.shift_pre = dict(extra.get("shift_pre", {}))
    t.shift_post = dict(extra.get("shift_post", {}))
    # dateparser's "ago" words do not say on which side of the count they stand: those the table lists as
    # `ago_pre` ("vor drei Jahren", "il y a trois ans", "hace tres años") stand before it, the rest after
    t.ago_pre = {w.lower(): n for w, n in extra.get("ago_pre", {}).items()}
    t.ago_post = {w.lower(): -1 for w in info.get("ago", []) if len(w) > 2 and w.lower() not in t.ago_pre}
    t.ago_post.update(extra.get("ago_post", {}))


def _pods(info: dict, extra: dict) -> dict:
    """Part-of-day words -> TIMEX3 MO AF EV NI: dateparser's, overlaid with the table's."""
    pods = {}
    for key, pod in DP_PODS.items():
        for w in info.get(key, []):
            pods[w.lower()] = pod
    pods.update(extra.get("pods", {}))
    return pods


def _read_relative_phrases(t: LangTable, info: dict) -> None:
    """dateparser's simple relative phrases ("1 week ago": ["last week", "minggu lalu"] ...): "now" words,
    deictic days, one-word units, whole phrases, and the shift word of a two-part phrase."""
    for key, phrases in (info.get("relative-type") or {}).items():
        m = _REL.match(key)
        if not m:
            continue
        fut, n, unit, ago = m.groups()
        n = int(n)
        sign = 1 if fut else (-1 if ago else 1)
        for p in phrases:
            _add_relative_phrase(t, p.lower(), unit, sign * n, bool(fut or ago))


def _add_relative_phrase(t: LangTable, p: str, unit: str, n: int, moved: bool) -> None:
    """One phrase of dateparser's `relative-type` key "[in ]<|n|> <unit>[ ago]" (n signed; `moved`: the key
    has "in" or "ago", so the phrase points away from now)."""
    if unit in ("second", "minute", "hour") and n == 0:
        t.present_words.add(p)
        return
    if unit == "day" and moved:
        t.deictic_days.setdefault(p, n)
        return
    if unit not in DP_UNITS:
        return
    if not moved:
        if len(p.split()) == 1:
            t.unit_one.setdefault(p, DP_UNITS[unit])
        return
    t.rel_phrases.setdefault(p, (DP_UNITS[unit], n))
    parts = _split_relative(p, t.units)
    if parts and abs(n) <= 1 and (parts[0] or parts[2]) and not (parts[0] and parts[2]):
        if parts[0]:
            t.shift_pre.setdefault(parts[0], n)
        else:
            t.shift_post.setdefault(parts[2], n)
