"""What a batch has finished, on disk, so that a run killed at any moment loses nothing it finished.

Why an append-only journal: a finished document is one JSON line appended with a single write to
``DIR/.eventmap-batch/journal.jsonl`` (and the page it made, if any, is in place before its line is
written). A kill can only ever leave the *last* line half-written; `Journal.open` cuts such a torn
tail off, so every line that is left is a whole finished document and everything else is simply not
finished yet. The outputs people read (extractions.jsonl, story.html) are made from the journal at
the end of a run, each written to a temporary file and renamed. Nothing is ever rewritten in place,
so there is no moment at which the state on disk is inconsistent.

A record says which document it is (``key``) and under which settings it was read (``digest``): a
document whose text or settings changed since is read again. The lock file keeps two batches from
writing into one directory at the same time.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from eventmap.atomic import write_text_atomic
from eventmap.errors import InputError, MachineError

STATE_DIR = ".eventmap-batch"
SYNC_SECONDS = 1.0   # a kill loses nothing written; fsync bounds what a power cut can take


@dataclass(frozen=True)
class Entry:
    """Where one finished document's line is in the journal file, and what it was made from."""

    offset: int
    length: int
    digest: str
    page: dict | None


class Journal:
    """The finished documents of one output directory (``with Journal(dir) as j: ...``)."""

    def __init__(self, out_dir: Path):
        self.dir = Path(out_dir) / STATE_DIR
        self.path = self.dir / "journal.jsonl"
        self.entries: dict[str, Entry] = {}
        self._lines = 0
        self._fd: int | None = None
        self._lock_fd: int | None = None
        self._synced = time.monotonic()

    def __enter__(self) -> "Journal":
        self.dir.mkdir(parents=True, exist_ok=True)
        self._lock()
        self._load()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self._fd is not None:
                fd, self._fd = self._fd, None
                try:
                    self._sync(fd)
                except MachineError:
                    if exc[0] is None:   # else the error already on its way (Ctrl-C) is the one to tell
                        raise
                finally:
                    os.close(fd)
        finally:
            self._unlock()

    def _sync(self, fd: int) -> None:
        """fsync the journal; a failure (a full disk) is the machine's, said in one line."""
        try:
            os.fsync(fd)
        except OSError as e:
            raise self._failed(e) from None

    def _failed(self, e: OSError) -> MachineError:
        return MachineError(f"{self.path}: could not be written ({e.strerror or e}); the documents finished "
                            "before are kept: make room and run the same command again")

    def _unlock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)   # releases the lock
            self._lock_fd = None

    def _lock(self) -> None:
        import fcntl

        self._lock_fd = os.open(self.dir / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock_fd)
            self._lock_fd = None
            raise InputError(f"{self.dir.parent}: another eventmap batch is writing into this directory") from None

    def _load(self) -> None:
        """Index every whole line; cut off a torn last line (a run killed in the middle of a write)."""
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            os.truncate(self.path, end)
        offset = 0
        for line in data[:end].split(b"\n")[:-1]:
            try:
                rec = json.loads(line)
                self.entries[rec["key"]] = Entry(offset, len(line), rec["digest"], rec.get("page"))
                self._lines += 1
            except (ValueError, KeyError, TypeError):
                pass   # not ours or damaged: that document is simply read again
            offset += len(line) + 1

    def finished(self, key: str, digest: str, page_wanted: dict | None) -> bool:
        """Was this document finished under the same settings (and with the page now asked for)?"""
        e = self.entries.get(key)
        return e is not None and e.digest == digest and (page_wanted is None or e.page == page_wanted)

    def append(self, key: str, digest: str, page: dict | None, line: str) -> None:
        """Record one finished document: ``line`` is its JSON record, holding the same key, digest and page."""
        data = (line + "\n").encode("utf-8")
        try:
            offset = os.lseek(self._fd, 0, os.SEEK_END)
            written = os.write(self._fd, data)
            while written < len(data):   # a regular file takes it whole; never leave a short line behind
                written += os.write(self._fd, data[written:])
        except OSError as e:   # a short line left behind is cut off by the next run (_load)
            raise self._failed(e) from None
        self.entries[key] = Entry(offset, len(data) - 1, digest, page)
        self._lines += 1
        if time.monotonic() - self._synced > SYNC_SECONDS:
            self._sync(self._fd)
            self._synced = time.monotonic()

    def records(self, keys: list[str]) -> Iterator[dict]:
        """The records of these keys, in this order (those not finished are left out)."""
        with open(self.path, "rb") as f:
            for key in keys:
                e = self.entries.get(key)
                if e is None:
                    continue
                f.seek(e.offset)
                yield json.loads(f.read(e.length))

    def compact(self, keys: list[str]) -> None:
        """Drop the lines no longer needed (documents read again, or gone from the inputs): the journal
        is rewritten whole, atomically, only when it holds lines for nothing."""
        live = [k for k in keys if k in self.entries]
        if self._lines <= len(live):
            return
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.records(live))
        self._sync(self._fd)
        os.close(self._fd)
        write_text_atomic(self.path, text)
        self.entries, self._lines = {}, 0
        self._load()
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
