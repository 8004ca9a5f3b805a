"""The date shapes: language-neutral regex templates filled with one language's words.

Why: the candidate finder (timeline/candidates.py) must be multilingual, so every shape ("day month year",
"count unit ago-word", "weekday (d/m/y)" ...) is written once, here, as a template; the words come from
the language table (timeline/lang.py). A template names its parts in braces: a table key (``{seasons}``,
any of its words), a named group of words (``{mon}``, ``{unit}``, ``{shift_pre}`` ...) or a compound
(``{day}``, ``{tail}``, ``{y_opt}``); `shape_patterns` fills them in. Literal regex braces are doubled.
"""
from __future__ import annotations

import re

from timeline.lang import LangTable
from timeline.patterns import B, DAYNUM, E, NEVER, YEAR4, alt

# (kind, template[, table key]): most specific first, since ties between equal-length matches go to the
# earlier shape; a shape built on a table key the language does not fill can never match and is left out.
SHAPES = [
    # languages that write dates with unit marks and no spaces: 2017年8月9日, 2017년 8월 9일, 8月9日
    ("marked", r"(?<!\d)(?P<y>{YEAR4})\s*(?:{ym})(?:\s*(?P<mnum>1[0-2]|0?[1-9])\s*(?:{mm})"
               r"(?:\s*(?P<d>{DAYNUM})\s*(?:{dm}))?)?", "date_markers"),
    ("marked", r"(?<!\d)(?P<mnum>1[0-2]|0?[1-9])\s*(?:{mm})\s*(?P<d>{DAYNUM})\s*(?:{dm})", "date_markers"),
    # a month or a year named relative to the anchor before a marked month (and day): 去年12月, 来年3月1日
    ("marked", r"{B}(?P<relp>{rel_phrases})\s*(?P<mnum>1[0-2]|0?[1-9])\s*(?:{mm})(?:\s*(?P<d>{DAYNUM})\s*(?:{dm}))?",
     "date_markers"),
    # a year of a calendar era (平成29年 = 2017, 民國106年 = 2017), with its month and day
    ("marked", r"{B}(?P<cera>{calendar_eras})\s*(?P<ceyear>\d{{1,3}}|{era_first_year})\s*(?:{ym})(?:\s*(?P<mnum>1[0-2]|0?[1-9])"
               r"\s*(?:{mm})(?:\s*(?P<d>{DAYNUM})\s*(?:{dm}))?)?", "calendar_eras"),
    ("marked", r"(?<![\d.,])(?P<mnum>1[0-2]|0?[1-9])\s*(?:{mm})(?![\d.,])", "date_markers"),  # 3月: a month
    ("marked", r"(?<![\d.,/:])(?P<d>{DAYNUM})\s*(?:{dm})(?![\d.,])", "date_markers"),           # 3日: a day
    ("wd_numeric", r"{B}{wd}\s*,?\s*\(\s*(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})(?:[/.-](?P<y>\d{{4}}|\d{{2}}))?\s*\){tail}"),
    ("wd_numeric", r"{B}{wd}\s*,?\s*(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?{guard_post}{tail}"),
    ("wd_date", r"{B}{wd}\s*,?\s*(?:(?:{weekday_joiners})\s+)?\(?\s*{day}(?:\s+|\.\s*)(?:(?:{pertain})\s+)?{mon}{y_opt}(?:\s*\))?(?!\w){tail}"),
    ("wd_date", r"{B}{wd}\s*,?\s*(?:(?:{weekday_joiners})\s+)?\(?\s*{mon}\s+{day}(?:(?:\s*,\s*|\s+)(?P<y>{YEAR4}))?(?:\s*\))?(?!\w){tail}"),
    ("iso", r"{guard_pre}(?P<y>{YEAR4})-(?P<mnum>[01]?\d)-(?P<d>{DAYNUM}){guard_post}{tail}"),
    ("numeric", r"{guard_pre}(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){guard_post}{tail}"),
    ("day_range", r"{B}(?P<dlist>{dayx}(?:{list_sep}{dayx})*){list_end}{day}(?:\s+|\.\s*)(?:(?:{pertain})\s+)?{mon}{y_opt}{E}"),
    ("day_range", r"{B}{mon}\s+(?P<d0>{DAYNUM})(?:{ordinal_suffixes})?\s*(?:{dash})\s*{day}"
                  r"(?:(?:\s*,\s*|\s+)(?P<y>{YEAR4}))?{E}"),
    ("date", r"{B}{day}(?:\s+|\s*-\s*|\.\s*)(?:(?:{pertain})\s+)?{mon}"
             r"(?:\s*-?\s*,?\s*(?:(?:{yprefix})\s+)?(?P<y>{YEAR4}))?{E}{tail}"),
    ("date", r"{B}{mon}\s+{day}(?:(?:\s*,\s*|\s+)(?P<y>{YEAR4}))?(?!\w|[.,:]\d){tail}"),
    ("date", r"{B}(?P<y>{YEAR4})\.\s*{mon}\s+{day}(?!\w|[.,:]\d){tail}"),   # year first: "2024. március 4-én"
    ("month_year", r"{B}{mon}(?:\s*,?\s*|\s+(?:(?:{yprefix})\s+))(?P<y>{YEAR4}){E}"),
    ("month_year", r"{B}{mon}\s+'(?P<y2>\d\d){E}"),
    # a month in a year the text spoke of: "τον Απρίλη του ίδιου χρόνου", "im Mai desselben Jahres"
    ("month_year", r"{B}{mon}\s+(?:(?:{pertain})\s+)?(?P<samey>{same_year}){E}", "same_year"),
    # "June of last year", "(am 8.) Mai dieses Jahres": a month (and day) in a year named from the anchor
    ("month_rel", r"{B}(?:{day}(?:\s+|\.\s*)(?:(?:{pertain})\s+)?)?{mon}\s+(?:(?:{month_joiners})\s+)?{shift_pre}\s+{unit}{E}"),
    ("month_rel", r"{B}{mon}\s+{unit}\s+{shift_post}{E}"),
    # "octubre del año pasado", "outubro do ano passado", "octobre de l'année prochaine"
    ("month_of_rel", r"{B}{mon}\s+(?:{month_joiners})\s+(?P<rel>(?:(?:{articles})\s*)?{unit}\s+{shift_post}){E}",
     "month_joiners"),
    ("quarter", r"{B}(?:(?P<qord>{quarter_ordinals})(?:\s+|-)(?P<qw>{quarter_half_words})"
                r"|(?P<qw2>{quarter_half_words})\s+(?:{ordinal_prefixes})?(?P<qord2>{ordinals})"
                r"|(?:{quarter_letters})(?P<qn>[1-4])|(?:{half_letters})(?P<hn>[12])){E}(?:\s*[,-]?\s*(?:(?:{yprefix})\s+)?(?P<y>{YEAR4}){E}"
                r"|\s+(?:(?:{pertain})\s+)?{shift_pre}\s+{unit}{E}|\s+(?:(?:{pertain})\s+)?(?P<unit2>{units})\s+{shift_post}{E})?"),
    ("quarter_of_year", r"{B}(?:(?:{articles})\s+)?(?:(?P<y>{YEAR4})|{shift_pre}\s+{unit}(?:{possessive_suffixes})?"
                        r"|(?P<yam>{year_ago_modifiers}))"
                        r"\s+(?:(?P<qord>{ordinals})(?:\s+|-))?(?P<pw>{period_words}){E}", "period_words"),
    ("quarter_of_year", r"{B}(?:(?:{articles})\s+)?(?:(?:{same_period_words})\s+)?(?P<pw>{period_words})"
                        r"\s+(?P<yas>{year_ago_suffixes}){E}", "period_words"),
    # a quarter closed by the date written after it: "no trimestre encerrado a 30 de setembro" (the quarter of that day)
    ("closed_quarter", r"{B}(?P<qw>{quarter_words})(?=\s+(?:{period_closers})\s+(?:(?:{articles})\s+)?"
                       r"{day}(?:\s+|\.\s*)(?:(?:{pertain})\s+)?{mon}(?!\w))", "period_closers"),
    ("closed_quarter", r"{B}(?P<qw>{quarter_words})(?=\s+(?:{period_closers})\s+{mon}\.?\s+{day}(?!\w))", "period_closers"),
    ("current_period", r"{B}(?P<cp>{current_period}){E}", "current_period"),
    ("year_ago", r"{B}(?P<ya>{year_ago_period}){E}", "year_ago_period"),
    ("season", r"{B}(?:{shift_pre}\s+)?(?P<season>{seasons})(?:\s+{shift_post})?"
               r"(?:\s*,?\s*(?:(?:{pertain})\s+)?(?P<y>{YEAR4}))?{E}"),
    ("spelled_year", r"{B}(?:(?P<yprefix>{yprefix})\s+|{mon}\s+|(?P<season>{seasons})\s+(?:(?:{pertain})\s+)?)?"
                     r"(?P<syc>{spelled_centuries})[\s-]+(?P<syt>{spelled_tens})(?:[\s-]+(?P<syo>{spelled_ones}))?{E}"),
    # "the year two thousand (and five)": a spelled thousand is a year only after a year word
    ("spelled_year", r"{B}(?P<yprefix>{yprefix})\s+(?P<sym>{spelled_millennia})"
                     r"(?:(?:\s+(?:{spelled_joiners}))?[\s-]+(?P<syo>{spelled_ones}))?{E}"),
    ("decade", r"{B}(?:(?P<dprefix>{decade_prefix})\s+)?(?P<dec>(?:1[5-9]|20)\d0|'\d0|\d0)(?P<dsuf>{decade_suffixes}){E}"),
    # a decade word before the decade's first year: "δεκαετία του 1960", "the decade of the 1960"
    ("decade_word", r"{B}(?P<dword>{decade_words})\s+(?:(?:{pertain})\s+)?(?P<dec>(?:1[5-9]|20)\d0|'?\d0){E}", "decade_words"),
    # a year with its era: "208 π.Χ.", "43 до н. е.", "939 μ.Χ." (TIMEX3 BC0208, 0939)
    ("era_year", r"{B}(?P<ey>\d{{1,4}})\s*(?P<era>{era_bc}|{era_ad})(?!\w)", "era_bc"),
    # two years joined by a dash or slash: "1982-1990", "1965-8", "1931-35", "2002/2003"
    ("year_range", r"{guard_pre}(?P<y>{YEAR4})\s*[-–—−/]\s*(?P<y_end>{YEAR4}|\d{{1,2}})(?![\w/]|[.,:-]\d)"),
    ("spelled_decade", r"{B}(?P<dprefix>{decade_prefix})\s+(?P<sdec>{spelled_decades}){E}"),
    ("century", r"{B}(?P<cw>{century_words})\s*-?\s*(?P<cent>\d{{1,2}}|[XVIxvi]{{1,5}}){E}", "century_words"),
    ("century", r"{B}(?:(?:{articles})\s+)?(?P<cent>\d{{1,2}})(?:{ordinal_suffixes})?\s+(?P<cw>{century_words}){E}", "century_words"),
    ("century", r"{B}(?P<cent>[XVIxvi]{{1,5}})(?:{ordinal_suffixes})?\s+(?P<cw>{century_words}){E}", "century_words"),  # "XXe siècle"
    ("ago", r"{B}{num}\s+{unit}\s+(?P<ago>{ago_post}){E}"),
    ("ago", r"{B}(?P<one>{unit_one})\s+(?P<ago>{ago_post}){E}"),
    ("ago", r"{B}(?P<ago>{ago_pre})\s+{num}\s+{unit}{E}"),       # "vor drei Jahren", "il y a trois ans"
    # a count in digits written onto its unit (Korean "2주 전", two weeks ago; "3년 동안")
    ("ago", r"{B}(?P<num>\d{{1,3}}){unit}\s+(?P<ago>{ago_post}){E}", "counts_glued"),
    ("ago", r"{B}(?P<ago>{ago_pre})\s+(?P<one>{unit_one}){E}"),   # "hace un año" when "un año" is one word
    ("deictic_pod", r"{B}(?P<dpod>{deictic_pod}){E}"),
    ("pod_alone", r"{B}(?P<podpre>{pod_alone_pre})(?:\s+|\s*-\s*|(?<=['’])){pod}(?:\s+(?P<deictic>{deictic_days}))?{E}",
     "pod_alone_pre"),
    ("anaphoric", r"{B}(?P<anad>{anaphoric_day}){E}", "anaphoric_day"),
    ("anaphoric", r"{B}(?P<anay>{anaphoric_year}){E}", "anaphoric_year"),
    ("phrase", r"{B}(?P<phrase>{period_phrases}){E}", "period_phrases"),
    ("holiday", r"{B}(?:{shift_pre}\s+)?(?P<hol>{holidays})(?:\s+{shift_post})?(?:\s*,?\s*(?P<y>{YEAR4}))?{E}", "holidays"),
    ("wd_shift", r"{B}{shift_pre}\s+{wd}{E}"),
    ("wd_shift", r"{B}{wd}\s+{shift_post}{E}"),
    ("rel_unit", r"{B}{shift_pre}\s+{unit}{E}"),
    ("rel_unit", r"{B}{unit}\s+{shift_post}{E}"),
    ("rel_phrase", r"{B}(?P<relp>{rel_phrases}){E}"),
    ("deictic", r"{B}(?P<deictic>{deictic_days}){E}{tail}"),
    ("set", r"{B}(?P<setw>{set_words}){E}"),
    # plural weekdays and parts of days recur: "on Mondays", "Tuesday nights" (TIMEX3 SET)
    ("set", r"{B}{wd}(?:{plural_suffixes}|\s+(?P<pod>{pods})(?:{plural_suffixes})){E}"),
    ("set", r"{B}(?P<setpre>{set_pre})\s+(?:{num}\s+)?(?:{unit}|{wd}|{mon}|{pod}){E}"),
    # "an jedem dritten Mittwoch", "jeden Montagabend": a weekday (of each month), its part of the day glued
    ("set", r"{B}(?P<setpre>{set_pre})\s+(?:(?:{ordinals})\s+)?{wd}(?:{pod})?{E}", "pods_glued"),
    ("duration", r"{B}(?:(?P<dpre>{duration_pre})\s+)?{num}"
                 r"(?:\s*(?:-|–|{count_joiners})\s*(?P<num2>\d{{1,3}}|{numbers}))?\s+{unit}{E}"),
    ("duration", r"{B}(?P<num>\d{{1,3}}){unit}{E}", "counts_glued"),
    ("duration", r"{B}(?P<one>{unit_one}){E}"),
    ("duration", r"{B}(?P<vague>{duration_vague}){E}"),
    ("clock", r"{B}{clock_pre}\s*(?P<hh>[01]?\d|2[0-3]){sep}(?P<mm>[0-5]\d)(?:\s*{ampm})?(?:\s*{tz})?(?:\s+{pod})?"
              r"(?!\w|[.:]\d)"),
    # with am/pm the dot is a clock separator too ("4.15am"); never start inside "4.15"
    ("clock", r"{B}(?<!\d[.:])(?:{clock_pre}\s*)?(?P<hh>[01]?\d|2[0-3])(?:[:.](?P<mm>[0-5]\d))?\s*{ampm}(?:\s*{tz})?(?!\w)"),
    ("clock", r"{B}(?<!\d[.:])(?:{clock_pre}\s*)?(?P<hh>[01]?\d|2[0-3])(?:{sep}(?P<mm>[0-5]\d))?\s*{tz}(?!\w)"),
    ("clock", r"{B}{clock_pre}\s*(?P<hh>[01]?\d|2[0-3])\s+{pod}(?!\w)"),
    # two clock times sharing the clock word written after the second: "von 10-18 Uhr", "de 9 à 12 h"
    ("clock_range", r"{B}(?<!\d[.:])(?P<hh0>[01]?\d|2[0-3])(?:{sep}(?P<mm0>[0-5]\d))?\s*{dash}\s*(?P<hh>[01]?\d|2[0-3])"
                    r"(?:{sep}(?P<mm>[0-5]\d))?\s*(?:{clock_post_alone}|{clock_post}){E}", "clock_post_alone"),
    # two clock times listed, sharing the clock word written after the second: "14.00 und 17.40 Uhr"
    ("clock_range", r"{B}(?<!\d[.:])(?P<hh0>[01]?\d|2[0-3])(?:{sep}(?P<mm0>[0-5]\d))?\s+(?P<lj>{list_joiners})\s+"
                    r"(?P<hh>[01]?\d|2[0-3])(?:{sep}(?P<mm>[0-5]\d))?\s*(?:{clock_post_alone}|{clock_post}){E}",
     "clock_post_alone"),
    # a clock word after the hour that makes it a time alone: "12 Uhr", "16.05 Uhr", "21 h 45", "9 h", "3時"
    ("clock", r"{B}(?<!\d[.:])(?:{clock_pre}\s*)?(?P<hh>[01]?\d|2[0-3])(?:{sep}(?P<mm>[0-5]\d))?\s*(?:{clock_post_alone})"
              r"(?:{E}|(?=\d))(?:\s*(?P<mm2>[0-5]\d)(?!\w|[.:]\d))?(?:\s*{tz})?", "clock_post_alone"),
    # an hour written as a word: "um neun Uhr", "halb neun" (half an hour before nine: 8:30)
    ("clock_word", r"{B}{clock_pre}\s*(?:(?P<half>{clock_half_words})\s+)?(?P<hw>{numbers})\s*(?:{clock_post_alone}){E}",
     "clock_post_alone"),
    ("clock_word", r"{B}{clock_pre}\s*(?:(?P<half>{clock_half_words})\s+)?(?P<hw>{numbers})\s*(?:{clock_post}){E}", "clock_post"),
    ("clock_word", r"{B}(?:{clock_pre}\s*)?(?P<half>{clock_half_words})\s+(?P<hw>{numbers}){E}", "clock_half_words"),
    # a clock word that is also a unit ("heures", "uur", "giờ") makes a time after a clock word before it or
    # with minutes: "à 10 heures", "om 15.00 uur", "15 giờ 30"
    ("clock", r"{B}{clock_pre}\s*(?P<hh>[01]?\d|2[0-3])(?:{sep}(?P<mm>[0-5]\d))?\s*(?:{clock_post}){E}"
              r"(?:\s*(?P<mm2>[0-5]\d)(?!\w|[.:]\d))?(?:\s*{tz})?", "clock_post"),
    ("clock", r"{B}(?<!\d[.:])(?P<hh>[01]?\d|2[0-3]){sep}(?P<mm>[0-5]\d)\s*(?:{clock_post}){E}(?:\s*{tz})?", "clock_post"),
    ("clock", r"{B}(?<!\d[.:])(?P<hh>[01]?\d|2[0-3])\s*(?:{clock_post})\s*(?P<mm2>[0-5]\d)(?!\w|[.:]\d)", "clock_post"),
    ("clock", r"{B}{clock_pre}\s*(?P<hh>[01]?\d|1[0-2])\s+(?:{clock_pod_joiners})\s+{pod}(?!\w)"),
    ("clock_word", r"{B}(?:{clock_pre}\s*)?(?P<cword>{clock_words}){E}", "clock_words"),
    ("ref", r"{B}(?P<present>{present_words}){E}"),
    ("ref", r"{B}(?P<past>{past_ref}){E}"),
    ("ref", r"{B}(?P<future>{future_ref}){E}"),
    ("wd", r"{B}{wd}{E}{tail}"),
    # a part of the day glued to the weekday: "Montagmorgen", "zondagavond" (plural: a set, "sonntagabends")
    ("wd", r"{B}{wd}{pod}{E}", "pods_glued"),
    ("month_shift", r"{B}{shift_pre}\s+{mon}(?!\w)"),
    ("month_shift", r"{B}{mon}\s+{shift_post}(?!\w)"),
    ("month", r"{B}{mon}(?!\w)"),
    ("year", r"{B}(?P<yprefix>{yprefix})\s+(?P<y>{YEAR4}){guard_post}"),
    ("year", r"(?<![\w$€£¥#.,/:+])(?<!\d-)(?P<y>{YEAR4}){guard_post}"),
    ("year", r"(?<![\w$€£¥#.,/:+-])'(?P<y2>\d\d){E}(?!\s*(?:%|{percent_words}))"),
]

