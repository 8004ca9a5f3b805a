"""The one error the gazetteer raises to its users.

Why its own module: the reader (a file that is not a gazetteer), the store (a cache that cannot be
written) and the GeoNames import (a file that is not a dump) all raise it, and the CLI turns it into
one line for the user without knowing which of them failed.
"""
from __future__ import annotations


class GazetteerError(RuntimeError):
    """A gazetteer that cannot be opened, built or imported; the message is one line for the user."""
