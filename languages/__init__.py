"""languages: the one home for language knowledge.

Why one home: dates, places, events, the sentence splitter and the page all need words of the
article's language. Each language is a folder named by its ISO 639-1 code under languages/data/,
holding one JSON file per *part* (dates.json, places.json, events.json, text.json, ...; the parts
and their parameters are listed in languages/data/parts.json). Adding a language is adding files;
no code names a language.

One fallback rule for every part, read by one loader (`part`):
  - a key that the language's file defines is the language's own;
  - a key it does not define - or every key, when it has no file for the part - comes from the
    part's fallback language (itself read by the same rule), if the part names one;
  - keys that the part declares ``shared`` are the union of the language's own and the fallback's
    (lists: the language's words, then the fallback's; objects: the fallback's entries overlaid
    with the language's own).
Keys starting with ``_`` are comments. ``mul`` is the pseudo-language of what holds in many
languages (ISO 639-2 "multiple languages"); it is a fallback, never an article's language.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = ["DATA_DIR", "codes", "has_part", "part", "parts", "primary"]


def primary(code: str | None) -> str:
    """The primary subtag, lower case: ``pt-BR`` -> ``pt``, ``zh_Hant`` -> ``zh``; "" for nothing."""
    return (code or "").strip().replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=1)
def parts() -> Mapping[str, Mapping[str, Any]]:
    """Every part with its fallback language and shared keys (languages/data/parts.json)."""
    table = _read(DATA_DIR / "parts.json")
    return MappingProxyType({k: MappingProxyType(v) for k, v in table.items()})


def codes() -> list[str]:
    """The languages that have files of their own (``mul`` left out)."""
    return sorted(p.name for p in DATA_DIR.iterdir() if p.is_dir() and p.name != "mul")


def has_part(code: str, name: str) -> bool:
    """Does the language have its own file for this part (not only what it falls back to)?"""
    return (DATA_DIR / primary(code) / f"{name}.json").is_file()


@lru_cache(maxsize=None)
def part(code: str, name: str) -> Mapping[str, Any]:
    """The words of one part of one language, after the fallback rule (read-only, cached)."""
    if name not in parts():
        raise KeyError(f"unknown language part {name!r}; parts: {', '.join(sorted(parts()))}")
    code = primary(code)
    own = _own(code, name)
    spec = parts()[name]
    fallback = spec.get("fallback")
    if not fallback or fallback == code:
        return MappingProxyType(own)
    base = part(fallback, name)
    merged = dict(base)
    merged.update(own)
    for key in spec.get("shared", ()):
        if key in own and key in base:
            merged[key] = _union(own[key], base[key])
    return MappingProxyType(merged)


def _own(code: str, name: str) -> dict:
    path = DATA_DIR / code / f"{name}.json"
    if not code or not path.is_file():
        return {}
    return {k: v for k, v in _read(path).items() if not k.startswith("_")}


def _union(own: Any, base: Any) -> Any:
    if isinstance(own, dict) and isinstance(base, dict):
        return {**base, **own}
    if isinstance(own, list) and isinstance(base, list):
        return own + [w for w in base if w not in own]
    return own


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return json.load(f)