# Shapes that cannot match without a trigger of one class are only run around triggers of that class
# (timeline/candidates.py); every other shape holds a trigger word (a unit, a deictic word, a phrase ...).
SHAPE_CLASSES = {
    "wd_numeric": "weekday", "wd_date": "weekday", "wd": "weekday", "wd_shift": "weekday",
    "date": "month", "month_year": "month", "month_rel": "month", "month_of_rel": "month", "month_shift": "month", "month": "month",
    "day_range": "month", "iso": "digit", "numeric": "digit", "year": "digit", "clock": "digit", "decade": "digit",
    "quarter": "any", "quarter_of_year": "any", "closed_quarter": "any", "spelled_year": "spelled", "spelled_decade": "spelled", "marked": "digit",
    "year_range": "digit", "era_year": "digit", "clock_range": "digit", "decade_word": "any",
    "pod_alone": "pod",
}

# table keys whose words a template names directly ({seasons} is any of the table's seasons)
_TABLE_WORDS = (
    "ordinal_suffixes", "ordinals", "year_ago_modifiers", "period_words", "year_ago_suffixes", "current_period",
    "year_ago_period", "seasons", "spelled_centuries", "spelled_tens", "spelled_ones", "spelled_millennia",
    "decade_prefix", "decade_suffixes", "spelled_decades", "century_words", "pod_alone_pre", "anaphoric_day",
    "anaphoric_year", "period_phrases", "holidays", "set_words", "pods", "set_pre", "duration_pre",
    "duration_vague", "clock_pod_joiners", "clock_words", "past_ref", "future_ref", "day_tail", "articles",
    "ordinal_prefixes", "quarter_letters", "half_letters", "same_period_words", "possessive_suffixes",
    "spelled_joiners", "plural_suffixes", "count_joiners", "month_joiners", "percent_words", "same_year",
    "decade_words", "era_bc", "era_ad", "clock_post", "clock_post_alone", "list_joiners", "calendar_eras",
    "era_first_year", "clock_half_words", "weekday_joiners", "quarter_words", "period_closers",
)
_GUARD_PRE = r"(?<![\w/.,:-])"       # a numeric date is not part of a longer number, path or version
_GUARD_POST = r"(?![\w/]|[.,:-]\d)"


