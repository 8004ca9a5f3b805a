"""Read articles from wherever users keep them: text files, saved web pages, URLs, stdin, JSONL corpora.

Everything here ends in an `Article` whose `text` is what every later offset points into. HTML is
reduced to its main text with trafilatura (boilerplate, menus and comments dropped), which also
gives the title and, often, the publication date from the page's metadata.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Callable, Iterator

from eventmap.errors import InputError
from languages.identify import UnknownLanguage, check_language, detect_language
from eventmap.model import Article

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MAX_TITLE_CHARS = 200


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z]*)?")


def parse_date(value: str, what: str = "date") -> dt.date:
    """An ISO calendar date (``2017-08-09``; ``2013-10-5`` and a time part are accepted), or a
    one-line InputError. Nothing looser: ``5/3/2024`` means different days in different countries."""
    m = _ISO_DAY.fullmatch((value or "").strip())
    try:
        if not m:
            raise ValueError
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise InputError(f"invalid {what} {value!r}: expected YYYY-MM-DD") from None


def slugify(text: str, fallback: str = "article") -> str:
    """A file-name-safe slug: lower-case letters and digits joined by dashes, at most 60 characters."""
    s = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-_")
    s = re.sub(r"[-_]+", "-", s)[:60].strip("-")
    return s or fallback


def _decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: this looks like a binary file, not text or HTML")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name}: the file is not UTF-8 text") from None
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_from_text(text: str) -> str:
    """The first line, when it stands alone like a headline: short, followed by a blank line and more
    text, and not ending like a sentence (a one-paragraph story has no headline)."""
    lines = text.lstrip("\n").split("\n", 2)
    first = lines[0].strip()
    if (first and len(first) <= MAX_TITLE_CHARS and len(lines) == 3 and not lines[1].strip()
            and lines[2].strip() and first[-1] not in ".!?。！？"):
        return first
    return ""


def from_html(html: str, name: str, url: str | None = None) -> tuple[str, str, dt.date | None]:
    """Main text, title and publication date of a web page (trafilatura)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                            include_tables=False)
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else (extracted or {})
    if not (doc.get("text") or "").strip():
        raise InputError(f"{name}: no article text found in this HTML page")
    title = (doc.get("title") or "").strip()
    # trafilatura puts one paragraph a line; a blank line between them keeps paragraphs apart for
    # the sentence splitter, as in a plain-text article.
    lines = [ln.strip() for ln in doc["text"].split("\n") if ln.strip()]
    if title and lines[0] != title:
        lines.insert(0, title)
    text = "\n\n".join(lines)
    published = None
    if doc.get("date"):
        try:
            published = parse_date(doc["date"])
        except InputError:
            published = None
    return text, title, published


def fetch_url(url: str, allow_local: bool = False) -> str:
    """Download a page with trafilatura. Its SSRF guard (no loopback or private addresses) stays on
    unless the user asks for local pages, e.g. an intranet or a test server."""
    import copy

    import trafilatura
    from trafilatura.settings import DEFAULT_CONFIG

    config = DEFAULT_CONFIG
    if allow_local:
        config = copy.deepcopy(DEFAULT_CONFIG)
        config.set("DEFAULT", "SSRF_PROTECTION", "off")
    html = trafilatura.fetch_url(url, config=config)
    if not html:
        raise InputError(f"{url}: could not download the page")
    return html


def checked_language(code: str) -> str:
    """`check_language` for user input: an unknown code is an InputError (one line, exit code 2)."""
    try:
        return check_language(code)
    except UnknownLanguage as e:
        raise InputError(str(e)) from None


def make_article(text: str, *, id: str, source: str, title: str = "", lang: str | None = None,
                 published: dt.date | None = None, published_source: str | None = None) -> Article:
    """Settle the language (given, else detected) and build the Article."""
    lang = checked_language(lang) if lang else detect_language(text)
    return Article(id=id, text=text, title=title or title_from_text(text), lang=lang, published=published,
                   source=source, anchor=published, anchor_source=published_source if published else None)


