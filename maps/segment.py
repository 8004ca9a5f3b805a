"""Cut one capitalised run of words into its parts: place names, headed names, persons, titles.

Why its own module: a run such as "Gubernur Jawa Barat Ridwan Kamil" or "Laurel County Sheriff Tim
Baker" holds several things, and which is which decides whether a name is a place. The cuts follow the
language tables (heads, titles, given names, organisation words) and the gazetteer (the longest name
it knows wins); each part is a typed `Part` that the recogniser turns into spans.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from maps import kinds


class PartKind(Enum):
    NAME = "name"          # a name the gazetteer knows
    HEADED = "headed"      # a name made a place by its head word ("Kabupaten X", "X County")
    TITLE = "title"        # a person's title ("Presiden", "Gov.")
    PERSON = "person"      # a person's name
    OFFICE = "office"      # the place of an office, not kept as a place ("Menteri Luar Negeri Rusia")
    CONN = "conn"          # a lower-case connector inside the run
    ORGWORD = "orgword"    # an organisation word ("Universitas", "Bank")
    UNKNOWN = "unknown"    # a capitalised word that is none of the above


@dataclass(frozen=True)
class Part:
    """Tokens ``i`` to ``j`` (end-exclusive positions in the run) and what they are."""

    kind: PartKind
    i: int
    j: int
    candidates: tuple = ()
    head: str | None = None          # HEADED: the head's words
    head_kind: str | None = None     # HEADED: the kind of place the head promises
    name_at: int | None = None       # HEADED: where the name without its head starts
    whole_known: bool = False        # HEADED: the gazetteer knows the name with its head


def strong(cands) -> bool:
    """Is the best reading strong evidence on its own: a large unit or a big town?"""
    c = cands[0]
    return getattr(c, "kind", "") in kinds.LARGE or (getattr(c, "population", 0) or 0) >= kinds.BIG_TOWN


def _head_table(heads: dict) -> dict:
    return {tuple(h.split()): k for h, k in heads.items()}


class Segmenter:
    """The cuts of one language (``rec``: the Recognizer, for its tables and gazetteer look-ups)."""

    def __init__(self, rec):
        self.rec = rec
        self.t = rec.t
        self._pre = _head_table(self.t.pre_heads)
        self._post = _head_table(self.t.post_heads)

    def opens_with_head(self, word: str) -> bool:
        """Is this word alone a head that opens a place name ("Kabupaten", "Lake")?"""
        return (word,) in self._pre

    def segment(self, text, toks, idx: list[int], headline: bool) -> list[Part]:
        """The parts of the run of tokens ``idx``, in order."""
        parts: list[Part] = []
        k = 0
        tables = self.t
        while k < len(idx):
            word = toks[idx[k]].text
            # the cheap word-table tests decide which cuts can apply here at all
            steps = (self._titled,) if word in tables.person_titles else \
                (self._given_name, self._org_word, self._pre_headed, self._known, self._post_headed) \
                if word in tables.given_names or word in tables.org_words else \
                (self._pre_headed, self._known, self._post_headed, self._compound)
            for step in steps:
                found = step(text, toks, idx, k)
                if found is not None:
                    new, k = found
                    parts += new
                    break
            else:
                tok = toks[idx[k]]
                kind = PartKind.ORGWORD if tok.text in tables.org_words else PartKind.CONN if not tok.cap \
                    else PartKind.UNKNOWN
                parts.append(Part(kind, k, k + 1))
                k += 1
        if not headline:
            parts = self._adjacent_names(parts, [_gap(text, toks, idx, p) for p in parts],
                                         [all(toks[idx[m]].upper for m in range(p.i, p.j)) for p in parts])
        return parts

    # -- the cuts, tried in this order at each position; each returns (parts, next position) or None ----
    def _titled(self, text, toks, idx, k):
        """A person's title: what follows (up to the next title or the run's end) is a person - or the
        place the office is for ("Menteri Luar Negeri Rusia", "Gubernur Jawa Barat", "Governor of Texas")."""
        if toks[idx[k]].text not in self.t.person_titles:
            return None
        j = k + 1
        while j < len(idx) and toks[idx[j]].text not in self.t.person_titles:
            j += 1
        parts = [Part(PartKind.TITLE, k, k + 1)]
        q = k + 1
        while q < j:
            e, cands = self._longest(text, toks, idx, q)
            after_title = q == k + 1 or not toks[idx[q - 1]].cap   # "Governor of Texas"
            if cands and e <= j and after_title and self._office_place(cands):
                keep = self.t.title_places == "all" or (
                    self.t.title_places == "regions" and getattr(cands[0], "kind", "") in kinds.OFFICE)
                parts.append(Part(PartKind.NAME, q, e, cands) if keep else Part(PartKind.OFFICE, q, e))
                q = e
                continue
            parts.append(Part(PartKind.PERSON if toks[idx[q]].cap else PartKind.CONN, q, q + 1))
            q += 1
        return parts, j

    def _given_name(self, text, toks, idx, k):
        """A given name before another capitalised word: "Tim Baker", "Surya Budiman"."""
        t = toks[idx[k]]
        if t.text not in self.t.given_names or k + 1 >= len(idx) or not toks[idx[k + 1]].cap \
                or self._head_at(toks, idx, k + 1, self._post)[0]:
            return None
        j = k + 1
        while j < len(idx) and toks[idx[j]].cap and toks[idx[j]].text not in self.t.person_titles \
                and toks[idx[j]].text not in self.t.org_words:
            j += 1
        return [Part(PartKind.PERSON, k, j)], j

    def _org_word(self, text, toks, idx, k):
        """An organisation's word ("Dinas", "SD"), unless it opens a head here ("SD Negeri 1 X": a school)."""
        t = toks[idx[k]]
        if t.text in self.t.org_words and not self._head_at(toks, idx, k, self._pre)[0]:
            return [Part(PartKind.ORGWORD, k, k + 1)], k + 1
        return None

    def _pre_headed(self, text, toks, idx, k):
        """A head before the name: Kabupaten Poso, Lake Michigan, City of Paris."""
        L, kind = self._head_at(toks, idx, k, self._pre)
        joined = L > 1 and toks[idx[k + L - 1]].text in self.t.head_joiners
        if not L or k + L >= len(idx) + (1 if joined else 0):
            return None
        e, cands = self._longest(text, toks, idx, k)
        if cands and e > k + L:   # the gazetteer knows the whole headed name
            return [Part(PartKind.NAME, k, e, cands)], e
        if k + L >= len(idx):
            return None
        head = " ".join(toks[idx[k + m]].text for m in range(L))
        at = k + L + (1 if head in self.t.numbered_heads and toks[idx[k + L]].text.isdigit() else 0)
        e2, inner = self._longest(text, toks, idx, at) if at < len(idx) else (at, ())
        on = self._name_goes_on(text, toks, idx, e2) if inner else e2
        if on > e2:   # "Desa Tanjung Harapan", "Kabupaten Halmahera Barat": the known word only opens a longer name
            e2, inner = on, self.rec.lookup(text[toks[idx[at]].start:toks[idx[on - 1]].end])
        if not inner:  # unknown name after a head: take the capitalised run
            e2 = at
            while e2 < len(idx) and toks[idx[e2]].cap and toks[idx[e2]].text not in self.t.person_titles:
                e2 += 1
        if e2 <= k + L:
            return None
        return [Part(PartKind.HEADED, k, e2, inner, head, kind, name_at=at if inner else k + L)], e2

    def _known(self, text, toks, idx, k):
        """The longest name the gazetteer knows, with a head right after it if there is one (Laurel
        County, Cauvery River)."""
        if not toks[idx[k]].cap:
            return None     # a lower-case head ("città", "desa") is no name of its own
        e, cands = self._longest(text, toks, idx, k)
        if not cands:
            return None
        if _article_joined(text, toks, idx, e):   # "Bab al-Hawa" unknown: not "Bab", a town elsewhere
            return [Part(PartKind.UNKNOWN, k, e + 2)], e + 2
        L2, kind2 = self._head_at(toks, idx, e, self._post) if e < len(idx) else (0, None)
        if not L2:
            return [Part(PartKind.NAME, k, e, cands)], e
        whole = text[toks[idx[k]].start:toks[idx[e + L2 - 1]].end]
        known = self.rec.lookup(whole)
        head = " ".join(toks[idx[e + m]].text for m in range(L2))
        return [Part(PartKind.HEADED, k, e + L2, known or cands, head, kind2, name_at=k,
                     whole_known=bool(known))], e + L2

    def _post_headed(self, text, toks, idx, k):
        """An unknown word followed by a head: "Foo County"."""
        if k + 1 >= len(idx) or toks[idx[k]].upper:
            return None
        L2, kind2 = self._head_at(toks, idx, k + 1, self._post)
        if not L2:
            return None
        head = " ".join(toks[idx[k + 1 + m]].text for m in range(L2))
        return [Part(PartKind.HEADED, k, k + 1 + L2, (), head, kind2, name_at=k)], k + 1 + L2

    def _compound(self, text, toks, idx, k):
        """A word the gazetteer does not know whose end says what it names ("Loppemsestraat",
        "Kungsgatan"): a name headed by its own last part."""
        tok = toks[idx[k]]
        word = tok.text.lower()
        for end, kind in self.t.compound_heads.items():
            if word.endswith(end) and len(word) >= len(end) + 3 and not tok.upper:
                return [Part(PartKind.HEADED, k, k + 1, (), end, kind, name_at=k, whole_known=True)], k + 1
        return None

    # -- helpers ------------------------------------------------------------------------------
    def _name_goes_on(self, text, toks, idx: list[int], e: int) -> int:
        """Where a headed name ends that runs on past the known name ending at ``e``: over capitalised
        words written right after it that are neither a title nor the start of a province or a country
        ("Kabupaten Cianjur Jawa Barat" is two places; a town's name after it may be the rest of the name)."""
        while e < len(idx) and toks[idx[e]].cap and toks[idx[e]].start == toks[idx[e - 1]].end + 1 \
                and toks[idx[e]].text not in self.t.person_titles:
            cands = self._longest(text, toks, idx, e)[1]
            if cands and getattr(cands[0], "kind", "") in kinds.ABOVE_CITY:
                break
            e += 1
        return e

    def _office_place(self, cands) -> bool:
        """May a name right after a title be the place of the office rather than the holder's name?"""
        c = cands[0]
        return getattr(c, "kind", "") in kinds.OFFICE or (getattr(c, "population", 0) or 0) >= kinds.BIG_TOWN

    def _head_at(self, toks, idx: list[int], k: int, table: dict):
        """Length (in tokens) and kind of a head starting at idx[k], longest first."""
        for L in range(min(self.t.max_head_tokens, len(idx) - k), 0, -1):
            key = tuple(toks[idx[k + m]].text for m in range(L))
            kind = table.get(key)
            if kind is None:
                kind = table.get((key[0].capitalize(),) + key[1:])
            if kind is not None:
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
        mx = self.rec.max_tokens(first) + (c - k)
        for j in range(min(len(idx), k + max(mx, 1)) - 1, k - 1, -1):
            if toks[idx[j]].text.lower() in self.t.connectors:
                continue
            cands = self.rec.lookup(text[toks[idx[k]].start:toks[idx[j]].end])
            if cands:
                return j + 1, cands
        return k, ()

    @staticmethod
    def _adjacent_names(parts: list[Part], before: list[str], capitals: list[bool]) -> list[Part]:
        """Two known names side by side with nothing between ("Surya Paloh", "Tim Baker") are one
        person's name, unless the second contains the first ("Washington D.C.", "Atlanta Georgia") or
        one is in capitals and the other not ("CEI Milán": a headline's last word, then a dateline)."""
        out = list(parts)
        for a in range(len(parts) - 1):
            p, q = parts[a], parts[a + 1]
            if p.kind is not PartKind.NAME or q.kind is not PartKind.NAME or before[a + 1] not in (" ", "-", " - ") \
                    or capitals[a] != capitals[a + 1]:
                continue
            if before[a + 1] != " " and (strong(p.candidates) or strong(q.candidates) or any(
                    getattr(x.candidates[0], "match", "") == "demonym" for x in (p, q))):
                continue    # Dallas-Fort Worth, Arab-Israeli: two places (or peoples) joined
            if before[a + 1] == " - " and _towns_of_one_country(p.candidates[0], q.candidates[0]):
                continue    # "(Avila - Cebreros)": a road's two ends, not a person "Wal - Mart" in tokenised text
            first = p.candidates[0]
            if getattr(first, "kind", "") in kinds.OFFICE or (getattr(first, "population", 0) or 0) >= kinds.MAJOR_CITY:
                continue    # "Texas Ranger", "Calgary MLA": a state, country or big city opens a longer name
            if any(getattr(c, "kind", "") in (kinds.COUNTRY, kinds.ADMIN1) and getattr(c, "country", None)
                   == getattr(first, "country", None) for c in q.candidates[:5]):
                continue
            out[a] = Part(PartKind.PERSON, p.i, p.j)
            out[a + 1] = Part(PartKind.PERSON, q.i, q.j)
        return out


