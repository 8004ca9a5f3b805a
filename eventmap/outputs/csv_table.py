"""The csv format: one row per event and place, for spreadsheets.

Drawn from the JSON export (`document_to_dict`); the header names are the export's field names.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from eventmap.atomic import write_text_atomic
from eventmap.export import document_to_dict
from eventmap.model import Document
from eventmap.outputs import OutputJob

SUFFIX = ".csv"
HEADER = ["event", "when", "qualifier", "earliest", "latest", "place", "country", "lat", "lon",
          "sentence_start", "sentence_end", "summary"]


def to_csv(data: dict) -> str:
    """The events of an export as CSV text (an event without places gets one row)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(HEADER)
    for e in data["events"]:
        when = e["when"] or {}
        rows = [data["places"][i] for i in e["places"]] or [{}]
        for p in rows:
            w.writerow([e["id"], when.get("value"), when.get("qualifier"), when.get("earliest"), when.get("latest"),
                        p.get("name"), p.get("country"), p.get("lat"), p.get("lon"),
                        e["sentence"]["start"], e["sentence"]["end"], e["summary"]])
    return buf.getvalue()


def write(doc: Document, path: Path, job: OutputJob) -> Path:
    return write_text_atomic(path, to_csv(document_to_dict(doc)))
