"""Where eventmap keeps what it builds or learns once and reuses: the gazetteer file, a GeoNames
import, the geocoding answers. One function, so that one setting moves all of them.
"""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``EVENTMAP_CACHE_DIR`` if set, else the platform's user cache directory for eventmap
    (platformdirs; it honours XDG_CACHE_HOME)."""
    env = os.environ.get("EVENTMAP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("eventmap"))