def _article_joined(text: str, toks, idx: list[int], e: int) -> bool:
    """Does a lower-case connector joined by a hyphen to a capitalised word follow the name ("Bab al-Hawa",
    "Ras al-Ain")? Then the known first word is only the start of a longer name the gazetteer lacks."""
    if e + 1 >= len(idx):
        return False
    conn, nxt = toks[idx[e]], toks[idx[e + 1]]
    return not conn.cap and conn.start == toks[idx[e - 1]].end + 1 and text[conn.end:conn.end + 1] == "-" \
        and nxt.start == conn.end + 1 and nxt.cap


def _gap(text: str, toks, idx: list[int], p: Part) -> str:
    """What stands between a part and the token before it; a spaced dash (" - ", "Avila - Las Rozas")
    as one gap: it joins two places like "Dallas-Fort Worth", never the words of a person's name."""
    if not p.i:
        return text[toks[idx[p.i]].start - 1:toks[idx[p.i]].start]
    gap = text[toks[idx[p.i - 1]].end:toks[idx[p.i]].start]
    return " - " if gap.strip() in ("-", "–") and gap != gap.strip() else gap


def _towns_of_one_country(a, b) -> bool:
    return all(getattr(c, "kind", "") == kinds.CITY for c in (a, b)) and \
        getattr(a, "country", None) is not None and getattr(a, "country", None) == getattr(b, "country", None)
