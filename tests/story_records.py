"""Hand-made batch records for the story tests: the JSON export of a few articles, written here (the
sentences were written for these tests), so that the story page is tested on its own, whatever the
pipeline currently finds."""
from __future__ import annotations

PLACES = {
    "Surabaya": {"name": "Surabaya", "lat": -7.2492, "lon": 112.7508, "kind": "city", "country": "ID"},
    "Medan": {"name": "Medan", "lat": 3.5833, "lon": 98.6667, "kind": "city", "country": "ID"},
    "Lisbon": {"name": "Lisbon", "lat": 38.7167, "lon": -9.1333, "kind": "city", "country": "PT"},
    "Makassar": {"name": "Makassar", "lat": -5.1463, "lon": 119.4386, "kind": "city", "country": "ID"},
    "Indonesia": {"name": "Indonesia", "lat": -5.0, "lon": 120.0, "kind": "country", "country": "ID"},
}


def day(iso: str) -> dict:
    return {"value": iso, "type": "DATE", "precision": "day", "qualifier": None, "earliest": iso, "latest": iso,
            "edtf": iso}


def record(n: int, ident: str, lang: str, origin: str, events: list, url: str | None = None,
           title: str = "", page: str | None = None) -> dict:
    """events: [(summary, when or None, [place names])]."""
    places, out = [], []
    for k, (summary, when, names) in enumerate(events, 1):
        ids = []
        for name in names:
            places.append(dict(PLACES[name], text=name, start=0, end=len(name)))
            ids.append(len(places) - 1)
        out.append({"id": f"e{k}", "when": when, "dates": [], "places": ids, "sentence": {"start": 0, "end": 1},
                    "summary": summary})
    doc = {"id": ident, "title": title, "lang": lang, "published": None, "anchor": None, "anchor_source": None,
           "dates": [], "places": places, "unresolved": [], "events": out, "warnings": []}
    return {"key": f"wire.jsonl:{n}", "digest": "x", "id": ident, "origin": origin, "url": url, "title": title,
            "page": {"file": page, "tiles": False} if page else None, "doc": doc}


FLOOD_EN = "Floodwater closed the main market of Surabaya on Sunday, traders said."
FLOOD_EN_RETOLD = "Traders said floodwater closed Surabaya's main market on Sunday."
FLOOD_ID = "Banjir merendam pasar induk kota itu sejak pagi."


def story_records() -> list[dict]:
    """Four articles: three tell of one flood (two in English, one in Indonesian); the others do not."""
    return [
        record(1, "a", "en", "Harbour Weekly", url="https://news.example.org/a", title="Market flooded",
               events=[(FLOOD_EN, day("2023-03-05"), ["Surabaya"]),
                       ("A new ferry line to Medan opened in April.", day("2023-04-10"), ["Medan"])]),
        record(2, "b", "en", "Coast Radio", title="Rain stops trade",
               events=[(FLOOD_EN_RETOLD, day("2023-03-05"), ["Surabaya", "Indonesia"])]),
        record(3, "c", "id", "Kabar Pesisir", url="https://kabar.example.org/c", title="Pasar terendam",
               events=[(FLOOD_ID, day("2023-03-05"), ["Surabaya"]),
                       ("Pelabuhan Makassar akan diperluas.", None, ["Makassar"])]),
        record(4, "d", "en", "Harbour Weekly", title="Lisbon trams <script>window.__pwned=1</script>",
               page="pages/d-123456.html",
               events=[("Trams returned to Lisbon's hills <img src=x onerror=window.__pwned=2>.", day("2022-01-02"),
                        ["Lisbon"])]),
    ]
