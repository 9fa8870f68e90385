"""Make the map geometry: Central Asia and western China, from Natural Earth via world-atlas.

    python scripts/geodata.py [path/to/countries-50m.json]

Without a path it fetches the npm package ``world-atlas`` (npm pack, into a temp dir).
The country outlines are decoded from TopoJSON, clipped to the map's box, projected and
rounded, and written to ``seeds/geo/central-asia.json``, which is committed (the build
needs no network). Natural Earth is public domain; world-atlas is ISC-licensed.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "seeds" / "geo" / "central-asia.json"
BOX = (46.0, 28.0, 112.0, 56.0)  # west, south, east, north (degrees)
WIDTH = 800.0
MID_LATITUDE = 42.0
COUNTRIES = {  # ISO 3166 numeric → key
    "398": "kazakhstan", "417": "kyrgyzstan", "762": "tajikistan", "860": "uzbekistan", "795": "turkmenistan",
    "156": "china", "496": "mongolia", "643": "russia", "004": "afghanistan", "364": "iran", "586": "pakistan",
    "356": "india", "031": "azerbaijan",
}


def fetch_topology() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", "world-atlas@2.0.2", "--silent"], cwd=tmp, check=True, capture_output=True)
        archive = next(Path(tmp).glob("world-atlas-*.tgz"))
        with tarfile.open(archive) as tar:
            return json.load(tar.extractfile("package/countries-50m.json"))


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def clip(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman clipping of a ring to :data:`BOX`."""
    west, south, east, north = BOX
    edges = [
        (lambda p: p[0] >= west, lambda a, b: (west, a[1] + (b[1] - a[1]) * (west - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= east, lambda a, b: (east, a[1] + (b[1] - a[1]) * (east - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= south, lambda a, b: (a[0] + (b[0] - a[0]) * (south - a[1]) / (b[1] - a[1]), south)),
        (lambda p: p[1] <= north, lambda a, b: (a[0] + (b[0] - a[0]) * (north - a[1]) / (b[1] - a[1]), north)),
    ]
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def project(lon: float, lat: float) -> tuple[float, float]:
    west, south, east, north = BOX
    k = WIDTH / ((east - west) * math.cos(math.radians(MID_LATITUDE)))
    return ((lon - west) * math.cos(math.radians(MID_LATITUDE)) * k, (north - lat) * k)


def path_of(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for points in rings:
        projected: list[tuple[float, float]] = []
        for lon, lat in points:
            x, y = project(lon, lat)
            if not projected or abs(x - projected[-1][0]) + abs(y - projected[-1][1]) >= 1.6:
                projected.append((x, y))
        if len(projected) >= 3:
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in projected) + "Z")
    return "".join(parts)


def main() -> int:
    topology = json.loads(Path(sys.argv[1]).read_text()) if len(sys.argv) > 1 else fetch_topology()
    arcs = decode_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        key = COUNTRIES.get(str(geometry.get("id")))
        if not key:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [clip(ring(indexes, arcs)) for polygon in polygons for indexes in polygon]
        path = path_of([points for points in rings if points])
        if path:
            shapes[key] = path
    height = project(BOX[0], BOX[1])[1]
    data = {
        "source": "Natural Earth 1:50m via world-atlas 2.0.2 (countries-50m.json)",
        "licence": "Natural Earth: public domain. world-atlas: ISC licence, © 2013-2019 Michael Bostock.",
        "box": BOX,
        "mid_latitude": MID_LATITUDE,
        "width": WIDTH,
        "height": round(height, 1),
        "countries": dict(sorted(shapes.items())),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(shapes)} countries, {OUT.stat().st_size:,d} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
