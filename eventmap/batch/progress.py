"""The batch's progress on stderr: a tqdm bar (documents, documents per second, time left) on a
terminal; on anything else (a log, a pipe) only the documents that failed and a closing line.

Why tqdm: it is small, imports fast and computes the rate and the estimate itself. Documents already
finished by an earlier run are taken off the total instead of counted as done, so the rate and the
estimate are about the documents actually read now.
"""
from __future__ import annotations

import sys
import time

from tqdm import tqdm

tqdm.monitor_interval = 0   # no monitor thread: the local engine forks its workers after the bar exists


class Progress:
    def __init__(self, total: int, enabled: bool | None = None):
        if enabled is None:
            enabled = sys.stderr.isatty()
        self.started = time.monotonic()
        self.read = self.skipped = self.failed = 0
        self.bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=not enabled, dynamic_ncols=True,
                        mininterval=0.25, smoothing=0.05)

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.bar.close()

    def skip(self) -> None:
        """A document finished in an earlier run: not read again, not part of the rate."""
        self.skipped += 1
        if self.bar.total:
            self.bar.total -= 1
            self.bar.refresh()

    def done(self) -> None:
        self.read += 1
        self.bar.update(1)

    def fail(self, message: str) -> None:
        """A document that could not be read: an error for it (the batch goes on, and exits 3)."""
        self.failed += 1
        self.bar.write(f"eventmap: error: {message}; document skipped", file=sys.stderr)
        self.bar.set_postfix(failed=self.failed, refresh=False)
        self.bar.update(1)

    def warn(self, message: str) -> None:
        """Something the user should know about a document that was read (a text cut, a bad dct)."""
        self.bar.write(f"eventmap: warning: {message}", file=sys.stderr)

    def rate(self) -> float:
        """Documents read (or failed) per second of this run, start-up included."""
        secs = max(1e-9, time.monotonic() - self.started)
        return (self.read + self.failed) / secs
