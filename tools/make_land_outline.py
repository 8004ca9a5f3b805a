"""Build eventmap/assets/land-110m.geojson, the offline basemap drawn under the map tiles.

Why: with no network the page still needs a recognisable world; Natural Earth's 1:110m land outline
(public domain) is small enough to inline in every page. The npm package `world-atlas` ships it as
TopoJSON; this script decodes that once into plain GeoJSON with rounded coordinates so that the page
needs no TopoJSON client. Re-run it after updating world-atlas:

    npm pack world-atlas && tar xzf world-atlas-*.tgz -C /tmp/npm
    python tools/make_land_outline.py /tmp/npm/package/land-110m.json

Coordinates are rounded to 2 decimals (about 1 km), far below what 1:110m can show.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "eventmap" / "assets" / "land-110m.geojson"
ATTRIBUTION = ("Land outline: Natural Earth 1:110m (public domain, naturalearthdata.com), "
               "via the npm package world-atlas (ISC licence, Mike Bostock).")


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded integers; undo the deltas and the quantisation transform."""
    t = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            if t:
                x += dx
                y += dy
                pts.append((x * t["scale"][0] + t["translate"][0], y * t["scale"][1] + t["translate"][1]))
            else:
                pts.append((dx, dy))
        arcs.append(pts)
    return arcs


def ring(arcs: list, indexes: list[int], digits: int) -> list[list[float]]:
    """Join arcs into one closed ring; a negative index ~i means arc i walked backwards."""
    out: list[list[float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        for k, (x, y) in enumerate(pts):
            if out and k == 0:
                continue  # shared with the previous arc's last point
            p = [round(x, digits), round(y, digits)]
            if not out or out[-1] != p:
                out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def to_geojson(topo: dict, name: str, digits: int) -> dict:
    arcs = decode_arcs(topo)
    polygons = []
    for geom in topo["objects"][name]["geometries"]:
        parts = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for poly in parts:
            rings = [r for r in (ring(arcs, idx, digits) for idx in poly) if len(r) >= 4]
            if rings:
                polygons.append(rings)
    return {"type": "Feature", "properties": {"attribution": ATTRIBUTION},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons}}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("topojson", help="world-atlas land-110m.json")
    p.add_argument("-o", "--output", default=str(OUT))
    p.add_argument("--digits", type=int, default=2)
    args = p.parse_args(argv)
    try:
        topo = json.loads(Path(args.topojson).read_text(encoding="utf-8"))
        feature = to_geojson(topo, "land", args.digits)
    except (OSError, ValueError, KeyError) as exc:
        print(f"make_land_outline: cannot read {args.topojson}: {exc}", file=sys.stderr)
        return 2
    text = json.dumps(feature, separators=(",", ":"))
    out = Path(args.output)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(out)
    n = sum(len(r) for poly in feature["geometry"]["coordinates"] for r in poly)
    print(f"wrote {out} ({len(text)} bytes, {len(feature['geometry']['coordinates'])} polygons, {n} points)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
