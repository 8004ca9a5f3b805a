"""The kml format: the events at their places, with their time, for Google Earth and GIS tools.

Drawn from the JSON export (`document_to_dict`): one Placemark per event and place, with a TimeStamp
when the event is one day, else a TimeSpan from its earliest to its latest day ("before" has only an
end, "after" and "ongoing" only a beginning), so a time slider plays the story; places no event names
get a Placemark without time. Coordinates are the export's, written lon,lat as KML wants. Written
with ElementTree, so every article string is escaped.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from eventmap.atomic import write_text_atomic
from eventmap.export import document_to_dict
from eventmap.model import Document
from eventmap.outputs import OutputJob

SUFFIX = ".kml"
NS = "http://www.opengis.net/kml/2.2"


def time_element(when: dict | None) -> ET.Element | None:
    """<TimeStamp> for a single day, <TimeSpan> for a longer or open span, None when it has no days."""
    if not when or not when.get("earliest"):
        return None
    early, late, q = when["earliest"], when.get("latest") or when["earliest"], when.get("qualifier")
    if early == late and q not in ("before", "after", "ongoing"):
        stamp = ET.Element("TimeStamp")
        ET.SubElement(stamp, "when").text = early
        return stamp
    span = ET.Element("TimeSpan")
    if q != "before":
        ET.SubElement(span, "begin").text = early
    if q not in ("after", "ongoing"):
        ET.SubElement(span, "end").text = late
    return span


def _placemark(parent: ET.Element, p: dict, name: str, description: str, when: dict | None,
               event: str | None) -> None:
    pm = ET.SubElement(parent, "Placemark")
    ET.SubElement(pm, "name").text = name
    ET.SubElement(pm, "description").text = description
    t = time_element(when)
    if t is not None:
        pm.append(t)
    data = ET.SubElement(pm, "ExtendedData")
    fields = {"event": event, "place": p.get("name"), "text": p.get("text"), "kind": p.get("kind"),
              "country": p.get("country"), "source": p.get("source"), "confidence": p.get("confidence"),
              "when": (when or {}).get("value"), "edtf": (when or {}).get("edtf")}
    for k, v in fields.items():
        if v is not None:
            d = ET.SubElement(data, "Data", name=k)
            ET.SubElement(d, "value").text = str(v)
    point = ET.SubElement(pm, "Point")
    ET.SubElement(point, "coordinates").text = f"{p['lon']},{p['lat']}"


def to_kml(data: dict) -> str:
    """The export as a KML document (text)."""
    ET.register_namespace("", NS)
    kml = ET.Element("kml", xmlns=NS)
    folder = ET.SubElement(kml, "Document")
    ET.SubElement(folder, "name").text = data.get("title") or data.get("id") or "eventmap"
    named = set()
    for e in data["events"]:
        for i in dict.fromkeys(e["places"]):
            p = data["places"][i]
            named.add(i)
            when = e.get("when")
            code = (when or {}).get("edtf") or (when or {}).get("value")
            label = f"{p['name']} · {code}" if code else p["name"]
            _placemark(folder, p, label, e.get("summary", ""), when, e["id"])
    for i, p in enumerate(data["places"]):
        if i not in named:
            _placemark(folder, p, p["name"], p.get("text", ""), None, None)
    ET.indent(kml, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(kml, encoding="unicode") + "\n"


def write(doc: Document, path: Path, job: OutputJob) -> Path:
    return write_text_atomic(path, to_kml(document_to_dict(doc)))
