"""Shared test set-up.

Tests never touch the user's own cache: unless EVENTMAP_CACHE_DIR is already set (to reuse a built
gazetteer between local runs), the whole session - subprocesses included - gets a fresh cache
directory, so the gazetteer is built from the installed packages exactly as on a new machine.
"""
import os
import tempfile

import pytest
from hypothesis import HealthCheck, settings

# Property tests (tests/test_properties.py): the same examples on every run and in CI (derandomize:
# the seed is fixed), a bounded number of them, no per-example deadline (a shared machine is slow at
# times). HYPOTHESIS_PROFILE=explore searches at random, with more examples, when hunting for bugs.
settings.register_profile("ci", derandomize=True, max_examples=40, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("explore", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config):
    if not os.environ.get("EVENTMAP_CACHE_DIR"):
        os.environ["EVENTMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="eventmap-test-cache-")
    os.environ.setdefault("XDG_CACHE_HOME", os.environ["EVENTMAP_CACHE_DIR"])


# One headless Chromium for the whole session, shared by every browser test module: Playwright's
# sync API allows one running instance per thread, so the fixtures are registered here, once.
from browser import chromium, open_page  # noqa: E402,F401
