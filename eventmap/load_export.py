"""Reading a JSON export back into a typed `Document`, checking the contract field by field.

Why: the export is also an input. A person corrects a reading in the page (or by hand) and the
corrected JSON goes back through `eventmap render`, so every output can be drawn from it exactly as
from a fresh analysis. A JSON that breaks the contract is refused with one line that names the field
(``places[3].lat: expected a number from -90 to 90, got "north"``), never with a traceback or a page
drawn from half the data.

`document_from_dict(document_to_dict(doc))` gives back a document whose export is the same dict.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from eventmap.decoding import clean_strings, decode_bytes
from eventmap.errors import InputError
from eventmap.model import Article, Document, Event
from maps.model import Alternative, Basis, Place, PlaceMention
from timeline.model import DateMention, TimeSpan

QUALIFIERS = {None, "before", "after", "approx", "start", "mid", "end", "ongoing"}
TYPES = {"DATE", "TIME", "DURATION", "SET"}
HUMAN = "human"
_MISSING = object()


class ContractError(InputError, ValueError):
    """A JSON export that breaks the contract: the message names the field and what was wrong."""


class LoadedPlaceMention(PlaceMention):
    """A place mention read back from an export: its notes are kept as they were written.

    Why a subclass: a fresh mention writes its notes from its basis (`PlaceMention.all_notes`); one read
    back already has them in its notes, and must not write them twice."""

    def all_notes(self) -> list[str]:
        return list(self.notes)


def read_export(path: str | Path, warn=None) -> Document:
    """The `Document` of a JSON export file; ContractError (InputError) when it cannot be one.
    ``warn`` (a callable) hears what was repaired on the way (lone surrogates replaced)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a JSON export") from None
    try:   # UTF-8, or UTF-16/32 with a byte-order mark (an editor's "Unicode"); empty and binary refused
        data, replaced = clean_strings(json.loads(decode_bytes(raw, str(path), "a JSON export")))
    except json.JSONDecodeError as e:
        raise InputError(f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    try:
        doc = document_from_dict(data)
    except ContractError as e:
        raise ContractError(f"{path}: {e}") from None
    if replaced:   # offsets hold: one code point for one
        doc.warnings.append(f"{path}: {replaced} lone surrogate code point(s) (not valid Unicode text) replaced by U+FFFD")
        if warn:
            warn(doc.warnings[-1])
    return doc


def document_from_dict(data: Any) -> Document:
    """The inverse of `eventmap.export.document_to_dict`, checking every field it reads."""
    c = _Checker(data, "")
    c.kind(dict, "an object (a JSON export)")
    text = c.field("text", str, "the article's text (exports before the text was part of the contract "
                               "cannot be rendered: run eventmap again on the article)")
    article = Article(id=c.field("id", str, "a string", default=""), text=text,
                      title=c.field("title", str, "a string", default="") or "",
                      lang=_language(c),
                      published=c.date("published"), anchor=c.date("anchor"),
                      anchor_source=c.field("anchor_source", str, "a string or null", default=None, null=True))
    dates = [_date(c.at("dates", i), text) for i in range(c.length("dates"))]
    places = [_place_mention(c.at("places", i), text, resolved=True) for i in range(c.length("places"))]
    unresolved = [_place_mention(c.at("unresolved", i), text, resolved=False)
                  for i in range(c.length("unresolved", optional=True))]
    events = [_event(c.at("events", i), len(dates), len(places)) for i in range(c.length("events"))]
    seen: set[str] = set()
    for i, e in enumerate(events):
        if e.id in seen:
            raise _Checker(e.id, f"events[{i}].id").fail("an id no earlier event has")
        seen.add(e.id)
    warnings = [c.at("warnings", i).kind(str, "a string") for i in range(c.length("warnings", optional=True))]
    corrections = [c.at("corrections", i).kind(dict, "an object")
                   for i in range(c.length("corrections", optional=True))]
    return Document(article=article, dates=dates, places=places, unresolved=unresolved, events=events,
                    warnings=warnings, corrections=corrections)


def _language(c: "_Checker") -> str:
    """The export's language: a code eventmap knows (the page writes its dates in it), "en" when empty."""
    from languages.identify import UnknownLanguage, check_language

    code = c.field("lang", str, "a language code", default="en") or "en"
    try:
        return check_language(code)
    except UnknownLanguage:
        raise c.sub("lang").fail("a language code such as 'en' or 'id'") from None


class _Checker:
    """One value of the export and its path ("places[3].lat"), with typed readers that name the path."""

    def __init__(self, value: Any, path: str):
        self.value, self.path = value, path

    def fail(self, what: str) -> ContractError:
        got = json.dumps(self.value, ensure_ascii=False)[:60] if self.value is not _MISSING else "nothing"
        return ContractError(f"{self.path or 'the export'}: expected {what}, got {got}")

    def kind(self, typ, what: str, null: bool = False):
        v = self.value
        if v is None and null:
            return None
        ok = isinstance(v, typ) and not (typ in (int, float, (int, float)) and isinstance(v, bool))
        if not ok:
            raise self.fail(what)
        return v

    def sub(self, key: str) -> _Checker:
        value = self.value.get(key, _MISSING) if isinstance(self.value, dict) else _MISSING
        return _Checker(value, f"{self.path}.{key}" if self.path else key)

    def field(self, key: str, typ, what: str, default: Any = _MISSING, null: bool = False):
        s = self.sub(key)
        if s.value is _MISSING:
            if default is _MISSING:
                raise s.fail(what)
            return default
        return s.kind(typ, what, null=null)

    def number(self, key: str, lo: float, hi: float) -> float:
        v = self.field(key, (int, float), f"a number from {lo:g} to {hi:g}")
        if not lo <= v <= hi:
            raise self.sub(key).fail(f"a number from {lo:g} to {hi:g}")
        return float(v)

    def date(self, key: str) -> dt.date | None:
        s = self.sub(key)
        if s.value is _MISSING or s.value is None:
            return None
        try:
            return dt.date.fromisoformat(s.kind(str, "a date YYYY-MM-DD or null"))
        except ValueError:
            raise s.fail("a date YYYY-MM-DD or null") from None

    def iso(self, key: str) -> str | None:
        """An ISO day (earliest/latest bounds), kept as the string it is."""
        self.date(key)
        return self.sub(key).value if self.sub(key).value is not _MISSING else None

    def length(self, key: str, optional: bool = False) -> int:
        s = self.sub(key)
        if s.value is _MISSING and optional:
            return 0
        return len(s.kind(list, "a list"))

    def at(self, key: str, i: int) -> _Checker:
        return _Checker(self.value[key][i], f"{self.sub(key).path}[{i}]")


def _offsets(c: _Checker, text: str) -> tuple[int, int, str]:
    """start, end and text of a mention; the text must be the article's at those offsets."""
    c.kind(dict, "an object")
    start = c.field("start", int, "a character offset (an integer)")
    end = c.field("end", int, "a character offset (an integer)")
    if not 0 <= start <= end <= len(text):
        raise c.sub("end").fail(f"offsets with 0 <= start <= end <= {len(text)} (the text's length); start is {start}")
    said = c.field("text", str, "a string")
    if text[start:end] != said:
        raise c.sub("text").fail(f"the article's text at {start}-{end} ({text[start:end][:40]!r})")
    return start, end, said


def _span(c: _Checker) -> TimeSpan:
    value = c.field("value", str, "a TIMEX3 value such as 2017-08-09")
    typ = c.field("type", str, "DATE, TIME, DURATION or SET", default="DATE")
    if typ not in TYPES:
        raise c.sub("type").fail("DATE, TIME, DURATION or SET")
    qualifier = c.field("qualifier", str, "a qualifier or null", default=None, null=True)
    if qualifier not in QUALIFIERS:
        raise c.sub("qualifier").fail(f"one of {', '.join(sorted(q for q in QUALIFIERS if q))} or null")
    return TimeSpan(value=value, type=typ,
                    precision=c.field("precision", str, "a precision or null", default=None, null=True),
                    qualifier=qualifier, earliest=c.iso("earliest"), latest=c.iso("latest"))


def _notes(c: _Checker) -> list[str]:
    return [c.at("notes", i).kind(str, "a string") for i in range(c.length("notes", optional=True))]


def _date(c: _Checker, text: str) -> DateMention:
    start, end, said = _offsets(c, text)
    return DateMention(start, end, said, _span(c), notes=_notes(c))


def _alternative(c: _Checker) -> Alternative:
    c.kind(dict, "an object")
    score = c.field("score", (int, float), "a number", default=None, null=True)
    return Alternative(name=c.field("name", str, "a place name"),
                       country=c.field("country", str, "a country code or null", default=None, null=True),
                       lat=c.number("lat", -90, 90), lon=c.number("lon", -180, 180),
                       kind=c.field("kind", str, "a place kind"), score=score,
                       source=c.field("source", str, "a string", default=None, null=True))


def _place(c: _Checker) -> Place:
    bbox = c.field("bbox", list, "[south, west, north, east]", default=None, null=True)
    if bbox is not None and (len(bbox) != 4 or not all(isinstance(x, (int, float)) for x in bbox)):
        raise c.sub("bbox").fail("[south, west, north, east]")
    n_alt = c.length("alternatives", optional=True)
    return Place(name=c.field("name", str, "a place name"), lat=c.number("lat", -90, 90),
                 lon=c.number("lon", -180, 180), kind=c.field("kind", str, "a place kind", default="city"),
                 country=c.field("country", str, "a country code or null", default=None, null=True),
                 geonameid=c.field("geonameid", int, "an integer", default=None, null=True),
                 source=c.field("source", str, "a string", default="gazetteer"),
                 confidence=c.number("confidence", 0, 1) if c.sub("confidence").value is not _MISSING else 1.0,
                 bbox=tuple(bbox) if bbox else None,
                 alternatives=[_alternative(c.at("alternatives", i)) for i in range(n_alt)])


def _place_mention(c: _Checker, text: str, resolved: bool) -> PlaceMention:
    start, end, said = _offsets(c, text)
    basis_name = c.field("basis", str, "a basis", default=Basis.GAZETTEER.value)
    try:
        basis = Basis(basis_name)
    except ValueError:
        raise c.sub("basis").fail(f"one of {', '.join(b.value for b in Basis)}") from None
    place = _place(c) if resolved else None
    at_name = c.field("located_at", str, "a place name", default=None, null=True)
    located_at = Place(at_name, place.lat, place.lon) if (at_name and place) else None
    return LoadedPlaceMention(start, end, said, place, demonym=bool(c.field("demonym", bool, "true or false",
                                                                         default=False)),
                              basis=basis, located_at=located_at, notes=_notes(c))


def _indexes(c: _Checker, key: str, n: int, what: str) -> list[int]:
    out = []
    for i in range(c.length(key)):
        v = c.at(key, i).kind(int, f"an index into {what}")
        if not 0 <= v < n:
            raise c.at(key, i).fail(f"an index into {what} (0 to {n - 1})" if n else f"no index: {what} is empty")
        out.append(v)
    return out


def _event(c: _Checker, n_dates: int, n_places: int) -> Event:
    c.kind(dict, "an object")
    when = c.sub("when")
    span = None if when.value in (None, _MISSING) else _span(_Checker(when.kind(dict, "an object or null"),
                                                                      when.path))
    sentence = c.sub("sentence")
    sentence.kind(dict, "an object {start, end}")
    s, e = sentence.field("start", int, "an integer"), sentence.field("end", int, "an integer")
    source = c.field("source", str, "a string", default=None, null=True)
    return Event(id=c.field("id", str, "an event id"), when=span, date_ids=_indexes(c, "dates", n_dates, "dates"),
                 place_ids=_indexes(c, "places", n_places, "places"), sentence=(s, e),
                 summary=c.field("summary", str, "a string", default=""), source=source)
