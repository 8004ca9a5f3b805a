"""When: find date expressions in text and normalise them to TIMEX3 time spans."""
from timeline.model import DateMention, TimeSpan
from timeline.tagger import find_dates, infer_anchor

__all__ = ["DateMention", "TimeSpan", "find_dates", "infer_anchor"]
