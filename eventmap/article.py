"""Read articles from wherever users keep them: text files, saved web pages, URLs, stdin, JSONL corpora.

Everything here ends in an `Article` whose `text` is what every later offset points into. HTML is
reduced to its main text with trafilatura (boilerplate, menus and comments dropped), which also
gives the title and, often, the publication date from the page's metadata.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
from pathlib import Path
from typing import Callable, Iterator

from eventmap.decoding import decode_bytes, not_utf8, replace_lone_surrogates
from eventmap.errors import InputError, shown
from eventmap.jsonl import JSON_TYPES, bad_line, read_objects
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
        raise InputError(f"invalid {what} {shown(value)}: expected YYYY-MM-DD") from None


def slugify(text: str, fallback: str = "article") -> str:
    """A file-name-safe slug: lower-case letters and digits joined by dashes, at most 60 characters."""
    s = re.sub(r"[^\w]+", "-", text.lower(), flags=re.UNICODE).strip("-_")
    s = re.sub(r"[-_]+", "-", s)[:60].strip("-")
    return s or fallback


def _decode(data: bytes, name: str) -> str:
    """An article's text from its bytes (eventmap/decoding.py), with every line break as "\\n"."""
    return decode_bytes(data, name).replace("\r\n", "\n").replace("\r", "\n")


def _read_stream(stream) -> str:
    """Standard input, or any stream the API is given: bytes are decoded like a file's; text (already
    decoded by the caller) is taken as it is."""
    data = stream.read()
    if isinstance(data, bytes):
        return _decode(data, "stdin")
    if not data.strip():
        raise InputError("stdin: the input is empty")
    return data.replace("\r\n", "\n").replace("\r", "\n")


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
    unless the user asks for local pages, e.g. an intranet or a test server. trafilatura returns None
    for every failure and logs why; the log is read so that the message can say why."""
    import copy

    import trafilatura
    from trafilatura.settings import DEFAULT_CONFIG

    config = DEFAULT_CONFIG
    if allow_local:
        config = copy.deepcopy(DEFAULT_CONFIG)
        config.set("DEFAULT", "SSRF_PROTECTION", "off")
    heard = _Heard()
    log = logging.getLogger("trafilatura")
    log.addHandler(heard)
    try:
        html = trafilatura.fetch_url(url, config=config)
    finally:
        log.removeHandler(heard)
    if html:
        return html
    if any("SSRF" in m for m in heard.messages) or (not allow_local and _local_host(url)):
        raise InputError(f"{url}: refused: the address is on this machine or a private network; "
                         f"add --allow-local-urls to read it")
    raise InputError(f"{url}: could not download the page{_why(heard.messages)}")


def _local_host(url: str) -> bool:
    """Does the URL's host name an address on this machine or a private network? (Asked only after a
    download failed, to say why: trafilatura vets the address it connected to, so a refused
    connection to a local port never reaches its check.)"""
    import ipaddress
    import socket
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url).hostname or ""
        addresses = {a[4][0] for a in socket.getaddrinfo(host, None)}
        return any(not ipaddress.ip_address(a.split("%")[0]).is_global for a in addresses)
    except (OSError, ValueError, UnicodeError):
        return False


def _why(messages: list[str]) -> str:
    """The reason trafilatura logged, in a few words: " (HTTP 404)", " (Connection refused)", or ""."""
    for m in messages:
        if "MAX_FILE_SIZE" in m or m.startswith("too large"):
            return " (the page is larger than trafilatura's 20 MB download limit)"
        if m.startswith("not a 200 response"):
            return f" (HTTP {m.split(':', 1)[1].split('for URL')[0].strip()})"
        errno_text = re.search(r"\[Errno -?\d+\] ([^'\")]+)", m)
        if errno_text:
            return f" ({errno_text.group(1).strip()})"
    return ""


class _Heard(logging.Handler):
    """Keeps the messages trafilatura logs while it downloads one page."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def checked_language(code: str) -> str:
    """`check_language` for user input: an unknown code is an InputError (one line, exit code 2)."""
    try:
        return check_language(code)
    except UnknownLanguage as e:
        raise InputError(str(e)) from None


def make_article(text: str, *, id: str, source: str, title: str = "", lang: str | None = None,
                 published: dt.date | None = None, published_source: str | None = None) -> Article:
    """Settle the language (given, else detected) and build the Article. Lone surrogates (which no
    output could encode) become U+FFFD, offsets unchanged, and the article's notes say so."""
    text, notes = clean_text(text, id)
    lang = checked_language(lang) if lang else detect_language(text)
    return Article(id=id, text=text, title=title or title_from_text(text), lang=lang, published=published,
                   source=source, anchor=published, anchor_source=published_source if published else None,
                   notes=notes)


