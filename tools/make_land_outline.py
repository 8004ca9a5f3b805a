"""Build eventmap/page/assets/land-110m.geojson, the offline basemap drawn under the map tiles.

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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from eventmap.atomic import write_text_atomic  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "eventmap" / "page" / "assets" / "land-110m.geojson"
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


def unwrap(r: list[list[float]]) -> tuple[list[list[float]], int]:
    """Make longitudes continuous across the antimeridian (179 -> -179 becomes 179 -> 181).

    Returns the ring and how many whole turns it makes around the globe: 0 for ordinary land,
    +-1 for a ring around a pole (Antarctica), which TopoJSON leaves open at the date line."""
    out, shift = [list(r[0])], 0.0
    for (x0, _), (x1, y1) in zip(r, r[1:]):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append([round(x1 + shift, 6), y1])
    return out, round(shift / 360)


def planar(rings: list[list[list[float]]]) -> list[list[list[list[float]]]]:
    """A spherical polygon as flat polygons Leaflet can draw without lines across the whole map.

    Rings crossing the antimeridian are unwrapped and also drawn shifted by 360 degrees, so both
    sides of the date line show; a ring around a pole is closed along the pole's edge."""
    fixed = []
    for r in rings:
        u, turns = unwrap(r)
        if turns:
            pole = -90.0 if sum(y for _, y in u) < 0 else 90.0
            end = u[-1][0]
            u = u[:-1] + [[end, u[-1][1]], [end, pole], [u[0][0], pole], list(u[0])]
        else:  # bring the ring's middle back into -180..180, so a polygon's holes line up with it
            k = round(sum(x for x, _ in u) / len(u) / 360)
            u = [[round(x - 360 * k, 6), y] for x, y in u]
        fixed.append(u)
    lo = min(x for x, _ in fixed[0])
    hi = max(x for x, _ in fixed[0])
    out = [fixed]
    for shift, needed in ((360, lo < -180), (-360, hi > 180)):
        if needed:
            out.append([[[round(x + shift, 6), y] for x, y in r] for r in fixed])
    return out


def to_geojson(topo: dict, name: str, digits: int) -> dict:
    arcs = decode_arcs(topo)
    polygons = []
    for geom in topo["objects"][name]["geometries"]:
        parts = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        for poly in parts:
            rings = [r for r in (ring(arcs, idx, digits) for idx in poly) if len(r) >= 4]
            if rings:
                polygons.extend(planar(rings))
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
    out = write_text_atomic(args.output, text + "\n")
    n = sum(len(r) for poly in feature["geometry"]["coordinates"] for r in poly)
    print(f"wrote {out} ({len(text)} bytes, {len(feature['geometry']['coordinates'])} polygons, {n} points)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