def shape_patterns(t: LangTable) -> list[tuple[str, str]]:
    """(kind, regex) pairs for one language, in the order of `SHAPES`, without the shapes it cannot use. In a
    language written without spaces (`unspaced`), the space between two words of a shape may be left out."""
    parts = _compounds(_groups(t, _words(t)))
    out = [(kind, template.format_map(parts)) for kind, template, *needs in SHAPES
           if not needs or t.get(needs[0])]
    if t.get("unspaced"):
        out = [(kind, rx.replace(r"\s+", r"\s*")) for kind, rx in out]
    return out


def _words(t: LangTable) -> dict[str, str]:
    """Alternations of the table's word lists, and of the lists merged with dateparser's (timeline/lang.py)."""
    w = {key: alt(t.get(key)) for key in _TABLE_WORDS}
    marks = t.get("date_markers") or {}
    w.update(
        units=alt(t.units), numbers=alt(t.numbers), ago_post=alt(t.ago_post), unit_one=alt(t.unit_one),
        deictic_days=alt(t.deictic_days), deictic_pod=alt(t.deictic_pod), rel_phrases=alt(t.rel_phrases),
        pertain=alt(t.pertain), yprefix=alt(t.get("year_prefix") + t.pertain),
        present_words=alt(t.get("present_ref") + sorted(t.present_words)),
        quarter_ordinals=alt(list(t.get("ordinals")) + list(t.get("half_ordinals"))),
        quarter_half_words=alt(t.get("quarter_words") + t.get("half_words")),
        dash=alt(t.get("range_dash")) + r"|-|–",
        ym=alt(marks.get("year", [])), mm=alt(marks.get("month", [])), dm=alt(marks.get("day", [])),
        ago_pre=alt(t.ago_pre),
        sep="[" + re.escape(t.get("clock_separators", ":.") or ":") + "]",
        B=bounds(t)[0], E=bounds(t)[1], DAYNUM=DAYNUM, YEAR4=YEAR4, guard_pre=_GUARD_PRE, guard_post=_GUARD_POST,
    )
    return w


