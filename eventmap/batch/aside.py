"""One piece of work done in a forked child while this process does another: at the end of a batch,
the story page is drawn while the extractions are written.

Why a fork and not a thread: both pieces are Python (JSON, Jinja2) and a thread would wait for the
other's lock on the interpreter; a forked child has its own, and inherits, without copying, the
modules and the journal's index it needs. The child says only whether it succeeded (its exit code):
it writes its file atomically (eventmap/atomic.py), prints nothing and never runs the parent's exit
handlers. If it fails, or this system cannot fork, the caller does the work itself, in the open,
where an error is reported as usual - so the outputs never depend on whether a fork was used.
"""
from __future__ import annotations

import os
from typing import Callable


class Aside:
    """``Aside(work)`` starts ``work`` in a child; ``done()`` waits for it and says whether it succeeded."""

    def __init__(self, work: Callable[[], object]):
        self.pid: int | None = None
        if not hasattr(os, "fork"):
            return
        pid = os.fork()
        if pid == 0:   # the child: do the work, then leave at once, whatever happened
            code = 1
            try:
                work()
                code = 0
            finally:
                os._exit(code)
        self.pid = pid

    def done(self) -> bool:
        if self.pid is None:
            return False
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        return os.waitstatus_to_exitcode(status) == 0
