"""Toponym resolution: pick, for every recognised name, which of its same-name places is meant.

Why: a gazetteer answers "Dublin" with a dozen Dublins; the article says which one. Each candidate
gets a score from what it is (maps/scoring.py: kind, population, how its name matched, the head word
that introduced it) and from what the article says around it: a containing place right after it
("Dublin, Ohio"; "Poso, Sulawesi Tengah"), a kind word ("Washington state"), a dateline, names listed
with it, and the article's other names (maps/evidence.py: their countries and provinces, their
distance, the country most articles in its language are about). Three passes: the first reads each
name on its own, the next two re-read every name in the light of the others. The score margin
becomes the confidence; the runner-ups are kept.
"""
from __future__ import annotations

import math
import re

from maps import kinds
from maps.cues import Cue
from maps.evidence import Evidence, reading_cells
from maps.names import country_names, normalize
from maps.scoring import MATCH_WEIGHT, base_score, contains, true_capitals

MAX_CANDIDATES = 15       # the gazetteer sorts by prior; the tail never wins
CONTEXT_PASSES = 2
SHARPNESS = 2.5           # score points -> confidence: a lead of 1 point is about 92%
CONFIDENCE_OF = 6         # readings whose scores make the confidence
LANGUAGE_COUNTRY = 0.8    # a reading in the country most news in the article's language is about
CITY_OVER_PROVINCE = 1.5  # "Jakarta", "Dar es Salaam": the city, unless the text says province ...
CITY_SHARE = 0.15         # ... when the city holds this share of its province's people, or is the capital
                          # ("Quebec" is the province: its city has a sixteenth of its people)
LIST_WEIGHT = 2.0         # "Ohio, Washington and Texas": a name listed among provinces is a province
KIND_WORD_WEIGHT = 2.0    # "Washington state", "Quebec province": the text says which kind
DATELINE_CITY = 3.0       # "WASHINGTON (AP) -": a dateline names a city
CONTAINER_READINGS = 8    # readings of a following name tried as the container
SMALL_TOWN_VOICE = 0.7    # a small town's reading is weak evidence about the others
KIND_WORD_RE = re.compile(r"[ \t]+([a-z]+)\b")
CONTAINER_GAPS = (",", "(", "-", "–", "—")


