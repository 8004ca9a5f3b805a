"""What the story page shows: the articles, their merged events in date order, one marker per place.

Why from the export and not from `Document`s: a story is made from a batch's records (the JSON
export of each article, plus where it came from), possibly long after the articles were read, so the
view reads the contract every other tool reads (eventmap/export.py). The page's words come from the
page's word tables (languages/data/<code>/ui.json, its "story" entry); how a time span is written is
the single-article page's (`eventmap.page.when`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from eventmap.page.timeline import QUALIFIER_ORDER
from eventmap.page.when import date_code, date_words
from eventmap.page.words import Words, page_words
from eventmap.story.merge import StoryEvent, is_local, merge_groups, place_key
from timeline.model import TimeSpan

CORPUS_LINE = re.compile(r"\.jsonl:\d+$")


@dataclass
class Source:
    """One article's telling of an event: the link goes to the article's page, its URL, or its entry
    in the story's list of articles."""

    article: int
    title: str
    origin: str
    lang: str
    href: str


@dataclass
class StoryArticle:
    n: int
    id: str
    title: str
    lang: str
    origin: str
    input: str
    href: str | None      # its own page, its URL, or the input file; None for a corpus line without a URL
    page: str | None = None   # its own page (batch --pages), relative to the story
    events: int = 0


@dataclass
class StoryItem:
    """One happening on the story's timeline: one event, or several articles' events merged."""

    id: str
    words: str
    code: str
    places: list[str]
    summary: str
    earliest: str | None
    latest: str | None
    sources: list[Source]
    markers: list[str] = field(default_factory=list)
    order: tuple = ()


@dataclass
class StoryMarker:
    id: str
    name: str
    lat: float
    lon: float
    kind: str | None
    country: str | None
    events: list[str] = field(default_factory=list)


@dataclass
class Story:
    articles: list[StoryArticle]
    dated: list[StoryItem]
    undated: list[StoryItem]
    markers: list[StoryMarker]
    origins: list[str]
    langs: list[tuple[str, str]]     # (code, name in the page's language)
    first_day: str | None
    last_day: str | None
    merged: int = 0                  # happenings told by more than one article


def build_story(records: Iterable[dict], out_dir: Path | None = None, locale: str = "en") -> Story:
    """The story of a batch's records (journal records: key, id, origin, url, title, page, doc)."""
    articles, events, places = _read(records, out_dir)
    groups = merge_groups(events)
    markers: dict[tuple, StoryMarker] = {}
    items = [_item(f"s{n}", [events[i] for i in g], articles, places, markers, locale)
             for n, g in enumerate(groups, 1)]
    dated = sorted((it for it in items if it.earliest), key=lambda it: it.order)
    undated = [it for it in items if not it.earliest]
    words = page_words(locale)
    days = [d for it in dated for d in (it.earliest, it.latest) if d]
    return Story(articles=articles, dated=dated, undated=undated, markers=list(markers.values()),
                 origins=sorted({a.origin for a in articles if a.origin}),
                 langs=sorted({(a.lang, words.language_name(a.lang)) for a in articles if a.lang}),
                 first_day=min(days, default=None), last_day=max(days, default=None),
                 merged=sum(1 for it in items if len({s.article for s in it.sources}) > 1))


def _read(records: Iterable[dict], out_dir: Path | None):
    articles: list[StoryArticle] = []
    events: list[StoryEvent] = []
    places: dict[tuple, dict] = {}
    for rec in records:
        doc, n = rec["doc"], len(articles)
        art = StoryArticle(n=n, id=str(rec.get("id") or doc.get("id")), title=doc.get("title") or "",
                           lang=doc.get("lang") or "", origin=rec.get("origin") or "", input=rec.get("key") or "",
                           href=_article_href(rec, out_dir), page=(rec.get("page") or {}).get("file"),
                           events=len(doc["events"]))
        articles.append(art)
        for e in doc["events"]:
            ps = [doc["places"][i] for i in e["places"] if 0 <= i < len(doc["places"])]
            keys = [place_key(p) for p in ps]
            for p, k in zip(ps, keys):
                places.setdefault(k, p)
            events.append(StoryEvent(n, e["id"], e.get("when"), keys, {k for p, k in zip(ps, keys) if is_local(p)},
                                     e.get("summary") or "", art.lang))
    return articles, events, places


def _article_href(rec: dict, out_dir: Path | None) -> str | None:
    if rec.get("page"):
        return rec["page"]["file"]
    url = rec.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):   # never a javascript: link
        return url
    key = rec.get("key") or ""
    if key and not CORPUS_LINE.search(key):
        path = Path(key).resolve()
        return os.path.relpath(path, out_dir.resolve()) if out_dir is not None else path.as_uri()
    return None


def _item(ident: str, members: list[StoryEvent], articles: list[StoryArticle], places: dict,
          markers: dict, locale: str) -> StoryItem:
    best = min(members, key=lambda e: e.rank)   # the most precise telling says when
    span = _span(best.when)
    keys = list(dict.fromkeys(k for e in members for k in e.places))
    item = StoryItem(id=ident, words=_when_words(span, locale), code=date_code(span),
                     places=[k[0] for k in keys], summary=members[0].summary,
                     earliest=best.earliest if span and span.earliest else None,
                     latest=best.latest if span and span.earliest else None,
                     sources=[_source(e, articles[e.article]) for e in members])
    q = QUALIFIER_ORDER.get(span.qualifier if span else None, 1)
    item.order = (item.earliest or "", q, members[0].article, members[0].event_id)
    for k in keys:
        m = markers.get(k)
        if m is None:
            p = places[k]
            m = markers[k] = StoryMarker(f"p{len(markers)}", k[0], k[1], k[2], p.get("kind"), p.get("country"))
        m.events.append(ident)
        item.markers.append(m.id)
    return item


# A story's events share their days: each span is put in words once (Babel's formatting is most of a build).
_when_words = lru_cache(maxsize=4096)(date_words)


def _span(when: dict | None) -> TimeSpan | None:
    if not when:
        return None
    return TimeSpan(when.get("value") or "", when.get("type") or "DATE", when.get("precision"),
                    when.get("qualifier"), when.get("earliest"), when.get("latest"))


def _source(e: StoryEvent, art: StoryArticle) -> Source:
    href = f"{art.page}#tl-{e.event_id}" if art.page else art.href or f"#art-{art.n}"   # the event on its page
    return Source(article=art.n, title=art.title or art.id, origin=art.origin, lang=art.lang, href=href)


def story_words(words: Words, key: str, **fill) -> str:
    """One of the story's own words (the "story" entry of ui.json), placeholders filled."""
    return words.entry("story", key).format(**fill)


def story_count(words: Words, key: str, n: int) -> str:
    return words.counted(words.entry("story", key), n)
