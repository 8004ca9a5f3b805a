"""Standard output for results (the export, tables): UTF-8 whatever the locale says.

Why: a result written with the locale's encoding fails on a C or Latin-1 terminal as soon as an
article holds a letter that encoding lacks - a traceback for a correct run. eventmap's outputs are
UTF-8 everywhere, files and standard output alike.
"""
from __future__ import annotations

import sys


def write_stdout(text: str) -> None:
    if hasattr(sys.stdout, "buffer"):
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:   # a replaced stream (a test's capture): it takes text
        sys.stdout.write(text)