class Resolver:
    """Ranks candidates of all spans of one article together."""

    def __init__(self, lang_country: str | None = None, containment_words=frozenset(), lang: str = "en",
                 list_words=frozenset(), kind_words_after=None, local_alternates: bool = False):
        self.lang_country = lang_country
        self.local_alternates = local_alternates   # the language's news names places by GeoNames' alternates
        self.lang = lang
        self.containment_words = frozenset(containment_words)
        self.list_words = frozenset(list_words)
        self.kind_words_after = dict(kind_words_after or {})

    def resolve(self, spans: list, text: str) -> list[tuple]:
        """For each span: (best candidate or None, confidence, ranked [(score, cand)])."""
        self._listed = self._list_neighbours(spans, text)
        keys = [normalize(s.lookup) for s in spans]
        own = [self._own_scores(s, text, spans, i) for i, s in enumerate(spans)]
        ranked_all = [_ranked(scores) for scores, _ in own]
        pairs = reading_cells(keys, [s.candidates for s in spans])   # the same in every pass
        for _ in range(CONTEXT_PASSES):
            ctx = self._context(ranked_all, keys, pairs)
            # a name with one reading keeps it, at confidence 1, whatever the context adds to its score
            ranked_all = [ranked_all[i] if len(scores) < 2 else
                          _ranked([(s0 + self._context_score(c, ctx, i, keys[i], how), c) for s0, c in scores])
                          for i, (scores, how) in enumerate(own)]
        return [pick(r) for r in ranked_all]

    # -- scoring --------------------------------------------------------------------------------
    def _own_scores(self, span, text, spans, i) -> tuple[list, tuple]:
        """Each reading's score from itself and the words around its name, in the gazetteer's order
        (the same in every pass: computed once), and what the context passes need to know of them."""
        cands = span.candidates[:MAX_CANDIDATES]
        if not cands:
            return [], ()
        if len(cands) == 1:
            return [(0.0, cands[0])], ()   # one reading: it wins at confidence 1, whatever its score
        container = self._container_after(span, text, spans, i)
        if container is not None and self._continues_list(spans, i + 1):
            container = None    # "Washington, Pennsylvania and California": a list, not "Paris, Texas"
        capitals = true_capitals(cands)
        said = self._kind_said(span, text)
        towns_only = not any(getattr(o, "kind", "") not in kinds.LOCAL for o in cands[:3])
        dateline = Cue.DATELINE in getattr(span, "cues", ())
        own_word = None
        scores = []
        for c in cands:
            s = base_score(c, span.head_kind, capitals)
            if self.local_alternates and getattr(c, "match", "") == "alt" and getattr(c, "kind", "") != kinds.COUNTRY \
                    and ((getattr(c, "population", 0) or 0) >= kinds.BIG_TOWN or getattr(c, "kind", "") in kinds.LARGE):
                s += MATCH_WEIGHT["exonym"] - MATCH_WEIGHT["alt"]   # "Genova" is Genoa in Italian news
            if getattr(c, "match", "") in ("exonym", "alt") and getattr(c, "kind", "") == kinds.COUNTRY:
                if own_word is None:
                    own_word = normalize(span.lookup) in country_names(self.lang)
                if not own_word:    # "Columbia" is not Colombia in English, "Marawi" not Malawi in Indonesian
                    s += MATCH_WEIGHT["alt"] - MATCH_WEIGHT["exonym"] - (1.0 if c.match == "alt" else 0.0)
            s += self._said_around(c, span, said, dateline, container, cands, capitals)
            scores.append((s, c))
        return scores, (cands, capitals, towns_only)

    def _said_around(self, c, span, said, dateline, container, cands, capitals) -> float:
        """What the words right around the name say for reading ``c``: the language's home country, a
        kind word after it, a dateline, a container named after it, a same-name city."""
        cc, kind = getattr(c, "country", None), getattr(c, "kind", "city")
        s = 0.0
        if self.lang_country and cc == self.lang_country:
            s += LANGUAGE_COUNTRY
        if said and kind == said:
            s += KIND_WORD_WEIGHT
        if dateline and kind == kinds.CITY:
            s += DATELINE_CITY
        if container is not None:
            s += max((contains(k, c) for k in container.candidates[:CONTAINER_READINGS]), default=0.0)
        if kind == kinds.ADMIN1 and span.head_kind != kinds.ADMIN1 and any(
                getattr(o, "kind", "") == kinds.CITY and getattr(o, "country", None) == cc
                and (getattr(o, "population", 0) or 0) >= kinds.BIG_TOWN
                and (id(o) in capitals or (o.population or 0) >= CITY_SHARE * (c.population or 0))
                for o in cands):
            s -= CITY_OVER_PROVINCE
        return s

    def _context_score(self, c, ctx, i, key, how) -> float:
        """What the article's other names say for reading ``c`` (maps/evidence.py), and names listed with it."""
        cands, capitals, towns_only = how
        cc, kind = getattr(c, "country", None), getattr(c, "kind", "city")
        evidence, best = ctx
        peers_count = not (kind == kinds.ADMIN1 and any(id(o) in capitals and o.country == cc for o in cands))
        s = evidence.bonus(c, key, peers_count=peers_count, pairs_count=towns_only)
        if kind in kinds.LISTABLE:
            s += self._list_bonus(c, kind, best, i)
        return s

    def _kind_said(self, span, text) -> str | None:
        """The kind a lower-case word right after the name says ("Washington state" -> admin1)."""
        if not self.kind_words_after:
            return None
        m = KIND_WORD_RE.match(text, span.end)
        return self.kind_words_after.get(m.group(1)) if m else None

    # -- lists and containers ---------------------------------------------------------------------
    def _list_gap(self, gap: str) -> bool:
        """Does the text between two names join them in a list (", ", " and ", ", or ")?"""
        g = gap.strip().lower()
        if g.startswith(","):
            g = g[1:].strip()
        return g == "" and "," in gap or g in self.list_words

    def _list_neighbours(self, spans, text) -> list[tuple]:
        """For each span, the indexes of the spans listed right before and after it."""
        out = []
        for i, s in enumerate(spans):
            near = []
            if i > 0 and self._list_gap(text[spans[i - 1].end:s.start]):
                near.append(i - 1)
            if i + 1 < len(spans) and self._list_gap(text[s.end:spans[i + 1].start]):
                near.append(i + 1)
            out.append(tuple(near))
        return out

    def _continues_list(self, spans, j) -> bool:
        """Is span ``j`` listed on with a name of its own kind ("Pennsylvania and California")?"""
        if j + 1 >= len(spans) or j + 1 not in self._listed[j] or not spans[j].candidates:
            return False
        kind = getattr(spans[j].candidates[0], "kind", "")
        return any(getattr(c, "kind", "") == kind for c in spans[j + 1].candidates[:3])

    def _list_bonus(self, c, kind, best, i) -> float:
        """Names listed together are of one kind: a province among provinces, a country among countries."""
        b = 0.0
        for j in self._listed[i]:
            e, w = best[j]
            if e is None or getattr(e, "kind", "") != kind or getattr(e, "match", "") == "demonym":
                continue
            if kind == kinds.ADMIN1 and getattr(e, "country", None) != getattr(c, "country", None):
                continue
            b = max(b, LIST_WEIGHT * w)
        return b

    def _container_after(self, span, text, spans, i):
        """The span right after ", " (Paris, Texas) or a containment word (Marawi di Mindanao) - a
        possible container of this one."""
        if i + 1 >= len(spans):
            return None
        nxt = spans[i + 1]
        gap = text[span.end:nxt.start].strip()
        if gap in CONTAINER_GAPS or gap.lower() in self.containment_words:
            return nxt
        return None

    # -- the article as a whole -------------------------------------------------------------------
    def _context(self, ranked_all, keys, pairs) -> tuple[Evidence, list]:
        """What the article says, name by name: each distinct name's current best reading, weighted
        by how sure it is (same-name mentions are one voice), and each mention's best reading."""
        entries: dict[str, tuple] = {}
        best = []
        for key, ranked in zip(keys, ranked_all):
            if not ranked:
                best.append((None, 0.0))
                continue
            top, conf, _ = pick(ranked)
            best.append((top, conf))
            if getattr(top, "kind", "") not in kinds.OFFICE and (getattr(top, "population", 0) or 0) < kinds.BIG_TOWN:
                conf *= SMALL_TOWN_VOICE
            prev = entries.get(key)
            if prev is None or conf > prev[1]:
                entries[key] = (top, conf)
        return Evidence(entries, pairs), best


def _ranked(scores: list) -> list[tuple]:
    """Readings best first (a stable sort: equal scores keep the gazetteer's order)."""
    return sorted(scores, key=lambda x: -x[0])


def pick(ranked):
    """The best reading, its confidence (its share of the top readings' softmax) and the ranking."""
    if not ranked:
        return None, 0.0, []
    if len(ranked) == 1:
        return ranked[0][1], 1.0, ranked   # exp(0) / exp(0)
    scores = [s for s, _ in ranked[:CONFIDENCE_OF]]
    top = scores[0]
    z = sum(math.exp(SHARPNESS * (s - top)) for s in scores)
    return ranked[0][1], 1.0 / z, ranked
