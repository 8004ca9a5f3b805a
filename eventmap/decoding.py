"""Bytes to text, for files and streams users hand to eventmap: the encodings we read, and the one
clear line for what we do not.

Why its own module: articles (eventmap/article.py), corpora and gold files all come as bytes, and all
must answer the same way - UTF-8 (with or without a byte-order mark) and UTF-16/UTF-32 with a mark are
read; a file with NUL bytes and no mark is binary; any other bytes are refused with the byte and the
place, and the command that converts the file (guessing a legacy encoding would put wrong letters
into names and dates without a word). Text that holds lone surrogates (from a JSON escape such as
"\\ud800", or a stream decoded with surrogateescape) cannot be written as UTF-8: each becomes U+FFFD,
one code point for one, so every offset into the text still holds.
"""
from __future__ import annotations

import codecs
import re

from eventmap.errors import InputError

# longest mark first: UTF-32-LE's mark begins with UTF-16-LE's
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
BINARY_PROBE = 8192          # bytes looked at for NULs
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def bom_encoding(head: bytes) -> str | None:
    """The codec for a byte-order mark at the start of ``head`` (None when there is none)."""
    for mark, codec in BOMS:
        if head.startswith(mark):
            return codec
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes near the start and no byte-order mark: a picture, an archive, a database."""
    return bom_encoding(data[:4]) is None and b"\x00" in data[:BINARY_PROBE]


def decode_bytes(data: bytes, name: str, expected: str = "text or HTML") -> str:
    """The text of a file's bytes; InputError (one line naming ``name`` and what to do) otherwise."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    if looks_binary(data):
        raise InputError(f"{name}: this looks like a binary file, not {expected}")
    codec = bom_encoding(data[:4]) or "utf-8"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: {not_utf8(e, codec)}") from None
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    return text


def not_utf8(e: UnicodeDecodeError, codec: str = "utf-8") -> str:
    """What to say about bytes that are not text in ``codec``: which byte, where, and the fix."""
    bad = e.object[e.start:e.start + 1].hex()
    if codec.startswith("utf-8"):
        return (f"not UTF-8 text (byte 0x{bad} at offset {e.start}); convert it first, e.g. "
                f"'iconv -f WINDOWS-1252 -t UTF-8' for a Windows file")
    return f"not valid {codec.upper()} text (at byte offset {e.start})"


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD (same length), and how many there were."""
    if not _LONE_SURROGATE.search(text):
        return text, 0
    return _LONE_SURROGATE.subn("\ufffd", text)


def clean_strings(value) -> tuple[object, int]:
    """A parsed JSON value with lone surrogates replaced in every string (keys too), and how many there
    were: a JSON escape such as "\\ud800" parses into one, and no output could write it."""
    if isinstance(value, str):
        return replace_lone_surrogates(value)
    if isinstance(value, list):
        items = [clean_strings(v) for v in value]
        return [v for v, _ in items], sum(n for _, n in items)
    if isinstance(value, dict):
        items = [(clean_strings(k), clean_strings(v)) for k, v in value.items()]
        return {k: v for (k, _), (v, _) in items}, sum(a + b for (_, a), (_, b) in items)
    return value, 0
