"""Reading one gazetteer file: a name in, every place it may mean out.

Why a pure reader: the geoparser asks for thousands of names per article, and tests and other tools
hand it files of their own (a tiny test file, a full GeoNames import). ``Gazetteer(path)`` only opens
the file it is given - it never builds, never looks at the environment and keeps no global state -
so any number of gazetteers can live side by side. Which file is "the" gazetteer is store.py's job.

Every stored name is kept under a normalised key (maps/names.py), so lookups ignore case, accents,
apostrophe and dash variants, periods and extra spaces. A name returns every place it may mean, each as
a ``Candidate`` carrying what a ranker needs (kind, population, country, admin1, feature code, how the
name matched) and an a-priori ``prior`` in 0..1; choosing among them is the resolver's job.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from maps.gazetteer.errors import GazetteerError
from maps.gazetteer.schema import match_prior
from maps.model import Place
from maps.names import key_tokens, normalize


@dataclass(frozen=True)
class Candidate:
    """One place a name may mean.

    name        the place's canonical (English or official) name, not the text that was looked up
    kind        continent, region, country, admin1, admin2, city, island, peninsula, sea, ocean, landmark, ...
    country     ISO 3166-1 alpha-2, or None for places spanning countries
    admin1      ISO 3166-2 code of its first-level subdivision (``ID-JK``) where known; in a full GeoNames
                import the GeoNames code (``ID.04``)
    population  0 when unknown (regions, seas, most subdivisions)
    source      the record's origin: geonames, cldr, iso3166-2, countryinfo, curated
    match       how the looked-up name matched: name, abbrev, exonym, alt, demonym (see schema.MATCH_KINDS).
                A demonym ("Nigerian") returns the place it refers to with match == "demonym".
    prior       0..1, how likely this reading is before reading any text: kind, log population,
                capital status and match kind. Only an a-priori hint for the resolver.
    fclass, fcode  GeoNames feature class and code where known (P/PPLC for a capital, A/ADM1, ...)
    dataset     "gazetteer" (the embedded file) or "geonames" (a full import); becomes Place.source
    """

    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    geonameid: int | None
    source: str
    match: str
    prior: float
    fclass: str | None = None
    fcode: str | None = None
    dataset: str = "gazetteer"
    id: int = 0

    def to_place(self, confidence: float = 1.0) -> Place:
        return Place(name=self.name, lat=self.lat, lon=self.lon, kind=self.kind, country=self.country,
                     geonameid=self.geonameid, population=self.population or 0, source=self.dataset,
                     confidence=confidence, admin1=self.admin1, record=self.source)


_PLACE = ("p.id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.population, p.geonameid, p.source, "
          "p.fclass, p.fcode, p.prior")
_BY_NAME = f"SELECT {_PLACE}, n.match FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?"
_BY_COUNTRY = (f"SELECT {_PLACE}, 'name' FROM places p WHERE p.kind = 'country' AND p.country = ? "
               "ORDER BY p.prior DESC LIMIT 1")


class Gazetteer:
    """Read-only access to one gazetteer file. Safe to share between threads and forked processes (one
    connection each).

    Raises GazetteerError (one line) when ``path`` is missing or is not a gazetteer file."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerError(f"no gazetteer file at {self.path}")
        self._local = threading.local()
        try:
            rows = self._db().execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.DatabaseError as e:
            raise GazetteerError(f"{self.path} is not a gazetteer file ({e})") from None
        self.meta = {k: _meta_value(v) for k, v in rows}
        self.dataset = self.meta.get("dataset", "gazetteer")

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"

    def _db(self) -> sqlite3.Connection:
        """This thread's connection. A process forked from one that had the file open (a batch's
        workers) opens its own: SQLite connections must not be carried across a fork."""
        con = getattr(self._local, "con", None)
        if con is None or self._local.pid != os.getpid():
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._local.con, self._local.pid = con, os.getpid()
        return con

    def _candidate(self, row: tuple) -> Candidate:
        return Candidate(name=row[1], kind=row[2], country=row[3], admin1=row[4], lat=row[5], lon=row[6],
                         population=row[7] or 0, geonameid=row[8], source=row[9], fclass=row[10],
                         fcode=row[11], match=row[13], prior=match_prior(row[12], row[13]),
                         dataset=self.dataset, id=row[0])

    def lookup(self, name: str) -> list[Candidate]:
        """Every place ``name`` may mean, highest prior first ([] for an unknown or empty name)."""
        key = normalize(name) if isinstance(name, str) else ""
        if not key:
            return []
        out = [self._candidate(r) for r in self._db().execute(_BY_NAME, (key,))]
        out.sort(key=lambda c: (-c.prior, -c.population, c.id))
        return out

    def max_tokens(self, first_token: str) -> int:
        """How many words the longest name starting with this word has (0: no name starts with it).

        For a longest-match recogniser: at a word, try spans of up to ``max_tokens(word)`` words. Words
        are counted on the normalised key as ``key_tokens`` does (inner hyphens and apostrophes bind:
        "Guinea-Bissau" is one word, "U.S." is one word)."""
        toks = key_tokens(normalize(first_token)) if isinstance(first_token, str) else []
        if not toks:
            return 0
        row = self._db().execute("SELECT n FROM heads WHERE token = ?", (toks[0],)).fetchone()
        return row[0] if row else 0

    def has_prefix(self, first_token: str) -> bool:
        """Does any name start with this word?"""
        return self.max_tokens(first_token) > 0

    def by_country(self, cc: str) -> Candidate | None:
        """The country record for an ISO 3166-1 alpha-2 code (case-insensitive), or None."""
        if not isinstance(cc, str) or not cc.strip():
            return None
        row = self._db().execute(_BY_COUNTRY, (cc.strip().upper(),)).fetchone()
        return None if row is None else self._candidate(row)

    def keys_from(self, first: str) -> Iterator[str]:
        """Every distinct name key that sorts at or after the character ``first``.

        Why: scripts without letter case (Hebrew onwards, U+0590) cannot be found by the capitalised
        recogniser; maps/uncased.py scans a text for these keys instead, and asks for them here so that
        it never needs to know how the file stores them."""
        for (key,) in self._db().execute("SELECT DISTINCT key FROM names WHERE key >= ?", (first,)):
            yield key

    def places(self, kinds: tuple[str, ...], min_city: int) -> Iterator[tuple]:
        """(name, kind, country, lat, lon, population) of every place of these kinds and every city of
        ``min_city`` people or more, most populous first (then by name): the names a page carries for
        its search (tools/make_search_names.py)."""
        q = ("SELECT name, kind, country, lat, lon, COALESCE(population, 0) FROM places "
             f"WHERE kind IN ({','.join('?' * len(kinds))}) OR (kind = 'city' AND population >= ?) "
             "ORDER BY COALESCE(population, 0) DESC, name")
        yield from self._db().execute(q, (*kinds, min_city))

    def counts(self) -> dict:
        """Number of places per kind, and of names."""
        db = self._db()
        out = dict(db.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind ORDER BY 2 DESC"))
        out["names"] = db.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        out["places"] = db.execute("SELECT COUNT(*) FROM places").fetchone()[0]
        return out


def _meta_value(value):
    """meta values are text; lists and dicts were stored as JSON."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            pass
    return value
