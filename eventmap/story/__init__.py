"""The story page: every event of every article of a batch on one timeline and one map.

    merge.py     events of many articles in one list; those several articles report merged into one
    view.py      `build_story`: what the page shows, from a batch's records (the JSON export + origin)
    render.py    `write_story` / `render_story`: the page, from eventmap/page/'s pieces
    templates/   story.html;  assets/  story.js (map, filters, links), story.css
"""
from eventmap.story.render import render_story, write_story
from eventmap.story.view import build_story

__all__ = ["build_story", "render_story", "write_story"]