def bounds(t: LangTable) -> tuple[str, str]:
    """Word start and end: in a language written without spaces (`unspaced`), only a Latin letter or a
    digit glued to a word breaks it ("昨日" stands inside "昨日東京で"); in a language that writes some
    words onto the next (`proclitics`: Arabic "و" and, "وأمس" and yesterday), a date word may also start
    right after one of them at a word's start - the proclitic stays out of the date; in one that writes
    its particles onto the word before (`enclitics`: Korean "금요일에는", on Friday), a date word may end
    before one of them."""
    if t.get("unspaced"):
        return r"(?<![0-9A-Za-z])", r"(?![A-Za-z])"
    start, end = B, E
    pro = t.get("proclitics") or ()
    if pro:   # checked at every position: the letter before first, then one look-behind per length
        widths = sorted({len(p) for p in pro}, reverse=True)
        last = "".join(sorted({re.escape(p[-1]) for p in pro}))
        start = "(?:" + B + rf"|(?<=[{last}])(?:" + "|".join(
            rf"(?<=(?<![\w])(?:{'|'.join(re.escape(p) for p in pro if len(p) == n)}))" for n in widths) + "))"
    enc = t.get("enclitics")
    if enc:
        end = rf"(?:{E}|(?=(?:{alt(enc)}){E}))"
    return start, end


