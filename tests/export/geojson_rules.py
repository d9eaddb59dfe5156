"""RFC 7946 checks for what the exporter writes: FeatureCollections of Point features."""

from __future__ import annotations

from numbers import Real
from typing import Any


def is_number(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def position_errors(position: Any, where: str) -> list[str]:
    """RFC 7946 §3.1.1: [longitude, latitude(, altitude)], numbers, WGS 84 ranges."""
    if not isinstance(position, list) or len(position) not in (2, 3) or not all(map(is_number, position)):
        return [f"{where}: a position is 2 or 3 numbers, got {position!r}"]
    lon, lat = position[0], position[1]
    errors = []
    if not -180 <= lon <= 180:
        errors.append(f"{where}: longitude {lon} out of range (is the order lon, lat?)")
    if not -90 <= lat <= 90:
        errors.append(f"{where}: latitude {lat} out of range (is the order lon, lat?)")
    return errors


def bbox_errors(bbox: Any, where: str) -> list[str]:
    """RFC 7946 §5: 2*n numbers, west/south first; south <= north."""
    if not isinstance(bbox, list) or len(bbox) not in (4, 6) or not all(map(is_number, bbox)):
        return [f"{where}: bbox must be 4 or 6 numbers"]
    half = len(bbox) // 2
    return (
        [] if bbox[1] <= bbox[half + 1] else [f"{where}: bbox south {bbox[1]} above north {bbox[half + 1]}"]
    )


def geometry_errors(geometry: Any, where: str) -> list[str]:
    if geometry is None:
        return []
    if not isinstance(geometry, dict) or geometry.get("type") != "Point":
        return [f"{where}: geometry must be null or a Point, got {geometry!r}"]
    return position_errors(geometry.get("coordinates"), where) + common_errors(geometry, where)


def common_errors(obj: dict[str, Any], where: str) -> list[str]:
    errors = [f"{where}: no 'crs' member in RFC 7946"] if "crs" in obj else []
    return errors + (bbox_errors(obj["bbox"], where) if "bbox" in obj else [])


def feature_errors(feature: Any, where: str) -> list[str]:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return [f"{where}: not a Feature"]
    errors = common_errors(feature, where)
    if "geometry" not in feature or "properties" not in feature:
        errors.append(f"{where}: a Feature has 'geometry' and 'properties' members")
    if not isinstance(feature.get("properties"), dict | None):
        errors.append(f"{where}: properties must be an object or null")
    if "id" in feature and not (isinstance(feature["id"], str) or is_number(feature["id"])):
        errors.append(f"{where}: id must be a string or a number")
    return errors + geometry_errors(feature.get("geometry"), where)


def collection_errors(document: Any) -> list[str]:
    """Every RFC 7946 rule the document breaks (empty when it is valid)."""
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return ["top level: not a FeatureCollection"]
    if not isinstance(document.get("features"), list):
        return ["top level: 'features' must be an array"]
    errors = common_errors(document, "top level")
    for n, feature in enumerate(document["features"]):
        errors += feature_errors(feature, f"feature {n}")
    return errors
