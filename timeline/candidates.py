"""Find date-expression candidates with exact character offsets.

Why: the candidate finder must be fast (it runs over every article) and multilingual, so it is a set of
regular expressions compiled once per language from the language table (timeline/lang.py). The templates
below are language-neutral shapes ("count unit ago-word", "weekday (d/m/y)", "day month year" ...); the
words come from data. Each match becomes a `Candidate` whose `kind` names the shape and whose `fields`
hold the named parts; timeline/normalize.py turns those into TIMEX3 values.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from timeline.lang import LangTable, load_language

B = r"(?<![\w])"          # word start
E = r"(?![\w])"           # word end
DAYNUM = r"(?:0?[1-9]|[12]\d|3[01])"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
NEVER = r"(?!x)x"


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    fields: dict = field(default_factory=dict)
    rank: int = 0
    spans: dict = field(default_factory=dict)  # group name -> (start, end) in the text


def alt(words) -> str:
    """A regex matching any of the words/phrases (spaces match any whitespace), built as a prefix tree:
    Python's re tries plain alternatives one by one at every position, a tree shares their prefixes."""
    words = {w.lower() for w in words if w}
    if not words:
        return NEVER
    trie: dict = {}
    for w in words:
        node = trie
        for ch in re.sub(r"\s+", " ", w):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        body = ("(?:" + body + ")?") if len(branches) == 1 and len(body) > 1 else body + "?"
    return body


def _names(names: dict, short: set) -> str:
    """Full names, then abbreviations with their optional dot (a full name never takes a sentence's stop)."""
    full = [n for n in names if n not in short]
    abbr = [n for n in names if n in short]
    return f"(?:{alt(full)})|(?:{alt(abbr)})\\.?" if abbr else alt(full)


