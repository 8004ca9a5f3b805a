"""The timeline view: the document's events in date order, each saying when (in words and EDTF), where
(the numbered places of the map) and what; undated events apart.

A hand-made list instead of a timeline library (vis-timeline alone is ~550 KB): news events are few,
and a list reads well on a phone, prints well and is accessible (a listbox of options). This module
decides what the list holds and in which order; templates/timeline.html draws it. The drawn time axis
over the list is laid out by the page script (assets/axis.js), because a correction made in the page
moves events on it.
"""
from __future__ import annotations

from dataclasses import dataclass

from eventmap.model import Document, Event
from eventmap.page.places import Marker
from eventmap.page.when import date_code, date_words
from eventmap.page.words import page_words

# On the same day: what came before it, then the day itself, then what goes on or follows from it.
QUALIFIER_ORDER = {"before": 0, "start": 1, None: 1, "approx": 1, "mid": 1, "end": 1, "ongoing": 2, "after": 2}


@dataclass(frozen=True)
class PlaceChip:
    """A place of an event as the list shows it: the map marker's id and number, and its name."""

    marker: str
    number: int
    name: str


@dataclass(frozen=True)
class TimelineItem:
    """One event as the timeline shows it."""

    id: str
    words: str        # when, in words ("before 9 Aug 2017")
    code: str         # when, as EDTF or TIMEX3 ("../2017-08-09"); "" when unknown
    places: list      # of PlaceChip, in text order
    summary: str      # what: the event's sentence, shortened
    dated: bool
    first: bool       # the item the keyboard reaches first (tabindex 0)
    human: bool       # a person corrected its date or places


@dataclass(frozen=True)
class Timeline:
    """The whole timeline: what it says when it has nothing to show, and the two lists."""

    messages: list[str]
    dated: list[TimelineItem]
    undated: list[TimelineItem]


def is_dated(event: Event) -> bool:
    """Can the event be placed on a calendar (its time span has an earliest day)?"""
    return bool(event.when and event.when.earliest)


def ordered_events(doc: Document) -> tuple[list[Event], list[Event]]:
    """(dated events by earliest date, then qualifier, then text order; undated events in text order)."""
    dated = [e for e in doc.events if is_dated(e)]
    dated.sort(key=lambda e: (e.when.earliest, QUALIFIER_ORDER.get(e.when.qualifier, 1), e.sentence[0]))
    undated = sorted((e for e in doc.events if not is_dated(e)), key=lambda e: e.sentence[0])
    return dated, undated


def event_places(doc: Document, event: Event) -> list[str]:
    """Distinct place names of an event, in the order the text names them."""
    names: list[str] = []
    for i in event.place_ids:
        if 0 <= i < len(doc.places):
            mention = doc.places[i]
            name = (mention.place.name if mention.place else None) or mention.text
            if name and name not in names:
                names.append(name)
    return names


def event_labels(doc: Document, locale: str = "en") -> dict[str, dict[str, str]]:
    """Per event id, the words and code the timeline shows (the map's popups reuse them)."""
    return {e.id: {"words": date_words(e.when, locale), "code": date_code(e.when)} for e in doc.events}


def timeline_view(doc: Document, locale: str, markers: list[Marker]) -> Timeline:
    """What the timeline shows for a document, in the order it shows it."""
    words = page_words(locale)
    dated, undated = ordered_events(doc)
    messages = []
    if not doc.dates and not dated:
        messages.append(words("no_dates"))
    elif not dated:
        messages.append(words("no_calendar_dates"))
    if not dated and not undated:
        messages.append(words("no_events"))
    owner = {i: m for m in markers for i in m.mentions}
    return Timeline(messages=messages,
                    dated=[_item(e, locale, owner, first=n == 0) for n, e in enumerate(dated)],
                    undated=[_item(e, locale, owner, first=n == 0 and not dated) for n, e in enumerate(undated)])


def _item(e: Event, locale: str, owner: dict[int, Marker], first: bool) -> TimelineItem:
    chips: list[PlaceChip] = []
    for i in e.place_ids:
        m = owner.get(i)
        if m is not None and all(c.marker != m.id for c in chips):
            chips.append(PlaceChip(m.id, m.number, m.name))
    return TimelineItem(id=e.id, words=date_words(e.when, locale), code=date_code(e.when), places=chips,
                        summary=e.summary or "", dated=is_dated(e), first=first, human=e.source == "human")
