"""Regular-expression building blocks shared by the date grammar: word lists as prefix trees, word bounds.

Why a module of its own: the shapes (timeline/shapes.py), the candidate finder (timeline/candidates.py),
the readers and the tagger all turn the language tables' word lists into patterns the same way.
"""
from __future__ import annotations

import re

B = r"(?<![\w])"          # word start
E = r"(?![\w])"           # word end
DAYNUM = r"(?:0?[1-9]|[12]\d|3[01])"
YEAR4 = r"(?:1[5-9]\d\d|20\d\d)"
NEVER = r"(?!x)x"         # matches nothing: the pattern of an empty word list


def alt(words) -> str:
    """A regex matching any of the words/phrases (spaces match any whitespace), built as a prefix tree:
    Python's re tries plain alternatives one by one at every position, a tree shares their prefixes."""
    words = {w.lower() for w in words if w}
    if not words:
        return NEVER
    trie: dict = {}
    for w in words:
        node = trie
        for ch in re.sub(r"\s+", " ", w):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        body = ("(?:" + body + ")?") if len(branches) == 1 and len(body) > 1 else body + "?"
    return body
