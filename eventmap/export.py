"""The JSON export: the contract that scoring and other tools read (see README, "JSON export").

`document_to_dict` is the one place where a `Document` becomes plain data. The json, geojson, csv and
kml outputs (eventmap/outputs/) are drawn from this dict, and the page's script reads it from the page's
data block, so that no two of them can disagree. The export is also an input: it carries the article's
text, so that `eventmap render` (eventmap/load_export.py reads it back) can draw every output from a
JSON that a person corrected in the page.
"""
from __future__ import annotations

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
        "text": a.text,
    }
    if doc.corrections:
        out["corrections"] = [dict(c) for c in doc.corrections]
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
        } | ({"source": e.source} if e.source else {}))
    return out
