"""Join dates and places into events: what happened, when, where, and from which sentence.

An event is a sentence that carries a time (a date expression, or a cue word such as
"sebelumnya"/"previously" or "saat ini"/"currently" read against the anchor date) or a place.
Undated sentences that only add places continue the event before them in the same paragraph
("Marawi is under attack now. The area borders North Sulawesi."), so a story's follow-up
sentences land on the map with the event they explain. Sentences with places but no time and
nothing to continue become undated events, so every marker still has an item to point to.

Cue words are data: the ``events`` part of each language (languages/data/<lang>/events.json).
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import lru_cache

import languages
from eventmap.model import Article, Event
from languages.sentences import Sentence, split_sentences
from maps.model import PlaceMention
from timeline.model import PRECISION_RANK, UNRANKED, DateMention, TimeSpan

SUMMARY_CHARS = 240
CALENDAR_TYPES = ("DATE", "TIME")


@lru_cache(maxsize=None)
def _cue_patterns(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    words = languages.part(lang, "events")
    out = []
    for qualifier in ("ongoing", "before", "after"):
        phrases = sorted(words.get(qualifier, []), key=len, reverse=True)
        if phrases:
            alt = "|".join(re.escape(p) for p in phrases)
            out.append((qualifier, re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.IGNORECASE)))
    return tuple(out)


def cue_qualifier(sentence: str, lang: str) -> str | None:
    """The first cue in the sentence decides: ``before``, ``after`` or ``ongoing`` (or None).

    Callers blank out the names found in the sentence first, so that a cue word inside a name
    ("tengah" in "Jawa Tengah") is not read as one."""
    best = None
    for qualifier, pattern in _cue_patterns(lang):
        m = pattern.search(sentence)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), qualifier)
    return best[1] if best else None


def _on_calendar(m: DateMention) -> bool:
    return m.span.type in CALENDAR_TYPES and (m.span.earliest is not None or m.span.value == "PRESENT_REF")


def main_time(mentions: list[DateMention], anchor: dt.date | None) -> TimeSpan | None:
    """The time an event is drawn at: the most precise calendar date of its sentence (first wins ties).
    A present reference ("now", "saat ini") becomes the anchor date, qualified as ongoing."""
    dated = [m for m in mentions if _on_calendar(m)]
    if not dated:
        return None
    best = min(dated, key=lambda m: PRECISION_RANK.get(m.span.precision or "", UNRANKED))
    span = best.span
    if span.value == "PRESENT_REF":
        iso = anchor.isoformat() if anchor else None
        return TimeSpan(iso or "PRESENT_REF", "DATE", "day" if iso else None, span.qualifier or "ongoing",
                        span.earliest or iso, span.latest or iso)
    return span


def cue_time(qualifier: str, anchor: dt.date | None) -> TimeSpan | None:
    if anchor is None:
        return None
    iso = anchor.isoformat()
    return TimeSpan(iso, "DATE", "day", qualifier, iso, iso)


def summarise(text: str) -> str:
    s = " ".join(text.split())
    return s if len(s) <= SUMMARY_CHARS else s[:SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _masked(text: str, s: Sentence, mentions: list) -> str:
    """The sentence with the given mentions blanked out (same length, so offsets still hold)."""
    chars = list(text[s.start:s.end])
    for m in mentions:
        for k in range(max(m.start, s.start) - s.start, min(m.end, s.end) - s.start):
            chars[k] = " "
    return "".join(chars)


def build_events(article: Article, dates: list[DateMention], places: list[PlaceMention],
                 sentences: list[Sentence] | None = None) -> list[Event]:
    """Events in text order. `dates` and `places` must be sorted by start (as the taggers return them)."""
    text = article.text
    if sentences is None:
        sentences = split_sentences(text, article.lang)
    events: list[dict] = []
    if (article.title and len(sentences) > 1
            and text[sentences[0].start:sentences[0].end].strip() == article.title.strip()):
        sentences = sentences[1:]  # the headline restates the story; its names stay marked in the text
    date_starts = [m.start for m in dates]
    place_starts = [m.start for m in places]
    for s in sentences:
        d_ids = list(range(bisect_left(date_starts, s.start), bisect_left(date_starts, s.end)))
        p_ids = [i for i in range(bisect_left(place_starts, s.start), bisect_left(place_starts, s.end))
                 if places[i].place is not None]
        if not d_ids and not p_ids:
            continue
        when = main_time([dates[i] for i in d_ids], article.anchor)
        if when is None and p_ids:
            q = cue_qualifier(_masked(text, s, [places[i] for i in p_ids]), article.lang)
            if q:
                when = cue_time(q, article.anchor)
            else:
                last = events[-1] if events else None
                if last and last["paragraph"] == s.paragraph and last["when"] is not None:
                    last["place_ids"] += [i for i in p_ids if i not in last["place_ids"]]
                    last["date_ids"] += d_ids
                    last["end"] = s.end
                    continue
        if when is None and not p_ids:
            # a duration or set with no place: nothing to draw on the timeline or the map
            if not any(_on_calendar(dates[i]) for i in d_ids):
                continue
        events.append({"when": when, "date_ids": d_ids, "place_ids": p_ids, "start": s.start, "end": s.end,
                       "main_end": s.end, "paragraph": s.paragraph})
    return [Event(id=f"e{n}", when=e["when"], date_ids=e["date_ids"], place_ids=e["place_ids"],
                  sentence=(e["start"], e["end"]), summary=summarise(text[e["start"]:e["main_end"]]))
            for n, e in enumerate(events, 1)]
