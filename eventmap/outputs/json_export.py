"""The json format: the JSON export, the contract that scoring and other tools read (eventmap/export.py)."""
from __future__ import annotations

import json
from pathlib import Path

from eventmap.atomic import write_text_atomic
from eventmap.export import document_to_dict
from eventmap.model import Document
from eventmap.outputs import OutputJob

SUFFIX = ".json"


def to_json(doc: Document, indent: int | None = 1) -> str:
    """The export as text: indented for a file of its own, one line (indent=None) for a JSONL corpus."""
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=indent)


def write(doc: Document, path: Path, job: OutputJob) -> Path:
    return write_text_atomic(path, to_json(doc) + "\n")
