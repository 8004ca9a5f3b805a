"""The JSON export: the contract that scoring and other tools read (see README, "JSON export").

`document_to_dict` is the one place where a `Document` becomes plain data; the page, GeoJSON and
CSV outputs are all drawn from this dict so that they can never disagree with each other.
"""
from __future__ import annotations

import csv
import io

from eventmap.model import Document


def document_to_dict(doc: Document) -> dict:
    a = doc.article
    out = {
        "id": a.id,
        "title": a.title,
        "lang": a.lang,
        "published": a.published.isoformat() if a.published else None,
        "anchor": a.anchor.isoformat() if a.anchor else None,
        "anchor_source": a.anchor_source,
        "dates": [m.to_dict() for m in doc.dates],
        "places": [m.to_dict() for m in doc.places],
        "unresolved": [m.to_dict() for m in doc.unresolved],
        "events": [],
        "warnings": list(doc.warnings),
    }
    for e in doc.events:
        w = e.when
        out["events"].append({
            "id": e.id,
            "when": None if w is None else {"value": w.value, "type": w.type, "precision": w.precision,
                                             "qualifier": w.qualifier, "earliest": w.earliest,
                                             "latest": w.latest, "edtf": w.edtf},
            "dates": list(e.date_ids),
            "places": list(e.place_ids),
            "sentence": {"start": e.sentence[0], "end": e.sentence[1]},
            "summary": e.summary,
        })
    return out


def to_geojson(data: dict) -> dict:
    """The places as a GeoJSON FeatureCollection; each feature lists the events it belongs to."""
    features = []
    for i, p in enumerate(data["places"]):
        events = [e["id"] for e in data["events"] if i in e["places"]]
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
                         "properties": {k: v for k, v in p.items() if k not in ("lat", "lon")} | {"events": events}})
    return {"type": "FeatureCollection", "features": features}


def to_csv(data: dict) -> str:
    """One row per event and place (an event without places gets one row), for spreadsheets."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["event", "when", "qualifier", "earliest", "latest", "place", "country", "lat", "lon",
                "sentence_start", "sentence_end", "summary"])
    for e in data["events"]:
        when = e["when"] or {}
        rows = [data["places"][i] for i in e["places"]] or [{}]
        for p in rows:
            w.writerow([e["id"], when.get("value"), when.get("qualifier"), when.get("earliest"), when.get("latest"),
                        p.get("name"), p.get("country"), p.get("lat"), p.get("lon"),
                        e["sentence"]["start"], e["sentence"]["end"], e["summary"]])
    return buf.getvalue()
