"""Build eventmap/page/assets/countries-50m.json: each country's outline, keyed by ISO 3166-1 alpha-2.

Why: a country named in an article is drawn on the map as its outline, not as a pin that looks as
precise as a street. The page embeds only the outlines of the countries its article names, so the
whole set lives in the package and each page carries a few kilobytes of it.

Source: Natural Earth 1:50m admin-0 countries (public domain), as TopoJSON in the npm package
`world-atlas` (ISC licence, Mike Bostock). 1:50m rather than the basemap's 1:110m because 1:110m
leaves out small countries (Singapore, Bahrain, Palestine's West Bank is coarse). Re-run after updating
world-atlas:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz -C /tmp/npm
    python tools/make_country_outlines.py /tmp/npm/package/countries-50m.json

An outline is drawn at the zoom where the whole country fits, so each is simplified relative to its
own size: Douglas-Peucker with a tolerance of 1/500 of the country's extent (at least 0.02 degrees),
islets smaller than (extent/150)^2 dropped unless they are all a country has, coordinates rounded to 2
decimals. On a 1000-pixel map that is under a pixel of error; Russia shrinks from 160 KB to about 20 KB. Features are matched to
ISO alpha-2 codes by their ISO numeric id (pycountry, a build-time tool only); the three Natural Earth
features without an ISO number take the codes news and GeoNames use (Kosovo XK) or are left out.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_land_outline import decode_arcs, planar, ring, write_text_atomic  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "eventmap" / "page" / "assets" / "countries-50m.json"
ATTRIBUTION = ("Country outlines: Natural Earth 1:50m admin-0 (public domain, naturalearthdata.com), "
               "via the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock).")
NO_NUMBER = {"Kosovo": "XK"}  # Natural Earth features without an ISO numeric id


def alpha2(geom: dict) -> str | None:
    import pycountry

    num = geom.get("id")
    if num is None:
        return NO_NUMBER.get((geom.get("properties") or {}).get("name"))
    c = pycountry.countries.get(numeric=str(num).zfill(3))
    return c.alpha_2 if c else None


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker: keep the points farther than `tolerance` from the line between kept ones."""
    if len(points) < 5:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, far = -1.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best:
                best, far = d, i
        if best > tolerance:
            keep[far] = True
            stack += [(a, far), (far, b)]
    out = [p for p, k in zip(points, keep) if k]
    return out if len(out) >= 4 else points


def area(r: list[list[float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(r, r[1:]))) / 2


def outlines(topo: dict, digits: int) -> dict[str, list]:
    """ISO alpha-2 -> MultiPolygon coordinates ([lon, lat], planar across the antimeridian)."""
    arcs = decode_arcs(topo)
    out: dict[str, list] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        code = alpha2(geom)
        if code is None or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        parts = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        raw = [[r for r in (ring(arcs, idx, 6) for idx in poly) if len(r) >= 4] for poly in parts]
        extent = _extent([r for poly in raw for r in poly])
        tol = max(0.02, extent / 500)
        polygons = out.setdefault(code, [])
        for rings in raw:
            rings = [simplify(r, tol) for r in rings]
            if rings and area(rings[0]) >= (extent / 150) ** 2:
                polygons.extend(planar(rings))
            elif rings:
                polygons.append(None)  # an islet, kept only if the country has nothing else
                polygons.extend(planar(rings))
    return {k: _rounded(_big(v), digits) for k, v in sorted(out.items()) if v}


def _extent(rings: list) -> float:
    xs = [x for r in rings for x, _ in r]
    ys = [y for r in rings for _, y in r]
    return max(max(xs) - min(xs), max(ys) - min(ys)) if xs else 0.0


def _big(polygons: list) -> list:
    """The polygons that are not islets (each islet follows a None); the islets when that is all."""
    big, islet = [], False
    for p in polygons:
        if p is None:
            islet = True
            continue
        if not islet:
            big.append(p)
        islet = False
    return big or [p for p in polygons if p is not None]


def _rounded(polygons: list, digits: int) -> list:
    out = []
    for poly in polygons:
        rings = []
        for r in poly:
            pts: list[list[float]] = []
            for x, y in r:
                p = [round(x, digits), round(y, digits)]
                if not pts or pts[-1] != p:
                    pts.append(p)
            if len(pts) >= 4:
                rings.append(pts)
        if rings:
            out.append(rings)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("topojson", help="world-atlas countries-50m.json")
    p.add_argument("-o", "--output", default=str(OUT))
    p.add_argument("--digits", type=int, default=2)
    args = p.parse_args(argv)
    try:
        topo = json.loads(Path(args.topojson).read_text(encoding="utf-8"))
        shapes = outlines(topo, args.digits)
    except (OSError, ValueError, KeyError) as exc:
        print(f"make_country_outlines: cannot read {args.topojson}: {exc}", file=sys.stderr)
        return 2
    # each outline as a JSON string of its own: a page decodes only the few it draws
    packed = {k: json.dumps(v, separators=(",", ":")) for k, v in shapes.items()}
    text = json.dumps({"attribution": ATTRIBUTION, "countries": packed}, separators=(",", ":"))
    out = write_text_atomic(args.output, text + "\n")
    print(f"wrote {out} ({len(text)} bytes, {len(shapes)} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
