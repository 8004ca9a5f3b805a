"""A persistent cache of geocoder answers, so a second run over the same articles sends no requests.

One SQLite file, ``geocoding.sqlite``, in eventmap's cache directory (`maps.cachedir.cache_dir`:
$EVENTMAP_CACHE_DIR, else the user cache directory, which honours $XDG_CACHE_HOME). An answer is
keyed by provider, server (domain), query and language, and stored as the list of candidates
eventmap kept from it; "nothing found" is stored as an empty list, so negative answers are not
asked again either. Failures (timeouts, 5xx, ...) are never stored. Each write is its own
transaction: an interrupted run leaves every earlier answer intact and no half-written one.
Delete the file to forget.

The query is filed under `maps.names.normalize`, the key the gazetteer uses too, so "St. Louis" and
"St Louis", or "Köln" and "Koln", are one question.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

from maps.cachedir import cache_dir
from maps.names import normalize

FILE_NAME = "geocoding.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    provider  TEXT NOT NULL,
    domain    TEXT NOT NULL,
    query     TEXT NOT NULL,
    language  TEXT NOT NULL,
    candidates TEXT NOT NULL,
    fetched   REAL NOT NULL,
    PRIMARY KEY (provider, domain, query, language)
)
"""


class GeocodingCache:
    """get/put of candidate lists. Raises sqlite3.Error / OSError when the file is unusable; the
    caller decides to go on without it."""

    def __init__(self, directory: str | os.PathLike | None = None):
        directory = Path(directory) if directory else cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / FILE_NAME
        self._db = sqlite3.connect(self.path, timeout=10)
        self._db.execute(_SCHEMA)
        self._db.commit()

    def get(self, provider: str, domain: str, query: str, language: str) -> list[dict] | None:
        """The stored candidates ([] = known to find nothing), or None when never asked."""
        row = self._db.execute(
            "SELECT candidates FROM answers WHERE provider=? AND domain=? AND query=? AND language=?",
            (provider, domain, normalize(query), language or "")).fetchone()
        return None if row is None else json.loads(row[0])

    def put(self, provider: str, domain: str, query: str, language: str, candidates: list[dict]) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                             (provider, domain, normalize(query), language or "",
                              json.dumps(candidates, ensure_ascii=False), time.time()))

    def close(self) -> None:
        self._db.close()