def _shapes(t: LangTable) -> list[tuple[str, str]]:
    """(kind, regex) pairs, most specific first (ties between equal-length matches go to the earlier)."""
    x = t.get
    ordsuf = alt(x("ordinal_suffixes"))
    day = rf"(?P<d>{DAYNUM})(?:{ordsuf})?"
    mon = rf"(?P<mon>{_names(t.months, t.short_names)})"
    wd = rf"(?P<wd>{_names(t.weekdays, t.short_names)})"
    num = rf"(?P<num>\d{{1,3}}|{alt(t.numbers)})"
    unit = rf"(?P<unit>{alt(t.units)})"
    pods = x("pods")
    pod = rf"(?P<pod>{alt(pods)})"
    tz = rf"(?P<tz>{alt(x('timezones'))})"
    ampm = rf"(?P<ampm>{alt(x('ampm'))})"
    clock_pre = rf"(?P<clk_pre>{alt(x('clock_pre'))})"
    yprefix = alt(x("year_prefix") + t.pertain)
    pertain = alt(t.pertain)
    shift_pre = rf"(?P<shift_pre>{alt(t.shift_pre)})"
    shift_post = rf"(?P<shift_post>{alt(t.shift_post)})"
    sep = "[" + re.escape(t.get("clock_separators", ":.") or ":") + "]"
    tail = (rf"(?:\s+{clock_pre}\s*(?P<hh>[01]?\d|2[0-3]){sep}(?P<mm>[0-5]\d)(?:\s*{tz})?)?"
            rf"(?:\s+{pod}{E})?(?:\s+(?P<tail>{alt(x('day_tail'))}){E})?")
    y_opt = rf"(?:\s*,?\s*(?:(?:{yprefix})\s+)?(?P<y>{YEAR4}))?"
    numeric_guard_pre = r"(?<![\w/.,:-])"
    numeric_guard_post = r"(?![\w/]|[.,:-]\d)"
    dash = alt(x("range_dash")) + r"|-|–"
    marks = x("date_markers") or {}
    ym, mm, dm = (alt(marks.get(k, [])) for k in ("year", "month", "day"))
    shapes = [
        # languages that write dates with unit marks and no spaces: 2017年8月9日, 2017년 8월 9일, 8月9日
        ("marked", rf"(?<!\d)(?P<y>{YEAR4})\s*(?:{ym})(?:\s*(?P<mnum>1[0-2]|0?[1-9])\s*(?:{mm})"
                   rf"(?:\s*(?P<d>{DAYNUM})\s*(?:{dm}))?)?", "date_markers"),
        ("marked", rf"(?<!\d)(?P<mnum>1[0-2]|0?[1-9])\s*(?:{mm})\s*(?P<d>{DAYNUM})\s*(?:{dm})", "date_markers"),
        ("wd_numeric", rf"{B}{wd}\s*,?\s*\(\s*(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})(?:[/.-](?P<y>\d{{4}}|\d{{2}}))?\s*\)" + tail),
        ("wd_numeric", rf"{B}{wd}\s*,?\s*(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?{numeric_guard_post}" + tail),
        ("wd_date", rf"{B}{wd}\s*,?\s*\(?\s*{day}\s+{mon}{y_opt}(?:\s*\))?(?!\w)" + tail),
        ("wd_date", rf"{B}{wd}\s*,?\s*\(?\s*{mon}\s+{day}(?:(?:\s*,\s*|\s+)(?P<y>{YEAR4}))?(?:\s*\))?(?!\w)" + tail),
        ("iso", rf"{numeric_guard_pre}(?P<y>{YEAR4})-(?P<mnum>[01]?\d)-(?P<d>{DAYNUM}){numeric_guard_post}" + tail),
        ("numeric", rf"{numeric_guard_pre}(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){numeric_guard_post}" + tail),
        ("day_range", rf"{B}(?P<d0>{DAYNUM})(?:{ordsuf})?\s*(?:{dash})\s*{day}\s+{mon}{y_opt}{E}"),
        ("day_range", rf"{B}{mon}\s+(?P<d0>{DAYNUM})(?:{ordsuf})?\s*(?:{dash})\s*{day}(?:(?:\s*,\s*|\s+)(?P<y>{YEAR4}))?{E}"),
        ("date", rf"{B}{day}(?:\s+|\s*-\s*|\.\s*)(?:(?:{pertain})\s+)?{mon}(?:\s*-?\s*,?\s*(?:(?:{yprefix})\s+)?(?P<y>{YEAR4}))?{E}" + tail),
        ("date", rf"{B}{mon}\s+{day}(?:(?:\s*,\s*|\s+)(?P<y>{YEAR4}))?(?!\w|[.,:]\d)" + tail),
        ("month_year", rf"{B}{mon}(?:\s*,?\s*|\s+(?:(?:{yprefix})\s+))(?P<y>{YEAR4}){E}"),
        ("month_year", rf"{B}{mon}\s+'(?P<y2>\d\d){E}"),
        ("month_rel", rf"{B}{mon}\s+(?:of\s+)?{shift_pre}\s+{unit}{E}"),
        ("month_rel", rf"{B}{mon}\s+{unit}\s+{shift_post}{E}"),
        ("quarter", rf"{B}(?:(?P<qord>{alt(list(x('ordinals')) + list(x('half_ordinals')))})(?:\s+|-)(?P<qw>{alt(x('quarter_words') + x('half_words'))})"
                    rf"|(?P<qw2>{alt(x('quarter_words') + x('half_words'))})\s+(?:ke-?)?(?P<qord2>{alt(x('ordinals'))})"
                    rf"|[Qq](?P<qn>[1-4])|[Hh](?P<hn>[12])){E}(?:\s*[,-]?\s*(?:of\s+|(?:{yprefix})\s+)?(?P<y>{YEAR4}){E}"
                    rf"|\s+(?:(?:{pertain})\s+)?{shift_pre}\s+{unit}{E}|\s+(?P<unit2>{alt(t.units)})\s+{shift_post}{E})?"),
        ("quarter_of_year", rf"{B}(?:the\s+)?(?:(?P<y>{YEAR4})|{shift_pre}\s+{unit}(?:'s)?|(?P<yam>{alt(x('year_ago_modifiers'))}))"
                            rf"\s+(?:(?P<qord>{alt(x('ordinals'))})(?:\s+|-))?(?P<pw>{alt(x('period_words'))}){E}", "period_words"),
        ("quarter_of_year", rf"{B}(?:the\s+)?(?:same\s+|corresponding\s+|comparable\s+)?(?P<pw>{alt(x('period_words'))})"
                            rf"\s+(?P<yas>{alt(x('year_ago_suffixes'))}){E}", "period_words"),
        ("current_period", rf"{B}(?P<cp>{alt(x('current_period'))}){E}", "current_period"),
        ("year_ago", rf"{B}(?P<ya>{alt(x('year_ago_period'))}){E}", "year_ago_period"),
        ("season", rf"{B}(?:{shift_pre}\s+)?(?P<season>{alt(x('seasons'))})(?:\s+{shift_post})?(?:\s*,?\s*(?:of\s+)?(?P<y>{YEAR4}))?{E}"),
        ("spelled_year", rf"{B}(?:(?P<yprefix>{yprefix})\s+|{mon}\s+|(?P<season>{alt(x('seasons'))})\s+(?:of\s+)?)?"
                         rf"(?P<syc>{alt(x('spelled_centuries'))})[\s-]+(?P<syt>{alt(x('spelled_tens'))})(?:[\s-]+(?P<syo>{alt(x('spelled_ones'))}))?{E}"),
        # "the year two thousand (and five)": a spelled thousand is a year only after a year word
        ("spelled_year", rf"{B}(?P<yprefix>{yprefix})\s+(?P<sym>{alt(x('spelled_millennia'))})(?:(?:\s+and)?[\s-]+(?P<syo>{alt(x('spelled_ones'))}))?{E}"),
        ("decade", rf"{B}(?:(?P<dprefix>{alt(x('decade_prefix'))})\s+)?(?P<dec>(?:1[5-9]|20)\d0|'\d0|\d0)(?P<dsuf>{alt(x('decade_suffixes'))}){E}"),
        ("spelled_decade", rf"{B}(?P<dprefix>{alt(x('decade_prefix'))})\s+(?P<sdec>{alt(x('spelled_decades'))}){E}"),
        ("century", rf"{B}(?P<cw>{alt(x('century_words'))})\s*-?\s*(?P<cent>\d{{1,2}}|[XVIxvi]{{1,5}}){E}", "century_words"),
        ("century", rf"{B}(?:the\s+)?(?P<cent>\d{{1,2}})(?:{ordsuf})\s+(?P<cw>{alt(x('century_words'))}){E}", "century_words"),
        ("ago", rf"{B}{num}\s+{unit}\s+(?P<ago>{alt(t.ago_post)}){E}"),
        ("ago", rf"{B}(?P<one>{alt(t.unit_one)})\s+(?P<ago>{alt(t.ago_post)}){E}"),
        ("deictic_pod", rf"{B}(?P<dpod>{alt(t.deictic_pod)}){E}"),
        ("pod_alone", rf"{B}(?P<podpre>{alt(x('pod_alone_pre'))})(?:\s+|\s*-\s*){pod}(?:\s+(?P<deictic>{alt(t.deictic_days)}))?{E}", "pod_alone_pre"),
        ("anaphoric", rf"{B}(?P<anad>{alt(x('anaphoric_day'))}){E}", "anaphoric_day"),
        ("anaphoric", rf"{B}(?P<anay>{alt(x('anaphoric_year'))}){E}", "anaphoric_year"),
        ("phrase", rf"{B}(?P<phrase>{alt(x('period_phrases'))}){E}", "period_phrases"),
        ("holiday", rf"{B}(?:{shift_pre}\s+)?(?P<hol>{alt(x('holidays'))})(?:\s+{shift_post})?(?:\s*,?\s*(?P<y>{YEAR4}))?{E}", "holidays"),
        ("wd_shift", rf"{B}{shift_pre}\s+{wd}{E}"),
        ("wd_shift", rf"{B}{wd}\s+{shift_post}{E}"),
        ("rel_unit", rf"{B}{shift_pre}\s+{unit}{E}"),
        ("rel_unit", rf"{B}{unit}\s+{shift_post}{E}"),
        ("rel_phrase", rf"{B}(?P<relp>{alt(t.rel_phrases)}){E}"),
        ("deictic", rf"{B}(?P<deictic>{alt(t.deictic_days)}){E}" + tail),
        ("set", rf"{B}(?P<setw>{alt(x('set_words'))}){E}"),
        # plural weekdays and parts of days recur: "on Mondays", "Tuesday nights" (TIMEX3 SET)
        ("set", rf"{B}{wd}(?:s|\s+(?P<pod>{alt(pods)})s){E}"),
        ("set", rf"{B}(?P<setpre>{alt(x('set_pre'))})\s+(?:{num}\s+)?(?:{unit}|{wd}|{mon}|{pod}){E}"),
        ("duration", rf"{B}(?:(?P<dpre>{alt(x('duration_pre'))})\s+)?{num}(?:\s*(?:-|–|{alt(['to', 'or', 'hingga', 'atau', 'sampai'])})\s*(?P<num2>\d{{1,3}}|{alt(t.numbers)}))?\s+{unit}{E}"),
        ("duration", rf"{B}(?P<one>{alt(t.unit_one)}){E}"),
        ("duration", rf"{B}(?P<vague>{alt(x('duration_vague'))}){E}"),
        ("clock", rf"{B}{clock_pre}\s*(?P<hh>[01]?\d|2[0-3]){sep}(?P<mm>[0-5]\d)(?:\s*{ampm})?(?:\s*{tz})?(?:\s+{pod})?(?!\w|[.:]\d)"),
        # with am/pm the dot is a clock separator too ("4.15am"); never start inside "4.15"
        ("clock", rf"{B}(?<!\d[.:])(?:{clock_pre}\s*)?(?P<hh>[01]?\d|2[0-3])(?:[:.](?P<mm>[0-5]\d))?\s*{ampm}(?:\s*{tz})?(?!\w)"),
        ("clock", rf"{B}(?<!\d[.:])(?:{clock_pre}\s*)?(?P<hh>[01]?\d|2[0-3])(?:{sep}(?P<mm>[0-5]\d))?\s*{tz}(?!\w)"),
        ("clock", rf"{B}{clock_pre}\s*(?P<hh>[01]?\d|2[0-3])\s+{pod}(?!\w)"),
        ("clock", rf"{B}{clock_pre}\s*(?P<hh>[01]?\d|1[0-2])\s+(?:{alt(x('clock_pod_joiners'))})\s+{pod}(?!\w)"),
        ("clock_word", rf"{B}(?:{clock_pre}\s*)?(?P<cword>{alt(x('clock_words'))}){E}", "clock_words"),
        ("ref", rf"{B}(?P<present>{alt(x('present_ref') + sorted(t.present_words))}){E}"),
        ("ref", rf"{B}(?P<past>{alt(x('past_ref'))}){E}"),
        ("ref", rf"{B}(?P<future>{alt(x('future_ref'))}){E}"),
        ("wd", rf"{B}{wd}{E}" + tail),
        ("month_shift", rf"{B}{shift_pre}\s+{mon}(?!\w)"),
        ("month_shift", rf"{B}{mon}\s+{shift_post}(?!\w)"),
        ("month", rf"{B}{mon}(?!\w)"),
        ("year", rf"{B}(?P<yprefix>{yprefix})\s+(?P<y>{YEAR4}){numeric_guard_post}"),
        ("year", rf"(?<![\w$€£¥#.,/:+])(?<!\d-)(?P<y>{YEAR4}){numeric_guard_post}"),
        ("year", rf"(?<![\w$€£¥#.,/:+-])'(?P<y2>\d\d){E}(?!\s*(?:%|percent|persen))"),
    ]
    # a shape built on a word list the language does not have can never match: leave it out (speed)
    return [(sh[0], sh[1]) for sh in shapes if len(sh) < 3 or x(sh[2])]


