"""Toponym recognition: find the spans of a text that name places.

Why this shape: news capitalises names, so capitalised runs (with connectors such as "de" in Rio de
Janeiro) are the candidates; the gazetteer then cuts each run into the longest names it knows, and
the language tables (maps/data/lang/*.json) say what the words around a name mean - a head (Kota,
Lake, County) makes it a place even when the gazetteer does not know it, a title (Presiden, Mr)
makes it a person, an organisation word (Universitas, Bank) an organisation. Every decision is a
general rule over these tables, never a list of the names of one article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from wordfreq import zipf_frequency

from maps.lang_tables import LangTables, tables
from maps.kinds import OFFICE as OFFICE_KINDS

# Words: initialisms (U.S., B.C.) first, then words with inner apostrophes/hyphens; a possessive 's
# stays outside the name.
TOKEN_RE = re.compile(r"(?:[^\W\d_][a-z]?\.){2,}|\w+(?:[’'](?![sS]\b)\w+)*")
OPENERS = "\"“‘'([«—–-"
SENTENCE_END = ".!?\n:;•|"
STRONG_KINDS = frozenset({"continent", "country", "admin1", "region", "sea", "island", "peninsula"})
HEADLINE_SHARE = 0.6
REGION_INNER = frozenset({"continent", "country", "admin1", "region", "island", "peninsula", "sea"})
DESCRIPTIVE_WORD = 3.8   # zipf frequency from which a capitalised neighbour is a word, not a name


@dataclass
class Token:
    start: int
    end: int
    text: str
    cap: bool          # starts with a capital letter
    upper: bool        # all capitals, 2+ letters (an acronym)
    sent_start: bool   # first word of a sentence (capitalised for grammar, not as a name)


@dataclass
class Span:
    """A candidate place name; ``lookup`` is the part of it to look up in the gazetteer."""

    start: int
    end: int
    text: str
    lookup: str
    head: str | None = None          # the head word that made it a place ("Kabupaten", "County")
    head_kind: str | None = None     # the kind that head implies
    candidates: list = field(default_factory=list)
    cues: set = field(default_factory=set)   # prep, sent_start, acronym, headline, person_after, ...


class GazetteerIndex:
    """Cached name look-ups over the gazetteer; the recogniser asks many times for the same names."""

    def __init__(self, gaz, max_tokens: int = 6):
        self.gaz = gaz
        self.default_max = max_tokens
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)
        self.max_tokens = lru_cache(maxsize=100_000)(self._max_tokens)

    def _lookup(self, name: str) -> tuple:
        try:
            return tuple(self.gaz.lookup(name))
        except Exception:  # a malformed name must not stop the article
            return ()

    def _max_tokens(self, first: str) -> int:
        fn = getattr(self.gaz, "max_tokens", None)
        if fn is not None:
            try:
                return int(fn(first) or 0)
            except Exception:
                return self.default_max
        return self.default_max


def tokenize(text: str, abbreviations: frozenset = frozenset()) -> list[Token]:
    toks = []
    for m in TOKEN_RE.finditer(text):
        s, e = m.start(), m.end()
        w = m.group()
        if e < len(text) and text[e] == "." and (w + ".") in abbreviations:
            w, e = w + ".", e + 1   # Mr. St. Gov. Ky. Jl. - the dot belongs to the abbreviation
        if w in ("s", "S") and s > 0 and text[s - 1] in "'’":
            continue    # the s of a possessive belongs to the word before it
        if w[0].isdigit():
            toks.append(Token(s, e, w, False, False, False))
            continue
        j = s - 1
        while j >= 0 and (text[j] in " \t\u00a0" or text[j] in OPENERS):
            j -= 1
        sent = j < 0 or text[j] in SENTENCE_END
        if sent and text[j] == "." and toks and toks[-1].end == j + 1 and toks[-1].text.endswith("."):
            sent = False   # the dot closed an abbreviation (St. Louis, Gov. Perry), not a sentence
        upper = w.isupper() and (len(w) - w.count(".")) >= 2
        toks.append(Token(s, e, w, w[0].isupper(), upper, sent))
    return toks


def _headline_lines(text: str, toks: list[Token]) -> set[int]:
    """Indexes of tokens in title-case lines (headlines), where capitals say nothing about names.
    A headline has mostly capitalised words and does not end like a sentence."""
    out: set[int] = set()
    groups: dict[int, list[int]] = {}
    for i, t in enumerate(toks):
        groups.setdefault(text.rfind("\n", 0, t.start) + 1, []).append(i)
    for ls, group in groups.items():
        le = text.find("\n", ls)
        line = text[ls:le if le >= 0 else len(text)].rstrip()
        if not line or line[-1] in ".!?\"”'»:;,":
            continue
        words = [toks[i] for i in group if toks[i].text[0].isalpha() and len(toks[i].text) > 3]
        if len(words) >= 3 and sum(t.cap for t in words) / len(words) >= HEADLINE_SHARE:
            out.update(group)
    return out


class Recognizer:
    """Finds place-name spans in a text of one language, using a gazetteer index."""

    def __init__(self, index: GazetteerIndex, lang: str):
        self.ix = index
        self.t: LangTables = tables(lang)
        self.lang = self.t.lang
        self._pre = self._head_table(self.t.pre_heads)
        self._post = self._head_table(self.t.post_heads)

    @staticmethod
    def _head_table(heads: dict) -> dict:
        return {tuple(h.split()): k for h, k in heads.items()}

    def lookup(self, name: str) -> tuple:
        """Gazetteer candidates of a name. The language's aliases come first ("Alta." is Alberta in
        English news, not the Norwegian town the dotless key also finds); word expansions last."""
        alias = self.t.aliases.get(name)
        if alias:
            cands = self.ix.lookup(alias)
            if cands and name.endswith("."):
                # "Wash.", "Ga.": a postal-style abbreviation names a state or province, never a town
                cands = tuple(c for c in cands if getattr(c, "kind", "") in ("admin1", "country")) or cands
            if cands:
                return cands
        cands = self.ix.lookup(name)
        if not cands and self.t.expansions:
            words = name.split(" ")
            expanded = " ".join(self.t.expansions.get(w, w) for w in words)
            if expanded != name:
                cands = self.ix.lookup(expanded)
        return cands

    def _office_place(self, cands) -> bool:
        """May a name right after a title be the place of the office rather than the holder's name?"""
        c = cands[0]
        kind = getattr(c, "kind", "")
        if kind in OFFICE_KINDS:
            return True
        return (getattr(c, "population", 0) or 0) >= 100_000

    def common(self, word: str) -> float:
        return _zipf(word.lower(), self.lang)

    # -- chunks ----------------------------------------------------------------------------
    def chunks(self, text: str, toks: list[Token]) -> list[list[int]]:
        """Runs of capitalised tokens, joined by connectors and lower-case heads."""
        out, cur = [], []
        n = len(toks)
        skip_to = -1
        for i, t in enumerate(toks):
            if i <= skip_to:
                continue
            joined = bool(cur) and self._adjacent(text, toks[cur[-1]], t)
            if cur and joined and not t.cap:
                e = self._known_name_through(text, toks, cur[-1])
                if e > i:   # Dar es Salaam, Bandar Seri Begawan: lower-case words the gazetteer knows
                    cur.extend(range(i, e + 1))
                    skip_to = e
                    continue
            if t.cap:
                if cur and not joined:
                    out.append(cur)
                    cur = []
                cur.append(i)
            elif (cur and joined and t.text.lower() in self.t.connectors and i + 1 < n and toks[i + 1].cap
                  and self._adjacent(text, t, toks[i + 1])):
                cur.append(i)
            elif cur and text[t.start - 1:t.start] == "-" and text[t.end:t.end + 1] == "-" and \
                    toks[cur[-1]].end == t.start - 1:
                cur.append(i)   # Port-au-Prince, Stratford-upon-Avon
            elif t.text.lower() in self.t.lower_heads and i + 1 < n and toks[i + 1].cap \
                    and self._adjacent(text, t, toks[i + 1]):
                if cur:
                    out.append(cur)
                cur = [i]
            elif t.text.lower() in self.t.lower_heads and i + 2 < n and toks[i + 1].text == "of" \
                    and toks[i + 2].cap and self._adjacent(text, t, toks[i + 1]) \
                    and self._adjacent(text, toks[i + 1], toks[i + 2]):
                if cur:
                    out.append(cur)
                cur = [i, i + 1]     # "the village of Little Wenlock"
                skip_to = i + 1
            else:
                if cur:
                    out.append(cur)
                cur = []
        if cur:
            out.append(cur)
        return out

    def _known_name_through(self, text: str, toks: list[Token], c: int) -> int:
        """Index of the last token of the longest gazetteer name that starts at toks[c] and runs on
        through lower-case words (-1 if none)."""
        m = self.ix.max_tokens(toks[c].text)
        if m < 3:
            return -1
        for e in range(min(len(toks), c + m) - 1, c + 1, -1):
            if not toks[e].cap or any(not self._adjacent(text, toks[q], toks[q + 1]) for q in range(c, e)):
                continue
            if self.ix.lookup(text[toks[c].start:toks[e].end]):
                return e
        return -1

    @staticmethod
    def _adjacent(text: str, a: Token, b: Token) -> bool:
        gap = text[a.end:b.start]
        return gap in (" ", "\u00a0", "-", "–", " - ", "'s ", "’s ") or (gap.strip() == "" and "\n" not in gap and len(gap) <= 2)

    # -- segmentation ------------------------------------------------------------------------
    def _head_at(self, toks, idx: list[int], k: int, table: dict):
        """Length (in tokens) and kind of a head starting at idx[k], longest first."""
        for L in range(min(self.t.max_head_tokens, len(idx) - k), 0, -1):
            key = tuple(toks[idx[k + m]].text for m in range(L))
            kind = table.get(key)
            if kind is None:
                kind = table.get((key[0].capitalize(),) + key[1:])
            if kind is None:
                continue
            return L, kind
        return 0, None

    def _longest(self, text, toks, idx: list[int], k: int):
        """The longest gazetteer name starting at idx[k]: (end position in idx, candidates)."""
        c = k   # a hyphenated compound (KwaZulu-Natal) is one word to the gazetteer
        while c + 1 < len(idx) and toks[idx[c + 1]].start == toks[idx[c]].end + 1 and \
                text[toks[idx[c]].end] == "-":
            c += 1
        first = text[toks[idx[k]].start:toks[idx[c]].end]
        if text[toks[idx[c]].end:toks[idx[c]].end + 2] in ("'s", "’s"):
            first += "'s"    # "People's Republic of China": the gazetteer keeps the possessive in the word
        mx = self.ix.max_tokens(first) + (c - k)
        best = (k, ())
        for j in range(min(len(idx), k + max(mx, 1)) - 1, k - 1, -1):
            name = text[toks[idx[k]].start:toks[idx[j]].end]
            if toks[idx[j]].text.lower() in self.t.connectors:
                continue
            cands = self.lookup(name)
            if cands:
                return j + 1, cands
        return best

    def segment(self, text, toks, idx: list[int], headline: bool) -> list[tuple]:
        """Cut one chunk into parts: ("name", i, j, cands, head, kind) or ("unknown", i, j)."""
        parts = []
        k = 0
        while k < len(idx):
            t = toks[idx[k]]
            # person title: what follows (up to the next title/end) is a person - or the place
            # the office is for ("Menteri Luar Negeri Rusia", "Gubernur Jawa Barat")
            if t.text in self.t.person_titles:
                j = k + 1
                while j < len(idx) and toks[idx[j]].text not in self.t.person_titles:
                    j += 1
                parts.append(("title", k, k + 1))
                q = k + 1
                while q < j:
                    e, cands = self._longest(text, toks, idx, q)
                    after_title = q == k + 1 or not toks[idx[q - 1]].cap   # "Governor of Texas"
                    if cands and e <= j and after_title and self._office_place(cands):
                        keep_it = self.t.title_places == "all" or (
                            self.t.title_places == "regions" and getattr(cands[0], "kind", "") in OFFICE_KINDS)
                        parts.append(("name", q, e, cands, None, None) if keep_it else ("office", q, e))
                        q = e
                        continue
                    r = q + 1
                    parts.append(("person" if toks[idx[q]].cap else "conn", q, r))
                    q = r
                k = j
                continue
            # a given name before another capitalised word: "Tim Baker", "Surya Budiman"
            if t.text in self.t.given_names and k + 1 < len(idx) and toks[idx[k + 1]].cap \
                    and not self._head_at(toks, idx, k + 1, self._post)[0]:
                j = k + 1
                while j < len(idx) and toks[idx[j]].cap and toks[idx[j]].text not in self.t.person_titles \
                        and toks[idx[j]].text not in self.t.org_words:
                    j += 1
                parts.append(("person", k, j))
                k = j
                continue
            if t.text in self.t.org_words and not (t.text,) in self._pre:
                parts.append(("orgword", k, k + 1))
                k += 1
                continue
            # pre-head: Kabupaten Poso, Lake Michigan, City of Paris
            L, kind = self._head_at(toks, idx, k, self._pre)
            if L and k + L < len(idx) + (1 if L > 1 and toks[idx[k + L - 1]].text == "of" else 0):
                e, cands = self._longest(text, toks, idx, k)
                if cands and e > k + L:   # the gazetteer knows the whole headed name
                    parts.append(("name", k, e, cands, None, None))
                    k = e
                    continue
                if k + L < len(idx):
                    e2, inner = self._longest(text, toks, idx, k + L)
                    if not inner:  # unknown name after a head: take the capitalised run
                        e2 = k + L
                        while e2 < len(idx) and toks[idx[e2]].cap and \
                                not (toks[idx[e2]].text in self.t.person_titles):
                            e2 += 1
                    if e2 > k + L:
                        head = " ".join(toks[idx[k + m]].text for m in range(L))
                        parts.append(("headed", k, e2, inner, head, kind, k + L))
                        k = e2
                        continue
            e, cands = self._longest(text, toks, idx, k)
            if cands:
                # post-head right after the name: Laurel County, Cauvery River
                if e < len(idx):
                    L2, kind2 = self._head_at(toks, idx, e, self._post)
                    if L2:
                        whole = text[toks[idx[k]].start:toks[idx[e + L2 - 1]].end]
                        wc = self.lookup(whole)
                        head = " ".join(toks[idx[e + m]].text for m in range(L2))
                        parts.append(("headed", k, e + L2, wc or cands, head, kind2, k, bool(wc)))
                        k = e + L2
                        continue
                parts.append(("name", k, e, cands, None, None))
                k = e
                continue
            # unknown word followed by a post head: "Foo County"
            if k + 1 < len(idx):
                L2, kind2 = self._head_at(toks, idx, k + 1, self._post)
                if L2 and not t.upper:
                    head = " ".join(toks[idx[k + 1 + m]].text for m in range(L2))
                    parts.append(("headed", k, k + 1 + L2, (), head, kind2, k))
                    k = k + 1 + L2
                    continue
            kind = "orgword" if t.text in self.t.org_words else "conn" if not t.cap else "unknown"
            parts.append((kind, k, k + 1))
            k += 1
        if not headline:
            parts = self._adjacent_names(parts, [text[toks[idx[p[1]]].start - 1:toks[idx[p[1]]].start]
                                                 for p in parts])
        return parts

    @staticmethod
    def _adjacent_names(parts: list[tuple], before: list[str]) -> list[tuple]:
        """Two known names side by side with nothing between ("Surya Paloh", "Tim Baker") are one
        person's name, unless the second contains the first ("Washington D.C.", "Atlanta Georgia")."""
        out = list(parts)
        for a in range(len(parts) - 1):
            p, q = parts[a], parts[a + 1]
            if p[0] != "name" or q[0] != "name" or before[a + 1] not in (" ", "-"):
                continue
            if before[a + 1] == "-" and (_strong(p[3]) or _strong(q[3]) or any(
                    getattr(x[3][0], "match", "") == "demonym" for x in (p, q))):
                continue    # Dallas-Fort Worth, Arab-Israeli: two places (or peoples) joined
            first = p[3][0]
            if getattr(first, "kind", "") in OFFICE_KINDS or (getattr(first, "population", 0) or 0) >= 1_000_000:
                continue    # "Texas Ranger", "Calgary MLA": a state, country or big city opens a longer name
            if any(getattr(c, "kind", "") in ("country", "admin1") and getattr(c, "country", None)
                   == getattr(first, "country", None) for c in q[3][:5]):
                continue
            out[a] = ("person", p[1], p[2])
            out[a + 1] = ("person", q[1], q[2])
        return out

    # -- the whole text -----------------------------------------------------------------------
    def find(self, text: str) -> list[Span]:
        toks = tokenize(text, self.t.abbreviations)
        if not toks:
            return []
        headline = _headline_lines(text, toks)
        persons: set[str] = set()
        raw: list[Span] = []
        for idx in self.chunks(text, toks):
            idx = self._trim(toks, idx, headline)
            if not idx:
                continue
            in_head = any(i in headline for i in idx)
            parts = self.segment(text, toks, idx, in_head)
            org = self._is_org(toks, idx, parts)
            for p_i, p in enumerate(parts):
                kind = p[0]
                if kind == "person":
                    persons.update(toks[idx[m]].text for m in range(p[1], p[2]))
                    continue
                if kind not in ("name", "headed"):
                    continue
                i, j = idx[p[1]], idx[p[2] - 1]
                s = Span(toks[i].start, toks[j].end, text[toks[i].start:toks[j].end], lookup="")
                s.candidates = list(p[3] or ())
                if kind == "headed":
                    s.head, s.head_kind = p[4], p[5]
                    li = idx[p[6]]
                    if len(p) > 7 and p[7]:
                        s.lookup = s.text
                    elif p[6] > p[1]:   # pre head: look up what follows it
                        s.lookup = text[toks[li].start:toks[j].end]
                    else:               # post head: look up what precedes it
                        lj = idx[p[2] - 1 - len(p[4].split())]
                        s.lookup = text[toks[i].start:toks[lj].end]
                    s.cues.add("head")
                    # "the village of X": X is the name
                    if s.head[0].islower() and any(s.head.endswith(" " + w) for w in self.t.head_joiners):
                        s.start = toks[li].start
                        s.text = text[s.start:s.end]
                    if s.lookup != s.text and any(getattr(c, "match", "") == "demonym" for c in s.candidates[:1]):
                        s.candidates = []   # French Quarter is not France
                    if s.head_kind == "street" and s.lookup != s.text:
                        s.candidates = []   # Wichita Street is not in Wichita: placed at the article's city later
                    if s.head_kind == "region" and s.lookup != s.text:
                        # "South Texas", "Northern Iraq": a direction narrows a large area only
                        s.candidates = [c for c in s.candidates if getattr(c, "kind", "") in REGION_INNER
                                        and getattr(c, "match", "") != "demonym"]   # Central American != American
                        if not s.candidates:
                            continue
                else:
                    s.lookup = s.text
                if org:
                    s.cues.add("org")
                neighbours = [parts[q][0] for q in (p_i - 1, p_i + 1) if 0 <= q < len(parts)]
                unknown_words = []
                if p_i > 0 and parts[p_i - 1][0] == "unknown" and \
                        text[toks[idx[parts[p_i - 1][2] - 1]].end:s.start] == " ":
                    unknown_words += [toks[idx[m]] for m in range(parts[p_i - 1][1], parts[p_i - 1][2])]
                if p_i + 1 < len(parts) and parts[p_i + 1][0] == "unknown" and \
                        text[s.end:toks[idx[parts[p_i + 1][1]]].start] == " ":
                    unknown_words += [toks[idx[m]] for m in range(parts[p_i + 1][1], parts[p_i + 1][2])]
                if unknown_words and not in_head:
                    if any(w.upper for w in unknown_words):
                        s.cues.add("org_acronym")   # DPR RI: a place word after an organisation's acronym
                    elif all(self.common(w.text) >= DESCRIPTIVE_WORD for w in unknown_words):
                        s.cues.add("org")           # Dublin Historical Society, Historic Dublin
                    else:
                        s.cues.add("in_name")       # Kristina McPherson, Paris Hilton: a rare word beside it
                        if p_i > 0 and unknown_words and unknown_words[0].end <= s.start and s.candidates and \
                                not _strong(s.candidates):
                            persons.update(toks[idx[m]].text for m in range(p[1], p[2]))
                if "title" in neighbours and p_i + 1 < len(parts) and parts[p_i + 1][0] == "title":
                    s.cues.add("before_title")      # Texas Governor ..., US President ...
                if in_head:
                    s.cues.add("headline")
                if toks[i].sent_start:
                    s.cues.add("sent_start")
                if i == j and toks[i].upper:
                    s.cues.add("acronym")
                    ls = text.rfind("\n", 0, toks[i].start) + 1
                    starts = not text[ls:toks[i].start].strip() or toks[i].sent_start
                    if starts and len(toks[i].text) >= 4 and \
                            text[toks[j].end:toks[j].end + 2].strip()[:1] in (",", "(", "—", "-", "–"):
                        s.cues.add("dateline")   # COLUMBUS, Ohio - : a dateline writes the city in capitals
                if i > 0 and toks[i - 1].text.lower() in self.t.place_preps:
                    s.cues.add("prep")
                if (i > 0 and toks[i - 1].text.lower() in self.t.not_place_before) or \
                        (j + 1 < len(toks) and toks[j + 1].text.lower() in self.t.not_place_after):
                    s.cues.add("currency")
                if i > 0 and toks[i - 1].text.lower() in self.t.name_particles and not toks[i - 1].cap:
                    s.cues.add("in_name")   # a particle of a person's name
                if text[toks[j].end:toks[j].end + 2] in ("'s", "’s"):
                    s.cues.add("possessive")   # McDonald's, Smith's: a brand or a person more often than a town
                if i > 0 and toks[i - 1].text.lower() in self.t.person_before:
                    s.cues.add("person_before")
                if j + 1 < len(toks) and toks[j + 1].text.lower() in self.t.person_after \
                        and text[toks[j].end:toks[j + 1].start].strip() in ("", ","):
                    s.cues.add("person_after")
                if i > 0 and toks[i - 1].text in self.t.person_titles and \
                        self._adjacent(text, toks[i - 1], toks[i]):
                    s.cues.add("title_before")
                raw.append(s)
        for s in raw:
            words = s.text.split()
            if len(words) == 1 and words[0] in persons and "head" not in s.cues:
                s.cues.add("person_name")
        return raw

    def _trim(self, toks, idx, headline) -> list[int]:
        """Drop grammatical capitals at the front of a run ("In Paris", "Saat ini") and trailing
        connectors; a word that is itself a known name stays."""
        while idx:
            t = toks[idx[0]]
            if (t.sent_start or idx[0] in headline) and len(idx) >= 1 and not t.upper and \
                    self.common(t.text) >= 4.0 and not self._starts_name(toks, idx):
                idx = idx[1:]
                continue
            if t.text.lower() in self.t.connectors and not t.cap:
                idx = idx[1:]
                continue
            break
        while idx and toks[idx[-1]].text.lower() in self.t.connectors and not toks[idx[-1]].cap:
            idx = idx[:-1]
        return idx

    def _starts_name(self, toks, idx) -> bool:
        t = toks[idx[0]].text
        if (t,) in self._pre or t in self.t.person_titles:
            return True
        for n in range(2, min(len(idx), 3) + 1):
            if self.lookup(" ".join(toks[idx[q]].text for q in range(n))):
                return True     # "New South Wales is ...": a common first word of a longer name
        cands = self.lookup(t)
        if cands and (getattr(cands[0], "kind", "") in OFFICE_KINDS or
                      (getattr(cands[0], "population", 0) or 0) >= 1_000_000):
            return True     # "China's ...", "Washington has said ...": sentence-initial but a major place
        return bool(cands) and self.common(t) < 5.0 and _strong(cands)

    def _is_org(self, toks, idx, parts) -> bool:
        if parts and parts[0][0] == "headed" and parts[0][1] == 0 and parts[0][6] > 0:
            return False    # Gedung KPK, Istana Negara: a building, i.e. a place
        words = [toks[i].text for i in idx]
        if any(w in self.t.org_words for w in words[1:]) or (words and words[0] in self.t.org_words and len(words) > 1):
            return True
        text = " ".join(words)
        return any(text.startswith(p + " ") for p in self.t.org_prefix)


def _strong(cands) -> bool:
    c = cands[0]
    return getattr(c, "kind", "") in STRONG_KINDS or (getattr(c, "population", 0) or 0) >= 100_000


@lru_cache(maxsize=100_000)
def _zipf(word: str, lang: str) -> float:
    try:
        return zipf_frequency(word, lang)
    except Exception:   # a language wordfreq does not know
        return 0.0