def clean_text(text: str, ident: str) -> tuple[str, list[str]]:
    """``text`` with lone surrogates replaced, and the note that says how many (none when none)."""
    text, n = replace_lone_surrogates(text)
    return text, ([f"{ident}: {n} lone surrogate code point(s) (not valid Unicode text) replaced by U+FFFD"]
                  if n else [])


def read_article(source: str, *, lang: str | None = None, published: dt.date | None = None,
                 stdin=None, allow_local_urls: bool = False) -> Article:
    """One article from a path, a URL or ``-`` (stdin). `published` (from the command line) wins
    over what the page's metadata says; `lang` over detection."""
    page_date = None
    title = ""
    if source == "-":
        text = raw = _read_stream(stdin if stdin is not None else sys.stdin.buffer)
        if raw.lstrip().startswith("<") and re.search(r"<(html|body|article|p)\b", raw[:5000], re.I):
            text, title, page_date = from_html(replace_lone_surrogates(raw)[0], "stdin")
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
                warn: Callable[[str], None] | None = None,
                on_bad_line: Callable[[str], None] | None = None) -> Iterator[Article]:
    """Articles from a JSONL corpus: one ``{"id", "text", "lang"?, "dct"?, "title"?}`` object per line.

    A line's own ``lang`` and ``dct`` win over the command line's, which serve as defaults. A ``dct``
    that is not an ISO date is reported through `warn` and left out (the anchor is then inferred).
    A line that cannot be read as an article (not JSON, no "text", a field of the wrong type, an
    unknown "lang") is reported as ``path:N: why`` through `on_bad_line` and skipped, so that one odd
    line does not stop a corpus run; without `on_bad_line` it raises InputError."""
    for n, obj in read_objects(path, on_bad_line):
        try:
            article = article_from_record(obj, f"{path}:{n}", n, lang, published, warn)
        except InputError as e:
            bad_line(f"{path}:{n}: {e}; line skipped", on_bad_line)
            continue
        yield article


def article_from_record(obj: dict, where: str, n: int, lang: str | None, published: dt.date | None,
                        warn: Callable[[str], None] | None) -> Article:
    """The Article of one corpus line ``obj`` (``where`` = "path:n"); InputError (without the place)
    when a field is missing or of the wrong type, or "lang" is unknown."""
    text, ident, title, line_lang = obj.get("text"), obj.get("id", n), obj.get("title") or "", obj.get("lang")
    if not isinstance(text, str):
        raise InputError('no "text" field' if text is None else '"text" is not a string')
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        raise InputError('"id" is not a string or a whole number')
    if not isinstance(title, str):
        raise InputError('"title" is not a string')
    if line_lang is not None and line_lang != "":
        try:
            line_lang = checked_language(line_lang)
        except InputError:
            raise InputError(f'unknown language {shown(line_lang)} in "lang": give an ISO 639-1 code such as '
                             f"'en' or 'id', or leave \"lang\" out to have it detected") from None
    day, day_source = published, ("cli" if published else None)
    if obj.get("dct"):
        try:
            day, day_source = parse_date(str(obj["dct"]), f"dct on line {n}"), "metadata"
        except InputError as e:
            if warn:
                warn(f"{where.rsplit(':', 1)[0]}: {e}; using the default anchor")
    return make_article(text, id=str(ident), source=where, title=title, lang=line_lang or lang, published=day,
                        published_source=day_source)


def article_from_line(line: bytes | str, where: str, *, lang: str | None = None,
                      published: dt.date | None = None, warn: Callable[[str], None] | None = None) -> Article:
    """One JSONL line as an Article, checked as `read_corpus` checks it (a batch's worker reads lines
    one by one); ``where`` is ``path:N``. An InputError names ``where``."""
    n = where.rpartition(":")[2]
    try:
        obj = json.loads(line.decode("utf-8") if isinstance(line, bytes) else line)
    except UnicodeDecodeError as e:
        raise InputError(f"{where}: {not_utf8(e)}") from None
    except ValueError as e:
        raise InputError(f"{where}: not valid JSON ({e})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: a JSON {JSON_TYPES.get(type(obj), 'value')}, not an object")
    try:
        return article_from_record(obj, where, int(n) if n.isdigit() else n, lang, published, warn)
    except InputError as e:
        raise InputError(f"{where}: {e}") from None


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