def _trigger(t: LangTable) -> str:
    """Every shape contains a digit or one of these core words; only the text around them is searched."""
    x = t.get
    words = (list(t.months) + list(t.weekdays) + list(t.units) + list(t.unit_one) + list(t.deictic_days)
             + list(t.deictic_pod) + list(t.present_words) + list(x("pods")) + list(x("seasons"))
             + x("quarter_words") + x("half_words") + x("present_ref") + x("past_ref") + x("future_ref")
             + list(x("set_words")) + list(x("duration_vague")) + x("current_period") + x("year_ago_period")
             + x("century_words") + list(x("period_phrases")) + list(x("holidays")) + list(x("spelled_centuries")) + list(x("spelled_millennia")) + list(x("spelled_decades"))
             + x("anaphoric_day") + x("anaphoric_year") + list(t.rel_phrases) + list(x("clock_words")))
    digits = (rf"\d{{4}}|\d\s*[/.:–-]\s*\d|'\d\d|\d0(?:{alt(x('decade_suffixes'))})|[QqHh][1-4]{E}"
              rf"|\d\s*(?:{alt((x('date_markers') or {}).get('month', []))})"
              rf"|\d\s*(?:{alt(list(x('ampm')) + x('timezones'))}){E}|\d\s+(?:{alt(x('clock_pod_joiners'))}){E}")
    return rf"(?P<num>{digits})|{B}(?P<word>{alt(words)})s?{E}"   # plurals too: "Mondays"