def _names(names: dict, short: set) -> str:
    """Full names, then abbreviations with their optional dot (a full name never takes a sentence's stop)."""
    full = [n for n in names if n not in short]
    abbr = [n for n in names if n in short]
    return f"(?:{alt(full)})|(?:{alt(abbr)})\\.?" if abbr else alt(full)


def _groups(t: LangTable, w: dict[str, str]) -> dict[str, str]:
    """The named groups the readers look for (timeline/readers/): month and weekday names, counts, units,
    parts of the day, clock words, shift words."""
    return dict(
        w,
        mon=rf"(?P<mon>{_names(t.months, t.short_names)})",
        wd=rf"(?P<wd>{_names(t.weekdays, t.short_names)})",
        num=rf"(?P<num>\d{{1,3}}|{w['numbers']})",
        unit=rf"(?P<unit>{w['units']})",
        pod=rf"(?P<pod>{w['pods']})",
        tz=rf"(?P<tz>{alt(t.get('timezones'))})",
        ampm=rf"(?P<ampm>{alt(t.get('ampm'))})",
        clock_pre=rf"(?P<clk_pre>{alt(t.get('clock_pre'))})",
        shift_pre=rf"(?P<shift_pre>{alt(t.shift_pre)})",
        shift_post=rf"(?P<shift_post>{alt(t.shift_post)})",
    )


