"""Which of a geocoder's readings fits the article, and whether it should beat the gazetteer's.

An article is about somewhere: most of its resolved places share a country and lie around a
centroid. A geocoder answers a bare name ("Springfield", "Desa Sukamaju") with candidates from the
whole world, so each candidate is scored by the provider's own order plus how well it fits that
context. In verify mode the offline reading stays unless the online one is clearly better: in the
article's dominant country when the offline one is not, or much closer to the other places. When
in doubt, the offline reading is kept. Thresholds are data (maps/geocoding/data/policy.json).
Distances are maps.geo's, the one great-circle formula of eventmap; the places that say nothing
about where in a country a story is (countries, seas, ...) are maps.kinds.BROAD.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from maps import geo, kinds
from maps.geocoding.policy import policy
from maps.model import Alternative, Place


@dataclass(frozen=True)
class ArticleContext:
    """Where the article's other places are: their dominant country and their centroid."""

    dominant_country: str | None = None
    centroid: tuple[float, float] | None = None

    @classmethod
    def of(cls, places: list[Place]) -> "ArticleContext":
        settings = policy()["context"]
        countries = Counter(p.country for p in places if p.country)
        dominant = None
        if countries:
            country, count = countries.most_common(1)[0]
            if count / sum(countries.values()) >= settings["dominant_country_share"]:
                dominant = country
        points = [p for p in places if p.kind not in kinds.BROAD]
        centroid = _spherical_mean([(p.lat, p.lon) for p in points]) if points else None
        return cls(dominant, centroid)

    def distance_km(self, lat: float, lon: float) -> float | None:
        """How far a point lies from the article's centroid; None when the article has none."""
        return None if self.centroid is None else geo.distance_km(lat, lon, *self.centroid)


def _spherical_mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The mean of points on the sphere (across the date line too), as (lat, lon)."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def fit(lat: float, lon: float, country: str | None, context: ArticleContext) -> float:
    """How well a point fits the article: a bonus for the dominant country, and for nearness."""
    settings = policy()["choice"]
    score = 0.0
    if context.dominant_country and country == context.dominant_country:
        score += settings["country_bonus"]
    distance = context.distance_km(lat, lon)
    if distance is not None:
        score += settings["proximity_bonus"] * max(0.0, 1.0 - distance / settings["proximity_scale_km"])
    return score


def choose(candidates: list[dict], context: ArticleContext,
           kind_hint: str | None = None) -> tuple[dict, float, list[Alternative]]:
    """The best candidate, a confidence (its share of all candidates' scores) and the runner-ups.
    `kind_hint` is the kind the name's own head word promises ("Foo County" -> admin2)."""
    settings = policy()["choice"]

    def score(c: dict) -> float:
        kind = settings["kind_bonus"] if kind_hint and c["kind"] == kind_hint else 0.0
        return 1.0 / (1 + c["rank"]) + fit(c["lat"], c["lon"], c["country"], context) + kind

    scored = sorted(((score(c), c) for c in candidates), key=lambda sc: -sc[0])
    total = sum(s for s, _ in scored) or 1.0
    runners = [Alternative(c["name"], c["country"], round(c["lat"], 5), round(c["lon"], 5), c["kind"], round(s, 3))
               for s, c in scored[1:1 + settings["alternatives"]]]
    return scored[0][1], scored[0][0] / total, runners


def to_place(candidate: dict, provider: str, confidence: float, alternatives: list[Alternative]) -> Place:
    """The chosen candidate as a Place whose source is the provider."""
    bbox = candidate.get("bbox")
    return Place(name=candidate["name"], lat=candidate["lat"], lon=candidate["lon"], kind=candidate["kind"],
                 country=candidate["country"], source=provider, confidence=confidence,
                 bbox=tuple(bbox) if bbox else None, alternatives=alternatives)


def verdict(offline: Place, online: dict, context: ArticleContext) -> tuple[str, float]:
    """("agree" | "replace" | "keep", distance in km between the two readings)."""
    settings = policy()["verify"]
    apart = geo.distance_km(offline.lat, offline.lon, online["lat"], online["lon"])
    if apart <= settings["agree_km"]:
        return "agree", apart
    dominant = context.dominant_country
    if dominant and online["country"] == dominant and offline.country != dominant:
        return "replace", apart
    if dominant and offline.country == dominant and online["country"] != dominant:
        return "keep", apart
    d_off = context.distance_km(offline.lat, offline.lon)
    d_on = context.distance_km(online["lat"], online["lon"])
    if d_off is not None and d_on is not None and d_on < settings["closer_ratio"] * d_off \
            and d_off - d_on > settings["closer_margin_km"]:
        return "replace", apart
    return "keep", apart