# Shapes that cannot match without a trigger of one class are only run around triggers of that class.
SHAPE_CLASSES = {
    "wd_numeric": "weekday", "wd_date": "weekday", "wd": "weekday", "wd_shift": "weekday",
    "date": "month", "month_year": "month", "month_rel": "month", "month_shift": "month", "month": "month",
    "day_range": "month", "iso": "digit", "numeric": "digit", "year": "digit", "clock": "digit", "decade": "digit",
    "quarter": "any", "quarter_of_year": "any", "spelled_year": "spelled", "spelled_decade": "spelled", "marked": "digit",
    "pod_alone": "pod",
}
# every other shape holds a trigger word (a unit, a deictic word, a phrase from the tables ...): "word"


@dataclass
class Grammar:
    table: LangTable
    shapes: list  # (kind, compiled regex, rank), case-insensitive
    shapes_lower: list  # the same, case-sensitive, for lower-cased text (faster)
    trigger: re.Pattern
    trigger_lower: re.Pattern
    prefix_part: re.Pattern
    prefix_signal: re.Pattern
    weak_cue: re.Pattern
    signal_tense: re.Pattern
    future_cue: re.Pattern
    past_cue: re.Pattern


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """Compile (once per language) the shapes and the helper patterns."""
    t = load_language(lang)
    raw = _shapes(t)
    shapes = [(kind, re.compile(rx, re.IGNORECASE), i) for i, (kind, rx) in enumerate(raw)]
    shapes_lower = [(kind, re.compile(rx), i) for i, (kind, rx) in enumerate(raw)]
    x = t.get
    joiners = alt(x("part_joiners"))   # "the end of (the) 2015" joins a part word to its date
    articles = alt(x("articles"))
    prefix_part = re.compile(rf"(?:^|(?<=[^\w]))(?P<part>{alt(x('parts'))})(?:\s*-\s*|\s+)(?:(?:{joiners})\s+)?$", re.I)
    prefix_signal = re.compile(rf"(?:^|(?<=[^\w]))(?P<sig>{alt(x('signals'))})\s+$", re.I)
    weak_cue = re.compile(rf"(?:^|(?<=[^\w]))(?:{alt(t.weak_name_cues)})(?:\s+(?:{articles}))?[\s-]+$", re.I)
    future_cue = re.compile(rf"{B}(?:{alt(x('future_cues'))}){E}", re.I)
    suffixes = alt(x("past_cue_suffixes"))
    past_cue = re.compile(rf"{B}(?:{alt(x('past_cues'))}|(?-i:(?P<weak>[^\W\d_A-Z]\w{{2,}}(?:{suffixes})))){E}", re.I)
    trigger = re.compile(_trigger(t), re.IGNORECASE)
    trigger_lower = re.compile(_trigger(t))
    signal_tense = re.compile(rf"(?:^|(?<=[^\w]))(?P<sig>{alt(x('signal_tense'))})\s+(?:(?:{articles})\s+)?$", re.I)
    return Grammar(t, shapes, shapes_lower, trigger, trigger_lower, prefix_part, prefix_signal, weak_cue,
                   signal_tense, future_cue, past_cue)


