"""Scores of an extraction against gold annotations: the metrics of the project's reference scorer
(../shared/eval/score.py; its README describes them), written here so that users can measure eventmap
on their own annotated news with eventmap alone, and so that the per-document error report
(eventmap/evaluation/findings.py) is drawn from the very pairs that were scored.

Matching is one-to-one: each gold span pairs with at most one predicted span that overlaps it,
largest overlap first (ties: earlier gold span, then earlier predicted span).

Places  recognition P/R/F1 by overlap; acc@161: of the matched gold places with coordinates, the
        share predicted within 161 km; geo P/R/F1: right on overlap AND within 161 km (a gold place
        without coordinates counts on overlap alone); median_km over matched gold places with
        coordinates (a prediction without coordinates counts as half the earth's circumference).
Dates   gold and predictions restricted to TIMEX3 types DATE and TIME (no type means DATE);
        recognition P/R/F1 by overlap; value P/R/F1: overlap AND the value strings equal;
        value_day: the same on the calendar part only ("2013-03-22T14:00" ~ "2013-03-22").
The result has score.py's names and structure: {"documents", "missing_predictions", "places"?,
"dates"?}, a part only when the gold has spans of it. Documents are matched by id, compared as text.
"""
from __future__ import annotations

import math
import statistics
from bisect import bisect_left
from dataclasses import dataclass, field

CALENDAR = ("DATE", "TIME")
WITHIN_KM = 161            # 100 miles, the usual geoparsing threshold
NO_POINT_KM = 20038.0      # the error of a prediction without coordinates: half the earth's circumference
EARTH_RADIUS_KM = 6371.0088


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine, mean earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def point(span: dict) -> tuple[float, float] | None:
    """A span's (lat, lon) when it has a usable one."""
    try:
        lat, lon = float(span["lat"]), float(span["lon"])
    except (KeyError, TypeError, ValueError):
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


def pair(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans, largest overlap first.
    Only predictions that can reach a gold span are compared (sorted starts), so long documents stay fast."""
    order = sorted(range(len(pred)), key=lambda i: pred[i]["start"])
    starts = [pred[i]["start"] for i in order]
    longest = max((p["end"] - p["start"] for p in pred), default=0)
    cands = []
    for gi, g in enumerate(gold):
        for k in range(bisect_left(starts, g["start"] - longest), bisect_left(starts, g["end"])):
            pi = order[k]
            ov = min(g["end"], pred[pi]["end"]) - max(g["start"], pred[pi]["start"])
            if ov > 0:
                cands.append((-ov, gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def calendar_dates(dates: list[dict]) -> list[dict]:
    """The dates that are scored: TIMEX3 types DATE and TIME (no type counts as DATE)."""
    return [d for d in dates if d.get("type", "DATE") in CALENDAR]


def day(value) -> str:
    return str(value or "").split("T")[0]


@dataclass
class DocMatch:
    """One document's spans and how they paired; ``km[gi]`` is the error of a matched gold place with
    coordinates (NO_POINT_KM when the prediction has none)."""

    gold_places: list[dict]
    pred_places: list[dict]
    gold_dates: list[dict]
    pred_dates: list[dict]
    place_pairs: list[tuple[int, int]] = field(default_factory=list)
    date_pairs: list[tuple[int, int]] = field(default_factory=list)
    km: dict[int, float] = field(default_factory=dict)


def match_document(gold: dict, pred: dict | None) -> DocMatch:
    pred = pred or {}
    m = DocMatch(gold.get("places") or [], pred.get("places") or [],
                 calendar_dates(gold.get("dates") or []), calendar_dates(pred.get("dates") or []))
    m.place_pairs = pair(m.gold_places, m.pred_places)
    m.date_pairs = pair(m.gold_dates, m.pred_dates)
    for gi, pi in m.place_pairs:
        g, p = point(m.gold_places[gi]), point(m.pred_places[pi])
        if g is not None:
            m.km[gi] = km(g, p) if p is not None else NO_POINT_KM
    return m


def score(gold_docs: dict[str, dict], pred_docs: dict[str, dict]) -> dict:
    """The metrics of predictions against gold, both keyed by document id."""
    matches = {doc_id: match_document(g, pred_docs.get(doc_id)) for doc_id, g in gold_docs.items()}
    return summarise(matches, sum(doc_id not in pred_docs for doc_id in gold_docs))


def summarise(matches: dict[str, DocMatch], missing: int) -> dict:
    """The metrics from every gold document's match (``missing``: how many had no prediction)."""
    c = dict.fromkeys(("pg", "pp", "ptp", "geo_tp", "res_n", "res_ok", "dg", "dp", "dtp", "vtp", "vdtp"), 0)
    errors: list[float] = []
    for m in matches.values():
        _count(m, c, errors)
    out = {"documents": len(matches), "missing_predictions": missing}
    if c["pg"]:
        out["places"] = {
            "gold": c["pg"], "predicted": c["pp"],
            "recognition": prf(c["ptp"], c["pp"], c["pg"]),
            "acc@161": round(c["res_ok"] / c["res_n"], 4) if c["res_n"] else None,
            "geo": prf(c["geo_tp"], c["pp"], c["pg"]),
            "median_km": round(statistics.median(errors), 1) if errors else None,
        }
    if c["dg"]:
        out["dates"] = {
            "gold": c["dg"], "predicted": c["dp"],
            "recognition": prf(c["dtp"], c["dp"], c["dg"]),
            "value": prf(c["vtp"], c["dp"], c["dg"]),
            "value_day": prf(c["vdtp"], c["dp"], c["dg"]),
        }
    return out


def _count(m: DocMatch, c: dict, errors: list[float]) -> None:
    c["pg"] += len(m.gold_places)
    c["pp"] += len(m.pred_places)
    for gi, _ in m.place_pairs:
        c["ptp"] += 1
        if gi not in m.km:
            c["geo_tp"] += 1     # a gold place without coordinates: right on overlap alone
            continue
        c["res_n"] += 1
        errors.append(m.km[gi])
        if m.km[gi] <= WITHIN_KM:
            c["res_ok"] += 1
            c["geo_tp"] += 1
    c["dg"] += len(m.gold_dates)
    c["dp"] += len(m.pred_dates)
    for gi, pi in m.date_pairs:
        g, p = m.gold_dates[gi].get("value"), m.pred_dates[pi].get("value")
        c["dtp"] += 1
        c["vtp"] += str(p) == str(g)
        c["vdtp"] += day(p) == day(g)
