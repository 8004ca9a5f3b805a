"""The analysed Document in a notebook: Jupyter shows `doc` as the page itself, inline.

Why an iframe with ``srcdoc``: the page is a whole HTML document with its own style and scripts; in an
iframe they cannot clash with the notebook's, and the page works exactly as when opened from disk
(no network needed). The sandbox lets its scripts run and its Download buttons save files, nothing more.
"""
from __future__ import annotations

import html

from eventmap.model import Document

HEIGHT = 640


def notebook_html(doc: Document, height: int = HEIGHT, locale: str | None = None) -> str:
    """An <iframe> holding the document's page (no tiles: a notebook may be offline or shared)."""
    from eventmap.page import render_page

    page = render_page(doc, tiles=None, locale=locale)
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" title="eventmap" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #dde2e7" '
            'sandbox="allow-scripts allow-downloads allow-popups"></iframe>')