def read_article(source: str, *, lang: str | None = None, published: dt.date | None = None,
                 stdin=None, allow_local_urls: bool = False) -> Article:
    """One article from a path, a URL or ``-`` (stdin). `published` (from the command line) wins
    over what the page's metadata says; `lang` over detection."""
    page_date = None
    title = ""
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read()
        raw = _decode(data if isinstance(data, bytes) else data.encode("utf-8"), "stdin")
        text = raw
        if raw.lstrip().startswith("<") and re.search(r"<(html|body|article|p)\b", raw[:5000], re.I):
            text, title, page_date = from_html(raw, "stdin")
        ident = "stdin"
    elif re.match(r"https?://", source, re.I):
        text, title, page_date = from_html(fetch_url(source, allow_local_urls), source, url=source)
        ident = source
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(f"{source}: no such file")
        if path.is_dir():
            raise InputError(f"{source}: is a directory, not an article")
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputError(f"{source}: cannot read ({e.strerror})") from None
        text = _decode(data, source)
        if path.suffix.lower() in HTML_SUFFIXES:
            text, title, page_date = from_html(text, source)
        ident = path.stem
    if published is not None:
        return make_article(text, id=ident, source=source, title=title, lang=lang, published=published,
                            published_source="cli")
    return make_article(text, id=ident, source=source, title=title, lang=lang, published=page_date,
                        published_source="metadata")


def read_corpus(path: str, *, lang: str | None = None, published: dt.date | None = None,
                warn: Callable[[str], None] | None = None) -> Iterator[Article]:
    """Articles from a JSONL corpus: one ``{"id", "text", "lang"?, "dct"?}`` object per line.

    A line's own ``lang`` and ``dct`` win over the command line's, which serve as defaults. A ``dct``
    that is not an ISO date is reported through `warn` and left out (the anchor is then inferred):
    one odd line should not stop a corpus run."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    with p.open("rb") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                yield article_from_line(line, f"{path}:{n}", lang=lang, published=published, warn=warn)


def article_from_line(line: bytes | str, where: str, *, lang: str | None = None,
                      published: dt.date | None = None, warn: Callable[[str], None] | None = None) -> Article:
    """One JSONL line ``{"id", "text", "lang"?, "dct"?, "title"?}`` as an Article; ``where`` is
    ``path:line`` (the source, and the id when the line has none). An InputError names ``where``."""
    path, _, n = where.rpartition(":")
    try:
        obj = json.loads(line)
        text = obj["text"]
        ident = str(obj.get("id", n))
    except (ValueError, KeyError, TypeError):
        raise InputError(f"{where}: not a JSON object with a \"text\" field") from None
    if not isinstance(text, str):
        raise InputError(f"{where}: \"text\" is not a string")
    if not isinstance(obj.get("title") or "", str):
        raise InputError(f"{where}: \"title\" is not a string")
    day, day_source = published, ("cli" if published else None)
    if obj.get("dct"):
        try:
            day, day_source = parse_date(str(obj["dct"]), f"dct on line {n}"), "metadata"
        except InputError as e:
            if warn:
                warn(f"{path}: {e}; using the default anchor")
    return make_article(text, id=ident, source=where, title=obj.get("title") or "",
                        lang=obj.get("lang") or lang, published=day, published_source=day_source)


def article_from_bytes(data: bytes, name: str, *, ident: str, html: bool, lang: str | None = None,
                       published: dt.date | None = None) -> Article:
    """An article from a file's bytes (read elsewhere, e.g. by a batch's coordinator): decoded and
    checked like a file given on the command line; ``html`` pages reduced to their main text."""
    text, title, page_date = _decode(data, name), "", None
    if html:
        text, title, page_date = from_html(text, name)
    if published is not None:
        return make_article(text, id=ident, source=name, title=title, lang=lang, published=published,
                            published_source="cli")
    return make_article(text, id=ident, source=name, title=title, lang=lang, published=page_date,
                        published_source="metadata")
