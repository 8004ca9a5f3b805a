"""The geojson format: the resolved places as a GeoJSON FeatureCollection, for GIS tools.

Drawn from the JSON export (`document_to_dict`), so a feature's properties are the export's place
fields under the same names, plus the ids of the events that name the place.
"""
from __future__ import annotations

import json
from pathlib import Path

from eventmap.atomic import write_text_atomic
from eventmap.export import document_to_dict
from eventmap.model import Document
from eventmap.outputs import OutputJob

SUFFIX = ".geojson"


def to_geojson(data: dict) -> dict:
    """The places of an export as a FeatureCollection; each feature lists the events it belongs to."""
    features = []
    for i, p in enumerate(data["places"]):
        events = [e["id"] for e in data["events"] if i in e["places"]]
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
                         "properties": {k: v for k, v in p.items() if k not in ("lat", "lon")} | {"events": events}})
    return {"type": "FeatureCollection", "features": features}


def write(doc: Document, path: Path, job: OutputJob) -> Path:
    return write_text_atomic(path, json.dumps(to_geojson(document_to_dict(doc)), ensure_ascii=False) + "\n")
