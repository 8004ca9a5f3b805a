"""Writing gazetteer files: places and their names in, one SQLite file of schema.py's tables out.

Why here and nowhere else: a file must appear whole or not at all (a half-written cache file would be
read as a gazetteer), names must be deduplicated the same way whoever adds them, and the ``heads``
table must agree with the names. Two writers share that work:
  Writer      collects everything in memory and writes the file in one go (the embedded gazetteer, a
              test's tiny file, the extras added to a GeoNames import);
  BulkWriter  streams rows into a file being built (a full GeoNames dump of ~12 million places).
Both write through ``atomic_sqlite``: a temp file beside the target, renamed onto it only on success.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from maps.gazetteer.schema import MATCH_KINDS, MATCH_RANK, SCHEMA, STAGE_SCHEMA, prior_of
from maps.gazetteer.tables import abbreviation_variants
from maps.names import key_tokens, normalize

_INSERT_PLACES = "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
_INSERT_STAGE = "INSERT INTO names_stage VALUES (?,?,?,?)"


class Writer:
    """Places and their names, deduplicated: one row per (key, place), keeping the best match kind.

    Besides the rows it keeps registries that later sources use to attach names to places that earlier
    ones added (a country by its ISO code, a province by its ISO 3166-2 code, ...)."""

    def __init__(self, id_base: int = 1):
        self.id_base = id_base                   # first place id (a GeoNames import starts above its ids)
        self.places: list[tuple] = []            # rows in schema.PLACE_COLUMNS order
        self.names: dict[tuple[str, int], int] = {}
        self.weak: dict[tuple[str, int], int] = {}   # names kept only if no other place has them
        self.countries: dict[str, int] = {}      # ISO2 -> place id
        self.continents: dict[str, int] = {}     # GeoNames continent code (AS) -> place id
        self.admin1: dict[str, int] = {}         # ISO 3166-2 code -> place id
        self.un_regions: dict[str, int] = {}     # UN M49 region code (035) -> curated place id
        self.by_name: dict[str, int] = {}        # curated canonical name key -> place id
        self.by_geonameid: dict[int, int] = {}   # GeoNames id of a city -> place id (filled on demand)
        self.sources: Counter = Counter()

    def add_place(self, name: str, kind: str, lat: float, lon: float, *, country: str | None = None,
                  admin1: str | None = None, population: int = 0, geonameid: int | None = None,
                  source: str, fclass: str | None = None, fcode: str | None = None,
                  prior: float | None = None) -> int:
        """A new place (its own name is added as a ``name`` match); returns its id."""
        pid = self.id_base + len(self.places)
        if prior is None:
            prior = prior_of(kind, population, fcode)
        self.places.append((pid, name, kind, country, admin1, round(float(lat), 5), round(float(lon), 5),
                            int(population or 0), geonameid, source, fclass, fcode, prior))
        self.sources[source] += 1
        self.add_name(pid, name, "name")
        return pid

    def add_name(self, pid: int, name: str, match: str, weak: bool = False, force: bool = False) -> None:
        """Record a name of place ``pid``. A ``weak`` name (a minor locale's spelling) is dropped at write
        time if any other place has the same key as a strong name: "Marawi" is a city in the
        Philippines before it is Malawi in one locale. ``force`` sets the match kind even over a better one
        (the demonym table's word for a place is a demonym, whatever else lists it)."""
        if not name or not isinstance(name, str):
            return
        key = normalize(name)
        if not key or len(key) > 120:
            return
        rank = MATCH_RANK[match]
        table = self.weak if weak else self.names
        for k in ((key, pid), *((v, pid) for v in abbreviation_variants(key))):
            old = table.get(k)
            if old is None or rank < old or force:
                table[k] = rank

    def has_name(self, pid: int, name: str, match: str) -> bool:
        """Is ``name`` already a (strong) name of ``pid`` with this match kind?"""
        return self.names.get((normalize(name), pid)) == MATCH_RANK[match]

    def resolve_weak(self) -> None:
        """Merge weak names into the strong ones where no other place claims their key."""
        strong_keys: dict[str, int] = {}
        for key, pid in self.names:
            strong_keys[key] = pid if key not in strong_keys else -1
        for (key, pid), rank in self.weak.items():
            owner = strong_keys.get(key)
            if owner is None or owner == pid:
                self.names.setdefault((key, pid), rank)
        self.weak.clear()

    def row(self, pid: int) -> tuple:
        """The places row of ``pid`` (schema.PLACE_COLUMNS order)."""
        return self.places[pid - self.id_base]

    def write(self, path: Path, meta: dict) -> None:
        """Write everything to ``path`` atomically (temp file in the same directory, then rename)."""
        with atomic_sqlite(path) as con:
            con.executescript(SCHEMA)
            self.resolve_weak()
            con.executemany(_INSERT_PLACES, self.places)
            con.executemany("INSERT INTO names VALUES (?,?,?)",
                            sorted((k, p, MATCH_KINDS[r]) for (k, p), r in self.names.items()))
            _write_heads(con, (k for k, _ in self.names))
            meta = dict(meta)
            meta["counts"] = dict(Counter(p[2] for p in self.places))
            meta["names"] = len(self.names)
            meta["places_by_source"] = dict(self.sources)
            _write_meta(con, meta)

    def stage(self, bulk: "BulkWriter") -> None:
        """Add this writer's places and names to a file being streamed (weak names stay weak)."""
        bulk.add_places(self.places)
        bulk.add_names([(k, p, r, 0) for (k, p), r in self.names.items()])
        bulk.add_names([(k, p, r, 1) for (k, p), r in self.weak.items()])


class BulkWriter:
    """A gazetteer file filled in batches: ``with BulkWriter(path) as bulk: bulk.add_places(...) ...``.

    Names go to a staging table as read ((key, place, match rank, weak) rows); ``finish`` keeps the best
    match per (key, place), drops weak names that another place has, fills ``heads`` and writes ``meta``.
    Nothing appears at ``path`` unless the block ends without an error."""

    def __init__(self, path: str | os.PathLike):
        self._file = atomic_sqlite(Path(path), vacuum=False)
        self._con: sqlite3.Connection | None = None

    def __enter__(self) -> "BulkWriter":
        self._con = self._file.__enter__()
        self._con.executescript(SCHEMA)
        self._con.execute(STAGE_SCHEMA)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._file.__exit__(exc_type, exc, tb)

    def add_places(self, rows: Iterable[tuple]) -> None:
        """places rows (schema.PLACE_COLUMNS order); a row with an id already stored replaces it."""
        self._con.executemany(_INSERT_PLACES, rows)

    def add_names(self, rows: Iterable[tuple]) -> None:
        """(key, place id, match rank, weak 0/1) rows; rows with an empty key are skipped."""
        self._con.executemany(_INSERT_STAGE, [r for r in rows if r[0]])

    def place_ids(self) -> set[int]:
        """The ids of the places stored so far."""
        return {r[0] for r in self._con.execute("SELECT id FROM places")}

    def stored(self, ids: Iterable[int]) -> set[int]:
        """Which of these place ids are stored."""
        ids = [int(i) for i in ids]
        if not ids:
            return set()
        return {r[0] for r in self._con.execute(f"SELECT id FROM places WHERE id IN ({','.join(map(str, ids))})")}

    def max_place_id(self) -> int:
        """The largest place id stored (0 when none)."""
        return self._con.execute("SELECT COALESCE(MAX(id), 0) FROM places").fetchone()[0]

    def counts(self) -> dict:
        """Places per kind so far."""
        return dict(self._con.execute("SELECT kind, COUNT(*) FROM places GROUP BY kind"))

    def finish(self, meta: dict) -> None:
        """Turn the staged names into the names and heads tables; write ``meta`` (with the counts)."""
        con = self._con
        case = "CASE r " + " ".join(f"WHEN {i} THEN '{m}'" for i, m in enumerate(MATCH_KINDS)) + " END"
        con.execute("CREATE INDEX stage_key ON names_stage(key, weak)")
        con.execute(f"INSERT INTO names SELECT key, place, {case} FROM "
                    "(SELECT key, place, MIN(rank) AS r FROM names_stage WHERE weak = 0 GROUP BY key, place)")
        con.execute(f"INSERT OR IGNORE INTO names SELECT key, place, {case} FROM "
                    "(SELECT key, place, MIN(rank) AS r FROM names_stage s WHERE weak = 1 AND NOT EXISTS "
                    "(SELECT 1 FROM names n WHERE n.key = s.key AND n.place != s.place) GROUP BY key, place)")
        con.execute("DROP TABLE names_stage")
        _write_heads(con, (r[0] for r in con.execute("SELECT DISTINCT key FROM names")))
        meta = dict(meta)
        meta["counts"] = self.counts()
        meta["names"] = con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        _write_meta(con, meta)


class atomic_sqlite:
    """``with atomic_sqlite(path) as con``: a new SQLite file written beside ``path`` and renamed onto it
    only when the block succeeds (VACUUMed first); on any error the temp file is removed."""

    def __init__(self, path: Path, vacuum: bool = True):
        self.path, self.vacuum = Path(path), vacuum

    def __enter__(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix="." + self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        os.close(fd)
        self.con = sqlite3.connect(self.tmp)
        self.con.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        return self.con

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.con.commit()
                if self.vacuum:
                    self.con.execute("VACUUM")
            self.con.close()
            if exc_type is None:
                os.replace(self.tmp, self.path)
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)


def _write_heads(con: sqlite3.Connection, keys) -> None:
    """heads: first word of every key -> the most words a key starting with it has."""
    heads: dict[str, int] = {}
    for key in keys:
        toks = key_tokens(key)
        if toks and heads.get(toks[0], 0) < len(toks):
            heads[toks[0]] = len(toks)
    con.executemany("INSERT INTO heads VALUES (?,?)", sorted(heads.items()))


def _write_meta(con: sqlite3.Connection, meta: dict) -> None:
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)",
                    [(k, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)) for k, v in meta.items()])
