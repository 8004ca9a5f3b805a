"""The page: one self-contained HTML file where a map, a timeline and the article text point at each other.

The folder to open for a new page feature. Data flows one way: the typed `Document` goes into views
that decide what is shown (Python), templates write it (Jinja2, autoescaped), the page script makes it
interactive (JavaScript):

    words.py      the page's words in its language (languages/data/<code>/ui.json), with plurals
    when.py       a time span in words ("before 9 Aug 2017"), shared by every view
    timeline.py   the events in date order, what each item says       -> templates/timeline.html
    axis.py       the drawn time axis over the timeline (positions, rows, ticks)
    folium_map.py the markers, and the folium map with no CDN links   -> the page script draws them
    text.py       the article cut into plain runs, marks and sentences -> templates/article.html
    render.py     `render_page`: everything into templates/page.html, assets inlined
    assets/       page.css, page.js (the script linking map, timeline and text), the land outline

The page script reads one JSON data block: the export (`eventmap.export.document_to_dict`, the
contract every output shares) plus the markers and the timeline's labels.
"""
from eventmap.page.render import render_page, script_json
from eventmap.page.text import article_pieces
from eventmap.page.when import date_words

__all__ = ["article_pieces", "date_words", "render_page", "script_json"]