def _compounds(p: dict[str, str]) -> dict[str, str]:
    """A day number with its ordinal suffix, an optional year after a date, and what a day date may carry
    after it (a clock time, a part of the day, a `day_tail` word)."""
    tail = (rf"(?:\s+{p['clock_pre']}\s*(?P<hh>[01]?\d|2[0-3]){p['sep']}(?P<mm>[0-5]\d)(?:\s*{p['tz']})?)?"
            rf"(?:\s+{p['pod']}{E})?(?:\s+(?P<tail>{p['day_tail']}){E})?")
    dash = rf"(?:{p['dash']}|—|−)"
    return dict(
        p,
        dash=dash,
        # a day of a list or range whose month is written after its last day: "5.", "11.", "16"
        dayx=rf"{DAYNUM}(?:{p['ordinal_suffixes']}|\.)?",
        list_sep=rf"(?:\s*{dash}\s*|\s*,\s*(?:(?:{p['list_joiners']})\s+)?|\s+(?:{p['list_joiners']})\s+)",
        list_end=rf"(?:\s*{dash}\s*|\s*,?\s+(?:{p['list_joiners']})\s+)",   # the last day joins by a word or dash
        day=rf"(?P<d>{DAYNUM})(?:{p['ordinal_suffixes']})?",
        y_opt=rf"(?:\s*,?\s*(?:(?:{p['yprefix']})\s+)?(?P<y>{YEAR4}))?",
        tail=tail,
    )


