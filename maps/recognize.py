"""Toponym recognition: find the spans of a text that name places.

Why this shape: news capitalises names, so capitalised runs (with connectors such as "de" in Rio de
Janeiro) are the candidates; the gazetteer then cuts each run into the longest names it knows
(maps/segment.py), and the language tables (the ``places`` part of languages/data/<lang>/) say what
the words around a name mean - a head (Kota, Lake, County) makes it a place even when the gazetteer
does not know it, a title (Presiden, Mr) makes it a person, an organisation word (Universitas, Bank)
an organisation. Every decision is a general rule over these tables, never a list of the names of
one article. What the recogniser saw is handed on as typed fields of a `Span`: its candidates, its
head and the `Cue`s around it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import lru_cache

from wordfreq import zipf_frequency

from languages.morphology import base_forms, has_morphology, lemmas, marks_place, name_forms
from languages.sentences import Sentence
from maps import kinds
from maps.cues import Around, Cue, adjacent
from maps.lang_tables import LangTables, tables
from maps.local_names import large, local_first
from maps.names import normalize
from maps.segment import Part, PartKind, Segmenter, strong
from maps.tokens import Token, headline_tokens, tokenize

DESCRIPTIVE_WORD = 3.8   # zipf frequency from which a capitalised neighbour is a word, not a name
COMMON_OPENER = 4.0      # zipf frequency from which a capitalised first word is grammar, not a name
RARE_OPENER = 5.0        # ... below which a known name at a sentence start is kept when it is large
FRAGMENT = 1.0           # zipf frequency below which a lower-case piece after a hyphen is no word ("-kinen")
MAX_ACRONYM = 5          # letters: a longer word in capitals is a word of a headline, not an acronym
MIN_DEMONYM = 5          # letters of the shortest lower-case place adjective worth a look-up

# wordfreq logs a warning when it serves a nearby language's list (Javanese -> Indonesian): that is the
# intended fallback, and a library must not print on its own; an application that sets up logging sees it.
logging.getLogger("wordfreq").addHandler(logging.NullHandler())


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
    cues: set = field(default_factory=set)   # maps.cues.Cue members


class GazetteerIndex:
    """Cached name look-ups over a gazetteer; the recogniser asks many times for the same names."""

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


class Recognizer:
    """Finds place-name spans in a text of one language, using a gazetteer index."""

    def __init__(self, index: GazetteerIndex, lang: str):
        self.ix = index
        self.t: LangTables = tables(lang)
        self.lang = self.t.lang
        self.segmenter = Segmenter(self)
        self.inflects = has_morphology(self.lang)
        self._listed: dict[str, str] = {}    # inflected name -> the form the gazetteer lists
        self._org_starts = tuple(p + " " for p in self.t.org_prefix)   # one startswith for all of them

    def lookup(self, name: str) -> tuple:
        """Gazetteer candidates of a name. The language's aliases come first ("Alta." is Alberta in
        English news, not the Norwegian town the dotless key also finds); word expansions last."""
        alias = self.t.aliases.get(name)
        if alias:
            cands = self.ix.lookup(alias)
            if cands and name.endswith("."):
                # "Wash.", "Ga.": a postal-style abbreviation names a state or province, never a town
                cands = tuple(c for c in cands if getattr(c, "kind", "") in (kinds.ADMIN1, kinds.COUNTRY)) or cands
            if cands:
                return cands
        cands = self.ix.lookup(name)
        if not cands and self.t.expansions:
            words = name.split(" ")
            expanded = " ".join(self.t.expansions.get(w, w) for w in words)
            if expanded != name:
                cands = self.ix.lookup(expanded)
        if cands and self.t.local_alternates and len(cands) > 1:
            cands = local_first(cands, normalize(name), self)
        if not cands and "-" in name:
            cands = self._unbroken_lookup(name)
        if self.inflects and not cands:
            cands = self._base_lookup(name)
        elif self.inflects and _only_small_alternates(cands):
            # "Vídně" (of Vienna), "Brna" (of Brno) are also listed as other spellings of villages: a big
            # town under the dictionary form comes first, the village stays a runner-up (a code is no form)
            base = self._base_lookup(name)
            if any(getattr(c, "kind", "") == kinds.CITY and large(c) and getattr(c, "match", "") != "abbrev"
                   for c in base[:3]):
                return base + tuple(cands)
            self._listed.pop(name, None)
        return cands

    def max_tokens(self, first: str) -> int:
        """How many words the longest gazetteer name starting with this word has - or with its
        dictionary form ("Нижнем" opens "Нижний Новгород")."""
        n = self.ix.max_tokens(first)
        if self.inflects:
            n = max([n] + [self.ix.max_tokens(f) for f in base_forms(first, self.lang)])
        return n

    def listed_form(self, name: str) -> str:
        """The form of ``name`` the gazetteer lists: the name itself, or the dictionary form that found it."""
        return self._listed.get(name, name)

    def _base_lookup(self, name: str) -> tuple:
        """Candidates of an inflected name under its dictionary forms ("Москве" -> "Москва"), from the
        language's morphology (languages/morphology.py); the span keeps the text as written."""
        for form in name_forms(name, self.lang):
            cands = self.ix.lookup(form)
            if cands:
                self._listed[name] = form
                return cands
        return ()

    def _lemma_lookup(self, word: str) -> tuple:
        """Candidates of a word under its lemmas only (cheaper than every form of a name)."""
        for form in lemmas(word, self.lang):
            cands = self.ix.lookup(form)
            if cands:
                return cands
        return ()

    def _unbroken_lookup(self, name: str) -> tuple:
        """A word broken at a line end and joined with its hyphen ("Stet-tin", "Rans-kan", in scanned
        newspapers): looked up whole when the part after the hyphen is lower case."""
        words = name.split(" ")
        joined = " ".join(_unbroken(w) for w in words)
        if joined == name:
            return ()
        cands = self.ix.lookup(joined)
        if not cands and self.inflects:
            cands = self._base_lookup(joined)
            if cands:
                self._listed[name] = self._listed[joined]
        elif cands:
            self._listed[name] = joined
        return cands

    def common(self, word: str) -> float:
        """How common the word is in the language (wordfreq's zipf scale). wordfreq folds the case itself,
        by the language's rule: Python's own lower case of Turkish "İki" is "i̇ki" (with a combining dot),
        which no word list holds, so the language's commonest words escaped every rule that reads this."""
        return common_in(word, self.lang)

    # -- chunks ----------------------------------------------------------------------------
    def chunks(self, text: str, toks: list[Token]) -> list[list[int]]:
        """Runs of capitalised tokens, joined by connectors and lower-case heads."""
        out, cur = [], []
        skip_to = -1
        for i, t in enumerate(toks):
            if i <= skip_to:
                continue
            joined = bool(cur) and adjacent(text, toks[cur[-1]], t)
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
                continue
            step = self._joins(text, toks, cur, i, joined)
            if step is None:
                if cur:
                    out.append(cur)
                cur = []
            elif step == "inner":
                cur.append(i)
            else:
                if cur:
                    out.append(cur)
                cur = step
                skip_to = cur[-1]
        if cur:
            out.append(cur)
        return out

    def _joins(self, text: str, toks: list[Token], cur: list[int], i: int, joined: bool):
        """How a lower-case token joins a run: "inner" (a connector or a hyphenated part), a new run
        that it opens (a lower-case head: "gedung X", "the village of X"), or None (the run ends)."""
        t, n = toks[i], len(toks)
        low = t.text.lower()
        nxt_cap = i + 1 < n and toks[i + 1].cap
        if cur and joined and low in self.t.connectors and nxt_cap and adjacent(text, t, toks[i + 1]):
            return "inner"
        if cur and joined and t.text.isdigit() and self._after_numbered_head(toks, cur) and nxt_cap:
            return "inner"   # "SMK Negeri 1 Makassar": the school's number
        if cur and text[t.start - 1:t.start] == "-" and text[t.end:t.end + 1] == "-" and \
                toks[cur[-1]].end == t.start - 1:
            return "inner"   # Port-au-Prince, Stratford-upon-Avon
        if low not in self.t.lower_heads:
            return None
        if nxt_cap and adjacent(text, t, toks[i + 1]):
            return [i]
        if i + 2 < n and toks[i + 1].text in self.t.head_joiners and toks[i + 2].cap \
                and adjacent(text, t, toks[i + 1]) and adjacent(text, toks[i + 1], toks[i + 2]):
            return [i, i + 1]     # "the village of Little Wenlock"
        return None

    def _after_numbered_head(self, toks: list[Token], cur: list[int]) -> bool:
        if not self.t.numbered_heads:
            return False
        last = [toks[i].text for i in cur[-2:]]
        return last[-1] in self.t.numbered_heads or " ".join(last) in self.t.numbered_heads

    def _known_name_through(self, text: str, toks: list[Token], c: int) -> int:
        """Index of the last token of the longest gazetteer name that starts at toks[c] and runs on
        through lower-case words (-1 if none)."""
        m = self.ix.max_tokens(toks[c].text)
        if m < 3:
            return -1
        for e in range(min(len(toks), c + m) - 1, c + 1, -1):
            if not toks[e].cap or any(not adjacent(text, toks[q], toks[q + 1]) for q in range(c, e)):
                continue
            if self.ix.lookup(text[toks[c].start:toks[e].end]):
                return e
        return -1

    # -- the whole text -----------------------------------------------------------------------
    def find(self, text: str, sentences: list[Sentence] | None = None) -> list[Span]:
        """Every candidate place name of ``text``, with its cues."""
        toks = tokenize(text, self.t.abbreviations, sentences)
        if not toks:
            return []
        headline = headline_tokens(text, toks)
        around = Around(text, toks, self.t, lambda w: self.common(w) < FRAGMENT, lambda n: bool(self.lookup(n)),
                        self.inflects)
        persons: set[str] = set()
        raw: list[Span] = []
        for idx in self.chunks(text, toks):
            idx = self._trim(toks, idx, headline)
            if idx:
                raw += self._chunk_spans(text, toks, idx, any(i in headline for i in idx), around, persons)
        if self.t.lower_demonyms:
            raw += self._lower_demonyms(text, toks)
        if self.inflects:
            for s in raw:
                if self.listed_form(s.lookup) != s.lookup and marks_place(s.text, self.lang) \
                        and self.common(s.text) < DESCRIPTIVE_WORD:   # not "Täältä" (from here)
                    s.cues.add(Cue.PREP)    # "Pietarissa": the case ending says "in"
        for s in raw:
            words = s.text.split()
            if len(words) == 1 and words[0] in persons and Cue.HEAD not in s.cues:
                s.cues.add(Cue.PERSON_NAME)
        return raw

    def _lower_demonyms(self, text: str, toks: list[Token]) -> list[Span]:
        """Place adjectives written in lower case ("российских", "московском") where the language writes
        them so: a word whose dictionary form the gazetteer lists as a demonym."""
        out = []
        for t in toks:
            if t.cap or len(t.text) < MIN_DEMONYM or not t.text.endswith(self.t.lower_demonyms):
                continue
            cands = tuple(c for c in self.ix.lookup(t.text) or self._lemma_lookup(t.text)
                          if getattr(c, "match", "") == "demonym")
            if cands:
                out.append(Span(t.start, t.end, t.text, lookup=t.text, candidates=list(cands)))
        return out

    def _chunk_spans(self, text, toks, idx, in_head: bool, around: Around, persons: set[str]) -> list[Span]:
        """The spans of one capitalised run; the persons it names are added to ``persons``."""
        parts = self.segmenter.segment(text, toks, idx, in_head)
        org = self._is_org(toks, idx, parts)
        out = []
        for p_i, p in enumerate(parts):
            if p.kind is PartKind.PERSON:
                persons.update(toks[idx[m]].text for m in range(p.i, p.j))
                continue
            if p.kind not in (PartKind.NAME, PartKind.HEADED):
                continue
            s = self._span(text, toks, idx, p)
            if s is None:
                continue
            if org:
                s.cues.add(Cue.ORG)
            self._neighbour_cues(s, text, toks, idx, parts, p_i, in_head, persons)
            s.cues |= around.cues_of(idx[p.i], idx[p.j - 1], in_head)
            out.append(s)
        return out

    def _span(self, text, toks, idx, p: Part) -> Span | None:
        """The span of one name part; None when a direction word narrows nothing it may narrow."""
        i, j = idx[p.i], idx[p.j - 1]
        s = Span(toks[i].start, toks[j].end, text[toks[i].start:toks[j].end], lookup="")
        s.candidates = list(p.candidates)
        if p.kind is PartKind.NAME:
            s.lookup = s.text
            return s
        s.head, s.head_kind = p.head, p.head_kind
        s.cues.add(Cue.HEAD)
        li = idx[p.name_at]
        if p.whole_known:
            s.lookup = s.text
        elif p.name_at > p.i:   # pre head: look up what follows it
            s.lookup = text[toks[li].start:toks[j].end]
        else:                   # post head: look up what precedes it
            lj = idx[p.j - 1 - len(p.head.split())]
            s.lookup = text[toks[i].start:toks[lj].end]
        if s.head[0].islower() and any(s.head.endswith(" " + w) for w in self.t.head_joiners):
            s.start = toks[li].start   # "the village of X": X is the name
            s.text = text[s.start:s.end]
        return _narrowed(s)

    def _neighbour_cues(self, s: Span, text, toks, idx, parts, p_i: int, in_head: bool, persons: set) -> None:
        """Unknown capitalised words right beside a name: an acronym makes it part of an organisation's
        name ("DPR RI"), common words an organisation ("Historic Dublin"), rare ones a longer name
        ("Paris Hilton")."""
        words = []
        if p_i > 0 and parts[p_i - 1].kind is PartKind.UNKNOWN and \
                text[toks[idx[parts[p_i - 1].j - 1]].end:s.start] == " ":
            words += [toks[idx[m]] for m in range(parts[p_i - 1].i, parts[p_i - 1].j)]
        if p_i + 1 < len(parts) and parts[p_i + 1].kind is PartKind.UNKNOWN and \
                text[s.end:toks[idx[parts[p_i + 1].i]].start] == " ":
            words += [toks[idx[m]] for m in range(parts[p_i + 1].i, parts[p_i + 1].j)]
        if self.t.nouns_capitalised:   # "die Hauptstadt Deutschlands": a common noun, capitalised by grammar
            words = [w for w in words if w.upper or self.common(w.text) < DESCRIPTIVE_WORD]
        words = [w for w in words if not (w.upper and len(w.text) > MAX_ACRONYM)]   # a headline in capitals
        if not words or in_head:
            return
        if any(w.upper and len(w.text) <= MAX_ACRONYM for w in words):
            s.cues.add(Cue.ORG_ACRONYM)
        elif all(self.common(w.text) >= DESCRIPTIVE_WORD for w in words):
            s.cues.add(Cue.ORG)
        else:
            s.cues.add(Cue.IN_NAME)
            p = parts[p_i]
            if p_i > 0 and words[0].end <= s.start and s.candidates and not strong(s.candidates):
                persons.update(toks[idx[m]].text for m in range(p.i, p.j))

    def _trim(self, toks, idx, headline) -> list[int]:
        """Drop grammatical capitals at the front of a run ("In Paris", "Saat ini") and trailing
        connectors; a word that is itself a known name stays."""
        while idx:
            t = toks[idx[0]]
            if (t.sent_start or idx[0] in headline) and not t.upper and \
                    self.common(t.text) >= COMMON_OPENER and not self._starts_name(toks, idx):
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
        if self.segmenter.opens_with_head(t) or t in self.t.person_titles or (t in self.t.given_names and len(idx) > 1):
            return True     # "Davide Rotondi, 45 anni": a first name opening a sentence opens a person's name
        for n in range(2, min(len(idx), 3) + 1):
            if self.lookup(" ".join(toks[idx[q]].text for q in range(n))):
                return True     # "New South Wales is ...": a common first word of a longer name
        cands = self.lookup(t)
        if cands and major(cands[0]):
            return True     # "China's ...", "Washington has said ...": sentence-initial but a major place
        return bool(cands) and self.common(t) < RARE_OPENER and strong(cands)

    def _is_org(self, toks, idx, parts: list[Part]) -> bool:
        if parts and parts[0].kind is PartKind.HEADED and parts[0].i == 0 and parts[0].name_at > 0:
            return False    # Gedung KPK, Istana Negara: a building, i.e. a place
        words = [toks[i].text for i in idx]
        if any(w in self.t.org_words for w in words[1:]) or (words and words[0] in self.t.org_words and len(words) > 1):
            return True
        return " ".join(words).startswith(self._org_starts)


