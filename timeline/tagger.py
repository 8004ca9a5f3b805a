"""The temporal tagger: find date expressions in a text and normalise them to TIMEX3 time spans.

Pipeline: candidates (timeline/candidates.py: the shapes of timeline/shapes.py filled with the words of
the language table, timeline/lang.py) -> a choice of non-overlapping candidates (longest first) ->
readings in text order (timeline/normalize.py dispatches each shape to its reader in timeline/readers/;
later readings see earlier ones: a clock time takes the last day mentioned) ->
ranges, part-of-period words ("early", "akhir") and signal words ("since", "sejak", "sekitar") widen the
span and set the qualifier -> `DateMention`s with earliest/latest bounds for drawing.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import lru_cache

from languages.sentences import Sentence, SentenceIndex, split_sentences
from timeline.calendar import bounds, narrow, week_value
from timeline.anchor import tense
from timeline.candidates import find_candidates, grammar
from timeline.patterns import alt
from timeline.model import DateMention, TimeSpan
from timeline.narrative import is_narrative, story_date, writes_year
from timeline.normalize import Context, Reading, read

_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MONTH_KINDS = {"month", "month_year", "month_shift", "month_rel", "month_of_rel"}
_CALENDAR_KINDS = {"date", "wd_date", "numeric", "wd_numeric", "iso", "day_range"}


def _choose(cands, ctx: Context):
    """Non-overlapping candidates that read as dates, longest first, ties to the more specific shape."""
    valid = [c for c in cands if read(c, ctx)]
    valid.sort(key=lambda c: (-(c.end - c.start), c.rank, c.start))
    starts: list[int] = []   # the taken spans, kept sorted; they never overlap, so only the
    ends: list[int] = []     # neighbours of a new span can collide with it (linear in the text)
    chosen = []
    for c in valid:
        i = bisect_left(starts, c.start)
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


@lru_cache(maxsize=None)
def _range_opener(lang: str) -> re.Pattern:
    """The first word of a two-word range ("between", "from", "antara") just before a date."""
    firsts = alt([p[0] for p in grammar(lang).table.get("range_between")])
    return re.compile(rf"(?:^|\W)(?:{firsts})\s+$", re.I)


@lru_cache(maxsize=None)
def _range_joiner(lang: str) -> re.Pattern:
    t = grammar(lang).table
    dash = alt(t.get("range_dash"))
    seconds = alt([p[1] for p in t.get("range_between")])
    return re.compile(rf"^\s*(?:{dash}|-|–|—|−|{seconds})\s*$", re.I)


def _link_ranges(chosen, text: str, lang: str) -> set[int]:
    """Mark 'A - B' / 'from A to B' / 'antara A dan B': A borrows B's year; returns the indexes of B."""
    joiner = _range_joiner(lang)
    t = grammar(lang).table
    opener = _range_opener(lang)
    ends = set()
    for i in range(len(chosen) - 1):
        a, b = chosen[i], chosen[i + 1]
        between = text[a.end:b.start]
        if len(between) > 12 or not joiner.match(between):
            continue
        word = between.strip().lower()
        if word in {p[1].lower() for p in t.get("range_between")} and word not in {w.lower() for w in t.get("range_dash")}:
            if not opener.search(text[max(0, a.start - 15):a.start]):
                continue
        ends.add(i + 1)
        if "y" not in a.fields and "y" in b.fields and ("mon" in a.fields):
            y = int(b.fields["y"])
            months = t.months
            ma = months.get(a.fields["mon"].lower().rstrip("."))
            mb = months.get(b.fields.get("mon", "").lower().rstrip("."), 13)
            a.fields["range_year"] = y - 1 if ma and ma > mb else y
    return ends


@lru_cache(maxsize=None)
def _week_of(lang: str) -> re.Pattern:
    """"the week of" before a day (table `week_of`): the reading is that day's week."""
    return re.compile(rf"(?:^|(?<=[^\w]))(?:{alt(grammar(lang).table.get('week_of'))})\s+$", re.I)


@lru_cache(maxsize=None)
def _pod_before(lang: str) -> re.Pattern:
    """A part of the day written before a day date (table `pod_before_day`): the reading is that part of it."""
    return re.compile(rf"(?:^|(?<=[^\w]))(?P<pb>{alt(grammar(lang).table.get('pod_before_day'))})\s+$", re.I)


@lru_cache(maxsize=None)
def _part_after(lang: str) -> re.Pattern:
    """A part word written after its period (table `parts_after`): "8月下旬" is the end of August."""
    return re.compile(rf"\s*(?P<pa>{alt(grammar(lang).table.get('parts_after'))})", re.I)


@lru_cache(maxsize=None)
def _clock_then_day(lang: str) -> re.Pattern:
    """What may stand between a clock time and the day it belongs to: a comma, a word joining it to the day
    (dateparser's and the table's `pertain`: "02:45 της 31ης Ιανουαρίου")."""
    return re.compile(rf"^\s*,?\s*(?:(?:{alt(grammar(lang).table.pertain)})\s+)?$", re.I)


