"""The documents of a batch: every INPUT (a directory of files, a JSONL corpus, a single file) turned
into `Job`s, one per document, in input order.

Why the coordinator reads the bytes and not the workers: a worker may run on another machine (the
Dask engine), where the input paths do not exist; and the bytes are what decides whether a document
finished in an earlier run is still the same document (`Job.digest`). A line that is not valid JSON
is still a job - one that fails with its line number - so one bad line never stops a corpus. A
corpus is read by the same reader as `eventmap extract`'s (eventmap/jsonl.py): a file that is empty or
binary is bad input to the command, and UTF-16 and UTF-32 files with a byte-order mark are read.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from eventmap.article import HTML_SUFFIXES
from eventmap.errors import InputError
from eventmap.jsonl import check_lines, read_lines

TEXT_SUFFIXES = {".txt", ".text", ".md"}
CORPUS_SUFFIX = ".jsonl"


@dataclass(frozen=True)
class Job:
    """One document to read.

    key      where it is, unique in a run: ``corpus.jsonl:17`` or the file's path
    ident    its id in the outputs: the line's ``id`` (else the line number), or the file's path
             under its directory without the suffix
    data     the line or the file, as read
    kind     "line" (a JSONL line), "text" or "html" (a file; a page is reduced to its main text)
    origin   the source it came from, for the story page's filter: the line's ``source``, else its
             ``url``'s host, else the corpus or directory name
    url      a link to the original, when the line gives one

    error    why the document could not even be read (an unreadable file), else None
    """

    key: str
    ident: str
    data: bytes
    kind: str = "text"
    origin: str = ""
    url: str | None = None
    error: str | None = None

    def digest(self, fingerprint: str) -> str:
        """What a finished result must match to be reused: this document under these settings."""
        h = hashlib.sha256(fingerprint.encode("utf-8"))
        h.update(b"\0" + self.key.encode("utf-8") + b"\0" + self.kind.encode("ascii") + b"\0")
        h.update(self.data)
        return h.hexdigest()[:32]


def check_inputs(inputs: list[str]) -> list[Path]:
    """Every INPUT as a Path; InputError (one line) for one that is missing or of an unknown kind."""
    out = []
    for name in inputs:
        p = Path(name)
        if name == "-" or "://" in name:
            raise InputError(f"{name}: batch reads files, directories and .jsonl corpora (use 'eventmap' for "
                             "standard input and URLs)")
        if not p.exists():
            raise InputError(f"{name}: no such file or directory")
        if p.is_file() and not _readable_suffix(p) and p.suffix.lower() != CORPUS_SUFFIX:
            raise InputError(f"{name}: not a text, HTML or .jsonl file")
        if p.is_file() and p.suffix.lower() == CORPUS_SUFFIX:
            check_lines(p)
        out.append(p)
    return out


def count_documents(paths: list[Path]) -> int:
    """How many jobs `jobs` will yield (for the progress bar's estimate), without parsing anything."""
    n = 0
    for p in paths:
        if p.is_dir():
            n += sum(1 for _ in _files(p))
        elif p.suffix.lower() == CORPUS_SUFFIX:
            n += sum(1 for _ in read_lines(p))
        else:
            n += 1
    return n


def jobs(paths: list[Path]) -> Iterator[Job]:
    """The documents of every input, in order (a directory's files sorted by path); an input given
    twice is read once."""
    seen: set[str] = set()
    for p in paths:
        if p.is_dir():
            found = ((f, f.relative_to(p).with_suffix("").as_posix()) for f in _files(p))
            items = (_file_job(f, ident, p.resolve().name) for f, ident in found)
        elif p.suffix.lower() == CORPUS_SUFFIX:
            items = _corpus_jobs(p)
        else:
            items = iter([_file_job(p, p.stem, p.parent.resolve().name)])
        for job in items:
            if job.key not in seen:
                seen.add(job.key)
                yield job


def _readable_suffix(p: Path) -> bool:
    return p.suffix.lower() in TEXT_SUFFIXES or p.suffix.lower() in HTML_SUFFIXES


def _files(directory: Path) -> Iterator[Path]:
    """Text and HTML files under a directory, hidden ones left out, sorted so that every run (and
    every machine) sees the same order."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root) / f for f in files if not f.startswith(".") and _readable_suffix(Path(f))]
    return iter(sorted(found, key=lambda f: f.relative_to(directory).as_posix()))


def _file_job(path: Path, ident: str, origin: str) -> Job:
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    try:
        return Job(key=str(path), ident=ident, data=path.read_bytes(), kind=kind, origin=origin)
    except OSError as e:
        return Job(key=str(path), ident=ident, data=b"", kind=kind, origin=origin,
                   error=f"cannot read ({e.strerror or e})")


def _corpus_jobs(path: Path) -> Iterator[Job]:
    for n, line, why in read_lines(path):
        if why is not None:
            yield Job(key=f"{path}:{n}", ident=str(n), data=b"", kind="line", origin=path.stem, error=why)
            continue
        ident, origin, url = _line_facts(line, str(n))
        yield Job(key=f"{path}:{n}", ident=ident, data=line.encode("utf-8"), kind="line",
                  origin=origin or path.stem, url=url)


def _line_facts(line: str, number: str) -> tuple[str, str, str | None]:
    """(id, source, url) of a corpus line, read leniently: a broken line is the worker's to report."""
    try:
        obj = json.loads(line)
    except ValueError:
        return number, "", None
    if not isinstance(obj, dict):
        return number, "", None
    url = obj.get("url") if isinstance(obj.get("url"), str) and obj["url"].startswith(("http://", "https://")) else None
    source = obj.get("source") if isinstance(obj.get("source"), str) else ""
    if not source and url:
        source = urlsplit(url).hostname or ""
    return str(obj.get("id", number)), source, url
