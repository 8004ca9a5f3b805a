"""Readers: turn candidates (timeline/candidates.py) into TIMEX3 readings at the expression's own precision.

One module per family of shapes - days (numeric and written dates), months, years, weekdays and deictic
words, quarters and halves, other periods (seasons, decades, centuries, fixed phrases, holidays), relative
and anaphoric expressions, durations/sets/clocks - on the shared types and helpers of `base`.
timeline/normalize.py maps each shape to its reader. Every reader reads words through the language table,
so none knows which language it serves, and returns [] to reject a candidate.
"""