def _extend(r: Reading, text: str, floor: int, g, is_range_end: bool) -> None:
    """Widen a reading over "the week of", then over a part-of-period word before it, then over a signal word."""
    if r.type == "DATE" and _FULL_DAY.fullmatch(r.value) and g.table.get("week_of"):
        m = _week_of(g.table.code).search(text[max(floor, r.start - 30):r.start])
        if m:   # "the week of March 6" is the week, not the day (TIMEX3 2000-W10)
            r.start -= len(m.group(0))
            r.value, r.precision = week_value(dt.date.fromisoformat(r.value)), "week"
    if r.type == "DATE" and _FULL_DAY.fullmatch(r.value) and g.table.get("pod_before_day"):
        m = _pod_before(g.table.code).search(text[max(floor, r.start - 30):r.start])
        if m:   # "the morning of 1 November", "το πρωί της 1ης Νοεμβρίου", "у ніч на 18 квітня"
            r.start -= len(m.group(0))
            pod = g.table.get("pod_before_day")[re.sub(r"\s+", " ", m.group("pb").lower())]
            r.value, r.type, r.precision = f"{r.value}T{pod}", "TIME", "hour"
    if r.type in ("DATE", "TIME"):
        m = g.prefix_part.search(text[max(floor, r.start - 40):r.start])
        if m:
            r.start -= len(m.group(0))
            r.qualifier = g.table.get("parts", {}).get(re.sub(r"\s+", " ", m.group("part").lower()))
    if r.type in ("DATE", "TIME") and g.table.get("parts_after"):
        m = _part_after(g.table.code).match(text, r.end)
        if m:   # "8月下旬", "2017年末": the part of the period written after it
            r.end = m.end()
            r.qualifier = g.table.get("parts_after")[re.sub(r"\s+", " ", m.group("pa").lower())]
    if is_range_end:
        return
    m = g.prefix_signal.search(text[max(floor, r.start - 25):r.start])
    if m:
        q = g.table.get("signals", {}).get(re.sub(r"\s+", " ", m.group("sig").lower()))
        if r.type in ("DURATION", "SET") and q != "approx":
            return
        r.start -= len(m.group(0))
        if r.qualifier is None:
            r.qualifier = q
        else:
            r.notes.append(f"{m.group('sig')}: {q}")


def _span(r: Reading, anchor: dt.date | None) -> TimeSpan:
    lo_hi = None
    if r.type in ("DATE", "TIME"):
        lo_hi = bounds(r.value)
        if lo_hi is None and r.value == "PRESENT_REF" and anchor:
            lo_hi = (anchor, anchor)
    earliest = latest = None
    if lo_hi:
        lo, hi = narrow(*lo_hi, r.qualifier)
        earliest, latest = lo.isoformat(), hi.isoformat()
    return TimeSpan(r.value, r.type, r.precision, r.qualifier, earliest, latest)


