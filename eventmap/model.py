"""The article and the events built from it: the joining half of the data model.

Data flows one way: `Article` -> mentions (timeline/, maps/) -> `Event` -> `Document` -> outputs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from maps.model import PlaceMention
from timeline.model import DateMention, TimeSpan


@dataclass
class Article:
    """One text to read, with what is known about it.

    published       the publication date from metadata or the command line, if any.
    anchor          the date relative expressions are read against: `published`, else inferred
                    from the text (the latest full date in it); None when nothing is known.
    anchor_source   "metadata", "cli", "inferred" or None.
    notes           what reading did to the text that a user should know (characters replaced, a
                    text cut at eventmap's limit); the pipeline passes them on as warnings.
    """

    id: str
    text: str
    title: str = ""
    lang: str = "en"
    published: dt.date | None = None
    source: str = ""
    anchor: dt.date | None = None
    anchor_source: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Event:
    """Something that happened somewhere at some time: a sentence with its dates and places.

    ``date_ids`` / ``place_ids`` index the document's `dates` / `places` lists.
    """

    id: str
    when: TimeSpan | None
    date_ids: list[int]
    place_ids: list[int]
    sentence: tuple[int, int]
    summary: str
    source: str | None = None   # "human" when a person corrected its date or places (eventmap/page/)


@dataclass
class Document:
    """Everything the pipeline learned about one article; what every output is drawn from."""

    article: Article
    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    unresolved: list[PlaceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: what a person changed in the page, in order (see README, "Corrections"): a record, never replayed
    corrections: list[dict] = field(default_factory=list)

    def _repr_html_(self) -> str | None:
        """The page, inline in a notebook (Jupyter calls this); see `notebook_view`."""
        return notebook_view(self) if notebook_view else None


#: How a Document draws itself in a notebook. Set by the package (eventmap/__init__.py) to the page's
#: notebook view, so that this module - which the page imports - imports nothing of the page.
notebook_view: Callable[[Document], str] | None = None
