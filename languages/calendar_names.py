"""dateparser's locale data for a language: the one place that reads it for both the date tagger
(timeline/lang.py: month and weekday names, relative phrases) and the sentence splitter (a day's
ordinal full stop before a month name ends no sentence).

Why here: dateparser ships the CLDR month and weekday names of some 200 locales; reading them in one
module keeps the keys of its tables (``"january"`` ... ``"sunday"``) and the way a missing locale is
handled in one place.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=None)
def dateparser_info(code: str) -> dict:
    """dateparser's ``info`` table for a language code ({} for a language it does not know)."""
    try:
        mod = importlib.import_module(f"dateparser.data.date_translation_data.{code}")
    except (ImportError, ValueError):
        return {}
    return getattr(mod, "info", {}) or {}