# Every Unicode decimal digit (Persian, Devanagari, full-width ...) read as its ASCII digit.
ASCII_DIGITS = {cp: str(unicodedata.digit(chr(cp))) for cp in range(0x80, 0x1FBFA)
                if unicodedata.category(chr(cp)) == "Nd"}
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def find_candidates(text: str, lang: str) -> list[Candidate]:
    """Every shape match, ordered by start, longest first, then by shape rank (overlaps are resolved later)."""
    g = grammar(lang)
    found = []
    if _OTHER_DIGIT.search(text):   # ۲۰۱۷, ２０１７ -> 2017: one character for one, offsets unchanged
        text = text.translate(ASCII_DIGITS)
    low = text.lower()
    if len(low) == len(text):      # the usual case: match the lower-cased text without IGNORECASE
        searched, shapes, trigger = low, g.shapes_lower, g.trigger_lower
    else:                          # a few characters change length when lower-cased
        searched, shapes, trigger = text, g.shapes, g.trigger
    regions = _regions(searched, trigger, g.table)
    for kind, rx, rank in shapes:
        for lo, hi in regions[SHAPE_CLASSES.get(kind, "word")]:
            _scan(text, searched, lo, hi, kind, rx, rank, found)
    found.sort(key=lambda c: (c.start, -(c.end - c.start), c.rank))
    return found


