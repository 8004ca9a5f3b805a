"""Which gazetteer file eventmap uses when it is given none, and the one place that builds it.

Why apart from the reader: choosing a file reads the environment and may take half a minute to build
one; a reader that did this on open could not be handed a file of one's own. Here, and only here:

Which file ``default_gazetteer()`` reads, first match wins:
  1. the ``EVENTMAP_GAZETTEER`` environment variable (a path to a built or imported file);
  2. a full GeoNames import in the cache directory (``import_geonames``), if one was made;
  3. the embedded gazetteer (embedded.py), built on first use (a one-line note goes to stderr while it
     builds), and built again if the cached file is damaged.
The cache directory is maps/cachedir.py's. ``EVENTMAP_GAZETTEER_MIN_POPULATION`` (500 - the default -,
1000, 5000 or 15000) sets the smallest town the embedded file takes from GeoNames; it is part of the
file's name. A file is opened once per process and shared, so the geoparser's caches, which are kept per
gazetteer object, stay warm from one article to the next.
"""
from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from maps.cachedir import cache_dir
from maps.gazetteer.errors import GazetteerError
from maps.gazetteer.reader import Gazetteer

GEONAMES_FILE = "geonames-full.sqlite"
ENV_FILE = "EVENTMAP_GAZETTEER"
ENV_MIN_POPULATION = "EVENTMAP_GAZETTEER_MIN_POPULATION"
_SETTINGS = (ENV_FILE, "EVENTMAP_CACHE_DIR", "XDG_CACHE_HOME", ENV_MIN_POPULATION)

_lock = threading.RLock()
_chosen: dict[tuple, Path] = {}          # the environment's settings -> the file they choose
_opened: dict[Path, Gazetteer] = {}      # a file -> its one reader


def min_population() -> int:
    """The smallest town the embedded gazetteer takes (``EVENTMAP_GAZETTEER_MIN_POPULATION``)."""
    from maps.gazetteer import embedded

    raw = os.environ.get(ENV_MIN_POPULATION, "")
    return int(raw) if raw.strip().isdigit() else embedded.DEFAULT_MIN_POPULATION


def embedded_path() -> Path:
    """Where the embedded gazetteer for the installed sources lives (built or not)."""
    from maps.gazetteer import embedded

    return cache_dir() / embedded.file_name(min_population())


def geonames_path() -> Path:
    """Where a full GeoNames import goes by default (and is looked for)."""
    return cache_dir() / GEONAMES_FILE


def active_path() -> Path:
    """The file ``default_gazetteer()`` reads, without building it."""
    env = os.environ.get(ENV_FILE)
    if env:
        return Path(env).expanduser()
    full = geonames_path()
    return full if full.is_file() else embedded_path()


def default_gazetteer() -> Gazetteer:
    """The gazetteer to use when none is given (see the module docstring for which file): opened once
    per file, building the embedded one when it is missing or damaged. Raises GazetteerError (one line)."""
    settings = tuple(os.environ.get(k) for k in _SETTINGS)
    with _lock:
        path = _chosen.get(settings)
        if path is None or not path.is_file():
            path = active_path()
            if not path.is_file() and _is_embedded(path):
                build()
            _chosen[settings] = path
        gaz = _opened.get(path)
        if gaz is None:
            gaz = _opened[path] = _open_or_rebuild(path)
        return gaz


def _open_or_rebuild(path: Path) -> Gazetteer:
    try:
        return Gazetteer(path)
    except GazetteerError:
        if not _is_embedded(path) or os.environ.get(ENV_FILE):
            raise
    build(force=True)   # a damaged cache file: build it again
    return Gazetteer(path)


def _is_embedded(path: Path) -> bool:
    return path.name.startswith("gazetteer-") and path.suffix == ".sqlite" and path.parent == cache_dir()


def build(force: bool = False) -> Path:
    """Build the embedded gazetteer unless an up-to-date one exists; return its path.
    Raises GazetteerError (one line) when the cache directory cannot be written."""
    from maps.gazetteer import embedded

    path = embedded_path()
    if path.is_file() and not force:
        return path
    try:
        _check_writable(path.parent)   # before half a minute of building, not after it
        print(f"eventmap: building the offline gazetteer (one time) in {path.parent} ...", file=sys.stderr)
        embedded.build_file(path, min_population())
    except OSError as e:
        raise GazetteerError(f"cannot write the gazetteer in {path.parent} ({e.strerror or e}); "
                             "set EVENTMAP_CACHE_DIR to a writable directory") from None
    _forget(path)
    return path


def import_geonames(all_countries_zip: str | os.PathLike, alternate_names_zip: str | os.PathLike | None = None,
                    *, out: str | os.PathLike | None = None, **options) -> Path:
    """Import a full GeoNames dump you downloaded into ``out`` (default: the cache directory, where
    ``default_gazetteer()`` then prefers it); see sources/geonames_dump.py for the options."""
    from maps.gazetteer.sources import geonames_dump

    path = geonames_dump.import_dump(all_countries_zip, alternate_names_zip,
                                     out=Path(out) if out is not None else geonames_path(), **options)
    _forget(path)
    return path


def _check_writable(directory: Path) -> None:
    """OSError unless a file can be made in ``directory`` (made when missing)."""
    import tempfile

    directory.mkdir(parents=True, exist_ok=True)
    fd, probe = tempfile.mkstemp(prefix=".probe.", dir=directory)
    os.close(fd)
    os.unlink(probe)


def _forget(path: Path) -> None:
    """A file was (re)written: choose and open again."""
    with _lock:
        _chosen.clear()
        _opened.pop(path, None)


def attribution() -> list[str]:
    """What the active file was made from, one line per source (of the embedded sources if not built)."""
    from maps.gazetteer import embedded

    path = active_path()
    if path.is_file():
        try:
            lines = Gazetteer(path).meta.get("attribution")
        except GazetteerError:
            lines = None
        if isinstance(lines, list):
            return lines
    return embedded.attribution()


def info() -> dict:
    """What the CLI's ``gazetteer info`` shows: which file, its sources, versions, attribution, counts."""
    from maps.gazetteer import embedded

    embedded_file = embedded_path()
    active = active_path()
    out = {"cache_dir": str(cache_dir()), "embedded": str(embedded_file), "embedded_built": embedded_file.is_file(),
           "active": str(active)}
    if not active.is_file():
        out["note"] = "not built yet: run 'eventmap gazetteer build' (or it builds on first use)"
        out["sources"] = embedded.source_versions(min_population())
        out["attribution"] = embedded.attribution()
        return out
    gaz = Gazetteer(active)
    out["size_mb"] = round(active.stat().st_size / 1e6, 1)
    out.update(gaz.meta)
    out["counts"] = gaz.counts()
    return out
