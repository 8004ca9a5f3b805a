"""The page's own words in one language: labels, messages, counts (languages/data/<code>/ui.json).

Why a data file: the page will be translated, and language knowledge lives in `languages/`, never in
code. The words come through `languages.part(code, "ui")`, so a language without its own file (or
without a key) gets English's by the one fallback rule. Counted phrases ("3 events") are chosen by
the CLDR plural category of the number (Babel), so a translation is only a new data file.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Mapping

from babel import Locale, UnknownLocaleError

import languages

PART = "ui"


class Words:
    """The words of the page for one locale. ``words("notes", n=3)`` fills a phrase's placeholders."""

    def __init__(self, locale: str):
        self.locale = locale
        self.table: Mapping[str, Any] = languages.part(locale, PART)
        own = languages.has_part(locale, PART)
        #: the language the words are actually in (after the fallback), for the page's lang attribute
        self.lang = languages.primary(locale) if own else languages.parts()[PART]["fallback"]
        self._plural = _plural_rule(self.lang)

    def __call__(self, key: str, *args: Any, **fill: Any) -> str:
        return self.table[key].format(*args, **fill)

    def entry(self, table: str, key: str) -> Any:
        """One entry of a nested table ("qualifiers", "seasons" ...), or None when it has none."""
        return self.table[table].get(key)

    def counted(self, forms: Mapping[str, str], n: int | str) -> str:
        """The form of a counted phrase for ``n`` ({"one": "{n} day", "other": "{n} days"})."""
        form = forms.get(self._plural(n)) or forms["other"]
        return form.format(n=n)

    def count(self, key: str, n: int) -> str:
        """A counted phrase of the page: ``count("count_events", 3)`` -> "3 events"."""
        return self.counted(self.table[key], n)

    def language_name(self, code: str | None) -> str:
        """The name of a language in the page's language ("Indonesian"); an unknown code as given."""
        if not code:
            return self("language_unknown")
        try:
            return Locale.parse(code.replace("-", "_")).get_display_name(self.lang) or code
        except (ValueError, TypeError, UnknownLocaleError):
            return code


@lru_cache(maxsize=None)
def page_words(locale: str = "en") -> Words:
    """The page's words for a locale (cached: the files are read once)."""
    return Words(locale)


def _plural_rule(lang: str):
    try:
        rule = Locale.parse(lang).plural_form
    except (ValueError, UnknownLocaleError):
        rule = Locale.parse("en").plural_form

    def category(n: int | str) -> str:
        try:
            return rule(Decimal(str(n)))  # a Decimal keeps "1.0" apart from "1", as CLDR wants
        except (InvalidOperation, ValueError, TypeError):
            return "other"

    return category