LEFT, RIGHT = 40, 80  # context searched around a trigger: the longest shapes start or end this far from it


def _regions(text: str, trigger: re.Pattern, t: LangTable) -> dict[str, list[tuple[int, int]]]:
    """Merged windows around trigger words and digits, per trigger class and for all ("any")."""
    out: dict[str, list[list[int]]] = {"any": [], "digit": [], "word": [], "month": [], "weekday": [], "spelled": [],
                                       "pod": []}
    spelled = {w.lower() for w in list(t.get("spelled_centuries")) + list(t.get("spelled_millennia"))
               + list(t.get("spelled_decades"))}
    pods = {w.lower() for w in t.get("pods")}
    for m in trigger.finditer(text):
        lo, hi = max(0, m.start() - LEFT), min(len(text), m.end() + RIGHT)
        classes = ["any"]
        if m.group("num") is not None:
            classes.append("digit")
        else:
            classes.append("word")
            w = re.sub(r"\s+", " ", m.group("word").lower())
            if w in t.months:
                classes.append("month")
            if w in t.weekdays:
                classes.append("weekday")
            if w in spelled:
                classes.append("spelled")
            if w in pods:
                classes.append("pod")
        for cls in classes:
            spans = out[cls]
            if spans and lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
    return {k: [(a, b) for a, b in v] for k, v in out.items()}


def _scan(text: str, searched: str, lo: int, hi: int, kind: str, rx: re.Pattern, rank: int, found: list) -> None:
    """Run one shape over searched[lo:hi]; the fields are cut from the original text (its case matters)."""
    for m in rx.finditer(searched, lo, hi):
        if m.end() > m.start():
            spans = {k: m.span(k) for k, v in m.groupdict().items() if v is not None}
            fields = {k: text[a:b] for k, (a, b) in spans.items()}
            found.append(Candidate(m.start(), m.end(), kind, fields, rank, spans))