def find_dates(text: str, lang: str, anchor: dt.date | None = None,
               sentences: list[Sentence] | None = None) -> list[DateMention]:
    """Date expressions in `text` (sorted, non-overlapping, exact offsets) with TIMEX3 values.

    `anchor` is the publication date; without one, the latest full date written in the text is used
    (see `infer_anchor`), and relative expressions are left out when there is none. `sentences`: the
    text's split (languages/sentences.py), when the caller has made it already.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates: text must be a str, not {type(text).__name__}")
    if not text:
        return []
    index = _index(text, lang, sentences)
    if anchor is None:
        anchor = _inferred(text, lang, index)
    g = grammar(lang)
    probe = Context(text, g, anchor, index, last_day="2000-01-01", last_year=2000)
    chosen = _choose(find_candidates(text, lang), probe)
    ctx = Context(text, g, anchor, index)
    story = is_narrative(chosen, anchor, len(text))   # a story of long ago counts from its own dates (timeline/narrative.py)
    found = _read_in_order(chosen, _link_ranges(chosen, text, lang), ctx, anchor, story)
    return _today_as_present(found, g, anchor)


NEAR_DAYS = 3   # a day this close to the anchor (yesterday, tomorrow, the weekend) means news of the day


def _today_as_present(found: list[DateMention], g, anchor: dt.date | None) -> list[DateMention]:
    """A text that names no day within NEAR_DAYS of its anchor (a feature, an essay, an interview) uses its
    "heute" for the present age, not for the day it was printed: TimeML's PRESENT_REF. Only the words the
    language lists (`deictic_present`) are read so; a dated "today" stays in news of the day."""
    words = {w.lower() for w in g.table.get("deictic_present")}
    if not words or anchor is None:
        return found
    today = [m for m in found if m.text.lower().split()[-1] in words and m.span.value == anchor.isoformat()]
    if not today or any(m not in today and _near(m, anchor) for m in found):
        return found
    present = _span(Reading(0, 0, "PRESENT_REF", "DATE", None, "ongoing"), anchor)
    return [DateMention(m.start, m.end, m.text, present, m.notes) if m in today else m for m in found]


def _near(m: DateMention, anchor: dt.date) -> bool:
    if m.span.type not in ("DATE", "TIME") or not _FULL_DAY.match(m.span.value):
        return False
    return abs((dt.date.fromisoformat(m.span.value[:10]) - anchor).days) <= NEAR_DAYS


def _index(text: str, lang: str, sentences: list[Sentence] | None) -> SentenceIndex:
    return SentenceIndex(split_sentences(text, lang) if sentences is None else sentences, len(text))


def _read_in_order(chosen, range_ends: set[int], ctx: Context, anchor: dt.date | None,
                   story: bool = False) -> list[DateMention]:
    """Read the chosen candidates in text order, each in the context the earlier ones left; a clock time
    right before a day ("10 p.m. Wednesday") waits for that day and joins it. In a story of long ago
    (`story`), from the first date that writes its year on, each date read becomes the reference of what
    follows it (what comes before - a news lead - still counts from the anchor)."""
    text = ctx.text
    out: list[DateMention] = []
    floor = 0
    pending_clock: Reading | None = None
    for i, c in enumerate(chosen):
        for j, r in enumerate(read(c, ctx)):
            if r.kind in ("clock", "clock_word") and i + 1 < len(chosen) \
                    and _clock_then_day(ctx.g.table.code).match(text[c.end:chosen[i + 1].start]):
                pending_clock = r   # "10 p.m. Wednesday": the clock waits for its day
                continue
            if pending_clock is not None:
                if not _join_clock(r, pending_clock):
                    out.append(_mention(pending_clock, text, anchor))
                pending_clock = None
            _extend(r, text, floor, ctx.g, i in range_ends or j > 0)   # "vom 5. bis zum 9. Juni": one candidate
            ahead = story and _looks_ahead(r, ctx)
            if not ahead:
                _remember(r, ctx)
            if story and (ctx.narrative or writes_year(c.fields)) and r.type in ("DATE", "TIME") \
                    and story_date(r.value) and not ahead:
                ctx.narrative, ctx.anchor = True, story_date(r.value)   # the reference of what follows
            if i in range_ends and out and not any(n.startswith("range ") for n in r.notes):
                note = f"range {out[-1].span.value}/{r.value}"   # "antara Mei dan Juli", "from May to July"
                out[-1].notes.append(note)
                r.notes.append(note)
            out.append(_mention(r, text, anchor))
            floor = r.end
    if pending_clock is not None:
        out.append(_mention(pending_clock, text, anchor))
    return out


def _looks_ahead(r: Reading, ctx: Context) -> bool:
    """A lone year decades after the point the story has reached ("a document published in 2005" in a
    story of 1964; read because it is near the writer's present, timeline/readers/years.py) is the writer
    looking ahead, not the story moving on: it does not become the reference of what follows."""
    return ctx.narrative and ctx.anchor is not None and r.kind == "year" and story_date(r.value) is not None \
        and story_date(r.value).year > ctx.anchor.year + 30


def _join_clock(r: Reading, clock: Reading) -> bool:
    """Give a day reading the clock written before it (the reading becomes the TIME); False if r is no day."""
    if not (_FULL_DAY.match(r.value) and r.type == "DATE" and "T" not in r.value):
        return False
    r.value = r.value[:10] + clock.value[10:]
    r.start, r.type, r.precision = clock.start, "TIME", clock.precision
    return True


def _remember(r: Reading, ctx: Context) -> None:
    """What later readings may refer to: the last day, year, quarter and month the text spoke of."""
    if _FULL_DAY.match(r.value):
        ctx.last_day = r.value[:10]
    if r.value[:4].isdigit() and r.type in ("DATE", "TIME") and r.precision != "decade":
        ctx.last_year = int(r.value[:4])
    if r.precision == "quarter" and r.kind not in ("year_ago", "quarter_of_year"):
        ctx.last_quarter = (r.value, r.start)
    if r.precision == "month" and r.kind in _MONTH_KINDS:
        ctx.last_month = (r.value[:7], r.start)


def _mention(r: Reading, text: str, anchor: dt.date | None) -> DateMention:
    return DateMention(r.start, r.end, text[r.start:r.end], _span(r, anchor), r.notes)


def infer_anchor(text: str, lang: str, sentences: list[Sentence] | None = None) -> dt.date | None:
    """The latest full (day-precision, year written) date in the text, for articles without a date.

    A date in a sentence that speaks of the future ("will open on 12 May 2018") is a plan, not the day
    of writing: it counts only when the text has no other full date."""
    if not isinstance(text, str):
        raise TypeError(f"infer_anchor: text must be a str, not {type(text).__name__}")
    if not text:
        return None
    return _inferred(text, lang, _index(text, lang, sentences))


def _inferred(text: str, lang: str, index: SentenceIndex) -> dt.date | None:
    g = grammar(lang)
    ctx = Context(text, g, None, index)
    reported, planned = [], []
    for c in find_candidates(text, lang):
        if c.kind not in _CALENDAR_KINDS:
            continue
        for r in read(c, ctx):
            if _FULL_DAY.match(r.value):
                d = dt.date.fromisoformat(r.value[:10])
                future = tense(text, c.start, c.end, g.future_cue, g.past_cue, index.around(c.start, c.end)) > 0
                (planned if future else reported).append(d)
    return max(reported or planned, default=None)
