"""Shared helpers for the timeline tests."""
import datetime as dt

from timeline import find_dates

ANCHOR = dt.date(2017, 8, 9)  # a Wednesday


def mention(text, lang, expr, anchor=ANCHOR):
    """The mention whose text is exactly `expr` (fails with the list of what was found)."""
    found = find_dates(text, lang, anchor)
    for m in found:
        assert text[m.start:m.end] == m.text
        if m.text == expr:
            return m
    raise AssertionError(f"{expr!r} not found; got {[(m.text, m.span.value) for m in found]}")


def values(text, lang, anchor=ANCHOR):
    return [(m.text, m.span.value) for m in find_dates(text, lang, anchor)]
