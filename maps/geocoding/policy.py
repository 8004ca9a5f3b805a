"""The geocoding policy table (maps/geocoding/data/policy.json): what eventmap knows about each geopy
provider and how it weighs answers.

Why data: a provider's pace, its public server, its API-key variables and where its raw JSON keeps
the name, kind, country and bounding box differ from one provider to the next; as a table entry a
new provider needs no new branch in code. The thresholds of choosing and verifying live there too,
so they can be tuned without reading the code that applies them.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "policy.json"


@functools.lru_cache(maxsize=1)
def policy() -> dict:
    """The whole table, read once."""
    with open(_DATA, encoding="utf-8") as f:
        return json.load(f)


def provider_policy(name: str) -> dict:
    """The 'default' provider entry overlaid with the provider's own entry."""
    providers = policy()["providers"]
    return {**providers["default"], **providers.get(name, {})}