def trigger_pattern(t: LangTable) -> str:
    """Every shape contains a digit or one of these core words; only the text around them is searched."""
    x = t.get
    words = (list(t.months) + list(t.weekdays) + list(t.units) + list(t.unit_one) + list(t.deictic_days)
             + list(t.deictic_pod) + list(t.present_words) + list(x("pods")) + list(x("seasons"))
             + x("quarter_words") + x("half_words") + x("present_ref") + x("past_ref") + x("future_ref")
             + list(x("set_words")) + list(x("duration_vague")) + x("current_period") + x("year_ago_period")
             + x("century_words") + list(x("period_phrases")) + list(x("holidays")) + list(x("spelled_centuries"))
             + list(x("spelled_millennia")) + list(x("spelled_decades"))
             + x("anaphoric_day") + x("anaphoric_year") + list(t.rel_phrases) + list(x("clock_words")))
    words += list(t.ago_pre) + list(x("same_year")) + list(x("decade_words")) + list(x("calendar_eras")) \
        + list(x("clock_post_alone")) + list(x("clock_half_words"))
    b, e = bounds(t)
    if x("unspaced"):   # "3年前": a trigger word may follow a digit
        b = ""
    elif x("counts_glued"):   # "2주 전": a unit word may follow its count, and "5일 후" starts as a day ("5일")
        b = rf"(?:{b}|(?<=\d))"
        words += list(t.ago_post)
    letters = alt(x("quarter_letters") + x("half_letters"))   # "Q3", "H1"
    marks = x("date_markers") or {}
    digits = (rf"\d{{4}}|\d\s*[/.:–—−-]\s*\d|'\d\d|\d0(?:{alt(x('decade_suffixes'))})|(?:{letters})[1-4]{e}"
              rf"|\d\s*(?:{alt(marks.get('month', []) + marks.get('day', []))})"
              rf"|\d\s*(?:{alt(list(x('ampm')) + x('timezones') + x('clock_post') + x('clock_post_alone'))})|\d\s+(?:{alt(x('clock_pod_joiners'))}){e}"
              rf"|\d\s*(?:{alt(x('era_bc') + x('era_ad'))})|\d\.?\s*(?:{alt(x('list_joiners'))})\s+\d")
    plural = alt(x("plural_suffixes"))   # plurals too: "Mondays"
    glued = alt(x("pods")) if x("pods_glued") else NEVER   # "Montagmorgen"
    return rf"(?P<num>{digits})|{b}(?P<word>{alt(words)})(?:{plural}|{glued})?{e}"