def _unbroken(word: str) -> str:
    head, sep, tail = word.partition("-")
    if sep and tail[:1].islower() and head[-1:].islower() and "-" not in tail:
        return head + tail
    return word


def _only_small_alternates(cands) -> bool:
    """Are all readings another spelling (a GeoNames alternate) of a place too small to be named abroad?"""
    return all(getattr(c, "match", "") == "alt" and not large(c) for c in cands)


def major(c) -> bool:
    """A reading big enough to open a sentence or a longer name as itself: a unit with an office of
    its own, or a city of a million ("Houston has ...", "Texas Ranger")."""
    return getattr(c, "kind", "") in kinds.OFFICE or (getattr(c, "population", 0) or 0) >= kinds.MAJOR_CITY


def _narrowed(s: Span) -> Span | None:
    """Readings a head word rules out: "French Quarter" is not France, "Wichita Street" is not in
    Wichita (it is placed at the article's city later), and "South Texas" or "Northern Iraq" narrows
    a large area only."""
    inner = s.lookup != s.text
    if inner and any(getattr(c, "match", "") == "demonym" for c in s.candidates[:1]):
        s.candidates = []
    if s.head_kind == kinds.STREET and inner:
        s.candidates = []
    if s.head_kind == kinds.REGION and inner:
        s.candidates = [c for c in s.candidates if getattr(c, "kind", "") in kinds.LARGE
                        and getattr(c, "match", "") != "demonym"]   # Central American != American
        if not s.candidates:
            return None
    return s


@lru_cache(maxsize=100_000)
def common_in(word: str, lang: str, wordlist: str = "best") -> float:
    """The word's frequency in the language on wordfreq's zipf scale (0 for a language it does not know);
    ``wordlist="small"`` asks only the list of the commonest words, a tenth of the memory and load time."""
    try:
        return zipf_frequency(word, lang, wordlist=wordlist)
    except Exception:   # a language wordfreq does not know
        return 0.0
